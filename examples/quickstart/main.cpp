// SPDX-License-Identifier: Apache-2.0
// The seed model (out = a + b, uint8[1,2]) end to end: fill, run, read.
#include <aot/aot.hpp>
#include <aot/fmt.hpp>

#include <array>
#include <cstdint>

#include "seed_model.hpp"  // the model description: tensors, shapes, dtypes, entry function

// Every buffer inside, statically sized and 64-byte aligned: this lands in .bss.
static aot::AotExecutor<seed> exec;

int main() {
  exec.set_input<seed::a>(std::array<std::uint8_t, 2>{1, 2});  // by tag
  exec.set_input<1>(std::array<std::uint8_t, 2>{3, 5});        // by index

  if (const aot::Status s = exec.run(); !s) {
    fmt::print(stderr, "run failed: {}\n", s);
    return 1;
  }

  const auto out = exec.get_output<seed::output>();  // typed, shaped, read-only view
  fmt::print("a = [1, 2], b = [3, 5]\n");
  fmt::print("output = {}\n", out);

  // Known at compile time: what the model needs and what the executor occupies. Internal
  // pools are the generated code's own (this model has none); all but constants is RAM.
  constexpr aot::MemoryReport mem = decltype(exec)::memory();
  fmt::print(
      "memory: inputs {} B, outputs {} B, workspace {} B, pools {} B, internal pools {} B "
      "({} B constants), total {} B\n",
      mem.inputs, mem.outputs, mem.workspace, mem.pools, mem.internal_pools, mem.internal_constants,
      mem.total);
  fmt::print("executor object: {} B (each buffer on its own 64-byte line)\n", mem.executor);
  return 0;
}
