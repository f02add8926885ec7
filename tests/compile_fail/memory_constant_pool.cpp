// SPDX-License-Identifier: Apache-2.0
// Setting a constant pool: its data is the description's.
#include "memory_models.hpp"

alignas(16) std::uint8_t memory[256];

aot::Status call() {
  static aot::AotExecutor<pl, 64, aot::OwnBuffers, aot::CallerMemory> exec;
#ifdef AOT_TWIN
  return exec.set_pool<0>(memory);
#else
  return exec.set_pool<1>(memory);
#endif
}
