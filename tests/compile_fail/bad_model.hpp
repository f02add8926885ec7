// SPDX-License-Identifier: Apache-2.0
#pragma once
// Generated-code declarations for the malformed-description tests; each test writes its own
// description of them, right (AOT_TWIN) or wrong.

#include <aot/aot.hpp>

#include <cstdint>
#include <string_view>

extern "C" {
struct tvmgen_bad_inputs {
  void* x;
  void* y;
};
struct tvmgen_bad_outputs {
  void* out;
};
std::int32_t tvmgen_bad_run(tvmgen_bad_inputs* inputs, tvmgen_bad_outputs* outputs);
std::int32_t tvmgen_bad___tvm_main__(void* x, void* y, void* out);
}

/// The parts of a description most tests keep as they are.
struct bad_base {
  static constexpr std::string_view name = "bad";
  static constexpr aot::Convention convention = aot::Convention::kCInterface;
  using c_inputs = tvmgen_bad_inputs;
  using c_outputs = tvmgen_bad_outputs;
  static constexpr auto entry = &tvmgen_bad_run;
};

template <class T, std::int64_t... Dims>
struct tensor_named_x : aot::TensorSpec<T, Dims...> {
  static constexpr std::string_view raw_name = "x";
};
struct y : aot::TensorSpec<float, 4> {
  static constexpr std::string_view raw_name = "y";
};
struct out : aot::TensorSpec<float, 4> {
  static constexpr std::string_view raw_name = "out";
};
