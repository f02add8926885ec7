// SPDX-License-Identifier: Apache-2.0
// Giving an arena to an executor that holds its own (the default OwnMemory).
#include "memory_models.hpp"

alignas(16) std::uint8_t arena[4096];

aot::Status call() {
#ifdef AOT_TWIN
  static aot::AotExecutor<ws, 64, aot::OwnBuffers, aot::CallerMemory> exec;
#else
  static aot::AotExecutor<ws> exec;
#endif
  return exec.set_workspace(arena);
}
