// overhead_aot <inferences> <model>: set_input, run, read an output, through AotExecutor.
// Instruction counts against overhead_c (the same work in plain C) show the executor's cost.
#include <aot/executor.hpp>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "arena_model.hpp"
#include "extpool_model.hpp"
#include "mixed_model.hpp"
#include "seed_model.hpp"

namespace {

aot::AotExecutor<seed> seed_exec;
aot::AotExecutor<extpool> extpool_exec;
aot::AotExecutor<mixed> mixed_exec;
aot::AotExecutor<arena> arena_exec;

volatile std::int64_t sink;

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  const long n = std::strtol(argv[1], nullptr, 10);
  if (std::strcmp(argv[2], "seed") == 0) {
    std::uint8_t a[2] = {1, 2}, b[2] = {3, 4};
    for (long i = 0; i < n; ++i) {
      a[0] = static_cast<std::uint8_t>(i);
      seed_exec.set_input<0>(a);
      seed_exec.set_input<1>(b);
      if (!seed_exec.run()) return 1;
      sink = sink + seed_exec.get_output<0>()[0];
    }
  } else if (std::strcmp(argv[2], "extpool") == 0) {
    std::int32_t x[64] = {};
    for (long i = 0; i < n; ++i) {
      x[0] = static_cast<std::int32_t>(i);
      extpool_exec.set_input<0>(x);
      if (!extpool_exec.run()) return 1;
      sink = sink + extpool_exec.get_output<0>()[0];
    }
  } else if (std::strcmp(argv[2], "mixed") == 0) {
    float x[6] = {};
    std::int8_t y[4] = {};
    for (long i = 0; i < n; ++i) {
      y[0] = static_cast<std::int8_t>(i);
      mixed_exec.set_input<0>(x);
      mixed_exec.set_input<1>(y);
      if (!mixed_exec.run()) return 1;
      sink = sink + mixed_exec.get_output<2>()[0];
    }
  } else if (std::strcmp(argv[2], "arena") == 0) {
    std::int32_t x[256] = {};
    for (long i = 0; i < n; ++i) {
      x[0] = static_cast<std::int32_t>(i);
      arena_exec.set_input<0>(x);
      if (!arena_exec.run()) return 1;
      sink = sink + arena_exec.get_output<0>()[0];
    }
  } else {
    return 2;
  }
  return 0;
}
