// SPDX-License-Identifier: Apache-2.0
// workspace_peak() of a model with an arena, where no run keeps the high-water mark.
#ifdef AOT_TWIN
#define AOT_WORKSPACE_AUDIT 1
#endif
#include "memory_models.hpp"

std::size_t call() {
  static aot::AotExecutor<ws> exec;
  return exec.workspace_peak();
}
