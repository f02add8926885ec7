/* SPDX-License-Identifier: Apache-2.0 */
/* Stand-in for CMSIS-NN's <arm_nn_math_types.h>, for compiling TVM's CMSIS-NN code where
 * CMSIS-NN is not installed (the conformance test). Declarations only: the fixed-width types
 * the other headers use. */
#ifndef AOT_CONFORMANCE_ARM_NN_MATH_TYPES_H_
#define AOT_CONFORMANCE_ARM_NN_MATH_TYPES_H_

#include <limits.h>
#include <stdint.h>

#endif
