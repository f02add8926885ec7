/* SPDX-License-Identifier: Apache-2.0 */
/* <arm_acle.h> for compilers that do not target Arm: portable C for the Arm C Language
 * Extensions intrinsics that TVM's arm_cpu schedules (and CMSIS-NN style code) emit, so that
 * a model built for a Cortex-M runs on the build machine with bit-identical results.
 *
 * Written for aot from Arm's descriptions of the instructions (Armv7-M/Armv7E-M) and of the
 * intrinsics (ACLE): results wrap or saturate exactly where the instruction does, and the
 * instructions that set the sticky Q flag set aot's copy of it. This folder is on the include
 * path only of compilers that do not target Arm (aot::arm_host_intrinsics decides with a
 * compile test); an Arm compiler uses its own <arm_acle.h> and the real instructions.
 *
 * The Q flag: one sticky flag per thread, shared by every translation unit of the program (a
 * weak thread-local symbol with GCC and Clang), read with __saturation_occurred() and set or
 * cleared with __set_saturation_occurred(), as ACLE specifies. Nothing else reads it. */
#ifndef AOT_COMPAT_ARM_ARM_ACLE_H_
#define AOT_COMPAT_ARM_ARM_ACLE_H_
/* These are the compiler's and CMSIS's own names, reserved by design. */
/* NOLINTBEGIN(bugprone-reserved-identifier) */

#if defined(__arm__) || defined(__aarch64__)
#error \
    "aot's host <arm_acle.h> is on the include path of an Arm compiler: the Arm toolchain's own " \
       "must be used (link aot::arm_host_intrinsics only through its compile test, or remove " \
       "include/aot/compat/arm from the include path)"
#endif

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ACLE's SIMD32 types: 32-bit integers holding two halfwords or four bytes. */
typedef int32_t int8x4_t;
typedef int32_t int16x2_t;
typedef uint32_t uint8x4_t;
typedef uint32_t uint16x2_t;

#if defined(__GNUC__) || defined(__clang__)
__attribute__((weak)) __thread int aot_acle_q_flag;
#define AOT_ACLE_INLINE static __inline__ __attribute__((always_inline, unused))
#else
/* Without weak symbols each translation unit keeps its own flag. */
static int aot_acle_q_flag;
#define AOT_ACLE_INLINE static inline
#endif

/* TVM's arm_cpu C defines __ror (a function) and __pkhbt/__pkhtb (inline asm) itself, inside
 * #ifndef ARM_CPU_INTRINSICS_EXIST, for GCC's <arm_acle.h> lacks them: on this host they are
 * defined below with the same meaning, so the model must not define them again (a second
 * __ror, or asm for an x86 assembler). ARM_CPU_ROR_EXISTS: the same for code guarding __ror
 * alone. The model's read_and_pad (under its own guard) is plain C over these and stays. */
#define ARM_CPU_INTRINSICS_EXIST 1
#define ARM_CPU_ROR_EXISTS 1

/* Conversions between the 32-bit register image and signed values. Both are
 * implementation-defined for out-of-range values in C; GCC and Clang define them as modulo
 * 2^n, which is what a register holds. */
AOT_ACLE_INLINE int32_t aot_acle_s32(uint32_t x) { return (int32_t)x; }
AOT_ACLE_INLINE int32_t aot_acle_lo16(uint32_t x) { return (int16_t)(uint16_t)(x & 0xFFFFu); }
AOT_ACLE_INLINE int32_t aot_acle_hi16(uint32_t x) { return (int16_t)(uint16_t)(x >> 16); }
AOT_ACLE_INLINE int32_t aot_acle_b8(uint32_t x, unsigned byte) {
  return (int8_t)(uint8_t)((x >> (8u * byte)) & 0xFFu);
}
AOT_ACLE_INLINE uint32_t aot_acle_pack16(int32_t lo, int32_t hi) {
  return ((uint32_t)lo & 0xFFFFu) | (((uint32_t)hi & 0xFFFFu) << 16);
}
/* The low 32 bits of an exact result; Q set when they do not hold it. */
AOT_ACLE_INLINE int32_t aot_acle_wrap_q(int64_t exact) {
  const int32_t r = aot_acle_s32((uint32_t)(uint64_t)exact);
  if ((int64_t)r != exact) aot_acle_q_flag = 1;
  return r;
}
AOT_ACLE_INLINE int32_t aot_acle_sat32(int64_t exact, int set_q) {
  if (exact > INT32_MAX) {
    if (set_q) aot_acle_q_flag = 1;
    return INT32_MAX;
  }
  if (exact < INT32_MIN) {
    if (set_q) aot_acle_q_flag = 1;
    return INT32_MIN;
  }
  return (int32_t)exact;
}
AOT_ACLE_INLINE int32_t aot_acle_sat16(int32_t exact) {
  return exact > 32767 ? 32767 : exact < -32768 ? -32768 : exact;
}

/* The Q flag. */
AOT_ACLE_INLINE int __saturation_occurred(void) { return aot_acle_q_flag; }
AOT_ACLE_INLINE void __set_saturation_occurred(int flag) { aot_acle_q_flag = flag != 0; }
AOT_ACLE_INLINE void __ignore_saturation(void) {}

/* Data processing. */
AOT_ACLE_INLINE uint32_t __ror(uint32_t x, uint32_t y) {
  y %= 32u;
  return y == 0u ? x : (x >> y) | (x << (32u - y));
}

/* Saturation to a bit width (SSAT: 1..32, USAT: 0..31), Q set when the value was clipped.
 * ACLE requires a constant width; these take any and clamp it to the legal range. */
AOT_ACLE_INLINE int32_t aot_acle_ssat(int32_t x, unsigned bits) {
  if (bits < 1u) bits = 1u;
  if (bits >= 32u) return x;
  {
    const int32_t hi = (int32_t)((1u << (bits - 1u)) - 1u);
    const int32_t lo = -hi - 1;
    if (x > hi) {
      aot_acle_q_flag = 1;
      return hi;
    }
    if (x < lo) {
      aot_acle_q_flag = 1;
      return lo;
    }
    return x;
  }
}
AOT_ACLE_INLINE uint32_t aot_acle_usat(int32_t x, unsigned bits) {
  const uint32_t hi = bits >= 31u ? 0x7FFFFFFFu : (1u << bits) - 1u;
  if (x < 0) {
    aot_acle_q_flag = 1;
    return 0u;
  }
  if ((uint32_t)x > hi) {
    aot_acle_q_flag = 1;
    return hi;
  }
  return (uint32_t)x;
}
#define __ssat(x, sat) aot_acle_ssat((int32_t)(x), (unsigned)(sat))
#define __usat(x, sat) aot_acle_usat((int32_t)(x), (unsigned)(sat))

/* 32-bit saturating arithmetic (QADD, QSUB, QDADD's doubling): Q set on saturation. */
AOT_ACLE_INLINE int32_t __qadd(int32_t a, int32_t b) { return aot_acle_sat32((int64_t)a + b, 1); }
AOT_ACLE_INLINE int32_t __qsub(int32_t a, int32_t b) { return aot_acle_sat32((int64_t)a - b, 1); }
AOT_ACLE_INLINE int32_t __qdbl(int32_t a) { return __qadd(a, a); }

/* Halfword multiplies: b = bottom halfword, t = top; the first letter picks the halfword of
 * the first operand. SMUL* cannot overflow; SMLA* wraps and sets Q when the accumulation
 * overflows. */
AOT_ACLE_INLINE int32_t __smulbb(int32_t a, int32_t b) {
  return aot_acle_lo16((uint32_t)a) * aot_acle_lo16((uint32_t)b);
}
AOT_ACLE_INLINE int32_t __smulbt(int32_t a, int32_t b) {
  return aot_acle_lo16((uint32_t)a) * aot_acle_hi16((uint32_t)b);
}
AOT_ACLE_INLINE int32_t __smultb(int32_t a, int32_t b) {
  return aot_acle_hi16((uint32_t)a) * aot_acle_lo16((uint32_t)b);
}
AOT_ACLE_INLINE int32_t __smultt(int32_t a, int32_t b) {
  return aot_acle_hi16((uint32_t)a) * aot_acle_hi16((uint32_t)b);
}
/* SMULW*: the top 32 bits of the 48-bit product of a word and a halfword. */
AOT_ACLE_INLINE int32_t __smulwb(int32_t a, int32_t b) {
  return (int32_t)(((int64_t)a * aot_acle_lo16((uint32_t)b)) >> 16);
}
AOT_ACLE_INLINE int32_t __smulwt(int32_t a, int32_t b) {
  return (int32_t)(((int64_t)a * aot_acle_hi16((uint32_t)b)) >> 16);
}
AOT_ACLE_INLINE int32_t __smlabb(int32_t a, int32_t b, int32_t c) {
  return aot_acle_wrap_q((int64_t)__smulbb(a, b) + c);
}
AOT_ACLE_INLINE int32_t __smlabt(int32_t a, int32_t b, int32_t c) {
  return aot_acle_wrap_q((int64_t)__smulbt(a, b) + c);
}
AOT_ACLE_INLINE int32_t __smlatb(int32_t a, int32_t b, int32_t c) {
  return aot_acle_wrap_q((int64_t)__smultb(a, b) + c);
}
AOT_ACLE_INLINE int32_t __smlatt(int32_t a, int32_t b, int32_t c) {
  return aot_acle_wrap_q((int64_t)__smultt(a, b) + c);
}
AOT_ACLE_INLINE int32_t __smlawb(int32_t a, int32_t b, int32_t c) {
  return aot_acle_wrap_q((int64_t)__smulwb(a, b) + c);
}
AOT_ACLE_INLINE int32_t __smlawt(int32_t a, int32_t b, int32_t c) {
  return aot_acle_wrap_q((int64_t)__smulwt(a, b) + c);
}

/* Byte extension (SXTB16, UXTB16, SXTAB16, UXTAB16): bytes 0 and 2 to halfwords 0 and 1. */
AOT_ACLE_INLINE int16x2_t __sxtb16(int8x4_t a) {
  return aot_acle_s32(aot_acle_pack16(aot_acle_b8((uint32_t)a, 0), aot_acle_b8((uint32_t)a, 2)));
}
AOT_ACLE_INLINE uint16x2_t __uxtb16(uint8x4_t a) { return a & 0x00FF00FFu; }
AOT_ACLE_INLINE int16x2_t __sxtab16(int16x2_t a, int8x4_t b) {
  return aot_acle_s32(aot_acle_pack16(aot_acle_lo16((uint32_t)a) + aot_acle_b8((uint32_t)b, 0),
                                      aot_acle_hi16((uint32_t)a) + aot_acle_b8((uint32_t)b, 2)));
}
AOT_ACLE_INLINE uint16x2_t __uxtab16(uint16x2_t a, uint8x4_t b) {
  return aot_acle_pack16((int32_t)((a & 0xFFFFu) + (b & 0xFFu)),
                         (int32_t)((a >> 16) + ((b >> 16) & 0xFFu)));
}

/* Halfword pairs: SADD16/SSUB16 wrap (they set the GE flags, which nothing here models);
 * QADD16/QSUB16 saturate each halfword and leave Q alone. */
AOT_ACLE_INLINE int16x2_t __sadd16(int16x2_t a, int16x2_t b) {
  return aot_acle_s32(aot_acle_pack16(aot_acle_lo16((uint32_t)a) + aot_acle_lo16((uint32_t)b),
                                      aot_acle_hi16((uint32_t)a) + aot_acle_hi16((uint32_t)b)));
}
AOT_ACLE_INLINE int16x2_t __ssub16(int16x2_t a, int16x2_t b) {
  return aot_acle_s32(aot_acle_pack16(aot_acle_lo16((uint32_t)a) - aot_acle_lo16((uint32_t)b),
                                      aot_acle_hi16((uint32_t)a) - aot_acle_hi16((uint32_t)b)));
}
AOT_ACLE_INLINE int16x2_t __qadd16(int16x2_t a, int16x2_t b) {
  return aot_acle_s32(
      aot_acle_pack16(aot_acle_sat16(aot_acle_lo16((uint32_t)a) + aot_acle_lo16((uint32_t)b)),
                      aot_acle_sat16(aot_acle_hi16((uint32_t)a) + aot_acle_hi16((uint32_t)b))));
}
AOT_ACLE_INLINE int16x2_t __qsub16(int16x2_t a, int16x2_t b) {
  return aot_acle_s32(
      aot_acle_pack16(aot_acle_sat16(aot_acle_lo16((uint32_t)a) - aot_acle_lo16((uint32_t)b)),
                      aot_acle_sat16(aot_acle_hi16((uint32_t)a) - aot_acle_hi16((uint32_t)b))));
}

/* Dual 16-bit multiplies (SMUAD, SMUADX, SMLAD, SMLADX, SMUSD, SMLSD, SMLALD): the X forms
 * swap the halfwords of the second operand. The sum is formed exactly and wraps to 32 bits;
 * Q is set when the exact sum does not fit, not when a partial sum would not have. */
AOT_ACLE_INLINE int64_t aot_acle_dual(int16x2_t a, int16x2_t b, int swap, int subtract) {
  const int32_t bl = swap ? aot_acle_hi16((uint32_t)b) : aot_acle_lo16((uint32_t)b);
  const int32_t bh = swap ? aot_acle_lo16((uint32_t)b) : aot_acle_hi16((uint32_t)b);
  const int64_t p1 = (int64_t)aot_acle_lo16((uint32_t)a) * bl;
  const int64_t p2 = (int64_t)aot_acle_hi16((uint32_t)a) * bh;
  return subtract ? p1 - p2 : p1 + p2;
}
AOT_ACLE_INLINE int32_t __smuad(int16x2_t a, int16x2_t b) {
  return aot_acle_wrap_q(aot_acle_dual(a, b, 0, 0));
}
AOT_ACLE_INLINE int32_t __smuadx(int16x2_t a, int16x2_t b) {
  return aot_acle_wrap_q(aot_acle_dual(a, b, 1, 0));
}
AOT_ACLE_INLINE int32_t __smlad(int16x2_t a, int16x2_t b, int32_t c) {
  return aot_acle_wrap_q(aot_acle_dual(a, b, 0, 0) + c);
}
AOT_ACLE_INLINE int32_t __smladx(int16x2_t a, int16x2_t b, int32_t c) {
  return aot_acle_wrap_q(aot_acle_dual(a, b, 1, 0) + c);
}
/* SMUSD cannot overflow; SMLSD sets Q like SMLAD. */
AOT_ACLE_INLINE int32_t __smusd(int16x2_t a, int16x2_t b) {
  return (int32_t)aot_acle_dual(a, b, 0, 1);
}
AOT_ACLE_INLINE int32_t __smusdx(int16x2_t a, int16x2_t b) {
  return (int32_t)aot_acle_dual(a, b, 1, 1);
}
AOT_ACLE_INLINE int32_t __smlsd(int16x2_t a, int16x2_t b, int32_t c) {
  return aot_acle_wrap_q(aot_acle_dual(a, b, 0, 1) + c);
}
AOT_ACLE_INLINE int32_t __smlsdx(int16x2_t a, int16x2_t b, int32_t c) {
  return aot_acle_wrap_q(aot_acle_dual(a, b, 1, 1) + c);
}
/* SMLALD: a 64-bit accumulator, wrapping modulo 2^64 and never touching Q. */
AOT_ACLE_INLINE int64_t __smlald(int16x2_t a, int16x2_t b, int64_t c) {
  return (int64_t)((uint64_t)aot_acle_dual(a, b, 0, 0) + (uint64_t)c);
}
AOT_ACLE_INLINE int64_t __smlaldx(int16x2_t a, int16x2_t b, int64_t c) {
  return (int64_t)((uint64_t)aot_acle_dual(a, b, 1, 0) + (uint64_t)c);
}

/* Not ACLE, but called through <arm_acle.h> by TVM's generated kernels: the halfword packs
 * (PKHBT, PKHTB) with their immediate shift. PKHBT: bottom of a, top of (b LSL shift), shift
 * 0..31. PKHTB: top of a, bottom of (b ASR shift), shift 1..32 (32 fills with the sign; 0
 * takes b unshifted). */
AOT_ACLE_INLINE uint32_t aot_acle_pkhbt(uint32_t a, uint32_t b, unsigned shift) {
  return (a & 0x0000FFFFu) | ((shift >= 32u ? 0u : b << shift) & 0xFFFF0000u);
}
AOT_ACLE_INLINE uint32_t aot_acle_pkhtb(uint32_t a, uint32_t b, unsigned shift) {
  const int32_t sb = aot_acle_s32(b);
  const int32_t shifted = shift >= 32u ? (sb < 0 ? -1 : 0) : (sb >> shift);
  return (a & 0xFFFF0000u) | ((uint32_t)shifted & 0x0000FFFFu);
}
#define __pkhbt(a, b, shift) aot_acle_pkhbt((uint32_t)(a), (uint32_t)(b), (unsigned)(shift))
#define __pkhtb(a, b, shift) aot_acle_pkhtb((uint32_t)(a), (uint32_t)(b), (unsigned)(shift))

#ifdef __cplusplus
}
#endif

/* NOLINTEND(bugprone-reserved-identifier) */
#endif
