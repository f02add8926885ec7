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
