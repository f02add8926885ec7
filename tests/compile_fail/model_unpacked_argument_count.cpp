// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct bad : bad_base {
  using x = tensor_named_x<float, 4>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &tvmgen_bad___tvm_main__;
#ifdef AOT_TWIN
  using inputs = aot::TensorList<x, y>;
#else
  using inputs = aot::TensorList<x>;
#endif
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
