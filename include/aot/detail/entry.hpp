#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

#include "aot/detail/diagnostics.hpp"
#include "aot/detail/packed_abi.hpp"

namespace aot {

/// How the executor calls the generated code (see docs/model-description.md).
enum class Convention {
  kCInterface,  ///< tvmgen_<m>_run(struct inputs*, struct outputs*)
  kUnpacked,    ///< tvmgen_<m>___tvm_main__(in..., out...) or v0.8's run_model
  kPacked,      ///< fn(TVMValue* args, int32_t* type_codes, int32_t n, ...) with DLTensors
};

namespace detail {

template <class F>
struct FunctionTraits;

template <class R, class... Args>
struct FunctionTraits<R (*)(Args...)> {
  using result = R;
  using params = std::tuple<Args...>;
  static constexpr std::size_t arity = sizeof...(Args);
  template <std::size_t I>
  using param = std::tuple_element_t<I, std::tuple<Args...>>;
};

template <class Model, class Parameter>
constexpr bool check_unpacked_param() {
  if constexpr (!std::is_pointer_v<Parameter>) {
    compile_error::entry_parameter_not_a_pointer<Model, Parameter>();
    return false;
  } else {
    return true;
  }
}

template <class Model, class Entry, std::size_t... Is>
constexpr bool check_unpacked_params(std::index_sequence<Is...>) {
  return (true && ... &&
          check_unpacked_param<Model, typename FunctionTraits<Entry>::template param<Is>>());
}

/// Checks Model::entry against its convention; instantiates a compile_error on mismatch.
template <class Model, std::size_t NumInputs, std::size_t NumOutputs>
constexpr bool check_entry() {
  using Entry = std::remove_cv_t<decltype(Model::entry)>;
  if constexpr (Model::convention == Convention::kCInterface) {
    using In = typename Model::c_inputs;
    using Out = typename Model::c_outputs;
    using Expected = std::int32_t (*)(In*, Out*);
    if constexpr (!std::is_same_v<Entry, Expected>) {
      compile_error::entry_signature_mismatch<Model, Expected, Entry>();
      return false;
    } else if constexpr (NumInputs > 0 && sizeof(In) != NumInputs * sizeof(void*)) {
      compile_error::c_struct_size_mismatch<Model, In, NumInputs, sizeof(In)>();
      return false;
    } else if constexpr (sizeof(Out) != NumOutputs * sizeof(void*)) {
      compile_error::c_struct_size_mismatch<Model, Out, NumOutputs, sizeof(Out)>();
      return false;
    } else {
      return true;
    }
  } else if constexpr (Model::convention == Convention::kUnpacked) {
    if constexpr (!std::is_pointer_v<Entry>) {
      compile_error::entry_signature_mismatch<Model, std::int32_t (*)(void*), Entry>();
      return false;
    } else if constexpr (FunctionTraits<Entry>::arity != NumInputs + NumOutputs) {
      compile_error::entry_argument_count_mismatch<Model, NumInputs + NumOutputs,
                                                   FunctionTraits<Entry>::arity>();
      return false;
    } else {
      return check_unpacked_params<Model, Entry>(
          std::make_index_sequence<FunctionTraits<Entry>::arity>{});
    }
  } else {
    if constexpr (!std::is_same_v<Entry, PackedFunction>) {
      compile_error::entry_signature_mismatch<Model, PackedFunction, Entry>();
      return false;
    } else {
      return true;
    }
  }
}

/// The packed convention's argument arrays, built once when the executor is constructed.
template <std::size_t N>
struct PackedArgs {
  PackedTensor tensors[N];
  PackedValue values[N];
  std::int32_t type_codes[N];
};

template <class Model, std::size_t NumIn, std::size_t NumOut>
struct EntryCaller {
  static constexpr std::size_t kNumArgs = NumIn + NumOut;

  /// The whole hot path: exactly the call a hand-written driver makes.
  template <class Packed>
  static std::int32_t call(const std::array<void*, NumIn>& in, const std::array<void*, NumOut>& out,
                           Packed packed) noexcept {
    if constexpr (Model::convention == Convention::kCInterface) {
      return call_c(in, out, std::make_index_sequence<NumIn>{}, std::make_index_sequence<NumOut>{});
    } else if constexpr (Model::convention == Convention::kUnpacked) {
      return call_unpacked(in, out, std::make_index_sequence<NumIn>{},
                           std::make_index_sequence<NumOut>{});
    } else {
      // Return slots the entry may write; model entry functions leave them untouched.
      PackedValue ret_value;  // NOLINT(cppcoreguidelines-pro-type-member-init): callee-written
      std::int32_t ret_code = 0;
      return Model::entry(packed->values, packed->type_codes, static_cast<std::int32_t>(kNumArgs),
                          &ret_value, &ret_code, nullptr);
    }
  }

 private:
  template <std::size_t... I, std::size_t... O>
  static std::int32_t call_c(const std::array<void*, NumIn>& in,
                             const std::array<void*, NumOut>& out, std::index_sequence<I...>,
                             std::index_sequence<O...>) noexcept {
    typename Model::c_inputs inputs{in[I]...};
    typename Model::c_outputs outputs{out[O]...};
    return Model::entry(&inputs, &outputs);
  }

  template <std::size_t... I, std::size_t... O>
  static std::int32_t call_unpacked(const std::array<void*, NumIn>& in,
                                    const std::array<void*, NumOut>& out, std::index_sequence<I...>,
                                    std::index_sequence<O...>) noexcept {
    using Traits = FunctionTraits<std::remove_cv_t<decltype(Model::entry)>>;
    return Model::entry(static_cast<typename Traits::template param<I>>(in[I])...,
                        static_cast<typename Traits::template param<NumIn + O>>(out[O])...);
  }
};

}  // namespace detail
}  // namespace aot
