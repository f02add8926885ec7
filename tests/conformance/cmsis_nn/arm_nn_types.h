/* SPDX-License-Identifier: Apache-2.0 */
/* Stand-in for CMSIS-NN's <arm_nn_types.h> (the 4.x API TVM's CMSIS-NN code generator
 * targets), for compiling TVM's CMSIS-NN code where CMSIS-NN is not installed (the
 * conformance test): the parameter structs and the status enum, member for member as
 * CMSIS-NN's documentation lists them, so that TVM's aggregate initialisers compile. Nothing
 * here implements a kernel; a program that calls one does not link without CMSIS-NN. */
#ifndef AOT_CONFORMANCE_ARM_NN_TYPES_H_
#define AOT_CONFORMANCE_ARM_NN_TYPES_H_

#include <stdint.h>

typedef enum {
  ARM_CMSIS_NN_SUCCESS = 0,
  ARM_CMSIS_NN_ARG_ERROR = -1,
  ARM_CMSIS_NN_NO_IMPL_ERROR = -2,
  ARM_CMSIS_NN_FAILURE = -3
} arm_cmsis_nn_status;

/* Width and height of a stride, padding or dilation. */
typedef struct {
  int32_t w;
  int32_t h;
} cmsis_nn_tile;

/* Clamping range of an operator's output. */
typedef struct {
  int32_t min;
  int32_t max;
} cmsis_nn_activation;

/* A tensor's dimensions, NHWC. */
typedef struct {
  int32_t n;
  int32_t h;
  int32_t w;
  int32_t c;
} cmsis_nn_dims;

/* Scratch memory a kernel may use. */
typedef struct {
  void* buf;
  int32_t size;
} cmsis_nn_context;

typedef struct {
  int32_t* multiplier;
  int32_t* shift;
} cmsis_nn_per_channel_quant_params;

typedef struct {
  int32_t multiplier;
  int32_t shift;
} cmsis_nn_per_tensor_quant_params;

typedef struct {
  int32_t input_offset;
  int32_t output_offset;
  cmsis_nn_tile stride;
  cmsis_nn_tile padding;
  cmsis_nn_tile dilation;
  cmsis_nn_activation activation;
} cmsis_nn_conv_params;

typedef struct {
  int32_t input_offset;
  int32_t output_offset;
  int32_t ch_mult;
  cmsis_nn_tile stride;
  cmsis_nn_tile padding;
  cmsis_nn_tile dilation;
  cmsis_nn_activation activation;
} cmsis_nn_dw_conv_params;

typedef struct {
  cmsis_nn_tile stride;
  cmsis_nn_tile padding;
  cmsis_nn_activation activation;
} cmsis_nn_pool_params;

typedef struct {
  int32_t input_offset;
  int32_t filter_offset;
  int32_t output_offset;
  cmsis_nn_activation activation;
} cmsis_nn_fc_params;

#endif
