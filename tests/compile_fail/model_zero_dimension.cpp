// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct bad : bad_base {
#ifdef AOT_TWIN
  using x = tensor_named_x<float, 1, 4>;
#else
  using x = tensor_named_x<float, 1, 0>;
#endif
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
