// SPDX-License-Identifier: Apache-2.0
#include <aot/name.hpp>

#include <catch2/catch.hpp>
#include <string_view>

TEST_CASE("sanitising replaces every non-alphanumeric byte by one '_'") {
  STATIC_REQUIRE(aot::sanitize_char('a') == 'a');
  STATIC_REQUIRE(aot::sanitize_char('Z') == 'Z');
  STATIC_REQUIRE(aot::sanitize_char('7') == '7');
  STATIC_REQUIRE(aot::sanitize_char(':') == '_');
  STATIC_REQUIRE(aot::sanitize_char('/') == '_');
  STATIC_REQUIRE(aot::sanitize_char('_') == '_');
  STATIC_REQUIRE(aot::sanitize_char('\xC3') == '_');

  // No collapsing, no case change, no fix of a leading digit.
  constexpr auto s = aot::sanitize<13>("0a::B/c d-e.f");
  REQUIRE(std::string_view(s.data()) == "0a__B_c_d_e_f");
  REQUIRE(s[13] == '\0');
}

TEST_CASE("sanitized_equal compares a raw or sanitised name to a sanitised one") {
  STATIC_REQUIRE(aot::sanitized_equal("input:0", "input_0"));
  STATIC_REQUIRE(aot::sanitized_equal("input_0", "input_0"));
  STATIC_REQUIRE(aot::sanitized_equal("serving_default_input_1:0", "serving_default_input_1_0"));
  STATIC_REQUIRE_FALSE(aot::sanitized_equal("input:0", "input_1"));
  STATIC_REQUIRE_FALSE(aot::sanitized_equal("Input_0", "input_0"));
  STATIC_REQUIRE_FALSE(aot::sanitized_equal("input", "input_0"));
  STATIC_REQUIRE_FALSE(aot::sanitized_equal("input_00", "input_0"));
}

TEST_CASE("a NUL byte in a name matches nothing, not even the '_' it would sanitise to") {
  STATIC_REQUIRE(aot::sanitize_char('\0') == '_');  // as TVM sanitises raw names
  STATIC_REQUIRE(aot::sanitized_equal("x:y", "x_y"));
  STATIC_REQUIRE_FALSE(aot::sanitized_equal(std::string_view("x\0y", 3), "x_y"));
  STATIC_REQUIRE_FALSE(aot::sanitized_equal(std::string_view("x_\0", 3), "x__"));
  STATIC_REQUIRE_FALSE(aot::sanitized_equal(std::string_view("\0", 1), "_"));
}
