// SPDX-License-Identifier: Apache-2.0
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

/// What the TVM runtime symbols act on while an executor's run() is under way: its arena
/// and the first failure they saw.
struct RuntimeContext {
  Arena arena;             // no room: the model has no arena
  RuntimeFailure failure;  // default-initialised: only its code is written up front
};

/// The context outside any run: no arena, no message buffer. The runtime symbols find a
/// context always, so they need no null test; they never write to this one.
inline RuntimeContext idle_context{};

inline AOT_THREAD_LOCAL RuntimeContext* current_context = &idle_context;

/// Where TVMAPISetLastError writes, per thread: a run that fails copies it into its executor
/// (the Status's text lives there), and a model that reports messages clears it before each
/// run. No context is needed for messages, so such a model's run() stays the bare call but
/// for that one store.
inline AOT_THREAD_LOCAL char last_error_text[AOT_LAST_ERROR_CAPACITY] = {};

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
