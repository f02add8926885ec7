// SPDX-License-Identifier: Apache-2.0
#pragma once
// The seed fixture (out = a + b, uint8[1,2]) described with quantization parameters, per axis
// on `a` (one scale and zero point per column) and per tensor on `output`, and a target: what
// the Python module shows of them and how it quantizes.

#include <aot/model.hpp>

#include <array>
#include <cstdint>
#include <string_view>

#include "seed_model.hpp"

struct seed_axis {
  static constexpr std::string_view name = "default";
  static constexpr std::string_view target = "c -keys=cpu";

  struct a : seed::a {
    static constexpr std::array<float, 2> scales{{0.5f, 0.25f}};
    static constexpr std::array<std::int32_t, 2> zero_points{{10, 0}};
    static constexpr int quant_axis = 1;
  };
  using b = seed::b;
  struct output : seed::output {
    static constexpr float scale = 0.125f;
    static constexpr std::int32_t zero_point = 3;
  };

  using inputs = aot::TensorList<a, b>;
  using outputs = aot::TensorList<output>;
  static constexpr std::size_t workspace_size = seed::workspace_size;

  static constexpr aot::Convention convention = aot::Convention::kCInterface;
  using c_inputs = seed::c_inputs;
  using c_outputs = seed::c_outputs;
  static constexpr auto entry = seed::entry;
};
