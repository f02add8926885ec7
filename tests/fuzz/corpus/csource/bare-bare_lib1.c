// tvm target: c -keys=cpu 
#define TVM_EXPORTS
#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <math.h>
#include <stdbool.h>
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_bare_fused_multiply(float* p0, float* T_multiply) {
  for (int32_t ax0_ax1_fused = 0; ax0_ax1_fused < 6; ++ax0_ax1_fused) {
    T_multiply[ax0_ax1_fused] = (p0[ax0_ax1_fused] * 3.000000e+00f);
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_bare___tvm_main__(float* x_buffer_var, float* y_buffer_var) {
  if (tvmgen_bare_fused_multiply(x_buffer_var, y_buffer_var) != 0 ) return -1;
  return 0;
}

