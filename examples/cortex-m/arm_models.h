/* SPDX-License-Identifier: Apache-2.0 */
/* The inputs the firmware (arm.cpp) and the host programs (reference.cpp,
 * tests/generator/arm_bit_exact.cpp) feed the Arm-kernel models, and the checksum they print:
 * both sides generate the same bytes, so only checksums need to cross between them. */
#ifndef AOT_EXAMPLE_ARM_MODELS_H_
#define AOT_EXAMPLE_ARM_MODELS_H_

#include <stdint.h>

/* Input sets per fixture: enough random ones to reach every saturation and sign case. */
#define ARM_DENSE_SETS 256u
#define ARM_CONV_SETS 256u
#define ARM_DENSE_IN 64u
#define ARM_DENSE_OUT 16u
#define ARM_CONV_IN 192u
#define ARM_CONV_OUT 512u
/* The real-size model: inferences timed on the board, each output compared in full. */
#define ARMNET_SETS 2u
/* armnet's sets are random ones: the full range, then small magnitudes. */
#define ARMNET_INPUT_SET(s) (4u + (s))
#define ARMNET_IN 3072u
#define ARMNET_OUT 48u
#define ARM_FNV_INIT 0x811c9dc5u

static inline uint32_t arm_xorshift32(uint32_t* state) {
  uint32_t x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return x;
}

/* Sets 0-3 are the extremes (-128 everywhere, 127 everywhere, zeros, -128/127 alternating);
 * later ones are random, in turn over the full range, small magnitudes, only non-negative and
 * only negative values, so that sums land on both sides of every clip. */
static inline void arm_fill_input(uint32_t set, int8_t* x, uint32_t n) {
  uint32_t state = 0x9e3779b9u ^ (set * 2654435761u);
  if (state == 0u) state = 1u;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t r = arm_xorshift32(&state) >> 8;
    int32_t v;
    switch (set < 4u ? set : 4u + set % 4u) {
      case 0:
        v = -128;
        break;
      case 1:
        v = 127;
        break;
      case 2:
        v = 0;
        break;
      case 3:
        v = (i % 2u) != 0u ? 127 : -128;
        break;
      case 4:
        v = (int32_t)(r & 0xFFu) - 128;
        break;
      case 5:
        v = (int32_t)(r & 0x0Fu) - 8;
        break;
      case 6:
        v = (int32_t)(r & 0x7Fu);
        break;
      default:
        v = -1 - (int32_t)(r & 0x7Fu);
        break;
    }
    x[i] = (int8_t)v;
  }
}

static inline uint32_t arm_fnv1a(const void* data, uint32_t n, uint32_t hash) {
  const uint8_t* p = (const uint8_t*)data;
  for (uint32_t i = 0; i < n; ++i) hash = (hash ^ p[i]) * 16777619u;
  return hash;
}

#endif
