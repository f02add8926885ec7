// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <type_traits>

#include "aot/detail/packed_abi.hpp"

/// TVM's description of a model for its own runtime (tvm/runtime/metadata_types.h): the
/// inputs, outputs and pools as TVMTensorInfo. Declared only; include TVM's header to read it.
struct TVMMetadata;

namespace aot {

namespace detail {
template <class Model, class = void>
struct HasCMetadata : std::false_type {};
template <class Model>
struct HasCMetadata<Model, std::void_t<decltype(Model::c_metadata)>> : std::true_type {};
}  // namespace detail

/// Whether the model's C defines TVM's metadata module (`tvmgen_<m>_get_c_metadata`, which
/// packed exports from TVM 0.10 on carry): aot-gen then writes `c_metadata`.
template <class Model>
inline constexpr bool has_tvm_metadata = detail::HasCMetadata<Model>::value;

/// The model's TVMMetadata, as TVM's own runtime would see it, for code that wants TVM's view
/// (tools, a TVM runtime alongside); nullptr if the generated function reports a failure.
/// Does not compile for a model without the metadata module.
template <class Model>
const ::TVMMetadata* tvm_metadata() noexcept {
  static_assert(has_tvm_metadata<Model>,
                "aot::tvm_metadata: the model's C defines no tvmgen_<m>_get_c_metadata (TVM "
                "writes it in packed exports only)");
  detail::PackedValue ret{};
  std::int32_t ret_code = 0;
  if (Model::c_metadata(nullptr, nullptr, 0, &ret, &ret_code, nullptr) != 0) return nullptr;
  return static_cast<const ::TVMMetadata*>(ret.v_handle);
}

}  // namespace aot
