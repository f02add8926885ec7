// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace aot {

/// Type codes, numbered as DLPack numbers them.
enum DataTypeCode : std::uint8_t {
  kInt = 0,
  kUInt = 1,
  kFloat = 2,
  kOpaqueHandle = 3,
  kBfloat = 4,
  kComplex = 5,
  kBool = 6,
};

/// A tensor element type as DLPack and TVM describe it (`DLDataType`'s layout).
struct DataType {
  /// A DataTypeCode: kInt, kUInt, kFloat, ...
  std::uint8_t code = kInt;
  /// Bits per lane.
  std::uint8_t bits = 0;
  /// Lanes per element (1 for scalars).
  std::uint16_t lanes = 1;

  /// Same code, bits and lanes.
  friend constexpr bool operator==(DataType a, DataType b) noexcept {
    return a.code == b.code && a.bits == b.bits && a.lanes == b.lanes;
  }
  /// Not operator==.
  friend constexpr bool operator!=(DataType a, DataType b) noexcept { return !(a == b); }
};

/// IEEE half-precision storage; the library only moves these bits, it does no arithmetic.
struct Float16 {
  /// The IEEE half-precision bit pattern.
  std::uint16_t bits;
};

/// bfloat16 storage, as Float16.
struct BFloat16 {
  /// The bfloat16 bit pattern.
  std::uint16_t bits;
};

/// Maps a C++ element type to its DataType. Specialise it for your own element types
/// (e.g. a vector type with lanes > 1); an element type without one is a compile error.
template <class T>
struct DataTypeOf;

/// \cond
template <>
struct DataTypeOf<std::int8_t> {
  static constexpr DataType value{kInt, 8, 1};
};
template <>
struct DataTypeOf<std::int16_t> {
  static constexpr DataType value{kInt, 16, 1};
};
template <>
struct DataTypeOf<std::int32_t> {
  static constexpr DataType value{kInt, 32, 1};
};
template <>
struct DataTypeOf<std::int64_t> {
  static constexpr DataType value{kInt, 64, 1};
};
template <>
struct DataTypeOf<std::uint8_t> {
  static constexpr DataType value{kUInt, 8, 1};
};
template <>
struct DataTypeOf<std::uint16_t> {
  static constexpr DataType value{kUInt, 16, 1};
};
template <>
struct DataTypeOf<std::uint32_t> {
  static constexpr DataType value{kUInt, 32, 1};
};
template <>
struct DataTypeOf<std::uint64_t> {
  static constexpr DataType value{kUInt, 64, 1};
};
template <>
struct DataTypeOf<float> {
  static constexpr DataType value{kFloat, 32, 1};
};
template <>
struct DataTypeOf<double> {
  static constexpr DataType value{kFloat, 64, 1};
};
template <>
struct DataTypeOf<Float16> {
  static constexpr DataType value{kFloat, 16, 1};
};
template <>
struct DataTypeOf<BFloat16> {
  static constexpr DataType value{kBfloat, 16, 1};
};
/// \endcond
/// TVM encodes bool as a 1-bit unsigned integer stored one byte per element. A caller's
/// DLTensor may also say DLPack 0.8's kBool with 8 bits; views say uint1.
template <>
struct DataTypeOf<bool> {
  /// uint1, one lane.
  static constexpr DataType value{kUInt, 1, 1};
};

template <class T, class = void>
inline constexpr bool kHasDataType = false;
template <class T>
inline constexpr bool kHasDataType<T, decltype(static_cast<void>(DataTypeOf<T>::value))> = true;

template <class T>
inline constexpr DataType kDataTypeOf = DataTypeOf<T>::value;

}  // namespace aot
