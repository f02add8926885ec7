// SPDX-License-Identifier: Apache-2.0
// 2^61 doubles: the element count fits in std::size_t, its 2^64 bytes wrap to 0.
#include "bad_model.hpp"

struct bad : bad_base {
#ifdef AOT_TWIN
  using x = tensor_named_x<double, 4>;
#else
  using x = tensor_named_x<double, 2305843009213693952>;
#endif
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
