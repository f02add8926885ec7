// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct Rgb {
  unsigned char r, g, b;
};

struct bad : bad_base {
#ifdef AOT_TWIN
  using x = tensor_named_x<std::uint8_t, 4>;
#else
  using x = tensor_named_x<Rgb, 4>;
#endif
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
