// SPDX-License-Identifier: Apache-2.0
// The seed model through AotExecutor, doing what size_c.c does, with the same 16-byte buffer
// alignment TVM assumes (the default of 64 only adds .bss padding).
#include <aot/executor.hpp>

#include <cstdint>

#include "board.h"
#include "seed_model.hpp"

static const std::uint8_t in_a[2] = {1, 2};
static const std::uint8_t in_b[2] = {3, 5};
static aot::AotExecutor<seed, 16> exec;

int main() {
  exec.set_input<seed::a>(in_a);
  exec.set_input<seed::b>(in_b);
  if (!exec.run()) return 2;
  const auto out = exec.get_output<seed::output>();
  const bool good = out[0] == 4 && out[1] == 7;
  board_print(good ? "ok\n" : "mismatch\n");
  return good ? 0 : 1;
}
