// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <tuple>
#include <type_traits>
#include <utility>

#include "aot/detail/diagnostics.hpp"
#include "aot/detail/packed_abi.hpp"
#include "aot/dtype.hpp"

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

/// What an unpacked entry parameter carries: a tensor, a memory pool or a device handle.
enum class ParamRole { kTensor, kPool, kDevice };

/// One parameter of an unpacked entry: its role and the description of what it carries.
template <ParamRole Role, class Description>
struct EntryParam {};

/// The unpacked entry's parameters in order: inputs, outputs, pools, devices.
template <class Inputs, class Outputs, class Pools, class Devices>
struct UnpackedParamsOf;
template <template <class...> class L, class... I, class... O, class... P, class... D>
struct UnpackedParamsOf<L<I...>, L<O...>, L<P...>, L<D...>> {
  using type =
      std::tuple<EntryParam<ParamRole::kTensor, I>..., EntryParam<ParamRole::kTensor, O>...,
                 EntryParam<ParamRole::kPool, P>..., EntryParam<ParamRole::kDevice, D>...>;
};

/// The pointer type an unpacked parameter is expected to be (void* always fits too).
template <class Param>
struct ExpectedParam;
template <class Description>
struct ExpectedParam<EntryParam<ParamRole::kTensor, Description>> {
  using type = typename Description::element_type*;
};
template <class Description>
struct ExpectedParam<EntryParam<ParamRole::kPool, Description>> {
  using type = std::uint8_t*;
};
template <class Description>
struct ExpectedParam<EntryParam<ParamRole::kDevice, Description>> {
  using type = void*;
};

/// Whether a parameter pointing to `Pointee` (cv removed) fits: void, the expected type, or
/// how TVM's C code stores the element type (its 16-bit floats are uint16_t, and its storage
/// flattening backs bool tensors with int8 arrays).
template <class Param, class Pointee>
constexpr bool unpacked_pointee_fits() {
  using Expected = std::remove_pointer_t<typename ExpectedParam<Param>::type>;
  if constexpr (std::is_void_v<Pointee> || std::is_same_v<Pointee, Expected>) {
    return true;
  } else if constexpr (std::is_same_v<Expected, Float16> || std::is_same_v<Expected, BFloat16>) {
    return std::is_same_v<Pointee, std::uint16_t>;
  } else if constexpr (std::is_same_v<Expected, bool>) {
    return std::is_same_v<Pointee, std::int8_t>;
  } else {
    return false;
  }
}

template <class Model, class Parameter, ParamRole Role, class Description>
constexpr bool check_unpacked_param(EntryParam<Role, Description>*) {
  using Param = EntryParam<Role, Description>;
  if constexpr (!std::is_pointer_v<Parameter> ||
                !unpacked_pointee_fits<Param,
                                       std::remove_cv_t<std::remove_pointer_t<Parameter>>>()) {
    compile_error::entry_parameter_type_mismatch<Model, Description,
                                                 typename ExpectedParam<Param>::type, Parameter>();
    return false;
  } else {
    return true;
  }
}

template <class Model, class Entry, class... Params, std::size_t... Is>
constexpr bool check_unpacked_params(std::tuple<Params...>*, std::index_sequence<Is...>) {
  return (true && ... &&
          check_unpacked_param<Model, typename FunctionTraits<Entry>::template param<Is>>(
              static_cast<Params*>(nullptr)));
}

/// The C interface's entry type: (inputs*, outputs*[, pools*][, devices*]), or with the
/// I/O inside the workspace (pools*[, devices*]).
template <class M, bool Pools, bool Devices, bool WorkspaceIo>
struct CEntryType;
template <class M>
struct CEntryType<M, false, false, false> {
  using type = std::int32_t (*)(typename M::c_inputs*, typename M::c_outputs*);
};
template <class M>
struct CEntryType<M, true, false, false> {
  using type = std::int32_t (*)(typename M::c_inputs*, typename M::c_outputs*,
                                typename M::c_pools*);
};
template <class M>
struct CEntryType<M, false, true, false> {
  using type = std::int32_t (*)(typename M::c_inputs*, typename M::c_outputs*,
                                typename M::c_devices*);
};
template <class M>
struct CEntryType<M, true, true, false> {
  using type = std::int32_t (*)(typename M::c_inputs*, typename M::c_outputs*, typename M::c_pools*,
                                typename M::c_devices*);
};
template <class M>
struct CEntryType<M, true, false, true> {
  using type = std::int32_t (*)(typename M::c_pools*);
};
template <class M>
struct CEntryType<M, true, true, true> {
  using type = std::int32_t (*)(typename M::c_pools*, typename M::c_devices*);
};

template <class Model, class CStruct, std::size_t N>
constexpr bool check_c_struct() {
  if constexpr (N > 0 && sizeof(CStruct) != N * sizeof(void*)) {
    compile_error::c_struct_size_mismatch<Model, CStruct, N, sizeof(CStruct)>();
    return false;
  } else {
    return true;
  }
}

/// Checks Model::entry against its convention; instantiates a compile_error on mismatch.
template <class Model, class UnpackedParams, std::size_t NumInputs, std::size_t NumOutputs,
          std::size_t NumPools, std::size_t NumDevices, bool WorkspaceIo>
constexpr bool check_entry() {
  using Entry = std::remove_cv_t<decltype(Model::entry)>;
  if constexpr (Model::convention == Convention::kCInterface) {
    using Expected =
        typename CEntryType<Model, (NumPools > 0), (NumDevices > 0), WorkspaceIo>::type;
    if constexpr (!std::is_same_v<Entry, Expected>) {
      compile_error::entry_signature_mismatch<Model, Expected, Entry>();
      return false;
    } else {
      bool ok = check_c_struct<Model, typename Model::c_inputs, NumInputs>();
      ok = check_c_struct<Model, typename Model::c_outputs, NumOutputs>() && ok;
      if constexpr (NumPools > 0)
        ok = check_c_struct<Model, typename Model::c_pools, NumPools>() && ok;
      if constexpr (NumDevices > 0) {
        ok = check_c_struct<Model, typename Model::c_devices, NumDevices>() && ok;
      }
      return ok;
    }
  } else if constexpr (Model::convention == Convention::kUnpacked) {
    constexpr std::size_t kArgs = NumInputs + NumOutputs + NumPools + NumDevices;
    if constexpr (!std::is_pointer_v<Entry>) {
      compile_error::entry_signature_mismatch<Model, std::int32_t (*)(void*), Entry>();
      return false;
    } else if constexpr (FunctionTraits<Entry>::arity != kArgs) {
      compile_error::entry_argument_count_mismatch<Model, kArgs, FunctionTraits<Entry>::arity>();
      return false;
    } else {
      return check_unpacked_params<Model, Entry>(static_cast<UnpackedParams*>(nullptr),
                                                 std::make_index_sequence<kArgs>{});
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

/// Copies a generated struct of N void* members into an array (well-defined for any layout
/// check_c_struct accepted).
template <std::size_t N, class CStruct>
std::array<void*, N> struct_pointers(const CStruct& s) noexcept {
  std::array<void*, N> out{};
  if constexpr (N > 0) std::memcpy(out.data(), &s, sizeof(void*) * N);
  return out;
}

template <class Model, std::size_t NumIn, std::size_t NumOut, std::size_t NumPools,
          std::size_t NumDevices, bool WorkspaceIo>
struct EntryCaller {
  static constexpr std::size_t kNumArgs = NumIn + NumOut + NumPools;
  using In = std::array<void*, NumIn>;
  using Out = std::array<void*, NumOut>;
  using Pools = std::array<void*, NumPools>;
  using Devices = std::array<void*, NumDevices>;

  /// The whole hot path: exactly the call a hand-written driver makes.
  template <class Packed>
  static std::int32_t call(const In& in, const Out& out, const Pools& pools, const Devices& devices,
                           Packed packed) noexcept {
    if constexpr (Model::convention == Convention::kCInterface) {
      return call_c(in, out, pools, devices, std::make_index_sequence<NumIn>{},
                    std::make_index_sequence<NumOut>{}, std::make_index_sequence<NumPools>{},
                    std::make_index_sequence<NumDevices>{});
    } else if constexpr (Model::convention == Convention::kUnpacked) {
      return call_unpacked(in, out, pools, devices, std::make_index_sequence<NumIn>{},
                           std::make_index_sequence<NumOut>{}, std::make_index_sequence<NumPools>{},
                           std::make_index_sequence<NumDevices>{});
    } else {
      // Return slots the entry may write; model entry functions leave them untouched.
      PackedValue ret_value;  // NOLINT(cppcoreguidelines-pro-type-member-init): callee-written
      std::int32_t ret_code = 0;
      return Model::entry(packed->values, packed->type_codes, static_cast<std::int32_t>(kNumArgs),
                          &ret_value, &ret_code, nullptr);
    }
  }

 private:
  template <std::size_t... I, std::size_t... O, std::size_t... P, std::size_t... D>
  static std::int32_t call_c(const In& in, const Out& out, const Pools& pools,
                             const Devices& devices, std::index_sequence<I...>,
                             std::index_sequence<O...>, std::index_sequence<P...>,
                             std::index_sequence<D...>) noexcept {
    if constexpr (WorkspaceIo) {
      typename Model::c_pools p{pools[P]...};
      if constexpr (NumDevices > 0) {
        typename Model::c_devices d{devices[D]...};
        return Model::entry(&p, &d);
      } else {
        return Model::entry(&p);
      }
    } else {
      typename Model::c_inputs inputs{in[I]...};
      typename Model::c_outputs outputs{out[O]...};
      if constexpr (NumPools > 0 && NumDevices > 0) {
        typename Model::c_pools p{pools[P]...};
        typename Model::c_devices d{devices[D]...};
        return Model::entry(&inputs, &outputs, &p, &d);
      } else if constexpr (NumPools > 0) {
        typename Model::c_pools p{pools[P]...};
        return Model::entry(&inputs, &outputs, &p);
      } else if constexpr (NumDevices > 0) {
        typename Model::c_devices d{devices[D]...};
        return Model::entry(&inputs, &outputs, &d);
      } else {
        return Model::entry(&inputs, &outputs);
      }
    }
  }

  template <std::size_t... I, std::size_t... O, std::size_t... P, std::size_t... D>
  static std::int32_t call_unpacked(const In& in, const Out& out, const Pools& pools,
                                    const Devices& devices, std::index_sequence<I...>,
                                    std::index_sequence<O...>, std::index_sequence<P...>,
                                    std::index_sequence<D...>) noexcept {
    using Traits = FunctionTraits<std::remove_cv_t<decltype(Model::entry)>>;
    return Model::entry(
        static_cast<typename Traits::template param<I>>(in[I])...,
        static_cast<typename Traits::template param<NumIn + O>>(out[O])...,
        static_cast<typename Traits::template param<NumIn + NumOut + P>>(pools[P])...,
        static_cast<typename Traits::template param<NumIn + NumOut + NumPools + D>>(devices[D])...);
  }
};

}  // namespace detail
}  // namespace aot
