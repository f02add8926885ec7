/* SPDX-License-Identifier: Apache-2.0 */
/* The seed model driven the way TVM's own demos do it: static buffers, memcpy, the C call. */
#include <string.h>

#include "board.h"
#include "tvmgen_default.h"

static const uint8_t in_a[2] = {1, 2};
static const uint8_t in_b[2] = {3, 5};
static uint8_t a[2] __attribute__((aligned(16)));
static uint8_t b[2] __attribute__((aligned(16)));
static uint8_t out[2] __attribute__((aligned(16)));

int main(void) {
  memcpy(a, in_a, sizeof a);
  memcpy(b, in_b, sizeof b);
  struct tvmgen_default_inputs inputs = {.a = a, .b = b};
  struct tvmgen_default_outputs outputs = {.output = out};
  if (tvmgen_default_run(&inputs, &outputs) != 0) return 2;
  const int good = out[0] == 4 && out[1] == 7;
  board_print(good ? "ok\n" : "mismatch\n");
  return good ? 0 : 1;
}
