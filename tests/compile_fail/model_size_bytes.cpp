// SPDX-License-Identifier: Apache-2.0
#include "bad_model.hpp"

struct bad : bad_base {
  struct x : aot::TensorSpec<float, 2, 3> {
    static constexpr std::string_view raw_name = "x";
#ifdef AOT_TWIN
    static constexpr std::size_t size_bytes = 24;
#else
    static constexpr std::size_t size_bytes = 6;  // elements, not bytes
#endif
  };
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
