/* SPDX-License-Identifier: Apache-2.0 */
/* The CMSIS-Core names of the Armv7E-M DSP intrinsics (__SMLAD, __SXTB16, __ROR, __PKHBT,
 * ...) that TVM's older arm_cpu kernels and CMSIS-NN style code call, for builds that have no
 * CMSIS: on the build machine (through aot's host <arm_acle.h>) and on a Cortex-M (through
 * the toolchain's <arm_acle.h>, so each is the single real instruction). Written for aot from
 * Arm's descriptions of the instructions; the signatures take and return the same integer
 * types as CMSIS-Core's, so the generated code's implicit conversions are the same.
 *
 * Named so that it never stands in for CMSIS-Core's cmsis_compiler.h: a firmware with CMSIS
 * includes its own, and when that one came first nothing is defined here twice. */
#ifndef AOT_COMPAT_CMSIS_AOT_CMSIS_INTRINSICS_H_
#define AOT_COMPAT_CMSIS_AOT_CMSIS_INTRINSICS_H_
/* These are the compiler's and CMSIS's own names, reserved by design. */
/* NOLINTBEGIN(bugprone-reserved-identifier) */

#include <stdint.h>

#if (defined(__arm__) || defined(__aarch64__)) && !defined(__ARM_FEATURE_SIMD32)
#error \
    "this Arm core has no DSP extension (__ARM_FEATURE_SIMD32): the model's DSP kernels need " \
       "a Cortex-M4/M7/M33/M55 target (-mcpu=...)"
#endif
/* The toolchain's on Arm; aot's portable one (include/aot/compat/arm) elsewhere. */
#include <arm_acle.h>

#ifndef __STATIC_INLINE
#define __STATIC_INLINE static inline
#endif
#ifndef __STATIC_FORCEINLINE
#define __STATIC_FORCEINLINE __attribute__((always_inline)) static inline
#endif
#ifndef __WEAK
#define __WEAK __attribute__((weak))
#endif
#ifndef __ALIGNED
#define __ALIGNED(x) __attribute__((aligned(x)))
#endif
#ifndef __RESTRICT
#define __RESTRICT __restrict
#endif

#if !defined(__CMSIS_GCC_H) && !defined(__CMSIS_ARMCLANG_H) && !defined(__CMSIS_CLANG_H) && \
    !defined(AOT_CMSIS_INTRINSICS_DEFINED_)
#define AOT_CMSIS_INTRINSICS_DEFINED_ 1

#ifdef __cplusplus
extern "C" {
#endif

/* Rotation by any amount (modulo 32). Written out rather than through ACLE's __ror, which
 * arm-none-eabi-gcc 12's <arm_acle.h> lacks; GCC turns it into one ROR. */
__STATIC_FORCEINLINE uint32_t __ROR(uint32_t op1, uint32_t op2) {
  op2 %= 32u;
  return op2 == 0u ? op1 : (op1 >> op2) | (op1 << (32u - op2));
}

/* PKHBT: bottom halfword of ARG1, top of (ARG2 LSL ARG3). PKHTB: top halfword of ARG1, bottom
 * of (ARG2 ASR ARG3); the arithmetic shift matters only for shifts above 16. ACLE has no
 * intrinsic for either. */
__STATIC_FORCEINLINE uint32_t aot_cmsis_pkhbt(uint32_t a, uint32_t b, uint32_t shift) {
  return (a & 0x0000FFFFu) | ((shift >= 32u ? 0u : b << shift) & 0xFFFF0000u);
}
__STATIC_FORCEINLINE uint32_t aot_cmsis_pkhtb(uint32_t a, uint32_t b, uint32_t shift) {
  /* Right shift of a negative value: arithmetic with GCC and Clang, as the instruction. */
  const int32_t sb = (int32_t)b;
  const int32_t shifted = shift >= 32u ? (sb < 0 ? -1 : 0) : (sb >> shift);
  return (a & 0xFFFF0000u) | ((uint32_t)shifted & 0x0000FFFFu);
}
#if (defined(__arm__) || defined(__aarch64__)) && defined(__GNUC__)
/* GCC does not combine the masks into one PKH instruction: ask for it. The shift must be a
 * constant, as the instruction's and CMSIS's. */
#define __PKHBT(ARG1, ARG2, ARG3)                                                               \
  __extension__({                                                                               \
    uint32_t aot_res_, aot_a_ = (uint32_t)(ARG1), aot_b_ = (uint32_t)(ARG2);                    \
    __asm__("pkhbt %0, %1, %2, lsl %3" : "=r"(aot_res_) : "r"(aot_a_), "r"(aot_b_), "I"(ARG3)); \
    aot_res_;                                                                                   \
  })
#define __PKHTB(ARG1, ARG2, ARG3)                                                                 \
  __extension__({                                                                                 \
    uint32_t aot_res_, aot_a_ = (uint32_t)(ARG1), aot_b_ = (uint32_t)(ARG2);                      \
    if ((ARG3) == 0)                                                                              \
      aot_res_ = aot_cmsis_pkhtb(aot_a_, aot_b_, 0u);                                             \
    else                                                                                          \
      __asm__("pkhtb %0, %1, %2, asr %3" : "=r"(aot_res_) : "r"(aot_a_), "r"(aot_b_), "I"(ARG3)); \
    aot_res_;                                                                                     \
  })
#else
#define __PKHBT(ARG1, ARG2, ARG3) \
  aot_cmsis_pkhbt((uint32_t)(ARG1), (uint32_t)(ARG2), (uint32_t)(ARG3))
#define __PKHTB(ARG1, ARG2, ARG3) \
  aot_cmsis_pkhtb((uint32_t)(ARG1), (uint32_t)(ARG2), (uint32_t)(ARG3))
#endif

__STATIC_FORCEINLINE uint32_t __SMLAD(uint32_t op1, uint32_t op2, uint32_t op3) {
  return (uint32_t)__smlad((int16x2_t)op1, (int16x2_t)op2, (int32_t)op3);
}
__STATIC_FORCEINLINE uint32_t __SMLADX(uint32_t op1, uint32_t op2, uint32_t op3) {
  return (uint32_t)__smladx((int16x2_t)op1, (int16x2_t)op2, (int32_t)op3);
}
__STATIC_FORCEINLINE uint32_t __SMUAD(uint32_t op1, uint32_t op2) {
  return (uint32_t)__smuad((int16x2_t)op1, (int16x2_t)op2);
}
__STATIC_FORCEINLINE uint32_t __SMUADX(uint32_t op1, uint32_t op2) {
  return (uint32_t)__smuadx((int16x2_t)op1, (int16x2_t)op2);
}
__STATIC_FORCEINLINE uint32_t __SXTB16(uint32_t op1) { return (uint32_t)__sxtb16((int8x4_t)op1); }
__STATIC_FORCEINLINE uint32_t __UXTB16(uint32_t op1) { return (uint32_t)__uxtb16(op1); }
__STATIC_FORCEINLINE uint32_t __SXTAB16(uint32_t op1, uint32_t op2) {
  return (uint32_t)__sxtab16((int16x2_t)op1, (int8x4_t)op2);
}
/* SXTB16 of the operand rotated right: bytes 1 and 3 when rotate is 8. */
#define __SXTB16_RORn(ARG1, rotate) __SXTB16(__ROR((uint32_t)(ARG1), (uint32_t)(rotate)))
__STATIC_FORCEINLINE int32_t __QADD(int32_t op1, int32_t op2) { return __qadd(op1, op2); }
__STATIC_FORCEINLINE int32_t __QSUB(int32_t op1, int32_t op2) { return __qsub(op1, op2); }
__STATIC_FORCEINLINE uint32_t __QADD16(uint32_t op1, uint32_t op2) {
  return (uint32_t)__qadd16((int16x2_t)op1, (int16x2_t)op2);
}
__STATIC_FORCEINLINE uint32_t __SADD16(uint32_t op1, uint32_t op2) {
  return (uint32_t)__sadd16((int16x2_t)op1, (int16x2_t)op2);
}
/* Saturation to a constant bit width (SSAT 1..32, USAT 0..31), as CMSIS's macros. */
#define __SSAT(ARG1, ARG2) ((int32_t)__ssat((int32_t)(ARG1), (ARG2)))
#define __USAT(ARG1, ARG2) ((uint32_t)__usat((int32_t)(ARG1), (ARG2)))

#ifdef __cplusplus
}
#endif

#endif

/* NOLINTEND(bugprone-reserved-identifier) */
#endif
