// tvm target: c -keys=cpu 
#define TVM_EXPORTS
#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <math.h>
#include <stdbool.h>
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v010___tvm_main__(int8_t* input_1_buffer_var, float* input_2_buffer_var, int8_t* output_buffer_var, uint8_t* global_const_workspace_0_var, uint8_t* global_workspace_1_var);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v010_fused_nn_dense_add(int8_t* p0, int32_t* T_add, uint8_t* global_const_workspace_2_var, uint8_t* global_workspace_3_var) {
  void* fused_constant_let = (&(global_const_workspace_2_var[0]));
  void* fused_constant_1_let = (&(global_const_workspace_2_var[16]));
  for (int32_t ax1 = 0; ax1 < 3; ++ax1) {
    T_add[ax1] = ((int32_t*)fused_constant_1_let)[ax1];
    for (int32_t k = 0; k < 4; ++k) {
      int32_t cse_var_1 = ((ax1 * 4) + k);
      T_add[ax1] = (T_add[ax1] + (((int32_t)p0[k]) * ((int32_t)((int8_t*)fused_constant_let)[cse_var_1])));
    }
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v010_fused_cast_multiply(int32_t* p0, float* p1, float* T_multiply, uint8_t* global_const_workspace_4_var, uint8_t* global_workspace_5_var) {
  for (int32_t ax1 = 0; ax1 < 3; ++ax1) {
    T_multiply[ax1] = (((float)p0[ax1]) * p1[ax1]);
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v010_fused_round_clip_cast(float* p0, int8_t* T_cast, uint8_t* global_const_workspace_6_var, uint8_t* global_workspace_7_var) {
  for (int32_t ax1 = 0; ax1 < 3; ++ax1) {
    float _1 = roundf(p0[ax1]);
    float _2 = (_1) < (1.270000e+02f) ? (_1) : (1.270000e+02f);
    T_cast[ax1] = ((int8_t)((_2) > (-1.280000e+02f) ? (_2) : (-1.280000e+02f)));
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v010___tvm_main__(int8_t* input_1_buffer_var, float* input_2_buffer_var, int8_t* output_buffer_var, uint8_t* global_const_workspace_0_var, uint8_t* global_workspace_1_var) {
  void* sid_1_let = (&(global_workspace_1_var[0]));
  void* sid_2_let = (&(global_workspace_1_var[16]));
  if (tvmgen_v010_fused_nn_dense_add(input_1_buffer_var, sid_1_let, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  if (tvmgen_v010_fused_cast_multiply(sid_1_let, input_2_buffer_var, sid_2_let, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  if (tvmgen_v010_fused_round_clip_cast(sid_2_let, output_buffer_var, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  return 0;
}

