// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct bad : bad_base {
  using x = tensor_named_x<float, 4>;
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
#ifndef AOT_TWIN
  static constexpr aot::Convention convention = aot::Convention::kPacked;
#endif
};

aot::AotExecutor<bad> exec;
