// SPDX-License-Identifier: Apache-2.0
// AOT_TRAP is the library's one compiler-specific spelling: a port defines it. Here it
// records the trap instead of stopping, so the test sees that the library used it.
#include <cstdio>

namespace {
int traps = 0;
}  // namespace

#define AOT_ENABLE_ASSERTS 1
#define AOT_TRAP() (++traps, static_cast<void>(0))
#include <aot/tensor_view.hpp>

struct t4 : aot::TensorSpec<float, 4> {};

int main() {
  float data[4] = {};
  const aot::TensorView<float, t4> view(data);
  static_cast<void>(view[3]);  // in range: no trap
  if (traps != 0) return 1;
  static_cast<void>(view[4]);  // out of range: AOT_ASSERT -> AOT_TRAP()
  if (traps != 1) return 1;
  std::puts("custom_trap: AOT_TRAP() replaced the compiler's trap");
  return 0;
}
