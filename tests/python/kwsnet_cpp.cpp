// SPDX-License-Identifier: Apache-2.0
// kwsnet through the C++ API, for the Python module to equal: reads inputs of 490 int8 from
// stdin, one after another, and writes each run's 12 int8 outputs to stdout.
#include <aot/aot.hpp>

#include <array>
#include <cstdint>
#include <cstdio>

#include "kwsnet_model.hpp"

static aot::AotExecutor<kwsnet> exec;

int main() {
  std::array<std::int8_t, 490> x{};
  while (std::fread(x.data(), 1, x.size(), stdin) == x.size()) {
    if (!exec.set_input<kwsnet::input_1>(x)) return 1;
    if (const aot::Status s = exec.run(); !s) {
      std::fprintf(stderr, "kwsnet: %s\n", s.to_string().c_str());
      return 1;
    }
    const auto y = exec.get_output<kwsnet::Identity>();
    if (std::fwrite(y.data(), 1, y.size(), stdout) != y.size()) return 1;
  }
  return 0;
}
