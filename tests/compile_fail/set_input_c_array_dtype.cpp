// SPDX-License-Identifier: Apache-2.0
#include "kws_model.hpp"

void call(aot::AotExecutor<kws>& exec) {
#ifdef AOT_TWIN
  const std::int8_t samples[49][10] = {};
#else
  const std::uint8_t samples[49][10] = {};
#endif
  exec.set_input<0>(samples);
}
