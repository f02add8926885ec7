// SPDX-License-Identifier: Apache-2.0
// A model built by aot_add_model from a TVM Model Library Format archive.
#include <fmt/ranges.h>
#include <aot/aot.hpp>
#include <aot/fmt.hpp>

#include <array>
#include <cstdint>

#include "detector.hpp"  // generated: struct detector, checked against tvmgen_v012.h

static aot::AotExecutor<detector> exec;

int main() {
  // The source model's raw name works at compile time and at run time.
  constexpr std::size_t in = aot::find_input<detector>("serving_default_x:0");
  exec.set_input<in>(std::array<std::uint8_t, 5>{0, 1, 100, 200, 255});

  if (const aot::Status s = exec.run(); !s) {
    fmt::print(stderr, "run failed: {}\n", s);
    return 1;
  }
  const auto out = exec.get_output<detector::StatefulPartitionedCall_0>();
  fmt::print("{} {} = {}\n", detector::StatefulPartitionedCall_0::raw_name, out.shape(), out);
  return 0;
}
