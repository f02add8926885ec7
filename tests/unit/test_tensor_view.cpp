// SPDX-License-Identifier: Apache-2.0
#include <aot/tensor_view.hpp>

#include <catch2/catch.hpp>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace {
struct cube : aot::TensorSpec<std::int32_t, 2, 3, 4> {
  static constexpr std::string_view raw_name = "cube";
};
}  // namespace

TEST_CASE("multi-index access is row-major") {
  std::int32_t data[24];
  for (int i = 0; i < 24; ++i) data[i] = i;
  aot::TensorView<std::int32_t, cube> v(data);
  STATIC_REQUIRE(decltype(v)::rank() == 3);
  STATIC_REQUIRE(decltype(v)::size() == 24);
  STATIC_REQUIRE(decltype(v)::bytes() == 96);
  STATIC_REQUIRE(decltype(v)::shape()[2] == 4);
  STATIC_REQUIRE(sizeof(v) == sizeof(void*));
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 3; ++j) {
      for (int k = 0; k < 4; ++k) REQUIRE(v(i, j, k) == i * 12 + j * 4 + k);
    }
  }
  REQUIRE(v[23] == 23);
}

TEST_CASE("writes go to the buffer; a const view only reads") {
  std::int32_t data[24] = {};
  aot::TensorView<std::int32_t, cube> v(data);
  v(1, 2, 3) = 42;
  REQUIRE(data[23] == 42);
  aot::TensorView<const std::int32_t, cube> c = v;
  REQUIRE(c.data() == data);
  STATIC_REQUIRE(std::is_const_v<std::remove_reference_t<decltype(c[0])>>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<aot::TensorView<const std::int32_t, cube>,
                                             aot::TensorView<std::int32_t, cube>>);
  int n = 0;
  for (std::int32_t x : c) n += x;
  REQUIRE(n == 42);
  REQUIRE(c.end() - c.begin() == 24);
}
