// SPDX-License-Identifier: Apache-2.0
// A CallerBuffers executor has no buffer of its own to hand out.
#include "kws_model.hpp"

std::size_t call() {
#ifdef AOT_TWIN
  static aot::AotExecutor<kws, 64, aot::BindableBuffers> exec;
#else
  static aot::AotExecutor<kws, 64, aot::CallerBuffers> exec;
#endif
  return sizeof(exec.input_buffer<kws::input_1>());
}
