/* SPDX-License-Identifier: Apache-2.0 */
/* The helpers of CMSIS-NN's <arm_nnsupportfunctions.h> that TVM's arm_cpu kernels call
 * (read_and_pad, and the word reads it is built from), for builds without CMSIS-NN: on the
 * build machine and on a Cortex-M alike. Written for aot from CMSIS-NN's documented behaviour:
 * four int8 values become four sign-extended halfwords packed two to a word, in memory order
 * for read_and_pad and as SXTB16 leaves them (even bytes, then odd) for
 * read_and_pad_reordered. Little-endian only, like every Cortex-M build of TVM's kernels. */
#ifndef AOT_COMPAT_CMSIS_NN_ARM_NNSUPPORTFUNCTIONS_H_
#define AOT_COMPAT_CMSIS_NN_ARM_NNSUPPORTFUNCTIONS_H_

#include <stdint.h>
#include <string.h>

#include "aot_cmsis_intrinsics.h"

#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && \
    __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#error "aot's arm_nnsupportfunctions.h supports little-endian targets only"
#endif

#ifndef AOT_CMSIS_Q_TYPES_
#define AOT_CMSIS_Q_TYPES_ 1
typedef int8_t q7_t;
typedef int16_t q15_t;
typedef int32_t q31_t;
typedef int64_t q63_t;
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Word reads through memcpy: the kernels' pointers are neither aligned nor of the word's
 * type, and memcpy of 4 bytes compiles to one load where unaligned loads are allowed. */
__STATIC_FORCEINLINE int32_t arm_nn_read_s8x4(const int8_t* in) {
  int32_t v;
  memcpy(&v, in, 4);
  return v;
}
__STATIC_FORCEINLINE int32_t arm_nn_read_s8x4_ia(const int8_t** in) {
  const int32_t v = arm_nn_read_s8x4(*in);
  *in += 4;
  return v;
}
__STATIC_FORCEINLINE int32_t arm_nn_read_s16x2(const int16_t* in) {
  int32_t v;
  memcpy(&v, in, 4);
  return v;
}
__STATIC_FORCEINLINE int32_t arm_nn_read_s16x2_ia(const int16_t** in) {
  const int32_t v = arm_nn_read_s16x2(*in);
  *in += 2;
  return v;
}
/* The names of CMSIS-NN before its s8/s16 renaming. */
__STATIC_FORCEINLINE q31_t arm_nn_read_q7x4(const q7_t* in_q7) { return arm_nn_read_s8x4(in_q7); }
__STATIC_FORCEINLINE q31_t arm_nn_read_q7x4_ia(const q7_t** in_q7) {
  return arm_nn_read_s8x4_ia(in_q7);
}
__STATIC_FORCEINLINE q31_t arm_nn_read_q15x2(const q15_t* in_q15) {
  return arm_nn_read_s16x2(in_q15);
}
__STATIC_FORCEINLINE q31_t arm_nn_read_q15x2_ia(const q15_t** in_q15) {
  return arm_nn_read_s16x2_ia(in_q15);
}

/* source[0..3] = a0 a1 a2 a3 -> *out1 = (a1 << 16) | a0, *out2 = (a3 << 16) | a2, each
 * halfword sign-extended: the order SMLAD needs to pair a0 with the other operand's b0.
 * SXTB16 takes bytes 0 and 2 (a0, a2), of the word rotated by 8 bytes 1 and 3 (a1, a3); the
 * two packs interleave them back into memory order. Returns source + 4. */
__STATIC_FORCEINLINE const q7_t* read_and_pad(const q7_t* source, q31_t* out1, q31_t* out2) {
  const q31_t in = arm_nn_read_q7x4_ia(&source);
  const q31_t odd = (q31_t)__SXTB16(__ROR((uint32_t)in, 8)); /* a1, a3 */
  const q31_t even = (q31_t)__SXTB16((uint32_t)in);          /* a0, a2 */
  *out2 = (q31_t)__PKHTB(odd, even, 16);
  *out1 = (q31_t)__PKHBT(even, odd, 16);
  return source;
}

/* As read_and_pad without the packs: *out1 = (a2 << 16) | a0, *out2 = (a3 << 16) | a1, for
 * kernels whose other operand is reordered the same way. Returns source + 4. */
__STATIC_FORCEINLINE const q7_t* read_and_pad_reordered(const q7_t* source, q31_t* out1,
                                                        q31_t* out2) {
  const q31_t in = arm_nn_read_q7x4_ia(&source);
  *out2 = (q31_t)__SXTB16(__ROR((uint32_t)in, 8));
  *out1 = (q31_t)__SXTB16((uint32_t)in);
  return source;
}

#ifdef __cplusplus
}
#endif

#endif
