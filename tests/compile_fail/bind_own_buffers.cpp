// SPDX-License-Identifier: Apache-2.0
// Binding a caller's buffer on an executor that holds its own (the default OwnBuffers).
#include "kws_model.hpp"

alignas(16) std::int8_t samples[490];

aot::Status call() {
#ifdef AOT_TWIN
  static aot::AotExecutor<kws, 64, aot::BindableBuffers> exec;
#else
  static aot::AotExecutor<kws> exec;
#endif
  return exec.bind_input<kws::input_1>(samples);
}
