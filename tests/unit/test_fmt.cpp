// SPDX-License-Identifier: Apache-2.0
#include <aot/fmt.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string_view>

namespace {
struct pair_u8 : aot::TensorSpec<std::uint8_t, 1, 2> {
  static constexpr std::string_view raw_name = "p";
};
struct floats : aot::TensorSpec<float, 3> {
  static constexpr std::string_view raw_name = "f";
};
struct signed8 : aot::TensorSpec<std::int8_t, 2> {
  static constexpr std::string_view raw_name = "s";
};
}  // namespace

TEST_CASE("views print flat, uint8 and int8 as numbers") {
  std::uint8_t p[2] = {4, 7};
  REQUIRE(fmt::format("{}", aot::TensorView<const std::uint8_t, pair_u8>(p)) == "[4, 7]");
  std::int8_t s[2] = {-128, 5};
  REQUIRE(fmt::format("{}", aot::TensorView<std::int8_t, signed8>(s)) == "[-128, 5]");
  float f[3] = {0.5f, 1.f, -2.25f};
  REQUIRE(fmt::format("{:.2f}", aot::TensorView<float, floats>(f)) == "[0.50, 1.00, -2.25]");
}

TEST_CASE("views format with fmt's range support in scope, shapes as ranges") {
  std::uint8_t p[2] = {4, 7};
  const aot::TensorView<const std::uint8_t, pair_u8> v(p);
  REQUIRE(fmt::format("{} {}", v.shape(), v) == "[1, 2] [4, 7]");
}

TEST_CASE("Status and DataType print as text") {
  const auto st = aot::Status(aot::Errc::kEntryFailed, "kws").with_entry_code(-1);
  REQUIRE(fmt::format("{}", st) == "kws: the entry function returned -1");
  REQUIRE(fmt::format("{}", aot::Status{}) == "ok");
  REQUIRE(fmt::format("{}", aot::DataType{aot::kFloat, 16, 1}) == "float16");
  REQUIRE(fmt::format("{}", aot::kDataTypeOf<bool>) == "bool");
  REQUIRE(fmt::format("{:>8}", aot::DataType{aot::kInt, 8, 1}) == "    int8");
}
