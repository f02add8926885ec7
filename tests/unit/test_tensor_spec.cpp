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
