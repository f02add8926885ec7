// SPDX-License-Identifier: Apache-2.0
#include <aot/span.hpp>

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

TEST_CASE("Span from an array, a container and pointer+count") {
  int a[3] = {1, 2, 3};
  aot::Span s(a);
  REQUIRE(s.size() == 3);
  REQUIRE(s.data() == a);
  REQUIRE(s[2] == 3);

  std::vector<float> v(5, 1.5f);
  aot::Span<const float> sv(v);
  REQUIRE(sv.size() == 5);
  REQUIRE(sv.data() == v.data());

  aot::Span<const int> sp(a + 1, 2);
  int sum = 0;
  for (int x : sp) sum += x;
  REQUIRE(sum == 5);
  REQUIRE_FALSE(sp.empty());
  REQUIRE(aot::Span<int>().empty());
}
