// SPDX-License-Identifier: Apache-2.0
#include <aot/status.hpp>

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <type_traits>

namespace {
std::string text(const aot::Status& s) { return s.to_string().c_str(); }
}  // namespace

TEST_CASE("a default Status is ok") {
  constexpr aot::Status s;
  STATIC_REQUIRE(s.ok());
  STATIC_REQUIRE(static_cast<bool>(s));
  REQUIRE(text(s) == "ok");
  REQUIRE(std::string(s.message()) == "ok");
  STATIC_REQUIRE(std::is_trivially_copyable_v<aot::Status>);
  STATIC_REQUIRE(sizeof(aot::Status) <= 48);
}

TEST_CASE("every error renders model, tensor and mismatch") {
  using aot::Errc;
  using aot::Role;
  const auto in = [](Errc c) { return aot::Status(c, "m").with_tensor(Role::kInput, 1, "x:0"); };
  // dtype values packed as code | bits << 8 | lanes << 16.
  const std::int64_t uint8 = 1 | (8 << 8) | (1 << 16);
  const std::int64_t float32 = 2 | (32 << 8) | (1 << 16);
  const std::int64_t int8x4 = 0 | (8 << 8) | (4 << 16);

  CHECK(text(aot::Status(Errc::kEntryFailed, "default").with_entry_code(-1)) ==
        "default: the entry function returned -1");
  CHECK(text(aot::Status(Errc::kIndexOutOfRange, "m").with_role(Role::kOutput).with_values(3, 7)) ==
        "m: output index 7 is out of range (the model has 3 outputs)");
  CHECK(text(aot::Status(Errc::kUnknownName, "m").with_role(Role::kInput)) ==
        "m: no input has this name (after sanitising: non-alphanumerics as '_')");
  CHECK(text(in(Errc::kDtypeMismatch).with_values(uint8, float32)) ==
        "m: input 'x:0' (index 1): dtype is float32, expected uint8");
  CHECK(text(in(Errc::kDtypeMismatch).with_values(uint8, int8x4)) ==
        "m: input 'x:0' (index 1): dtype is int8x4, expected uint8");
  CHECK(text(in(Errc::kNdimMismatch).with_values(2, 3)) ==
        "m: input 'x:0' (index 1): ndim is 3, expected 2");
  CHECK(text(in(Errc::kShapeMismatch).with_dimension(1).with_values(2, 5)) ==
        "m: input 'x:0' (index 1): dimension 1 is 5, expected 2");
  CHECK(text(in(Errc::kShapeMismatch).with_dimension(-1)) ==
        "m: input 'x:0' (index 1): shape pointer is null");
  CHECK(text(in(Errc::kStridesNotCompact).with_dimension(0).with_values(2, 1)) ==
        "m: input 'x:0' (index 1): stride of dimension 0 is 1, expected 2 (strides must be NULL "
        "or compact)");
  CHECK(text(in(Errc::kByteOffsetMisaligned).with_values(4, 6)) ==
        "m: input 'x:0' (index 1): byte_offset 6 is not a multiple of the element size 4");
  CHECK(text(in(Errc::kDeviceNotCpu).with_values(1, 2)) ==
        "m: input 'x:0' (index 1): device type is 2, expected kDLCPU (1)");
  CHECK(text(in(Errc::kDeviceIdNotZero).with_values(0, 3)) ==
        "m: input 'x:0' (index 1): device id is 3, expected 0");
  CHECK(text(in(Errc::kNullData)) == "m: input 'x:0' (index 1): data pointer is null");
  CHECK(text(in(Errc::kSizeMismatch).with_values(490, 10)) ==
        "m: input 'x:0' (index 1): got 10 elements, expected 490");
  CHECK(text(in(Errc::kByteOffsetOverflow).with_values(100, 104)) ==
        "m: input 'x:0' (index 1): byte_offset 104 runs past the end of the address space (at "
        "most 100 fits)");
  CHECK(text(in(Errc::kByteOffsetOverflow).with_values(-1, 0)) ==
        "m: input 'x:0' (index 1): byte_offset 0 runs past the end of the address space (none "
        "fits: data is too near the end)");
}

TEST_CASE("byte_offsets are unsigned 64-bit and print as such") {
  const auto s = aot::Status(aot::Errc::kByteOffsetMisaligned, "m").with_values(4, -2);
  REQUIRE(text(s) == "m: byte_offset 18446744073709551614 is not a multiple of the element size 4");
  const auto o = aot::Status(aot::Errc::kByteOffsetOverflow, "m").with_values(INT64_MAX, INT64_MIN);
  REQUIRE(text(o) ==
          "m: byte_offset 9223372036854775808 runs past the end of the address space (at most "
          "9223372036854775807 fits)");
  REQUIRE(std::string(o.message()) == "data + byte_offset overflows the address space");
}

TEST_CASE("extreme integers and truncation") {
  const auto s = aot::Status(aot::Errc::kNdimMismatch, "m").with_values(INT64_MIN, INT64_MAX);
  REQUIRE(text(s) == "m: ndim is 9223372036854775807, expected -9223372036854775808");
  std::string long_name(400, 'n');
  const auto t = aot::Status(aot::Errc::kNullData, long_name.c_str());
  REQUIRE(text(t).size() == aot::StatusText::kCapacity - 1);
}

TEST_CASE("Result carries a value or the Status") {
  constexpr aot::Result<int> good = 5;
  STATIC_REQUIRE(good.ok());
  STATIC_REQUIRE(*good == 5);
  const aot::Result<int> bad = aot::Status(aot::Errc::kUnknownName, "m");
  REQUIRE_FALSE(bad);
  REQUIRE(bad.status().code() == aot::Errc::kUnknownName);
  REQUIRE(bad.value_or(-1) == -1);
}

TEST_CASE("Result has std::expected's names: has_value, value, error") {
  constexpr aot::Result<int> good = 7;
  STATIC_REQUIRE(good.has_value());
  STATIC_REQUIRE(good.value() == 7);
  STATIC_REQUIRE(good.error().ok());
  const aot::Result<int> bad = aot::Status(aot::Errc::kIndexOutOfRange, "m");
  REQUIRE_FALSE(bad.has_value());
  REQUIRE(bad.error().code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(&bad.error() == &bad.status());
}
