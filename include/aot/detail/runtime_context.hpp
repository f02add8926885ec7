#pragma once

#include <cstddef>

#include "aot/status.hpp"
#include "aot/workspace.hpp"

/// Storage class of the pointer to the running executor's context. Thread-local where the
/// platform has threads; on bare metal (no TLS support) a plain global, which is right for a
/// single thread of execution. Define it yourself to override.
#ifndef AOT_THREAD_LOCAL
#if defined(__linux__) || defined(__APPLE__) || defined(_WIN32) || defined(__unix__)
#define AOT_THREAD_LOCAL thread_local
#else
#define AOT_THREAD_LOCAL
#endif
#endif

namespace aot::detail {

/// What the TVM runtime symbols act on while an executor's run() is under way: its arena,
/// its last-error buffer, and the first failure they saw.
struct RuntimeContext {
  Arena arena{nullptr, 0, 0, 0, 0};  // capacity 0: the model has no arena
  char* error_text = nullptr;
  std::size_t error_capacity = 0;
  RuntimeFailure failure;  // default-initialised: only its code is written up front
};

inline AOT_THREAD_LOCAL RuntimeContext* current_context = nullptr;

/// Binds a context for one run() and restores the previous one (a model may run another).
class ContextBinding {
 public:
  explicit ContextBinding(RuntimeContext* ctx) noexcept : previous_(current_context) {
    current_context = ctx;
  }
  ~ContextBinding() { current_context = previous_; }
  ContextBinding(const ContextBinding&) = delete;
  ContextBinding& operator=(const ContextBinding&) = delete;

 private:
  RuntimeContext* previous_;
};

}  // namespace aot::detail
