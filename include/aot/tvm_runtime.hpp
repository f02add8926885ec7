// SPDX-License-Identifier: Apache-2.0
#pragma once

// The C functions TVM-generated code calls into its runtime, so that no TVM runtime is
// needed: TVMBackendAllocWorkspace / TVMBackendFreeWorkspace (the running executor's arena),
// TVMAPISetLastError (a message buffer per thread, which a failing run() takes),
// TVMBackendParallelLaunch (runs the tasks serially) and TVMBackendParallelBarrier.
//
// Exactly one translation unit of a program defines them:
//
//   #define AOT_TVM_RUNTIME_IMPLEMENTATION
//   #include <aot/tvm_runtime.hpp>
//
// or, with CMake, `aot_add_tvm_runtime(<executable>)` writes that file into the target. Leave
// both out when the program links TVM's own C runtime instead.

#include "aot/detail/runtime_context.hpp"

#ifdef AOT_TVM_RUNTIME_IMPLEMENTATION

#include <cstdint>

// TVM's C prototypes; its own header is used when it was included first.
#if !defined(TVM_RUNTIME_C_BACKEND_API_H_)
#include "aot/compat/tvm/runtime/c_backend_api.h"
#endif

extern "C" {

TVM_DLL void* TVMBackendAllocWorkspace(int device_type, int device_id, uint64_t nbytes,
                                       int dtype_code_hint, int dtype_bits_hint) {
  static_cast<void>(device_type);
  static_cast<void>(device_id);
  static_cast<void>(dtype_code_hint);
  static_cast<void>(dtype_bits_hint);
  // Outside any run() the context is closed: TVM's failure value.
  aot::detail::RuntimeContext& ctx = aot::detail::current_context;
  return ctx.arena.allocate(nbytes, ctx.failure);
}

TVM_DLL int TVMBackendFreeWorkspace(int device_type, int device_id, void* ptr) {
  static_cast<void>(device_type);
  static_cast<void>(device_id);
  aot::detail::RuntimeContext& ctx = aot::detail::current_context;
  return ctx.arena.release(ptr, ctx.failure);
}

TVM_DLL void TVMAPISetLastError(const char* msg) {
  char* const text = aot::detail::last_error_text;
  std::size_t i = 0;
  for (; msg != nullptr && msg[i] != '\0' && i + 1 < sizeof(aot::detail::last_error_text); ++i) {
    text[i] = msg[i];
  }
  text[i] = '\0';
}

TVM_DLL int TVMBackendParallelLaunch(FTVMParallelLambda flambda, void* cdata, int num_task) {
  // AOT code is serial; hand-made code that launches tasks gets them one after another.
  const int n = num_task > 0 ? num_task : 1;
  TVMParallelGroupEnv env;
  env.sync_handle = nullptr;
  env.num_task = n;
  int rc = 0;
  for (int task = 0; task < n; ++task) {
    if (flambda(task, &env, cdata) != 0) rc = -1;
  }
  return rc;
}

TVM_DLL int TVMBackendParallelBarrier(int task_id, TVMParallelGroupEnv* penv) {
  // Tasks run one at a time: every barrier is already passed.
  static_cast<void>(task_id);
  static_cast<void>(penv);
  return 0;
}

}  // extern "C"

#endif  // AOT_TVM_RUNTIME_IMPLEMENTATION
