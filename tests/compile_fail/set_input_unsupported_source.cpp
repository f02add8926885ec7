// SPDX-License-Identifier: Apache-2.0
#include "kws_model.hpp"

void call(aot::AotExecutor<kws>& exec, const std::int8_t* samples) {
#ifdef AOT_TWIN
  (void)exec.set_input<kws::input_1>(aot::Span<const std::int8_t>(samples, 490));
#else
  exec.set_input<kws::input_1>(samples);
#endif
}
