#pragma once

#include <cstddef>
#include <cstdint>

#include "aot/detail/packed_abi.hpp"
#include "aot/detail/text.hpp"
#include "aot/model.hpp"
#include "aot/status.hpp"

namespace aot::detail {

/// Placeholder for the DLTensor type until aot/dlpack.hpp names the real one.
struct DLPackNotIncluded {};

/// Finds the DLTensor type by argument-dependent lookup when an executor member is
/// instantiated, so aot/dlpack.hpp may be included before or after aot/executor.hpp.
template <class Model>
struct DLTensorTag {};

template <class Model>
DLPackNotIncluded dl_tensor_type(DLTensorTag<Model>*, long);

template <class Model>
using DefaultDLTensor = decltype(dl_tensor_type(static_cast<DLTensorTag<Model>*>(nullptr), 0));

/// Checks a caller's DLTensor (or any struct with DLTensor's members) against a tensor of
/// the model, in the order: dtype, ndim, each dimension, strides, byte_offset, device, data.
template <class DL>
constexpr Status check_dl_tensor(const char* model, Role role, std::size_t index,
                                 const TensorInfo& info, const DL& t) noexcept {
  auto fail = [&](Errc code) {
    return Status(code, model).with_tensor(role, index, info.raw_name.data());
  };
  const DataType dtype{static_cast<std::uint8_t>(t.dtype.code),
                       static_cast<std::uint8_t>(t.dtype.bits),
                       static_cast<std::uint16_t>(t.dtype.lanes)};
  if (dtype != info.dtype) {
    return fail(Errc::kDtypeMismatch).with_values(pack_dtype(info.dtype), pack_dtype(dtype));
  }
  const std::size_t rank = info.shape.size();
  if (t.ndim != static_cast<std::int64_t>(rank)) {
    return fail(Errc::kNdimMismatch).with_values(static_cast<std::int64_t>(rank), t.ndim);
  }
  if (rank > 0 && t.shape == nullptr) return fail(Errc::kShapeMismatch).with_dimension(-1);
  for (std::size_t d = 0; d < rank; ++d) {
    if (t.shape[d] != info.shape[d]) {
      return fail(Errc::kShapeMismatch)
          .with_dimension(static_cast<std::int32_t>(d))
          .with_values(info.shape[d], t.shape[d]);
    }
  }
  if (t.strides != nullptr) {
    // Extent-1 dimensions may carry any stride, as DLPack and NumPy allow.
    std::int64_t expected = 1;
    for (std::size_t d = rank; d-- > 0;) {
      if (info.shape[d] != 1 && t.strides[d] != expected) {
        return fail(Errc::kStridesNotCompact)
            .with_dimension(static_cast<std::int32_t>(d))
            .with_values(expected, t.strides[d]);
      }
      expected *= info.shape[d];
    }
  }
  const std::uint64_t element_bytes = (std::uint64_t{info.dtype.bits} * info.dtype.lanes + 7) / 8;
  if (t.byte_offset % element_bytes != 0) {
    return fail(Errc::kByteOffsetMisaligned)
        .with_values(static_cast<std::int64_t>(element_bytes),
                     static_cast<std::int64_t>(t.byte_offset));
  }
  if (static_cast<std::int32_t>(t.device.device_type) != kDLCPU) {
    return fail(Errc::kDeviceNotCpu).with_values(kDLCPU, t.device.device_type);
  }
  if (t.device.device_id != 0)
    return fail(Errc::kDeviceIdNotZero).with_values(0, t.device.device_id);
  if (t.data == nullptr) return fail(Errc::kNullData);
  return Status{};
}

/// A DLTensor view of one of the executor's buffers: CPU, compact, no offset. The shape
/// pointer refers to the model's constant shape; DLTensor's C type makes it non-const,
/// but it must not be written.
template <class DL>
constexpr DL make_dl_view(void* data, const TensorInfo& info) noexcept {
  DL t{};
  t.data = data;
  t.device.device_type = static_cast<decltype(t.device.device_type)>(kDLCPU);
  t.device.device_id = 0;
  t.ndim = static_cast<decltype(t.ndim)>(info.shape.size());
  t.dtype.code = info.dtype.code;
  t.dtype.bits = info.dtype.bits;
  t.dtype.lanes = info.dtype.lanes;
  t.shape = const_cast<std::int64_t*>(info.shape.data());  // NOLINT: see above
  t.strides = nullptr;
  t.byte_offset = 0;
  return t;
}

}  // namespace aot::detail
