// SPDX-License-Identifier: Apache-2.0
// An arena for a model that does not call TVMBackendAllocWorkspace (its memory is pools).
#include "memory_models.hpp"

alignas(16) std::uint8_t memory[4096];

aot::Status call() {
  static aot::AotExecutor<pl, 64, aot::OwnBuffers, aot::CallerMemory> exec;
#ifdef AOT_TWIN
  return exec.set_pool<pl::scratch>(memory);
#else
  return exec.set_workspace(memory);
#endif
}
