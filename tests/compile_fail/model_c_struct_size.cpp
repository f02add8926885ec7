// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct bad : bad_base {
  using x = tensor_named_x<float, 4>;
  struct z : aot::TensorSpec<float, 4> {
    static constexpr std::string_view raw_name = "z";
  };
#ifdef AOT_TWIN
  using inputs = aot::TensorList<x, y>;
#else
  using inputs = aot::TensorList<x, y, z>;
#endif
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
