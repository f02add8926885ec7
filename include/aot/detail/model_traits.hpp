// SPDX-License-Identifier: Apache-2.0
#pragma once

// Everything the library derives from a model description (ModelTraits), and the checks that
// turn a malformed description into a compile error naming model and tensor.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "aot/detail/diagnostics.hpp"
#include "aot/detail/entry.hpp"
#include "aot/detail/type_list.hpp"
#include "aot/dtype.hpp"
#include "aot/name.hpp"
#include "aot/span.hpp"
#include "aot/tensor_spec.hpp"
#include "aot/workspace.hpp"

namespace aot::detail {

// Optional members of a description and their defaults.
template <class T, class = void>
inline constexpr std::size_t kWorkspaceSize = 0;
template <class T>
inline constexpr std::size_t kWorkspaceSize<T, std::void_t<decltype(T::workspace_size)>> =
    T::workspace_size;
template <class T, class = void>
inline constexpr std::size_t kConstantsSize = 0;
template <class T>
inline constexpr std::size_t kConstantsSize<T, std::void_t<decltype(T::constants_size)>> =
    T::constants_size;
template <class T, class = void>
inline constexpr std::size_t kWorkspaceAllocations = 0;
template <class T>
inline constexpr std::size_t
    kWorkspaceAllocations<T, std::void_t<decltype(T::workspace_allocations)>> =
        T::workspace_allocations;
template <class T, class = void>
inline constexpr std::size_t kWorkspaceAlignmentOf = kDefaultWorkspaceAlignment;
template <class T>
inline constexpr std::size_t
    kWorkspaceAlignmentOf<T, std::void_t<decltype(T::workspace_alignment)>> =
        T::workspace_alignment;
template <class T, class = void>
inline constexpr bool kUsesBackendWorkspace = false;
template <class T>
inline constexpr bool kUsesBackendWorkspace<T, std::void_t<decltype(T::uses_backend_workspace)>> =
    T::uses_backend_workspace;
template <class T, class = void>
inline constexpr bool kUsesLastError = false;
template <class T>
inline constexpr bool kUsesLastError<T, std::void_t<decltype(T::uses_last_error)>> =
    T::uses_last_error;
template <class T, class = void>
inline constexpr bool kInternalPools = false;
template <class T>
inline constexpr bool kInternalPools<T, std::void_t<decltype(T::internal_pools)>> =
    T::internal_pools;
template <class T, class = void>
inline constexpr bool kWorkspaceIo = false;
template <class T>
inline constexpr bool kWorkspaceIo<T, std::void_t<decltype(T::workspace_io)>> = T::workspace_io;
template <class T, class = void>
struct PoolsOf {
  using type = TensorList<>;
};
template <class T>
struct PoolsOf<T, std::void_t<typename T::pools>> {
  using type = typename T::pools;
};
template <class T, class = void>
struct DevicesOf {
  using type = TensorList<>;
};
template <class T>
struct DevicesOf<T, std::void_t<typename T::devices>> {
  using type = typename T::devices;
};

/// Whether a pool description is an external constant pool (ConstantPoolSpec).
template <class T, class = void>
inline constexpr bool kConstantPool = false;
template <class T>
inline constexpr bool kConstantPool<T, std::void_t<decltype(T::constant_pool)>> = T::constant_pool;

template <class List>
struct ListTraits;

template <class... Ts>
struct ListTraits<TensorList<Ts...>> {
  static constexpr std::size_t size = sizeof...(Ts);
  static constexpr std::size_t total_bytes = (std::size_t{0} + ... + TensorTraits<Ts>::bytes);
  /// Bytes of the constant pools among them (a pool list only).
  static constexpr std::size_t constant_bytes =
      (std::size_t{0} + ... + (kConstantPool<Ts> ? TensorTraits<Ts>::bytes : 0));
  static constexpr std::size_t constant_count =
      (std::size_t{0} + ... + (kConstantPool<Ts> ? 1 : 0));

  static constexpr std::array<TensorInfo, sizeof...(Ts)> infos{
      {TensorInfo{TensorTraits<Ts>::name_view(),
                  std::string_view(TensorTraits<Ts>::raw_name(), TensorTraits<Ts>::raw_view.size()),
                  DataTypeOf<typename Ts::element_type>::value,
                  Span<const std::int64_t>(Ts::shape.data(), Ts::shape.size()),
                  TensorTraits<Ts>::count, TensorTraits<Ts>::bytes}...}};
  static constexpr std::array<const char*, sizeof...(Ts)> raw_names{
      {TensorTraits<Ts>::raw_name()...}};

  /// Index of the tensor whose sanitised name equals `name` sanitised, or npos.
  static constexpr std::size_t find(std::string_view name) noexcept {
    constexpr std::array<std::string_view, sizeof...(Ts)> names{{TensorTraits<Ts>::name_view()...}};
    // One pass sanitises the query as it compares: a raw or a sanitised spelling costs the
    // same, a length test per tensor and the bytes of those whose length matches.
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (sanitized_equal(name, names[i])) return i;
    }
    return kNotFound;
  }
};

template <class Model>
struct ModelTraits {
  using Inputs = ListTraits<typename Model::inputs>;
  using Outputs = ListTraits<typename Model::outputs>;
  static constexpr std::string_view name_view = std::string_view(Model::name);
  static constexpr auto name_storage = copy_name<name_view.size()>(name_view);
  static constexpr const char* name() noexcept { return name_storage.data(); }
  using PoolList = typename PoolsOf<Model>::type;
  using DeviceList = typename DevicesOf<Model>::type;
  using Pools = ListTraits<PoolList>;
  static constexpr std::size_t num_pools = PoolList::size;
  /// Bytes of external constant pools: the description's data, not the executor's.
  static constexpr std::size_t constant_pool_bytes = Pools::constant_bytes;
  static constexpr std::size_t num_devices = DeviceList::size;
  static constexpr std::size_t workspace_size = kWorkspaceSize<Model>;
  /// Bytes of constants the generated code holds itself (lib0's global_const_workspace).
  static constexpr std::size_t constants_size = kConstantsSize<Model>;
  static constexpr bool uses_backend_workspace = kUsesBackendWorkspace<Model>;
  /// TVMBackendAllocWorkspace call sites (informational: the arena needs no per-block room).
  static constexpr std::size_t workspace_allocations = kWorkspaceAllocations<Model>;
  /// Block alignment the model was built with; its workspace_size is computed for it.
  static constexpr std::size_t workspace_alignment = kWorkspaceAlignmentOf<Model>;
  /// Bytes of the arena for TVMBackendAllocWorkspace: exactly the model's workspace size.
  static constexpr std::size_t arena_bytes = uses_backend_workspace ? workspace_size : 0;
  static constexpr bool uses_last_error = kUsesLastError<Model>;
  /// The generated code owns static pools: one run at a time in the whole process.
  static constexpr bool internal_pools = kInternalPools<Model>;
  /// Inputs and outputs live inside the workspace pool (tir.usmp.use_workspace_io).
  static constexpr bool workspace_io = kWorkspaceIo<Model>;
  /// A run binds a context for the runtime symbols: only the arena needs one.
  static constexpr bool needs_runtime = uses_backend_workspace;
};

template <class Model, class Tensor>
constexpr bool check_tensor() {
  using Traits = TensorTraits<Tensor>;
  using T = typename Tensor::element_type;
  if constexpr (!kHasRawName<Tensor>) {
    compile_error::tensor_has_no_raw_name<Model, Tensor>();
    return false;
  } else if constexpr (Traits::raw_view.empty()) {
    compile_error::tensor_raw_name_is_empty<Model, Tensor>();
    return false;
  } else if constexpr (!Traits::dims_positive) {
    compile_error::tensor_dimension_not_positive<Model, Tensor>();
    return false;
  } else if constexpr (!kHasDataType<T>) {
    compile_error::tensor_element_type_has_no_dtype<Model, Tensor, T>();
    return false;
  } else if constexpr (Traits::size_overflows) {
    compile_error::tensor_size_overflows<Model, Tensor>();
    return false;
  } else {
    bool ok = true;
    if constexpr (kHasSizeBytes<Tensor>) {
      if constexpr (static_cast<std::size_t>(Tensor::size_bytes) != Traits::bytes) {
        compile_error::tensor_size_bytes_disagrees_with_shape_and_dtype<
            Model, Tensor, static_cast<std::size_t>(Tensor::size_bytes), Traits::bytes>();
        ok = false;
      }
    }
    if constexpr (kHasSanitizedName<Tensor>) {
      if constexpr (std::string_view(Tensor::name) != Traits::name_view()) {
        compile_error::tensor_name_is_not_sanitized_raw_name<Model, Tensor>();
        ok = false;
      }
    }
    return ok;
  }
}

/// First pair (i < j) of equal sanitised names, as i * n + j, or kNotFound.
template <class... Ts>
constexpr std::size_t first_duplicate() {
  constexpr std::size_t n = sizeof...(Ts);
  if constexpr (n < 2) {
    return kNotFound;
  } else {
    constexpr std::array<std::string_view, n> names{{TensorTraits<Ts>::name_view()...}};
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        if (names[i] == names[j]) return i * n + j;
      }
    }
    return kNotFound;
  }
}

template <class Model, class... Ts>
constexpr bool check_list(TensorList<Ts...>*) {
  const bool tensors_ok = (true && ... && check_tensor<Model, Ts>());
  constexpr std::size_t dup = first_duplicate<Ts...>();
  if constexpr (dup != kNotFound) {
    using List = TensorList<Ts...>;
    compile_error::duplicate_tensor_name<Model, TypeAtT<dup / sizeof...(Ts), List>,
                                         TypeAtT<dup % sizeof...(Ts), List>>();
    return false;
  }
  return tensors_ok;
}

/// A constant pool's data must be exactly as long as the pool.
template <class Model, class Pool>
constexpr bool check_constant_pool() {
  if constexpr (kConstantPool<Pool>) {
    if constexpr (sizeof(Pool::data) != TensorTraits<Pool>::bytes) {
      compile_error::constant_pool_data_size_mismatch<Model, Pool, TensorTraits<Pool>::bytes,
                                                      sizeof(Pool::data)>();
      return false;
    }
  }
  return true;
}

template <class Model, class... Pools>
constexpr bool check_constant_pools(TensorList<Pools...>*) {
  return (true && ... && check_constant_pool<Model, Pools>());
}

/// Checks a model description; every failure is a compile error naming model and tensor.
template <class Model>
constexpr bool validate_model() {
  using Traits = ModelTraits<Model>;
  constexpr std::size_t n_in = Traits::Inputs::size;
  constexpr std::size_t n_out = Traits::Outputs::size;
  bool ok = check_list<Model>(static_cast<typename Model::inputs*>(nullptr));
  ok = check_list<Model>(static_cast<typename Model::outputs*>(nullptr)) && ok;
  ok = check_list<Model>(static_cast<typename Traits::PoolList*>(nullptr)) && ok;
  ok = check_constant_pools<Model>(static_cast<typename Traits::PoolList*>(nullptr)) && ok;
  if constexpr (n_out == 0) {
    compile_error::model_has_no_outputs<Model>();
    return false;
  } else if constexpr (Traits::workspace_alignment == 0 ||
                       (Traits::workspace_alignment & (Traits::workspace_alignment - 1)) != 0) {
    compile_error::workspace_alignment_not_power_of_two<Model, Traits::workspace_alignment>();
    return false;
  } else if constexpr (Traits::workspace_io &&
                       (Model::convention != Convention::kCInterface || Traits::num_pools == 0)) {
    compile_error::workspace_io_needs_c_interface_and_pools<Model>();
    return false;
  } else if constexpr (Model::convention == Convention::kPacked && Traits::num_devices != 0) {
    compile_error::packed_convention_has_no_devices<Model>();
    return false;
  } else {
    using Params =
        typename UnpackedParamsOf<typename Model::inputs, typename Model::outputs,
                                  typename Traits::PoolList, typename Traits::DeviceList>::type;
    return check_entry<Model, Params, n_in, n_out, Traits::num_pools, Traits::num_devices,
                       Traits::workspace_io>() &&
           ok;
  }
}

}  // namespace aot::detail
