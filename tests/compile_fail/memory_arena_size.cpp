// SPDX-License-Identifier: Apache-2.0
// An arena array smaller than the model's workspace.
#include "memory_models.hpp"

#ifdef AOT_TWIN
alignas(16) std::uint8_t arena[4096];
#else
alignas(16) std::uint8_t arena[4000];
#endif

aot::Status call() {
  static aot::AotExecutor<ws, 64, aot::OwnBuffers, aot::CallerMemory> exec;
  return exec.set_workspace(arena);
}
