// tvm target: c -keys=cpu 
#define TVM_EXPORTS
#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <math.h>
#include <stdbool.h>
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v09_fused_multiply_add(float* p0, float* T_add, uint8_t* global_const_workspace_2_var, uint8_t* global_workspace_3_var) {
  void* fused_constant_let = (&(global_const_workspace_2_var[0]));
  for (int32_t ax1 = 0; ax1 < 4; ++ax1) {
    T_add[ax1] = ((p0[ax1] * ((float*)fused_constant_let)[ax1]) + 1.000000e+00f);
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v09___tvm_main__(float* data_buffer_var, float* output_buffer_var, uint8_t* global_const_workspace_0_var, uint8_t* global_workspace_1_var) {
  void* sid_1_let = (&(global_workspace_1_var[0]));
  if (tvmgen_v09_fused_multiply_add(data_buffer_var, sid_1_let, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  for (int32_t i = 0; i < 4; ++i) {
    output_buffer_var[i] = ((float*)sid_1_let)[i];
  }
  return 0;
}

