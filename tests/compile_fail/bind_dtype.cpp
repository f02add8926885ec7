// SPDX-License-Identifier: Apache-2.0
// Binding a buffer of the wrong element type: int8 input, float buffer.
#include "kws_model.hpp"

#ifdef AOT_TWIN
alignas(16) std::int8_t samples[490];
#else
alignas(16) float samples[490];
#endif

aot::Status call() {
  static aot::AotExecutor<kws, 64, aot::BindableBuffers> exec;
  return exec.bind_input<kws::input_1>(samples);
}
