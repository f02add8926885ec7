// SPDX-License-Identifier: Apache-2.0
// `auto [y] = exec.infer(x);` after a failed run must not read stale outputs unnoticed: with
// AOT_ENABLE_ASSERTS the destructuring traps. The test expects this program to die after
// printing its marker; exiting normally is the failure.
#define AOT_ENABLE_ASSERTS 1
#include <aot/executor.hpp>

#include <array>
#include <cstdio>

#include "failing_model.hpp"

int main() {
  static aot::AotExecutor<failing> exec;
  std::puts("infer_trap: destructuring the result of a failed run");
  std::fflush(stdout);
  auto [y] = exec.infer(std::array<float, 2>{-1.f, 1.f});  // negative: the model fails
  std::printf("infer_trap: not trapped, read %f\n", static_cast<double>(y[0]));
  return 0;
}
