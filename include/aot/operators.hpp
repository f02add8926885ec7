// SPDX-License-Identifier: Apache-2.0
#pragma once

// The operator table of a model built with aot_add_model(... PROFILE) (aot-gen --profile),
// and how a run tells a per-operator profiler which operator is running.
//
// Such a model's C is compiled with -finstrument-functions, so the compiler calls
// __cyg_profile_func_enter/exit (aot/operator_hooks.hpp) around each of its functions. The hooks
// hand the function's address to the sink run() binds for its duration, when the profiler
// asks for operators (`static constexpr bool per_operator = true`); the sink maps the address
// to the operator's index in `Model::operators`. Without such a profiler run() binds nothing,
// and a model built without PROFILE has no table and no hooks.

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include "aot/detail/runtime_context.hpp"  // AOT_THREAD_LOCAL

namespace aot {

/// One function `__tvm_main__` calls, as the generated description lists it.
struct OperatorInfo {
  /// The C symbol, `tvmgen_<module>_fused_...`.
  std::string_view name;
  /// Calls of it in `__tvm_main__` (one run makes this many).
  std::size_t call_sites;
  /// Its address, as the instrumentation hooks receive it. A function, because a function
  /// pointer's conversion to `const void*` is not a constant expression while this pointer is.
  const void* (*address)() noexcept;
};

/// The address of the C function F, for OperatorInfo::address.
template <auto F>
const void* operator_address() noexcept {
  return reinterpret_cast<const void*>(F);
}

namespace detail {

template <class Model, class = void>
struct HasOperators : std::false_type {};
template <class Model>
struct HasOperators<Model, std::void_t<decltype(Model::operators)>> : std::true_type {};

template <class P, class = void>
struct PerOperator : std::false_type {};
template <class P>
struct PerOperator<P, std::enable_if_t<P::per_operator>> : std::true_type {};

/// Whether run() must bind an operator sink for profiler P.
template <class P>
inline constexpr bool kPerOperator = PerOperator<P>::value;

/// What the hooks call: type-erased, since they are compiled once per program.
struct OperatorSink {
  void (*enter)(OperatorSink& self, const void* fn) noexcept;
  void (*exit)(OperatorSink& self, const void* fn) noexcept;
};

/// The sink of the run under way on this thread; null outside profiled runs, which is all the
/// hooks test.
inline AOT_THREAD_LOCAL OperatorSink* current_operator_sink = nullptr;

template <class Model, std::size_t I>
bool is_operator(const void* fn) noexcept {
  // A constant pointer to an inline function: the compare is against an immediate address.
  constexpr const void* (*address)() noexcept = Model::operators[I].address;
  return fn == address();
}

template <class Model, std::size_t... I>
std::size_t operator_index(const void* fn, std::index_sequence<I...>) noexcept {
  std::size_t found = static_cast<std::size_t>(-1);
  // Functions that are not operators (__tvm_main__ where the compiler cannot leave it out,
  // helpers it inlines) match nothing and are not reported.
  static_cast<void>(((is_operator<Model, I>(fn) ? (found = I, true) : false) || ...));
  return found;
}

/// Binds profiler P of an executor of Model as this thread's sink for one run, restoring the
/// previous sink after (a model may run another).
template <class Model, class P>
class OperatorSinkBinding : OperatorSink {
  static_assert(HasOperators<Model>::value,
                "aot: this profiler times operators, and the model has no operator table: build "
                "it with aot_add_model(... PROFILE) (aot-gen --profile)");

 public:
  explicit OperatorSinkBinding(P& profiler) noexcept
      : OperatorSink{&enter_operator, &exit_operator},
        profiler_(profiler),
        previous_(current_operator_sink) {
    current_operator_sink = this;
  }
  ~OperatorSinkBinding() { current_operator_sink = previous_; }
  OperatorSinkBinding(const OperatorSinkBinding&) = delete;
  OperatorSinkBinding& operator=(const OperatorSinkBinding&) = delete;

 private:
  static constexpr std::size_t kCount = Model::operators.size();

  static void enter_operator(OperatorSink& s, const void* fn) noexcept {
    const std::size_t i = operator_index<Model>(fn, std::make_index_sequence<kCount>{});
    if (i < kCount) static_cast<OperatorSinkBinding&>(s).profiler_.on_operator_begin(i);
  }
  static void exit_operator(OperatorSink& s, const void* fn) noexcept {
    const std::size_t i = operator_index<Model>(fn, std::make_index_sequence<kCount>{});
    if (i < kCount) static_cast<OperatorSinkBinding&>(s).profiler_.on_operator_end(i);
  }

  P& profiler_;
  OperatorSink* previous_;
};

}  // namespace detail
}  // namespace aot
