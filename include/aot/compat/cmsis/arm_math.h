/* SPDX-License-Identifier: Apache-2.0 */
/* The part of CMSIS-DSP's <arm_math.h> that TVM's older arm_cpu kernels include it for: the
 * fixed-point types and, through it, the CMSIS-Core intrinsic names. Nothing of CMSIS-DSP's
 * functions; a firmware that has CMSIS-DSP uses its own header instead of this folder. */
#ifndef AOT_COMPAT_CMSIS_ARM_MATH_H_
#define AOT_COMPAT_CMSIS_ARM_MATH_H_

#include <stdint.h>
#include <string.h>

#include "aot_cmsis_intrinsics.h"

#ifndef AOT_CMSIS_Q_TYPES_
#define AOT_CMSIS_Q_TYPES_ 1
typedef int8_t q7_t;
typedef int16_t q15_t;
typedef int32_t q31_t;
typedef int64_t q63_t;
#endif
typedef float float32_t;
typedef double float64_t;

#endif
