// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct bad : bad_base {
  struct x : aot::TensorSpec<float, 4> {
    static constexpr std::string_view raw_name = "serving_default_x:0";
#ifdef AOT_TWIN
    static constexpr std::string_view name = "serving_default_x_0";
#else
    static constexpr std::string_view name = "serving_default_x0";
#endif
  };
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
