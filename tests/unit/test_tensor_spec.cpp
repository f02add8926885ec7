// SPDX-License-Identifier: Apache-2.0
#include <aot/tensor_spec.hpp>

#include <catch2/catch.hpp>
#include <cstdint>
#include <string_view>

namespace {
struct image : aot::TensorSpec<float, 1, 3, 4, 5> {
  static constexpr std::string_view raw_name = "serving_default_image:0";
};
struct scalar : aot::TensorSpec<std::int64_t> {
  static constexpr std::string_view raw_name = "step";
};
struct sized : aot::TensorSpec<std::int16_t, 7> {
  static constexpr std::string_view raw_name = "s";
  static constexpr std::size_t size_bytes = 14;
  static constexpr std::string_view name = "s";
};
}  // namespace

TEST_CASE("traits derived from a tensor description") {
  using T = aot::detail::TensorTraits<image>;
  STATIC_REQUIRE(T::rank == 4);
  STATIC_REQUIRE(T::count == std::size_t{1} * 3 * 4 * 5);
  STATIC_REQUIRE(T::bytes == std::size_t{60} * 4);
  STATIC_REQUIRE(T::dims_positive);
  REQUIRE(std::string_view(T::raw_name()) == "serving_default_image:0");
  REQUIRE(std::string_view(T::name()) == "serving_default_image_0");
  STATIC_REQUIRE(T::name_view() == "serving_default_image_0");
}

TEST_CASE("a rank-0 tensor holds one element") {
  using T = aot::detail::TensorTraits<scalar>;
  STATIC_REQUIRE(T::rank == 0);
  STATIC_REQUIRE(T::count == 1);
  STATIC_REQUIRE(T::bytes == 8);
}

TEST_CASE("optional members are detected") {
  STATIC_REQUIRE(aot::detail::kHasSizeBytes<sized>);
  STATIC_REQUIRE(aot::detail::kHasSanitizedName<sized>);
  STATIC_REQUIRE_FALSE(aot::detail::kHasSizeBytes<image>);
  STATIC_REQUIRE_FALSE(aot::detail::kHasSanitizedName<image>);
  STATIC_REQUIRE(aot::detail::TensorTraits<sized>::bytes == sized::size_bytes);
  STATIC_REQUIRE(aot::detail::TensorTraits<sized>::name_view() == sized::name);
  STATIC_REQUIRE(aot::detail::TensorTraits<scalar>::raw_view == "step");
}

namespace {
struct bad : aot::TensorSpec<float, 2, -3> {
  static constexpr std::string_view raw_name = "bad";
};
}  // namespace

TEST_CASE("a bad dimension leaves a zero count instead of a wrapped one") {
  STATIC_REQUIRE_FALSE(aot::detail::TensorTraits<bad>::dims_positive);
  STATIC_REQUIRE(aot::detail::TensorTraits<bad>::count == 0);
}

namespace {
// 274177 x 67280421310721 = 2^64 + 1: a naive product wraps to a count of 1 (F09).
struct wraps_to_one : aot::TensorSpec<std::uint8_t, 274177, 67280421310721> {
  static constexpr std::string_view raw_name = "w";
};
// 2^61 doubles: the count fits, its 2^64 bytes wrap to 0.
struct bytes_wrap : aot::TensorSpec<double, std::int64_t{1} << 61> {
  static constexpr std::string_view raw_name = "b";
};
// 2^61 floats are 2^63 bytes: no wrap, but one more than PTRDIFF_MAX, past any object.
struct past_ptrdiff : aot::TensorSpec<float, std::int64_t{1} << 30, std::int64_t{1} << 31> {
  static constexpr std::string_view raw_name = "p";
};
// 2^62 bytes in two dimensions: large, but an object may be that large.
struct largest_kind : aot::TensorSpec<std::uint8_t, std::int64_t{1} << 31, std::int64_t{1} << 31> {
  static constexpr std::string_view raw_name = "l";
};
}  // namespace

TEST_CASE("shapes whose size overflows are flagged, never wrapped") {
  using W = aot::detail::TensorTraits<wraps_to_one>;
  STATIC_REQUIRE(W::dims_positive);
  STATIC_REQUIRE(W::size_overflows);
  STATIC_REQUIRE(W::count == 0);
  STATIC_REQUIRE(W::bytes == 0);
  STATIC_REQUIRE(aot::detail::TensorTraits<bytes_wrap>::size_overflows);
  STATIC_REQUIRE(aot::detail::TensorTraits<bytes_wrap>::count == 0);
  STATIC_REQUIRE(aot::detail::TensorTraits<past_ptrdiff>::size_overflows);
  STATIC_REQUIRE_FALSE(aot::detail::TensorTraits<largest_kind>::size_overflows);
  STATIC_REQUIRE(aot::detail::TensorTraits<largest_kind>::bytes == std::size_t{1} << 62);
  STATIC_REQUIRE_FALSE(aot::detail::TensorTraits<image>::size_overflows);
  STATIC_REQUIRE_FALSE(aot::detail::TensorTraits<scalar>::size_overflows);
}
