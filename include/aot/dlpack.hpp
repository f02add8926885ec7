// SPDX-License-Identifier: Apache-2.0
#pragma once

// DLPack interop: DLTensor is the default tensor type of the executor's runtime interface
// (get_input / get_output views), plus conversions. Needs <dlpack/dlpack.h> (0.5 to 1.x).

#include <dlpack/dlpack.h>

#include <cstddef>

#include "aot/detail/dl_checks.hpp"
#include "aot/detail/packed_abi.hpp"
#include "aot/dtype.hpp"

namespace aot {

namespace detail {
template <class Model>
::DLTensor dl_tensor_type(DLTensorTag<Model>*, int);

// The packed convention hands the generated code our mirror of DLTensor; it must be the
// same layout as the real one.
static_assert(sizeof(PackedTensor) == sizeof(::DLTensor), "DLTensor layout");
static_assert(offsetof(PackedTensor, data) == offsetof(::DLTensor, data), "DLTensor layout");
static_assert(offsetof(PackedTensor, device) == offsetof(::DLTensor, device), "DLTensor layout");
static_assert(offsetof(PackedTensor, ndim) == offsetof(::DLTensor, ndim), "DLTensor layout");
static_assert(offsetof(PackedTensor, dtype) == offsetof(::DLTensor, dtype), "DLTensor layout");
static_assert(offsetof(PackedTensor, shape) == offsetof(::DLTensor, shape), "DLTensor layout");
static_assert(offsetof(PackedTensor, strides) == offsetof(::DLTensor, strides), "DLTensor layout");
static_assert(offsetof(PackedTensor, byte_offset) == offsetof(::DLTensor, byte_offset),
              "DLTensor layout");
static_assert(sizeof(PackedDevice) == sizeof(::DLDevice), "DLDevice layout");
static_assert(sizeof(PackedDataType) == sizeof(::DLDataType), "DLDataType layout");
}  // namespace detail

/// DataType <-> DLDataType.
constexpr ::DLDataType to_dlpack(DataType t) noexcept {
  ::DLDataType d{};
  d.code = t.code;
  d.bits = t.bits;
  d.lanes = t.lanes;
  return d;
}
constexpr DataType from_dlpack(::DLDataType d) noexcept {
  return DataType{d.code, d.bits, d.lanes};
}

}  // namespace aot
