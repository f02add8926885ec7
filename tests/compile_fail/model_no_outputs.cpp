// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct bad : bad_base {
  using x = tensor_named_x<float, 4>;
  using inputs = aot::TensorList<x, y>;
#ifdef AOT_TWIN
  using outputs = aot::TensorList<out>;
#else
  using outputs = aot::TensorList<>;
#endif
};

aot::AotExecutor<bad> exec;
