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
  Arena arena;             // closed outside a run: no room, every allocation fails
  RuntimeFailure failure;  // kOk but while a run reports it: cleared where a run reads it
};

/// This thread's context, held by value so that an allocation reaches the arena's fields
/// with one thread-local access, as a C driver reaches its global arena. run() opens it over
/// its executor's arena and closes it after; each thread has its own, so executors on
/// different threads never share one.
inline AOT_THREAD_LOCAL RuntimeContext current_context{};

/// Where TVMAPISetLastError writes, per thread: a run that fails copies it into its executor
/// (the Status's text lives there), and a model that reports messages clears it before each
/// run. No context is needed for messages, so such a model's run() stays the bare call but
/// for that one store.
inline AOT_THREAD_LOCAL char last_error_text[AOT_LAST_ERROR_CAPACITY] = {};

}  // namespace aot::detail
