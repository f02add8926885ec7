// SPDX-License-Identifier: Apache-2.0
// F09: 274177 x 67280421310721 is 2^64 + 1 elements; multiplied naively in std::size_t it
// wraps to a one-byte tensor that every other check accepts.
#include "bad_model.hpp"

struct bad : bad_base {
#ifdef AOT_TWIN
  using x = tensor_named_x<std::uint8_t, 274177, 4>;
#else
  using x = tensor_named_x<std::uint8_t, 274177, 67280421310721>;
#endif
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
