/* SPDX-License-Identifier: Apache-2.0 */
/* GCC's and Clang's Arm builtins (__builtin_arm_smlabb, ...) for compilers that do not
 * target Arm. TVM's tensordot kernels call them directly, without any #include, so this
 * header is force-included (-include) into the model's C sources by aot::arm_host_intrinsics;
 * without it a missing builtin is an implicit declaration (an error: aot keeps
 * -Werror=implicit-function-declaration on for generated C) instead of a link error.
 * Each maps to the <arm_acle.h> intrinsic of the same instruction. On an Arm compiler it
 * defines nothing: the compiler has the builtins. */
#ifndef AOT_COMPAT_ARM_AOT_ARM_BUILTINS_H_
#define AOT_COMPAT_ARM_AOT_ARM_BUILTINS_H_

#if !defined(__arm__) && !defined(__aarch64__)

#include "arm_acle.h"

#define __builtin_arm_smlabb(a, b, c) __smlabb((a), (b), (c))
#define __builtin_arm_smlabt(a, b, c) __smlabt((a), (b), (c))
#define __builtin_arm_smlatb(a, b, c) __smlatb((a), (b), (c))
#define __builtin_arm_smlatt(a, b, c) __smlatt((a), (b), (c))
#define __builtin_arm_smlawb(a, b, c) __smlawb((a), (b), (c))
#define __builtin_arm_smlawt(a, b, c) __smlawt((a), (b), (c))
#define __builtin_arm_smulbb(a, b) __smulbb((a), (b))
#define __builtin_arm_smulbt(a, b) __smulbt((a), (b))
#define __builtin_arm_smultb(a, b) __smultb((a), (b))
#define __builtin_arm_smultt(a, b) __smultt((a), (b))
#define __builtin_arm_smulwb(a, b) __smulwb((a), (b))
#define __builtin_arm_smulwt(a, b) __smulwt((a), (b))
#define __builtin_arm_smlad(a, b, c) __smlad((a), (b), (c))
#define __builtin_arm_smladx(a, b, c) __smladx((a), (b), (c))
#define __builtin_arm_smlsd(a, b, c) __smlsd((a), (b), (c))
#define __builtin_arm_smlsdx(a, b, c) __smlsdx((a), (b), (c))
#define __builtin_arm_smlald(a, b, c) __smlald((a), (b), (c))
#define __builtin_arm_smlaldx(a, b, c) __smlaldx((a), (b), (c))
#define __builtin_arm_smuad(a, b) __smuad((a), (b))
#define __builtin_arm_smuadx(a, b) __smuadx((a), (b))
#define __builtin_arm_smusd(a, b) __smusd((a), (b))
#define __builtin_arm_smusdx(a, b) __smusdx((a), (b))
#define __builtin_arm_sxtb16(a) __sxtb16((a))
#define __builtin_arm_uxtb16(a) __uxtb16((a))
#define __builtin_arm_sxtab16(a, b) __sxtab16((a), (b))
#define __builtin_arm_uxtab16(a, b) __uxtab16((a), (b))
#define __builtin_arm_qadd(a, b) __qadd((a), (b))
#define __builtin_arm_qsub(a, b) __qsub((a), (b))
#define __builtin_arm_qadd16(a, b) __qadd16((a), (b))
#define __builtin_arm_qsub16(a, b) __qsub16((a), (b))
#define __builtin_arm_sadd16(a, b) __sadd16((a), (b))
#define __builtin_arm_ssub16(a, b) __ssub16((a), (b))
#define __builtin_arm_ssat(a, sat) __ssat((a), (sat))
#define __builtin_arm_usat(a, sat) __usat((a), (sat))
#define __builtin_arm_saturation_occurred() __saturation_occurred()
#define __builtin_arm_set_saturation(a) __set_saturation_occurred((a))

#endif

#endif
