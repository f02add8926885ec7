// SPDX-License-Identifier: Apache-2.0
#include <array>

#include "kws_model.hpp"

void call(aot::AotExecutor<kws>& exec) {
#ifdef AOT_TWIN
  exec.set_input<aot::find_input<kws>("input:1")>(std::array<std::int8_t, 490>{});
#else
  exec.set_input<aot::find_input<kws>("input_2")>(std::array<std::int8_t, 490>{});
#endif
}
