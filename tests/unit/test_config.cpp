// SPDX-License-Identifier: Apache-2.0
#include <aot/config.hpp>

#include <catch2/catch.hpp>

TEST_CASE("version and default alignment") {
  STATIC_REQUIRE(AOT_VERSION_MAJOR == 0);
  STATIC_REQUIRE(AOT_VERSION_MINOR == 1);
  // TVM's own allocations are 64-byte aligned; buffers default to the same.
  STATIC_REQUIRE(AOT_DEFAULT_ALIGNMENT == 64);
}

TEST_CASE("AOT_ASSERT passes through a true condition") {
  int evaluated = 0;
  AOT_ASSERT((++evaluated, true));
#if AOT_ENABLE_ASSERTS
  REQUIRE(evaluated == 1);
#else
  REQUIRE(evaluated == 0);
#endif
}
