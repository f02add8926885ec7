// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

#include "aot/detail/packed_abi.hpp"
#include "aot/status.hpp"
#include "aot/tensor_spec.hpp"

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

/// Whether `DL` has DLTensor's members (DLPack's DLTensor, or a struct laid out like it).
template <class DL, class = void>
inline constexpr bool kIsDLTensor = false;
template <class DL>
inline constexpr bool kIsDLTensor<
    DL, std::void_t<
            decltype(std::declval<const DL&>().data), decltype(std::declval<const DL&>().ndim),
            decltype(std::declval<const DL&>().dtype.code),
            decltype(std::declval<const DL&>().shape), decltype(std::declval<const DL&>().strides),
            decltype(std::declval<const DL&>().byte_offset),
            decltype(std::declval<const DL&>().device.device_type)>> = true;

/// A caller's integer or enum field, read as the integer of its size (signed for enums).
/// DLPack 0.6's DLDeviceType has no fixed underlying type, so loading a value outside its
/// enumerators through the enum is undefined, and a C or ctypes caller may store any int.
template <class Field>
std::int64_t read_field(const Field& field) noexcept {
  static_assert(std::is_integral_v<Field> || std::is_enum_v<Field>, "an integer or enum field");
  static_assert(sizeof(Field) <= sizeof(std::int64_t), "at most 64 bits");
  constexpr bool kSigned = std::is_enum_v<Field> || std::is_signed_v<Field>;
  using Int = std::conditional_t<
      sizeof(Field) == 1, std::conditional_t<kSigned, std::int8_t, std::uint8_t>,
      std::conditional_t<
          sizeof(Field) == 2, std::conditional_t<kSigned, std::int16_t, std::uint16_t>,
          std::conditional_t<sizeof(Field) == 4,
                             std::conditional_t<kSigned, std::int32_t, std::uint32_t>,
                             std::int64_t>>>;
  Int v{};
  std::memcpy(&v, &field, sizeof v);
  return static_cast<std::int64_t>(v);
}

/// TVM encodes bool as uint1 (one byte per element); DLPack 0.8+ as kDLBool with 8 bits.
inline constexpr DataType kTvmBool{kUInt, 1, 1};
inline constexpr DataType kDLPackBool{kBool, 8, 1};

/// Checks a caller's DLTensor (or any struct with DLTensor's members) against a tensor of
/// the model, in the order: dtype, ndim, each dimension, strides, byte_offset alignment,
/// device, data, and that data + byte_offset + the tensor's bytes stay inside the address
/// space (so that dl_first_byte cannot wrap).
template <class DL>
Status check_dl_tensor(const char* model, Role role, std::size_t index, const TensorInfo& info,
                       const DL& t) noexcept {
  auto fail = [&](Errc code) {
    return Status(code, model).with_tensor(role, index, info.raw_name.data());
  };
  const DataType dtype{static_cast<std::uint8_t>(read_field(t.dtype.code)),
                       static_cast<std::uint8_t>(read_field(t.dtype.bits)),
                       static_cast<std::uint16_t>(read_field(t.dtype.lanes))};
  if (dtype != info.dtype && !(info.dtype == kTvmBool && dtype == kDLPackBool)) {
    return fail(Errc::kDtypeMismatch).with_values(pack_dtype(info.dtype), pack_dtype(dtype));
  }
  const std::size_t rank = info.shape.size();
  const std::int64_t ndim = read_field(t.ndim);
  if (ndim != static_cast<std::int64_t>(rank)) {
    return fail(Errc::kNdimMismatch).with_values(static_cast<std::int64_t>(rank), ndim);
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
  const std::uint64_t byte_offset = t.byte_offset;
  const std::uint64_t element_bytes = (std::uint64_t{info.dtype.bits} * info.dtype.lanes + 7) / 8;
  if (byte_offset % element_bytes != 0) {
    return fail(Errc::kByteOffsetMisaligned)
        .with_values(static_cast<std::int64_t>(element_bytes),
                     static_cast<std::int64_t>(byte_offset));
  }
  const std::int64_t device_type = read_field(t.device.device_type);
  if (device_type != kDLCPU) return fail(Errc::kDeviceNotCpu).with_values(kDLCPU, device_type);
  const std::int64_t device_id = read_field(t.device.device_id);
  if (device_id != 0) return fail(Errc::kDeviceIdNotZero).with_values(0, device_id);
  if (t.data == nullptr) return fail(Errc::kNullData);
  // In 64-bit arithmetic, which also holds a 32-bit target's address space and any offset.
  const std::uint64_t room =
      std::uint64_t{UINTPTR_MAX} - reinterpret_cast<std::uintptr_t>(t.data);  // bytes after data
  if (room < info.size_bytes || byte_offset > room - info.size_bytes) {
    const std::uint64_t largest =
        room < info.size_bytes ? ~std::uint64_t{0} : room - info.size_bytes;
    return fail(Errc::kByteOffsetOverflow)
        .with_values(static_cast<std::int64_t>(largest), static_cast<std::int64_t>(byte_offset));
  }
  return Status{};
}

/// The address of a checked tensor's first byte, data + byte_offset. Computed on integers:
/// DLPack lets data be a base address that byte_offset moves past the object data points to,
/// where pointer arithmetic would be undefined; the result only reaches memmove.
template <class DL>
void* dl_first_byte(const DL& t) noexcept {
  return reinterpret_cast<void*>(  // NOLINT(performance-no-int-to-ptr): see above
      reinterpret_cast<std::uintptr_t>(t.data) + static_cast<std::uintptr_t>(t.byte_offset));
}

/// Copies a tensor between a caller's memory and an executor buffer, which may be the very
/// same bytes (set_input(i, *get_input(i))) or, with a view shifted by hand, overlap in
/// part: memcpy may be given neither.
inline void copy_tensor_bytes(void* to, const void* from, std::size_t bytes) noexcept {
  if (to != from) std::memmove(to, from, bytes);
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
