// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct bad : bad_base {
  using x = tensor_named_x<float, 4>;
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
  static constexpr std::size_t workspace_size = 2048;
  static constexpr bool uses_backend_workspace = true;
#ifdef AOT_TWIN
  static constexpr std::size_t workspace_alignment = 8;
#else
  static constexpr std::size_t workspace_alignment = 24;
#endif
};

aot::AotExecutor<bad> exec;
