// SPDX-License-Identifier: Apache-2.0
// The version the installed headers carry, for comparison with the .pc file's and aot-gen's.
#include <aot/aot.hpp>

#include <cstdio>

int main() {
  std::puts(AOT_VERSION_STRING);
  return 0;
}
