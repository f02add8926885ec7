// SPDX-License-Identifier: Apache-2.0
#pragma once
// A keyword-spotting-shaped model for the compile-fail tests: int8[1,49,10,1] in, int8[1,12]
// out. Only declared: these tests compile, they never link.

#include <aot/aot.hpp>

#include <cstdint>
#include <string_view>

extern "C" {
struct tvmgen_kws_inputs {
  void* input_1;
};
struct tvmgen_kws_outputs {
  void* Identity;
};
std::int32_t tvmgen_kws_run(tvmgen_kws_inputs* inputs, tvmgen_kws_outputs* outputs);
}

struct kws {
  static constexpr std::string_view name = "kws";
  struct input_1 : aot::TensorSpec<std::int8_t, 1, 49, 10, 1> {
    static constexpr std::string_view raw_name = "input_1";
  };
  struct Identity : aot::TensorSpec<std::int8_t, 1, 12> {
    static constexpr std::string_view raw_name = "Identity";
  };
  using inputs = aot::TensorList<input_1>;
  using outputs = aot::TensorList<Identity>;
  static constexpr aot::Convention convention = aot::Convention::kCInterface;
  using c_inputs = tvmgen_kws_inputs;
  using c_outputs = tvmgen_kws_outputs;
  static constexpr auto entry = &tvmgen_kws_run;
};
