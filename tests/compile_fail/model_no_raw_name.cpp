// SPDX-License-Identifier: Apache-2.0
// A tensor description without raw_name: one message, not the compiler's view of the traits.
#include "bad_model.hpp"

struct nameless : aot::TensorSpec<float, 4> {
#ifdef AOT_TWIN
  static constexpr std::string_view raw_name = "x";
#endif
};

struct bad : bad_base {
  using inputs = aot::TensorList<nameless, y>;
  using outputs = aot::TensorList<out>;
};

aot::AotExecutor<bad> exec;
