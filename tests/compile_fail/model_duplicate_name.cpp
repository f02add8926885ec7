// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct bad : bad_base {
  using x = tensor_named_x<float, 4>;
  struct y_colon : aot::TensorSpec<float, 4> {
#ifdef AOT_TWIN
    static constexpr std::string_view raw_name = "y:0";
#else
    static constexpr std::string_view raw_name = "x";
#endif
  };
  using inputs = aot::TensorList<x, y_colon>;
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
