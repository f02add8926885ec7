// SPDX-License-Identifier: Apache-2.0
#include <aot/dtype.hpp>

#include <catch2/catch.hpp>
#include <cstdint>

TEST_CASE("DataTypeOf follows DLPack's codes") {
  // DLPack: kDLInt 0, kDLUInt 1, kDLFloat 2, kDLBfloat 4; TVM's bool is uint1.
  STATIC_REQUIRE(aot::kDataTypeOf<std::int8_t> == aot::DataType{0, 8, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<std::int16_t> == aot::DataType{0, 16, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<std::int32_t> == aot::DataType{0, 32, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<std::int64_t> == aot::DataType{0, 64, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<std::uint8_t> == aot::DataType{1, 8, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<std::uint16_t> == aot::DataType{1, 16, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<std::uint32_t> == aot::DataType{1, 32, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<std::uint64_t> == aot::DataType{1, 64, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<float> == aot::DataType{2, 32, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<double> == aot::DataType{2, 64, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<aot::Float16> == aot::DataType{2, 16, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<aot::BFloat16> == aot::DataType{4, 16, 1});
  STATIC_REQUIRE(aot::kDataTypeOf<bool> == aot::DataType{1, 1, 1});
}

struct Unmapped {};
struct Int8x4 {
  std::int8_t v[4];
};
template <>
struct aot::DataTypeOf<Int8x4> {
  static constexpr DataType value{kInt, 8, 4};
};

TEST_CASE("user types can be mapped, unmapped ones are detected") {
  STATIC_REQUIRE_FALSE(aot::kHasDataType<Unmapped>);
  STATIC_REQUIRE(aot::kHasDataType<Int8x4>);
  STATIC_REQUIRE(aot::kDataTypeOf<Int8x4> == aot::DataType{0, 8, 4});
  STATIC_REQUIRE(aot::DataType{0, 8, 4} != aot::DataType{0, 8, 1});
}
