/* SPDX-License-Identifier: Apache-2.0 */
/* The model's Arm-intrinsic code, run on the host: (2,3).(4,5) = 23 by SMLAD, plus
 * 3*5 = 15 by SMLABB. */
#include <stdint.h>
#include <stdio.h>

int32_t aot_probe(int32_t a, int32_t b);

int main(void) {
  const int32_t r = aot_probe(0x00020003, 0x00040005);
  printf("aot_probe = %d\n", (int)r);
  return r == 38 ? 0 : 1;
}
