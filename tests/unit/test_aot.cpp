// SPDX-License-Identifier: Apache-2.0
// The umbrella header brings the whole core, and DLPack views when DLPack is installed.
#include <aot/aot.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>

#include "seed_model.hpp"

TEST_CASE("the design's tour compiles and runs through the umbrella header") {
  static aot::AotExecutor<seed> exec;
  exec.set_input<seed::a>(std::array<std::uint8_t, 2>{1, 2});
  std::uint8_t b[2] = {3, 5};
  exec.set_input<1>(b);
  const aot::Status s = exec.run();
  REQUIRE(s);
  const auto out = exec.get_output<0>();
  REQUIRE(out(0, 1) == 7);
  const DLTensor view = *exec.get_output(0);
  REQUIRE(view.data == out.data());
  REQUIRE(exec.get_num_inputs() == 2);
  REQUIRE(*exec.get_input_index("b") == 1);
}
