// SPDX-License-Identifier: Apache-2.0
// An unpacked entry whose parameter type does not hold its tensor's elements: an int8 input
// passed as float* would compute garbage.
#include "bad_model.hpp"

extern "C" {
#ifdef AOT_TWIN
std::int32_t tvmgen_bad_typed(std::int8_t* x, float* y, float* out);
#else
std::int32_t tvmgen_bad_typed(float* x, float* y, float* out);
#endif
}

struct bad : bad_base {
  using x = tensor_named_x<std::int8_t, 4>;
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &tvmgen_bad_typed;
};

aot::AotExecutor<bad> exec;
