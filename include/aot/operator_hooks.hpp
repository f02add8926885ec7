// SPDX-License-Identifier: Apache-2.0
#pragma once

// The two functions GCC and Clang call around every function compiled with
// -finstrument-functions, as aot_add_model(... PROFILE) compiles a model's C. They pass each
// call on to the running executor's operator sink (aot/operators.hpp), and do nothing when
// no profiled run is under way.
//
// Exactly one translation unit of a program defines them:
//
//   #define AOT_OPERATOR_HOOKS_IMPLEMENTATION
//   #include <aot/operator_hooks.hpp>
//
// aot_add_model(... PROFILE) links a library that does (its one member is taken only while the
// hooks are undefined). A program that defines its own __cyg_profile_func_enter/exit (another
// profiler) keeps them, and per-operator profiling then hears nothing.

#include "aot/operators.hpp"

#ifdef AOT_OPERATOR_HOOKS_IMPLEMENTATION

extern "C" {

// Not instrumented themselves, even in a program built with -finstrument-functions: they
// would call themselves.
__attribute__((no_instrument_function)) void __cyg_profile_func_enter(void* fn, void* site);
__attribute__((no_instrument_function)) void __cyg_profile_func_exit(void* fn, void* site);

void __cyg_profile_func_enter(void* fn, void* site) {
  static_cast<void>(site);
  if (aot::detail::OperatorSink* s = aot::detail::current_operator_sink) s->enter(*s, fn);
}

void __cyg_profile_func_exit(void* fn, void* site) {
  static_cast<void>(site);
  if (aot::detail::OperatorSink* s = aot::detail::current_operator_sink) s->exit(*s, fn);
}

}  // extern "C"

#endif  // AOT_OPERATOR_HOOKS_IMPLEMENTATION
