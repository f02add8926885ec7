// tvm target: c -keys=cpu 
#define TVM_EXPORTS
#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <math.h>
#include <stdbool.h>
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det_fused_argmax(int16_t* p0, int32_t* p0_red, uint8_t* global_const_workspace_8_var, uint8_t* global_workspace_9_var);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det_fused_cast_cast_subtract(uint8_t* p0, uint8_t* p1, int16_t* T_subtract, uint8_t* global_const_workspace_2_var, uint8_t* global_workspace_3_var);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det_fused_reshape_sum(int16_t* p0, int16_t* p0_red, uint8_t* global_const_workspace_4_var, uint8_t* global_workspace_5_var);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det_fused_subtract(int16_t* p0, int16_t* T_subtract, uint8_t* global_const_workspace_6_var, uint8_t* global_workspace_7_var);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det___tvm_main__(uint8_t* frame_buffer_var, uint8_t* bg_buffer_var, int16_t* output0_buffer_var, int32_t* output1_buffer_var, uint8_t* global_const_workspace_0_var, uint8_t* global_workspace_1_var);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det_fused_argmax(int16_t* p0, int32_t* p0_red, uint8_t* global_const_workspace_8_var, uint8_t* global_workspace_9_var) {
  int32_t p0_red_temp_v0;
  int16_t p0_red_temp_v1;
  p0_red_temp_v0 = -1;
  p0_red_temp_v1 = (int16_t)-32768;
  for (int32_t k1 = 0; k1 < 4; ++k1) {
    bool _1 = (p0[k1] < p0_red_temp_v1) ? false : ((p0_red_temp_v1 < p0[k1]) ? true : (k1 < p0_red_temp_v0));
    p0_red_temp_v0 = (_1 ? k1 : p0_red_temp_v0);
    p0_red_temp_v1 = (_1 ? p0[k1] : p0_red_temp_v1);
  }
  p0_red[0] = p0_red_temp_v0;
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det_fused_cast_cast_subtract(uint8_t* p0, uint8_t* p1, int16_t* T_subtract, uint8_t* global_const_workspace_2_var, uint8_t* global_workspace_3_var) {
  for (int32_t ax1 = 0; ax1 < 8; ++ax1) {
    T_subtract[ax1] = (((int16_t)p0[ax1]) - ((int16_t)p1[ax1]));
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det_fused_reshape_sum(int16_t* p0, int16_t* p0_red, uint8_t* global_const_workspace_4_var, uint8_t* global_workspace_5_var) {
  for (int32_t ax1 = 0; ax1 < 4; ++ax1) {
    p0_red[ax1] = (int16_t)0;
    for (int32_t k2 = 0; k2 < 2; ++k2) {
      p0_red[ax1] = (p0_red[ax1] + p0[((ax1 * 2) + k2)]);
    }
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det_fused_subtract(int16_t* p0, int16_t* T_subtract, uint8_t* global_const_workspace_6_var, uint8_t* global_workspace_7_var) {
  void* fused_constant_let = (&(global_const_workspace_6_var[0]));
  for (int32_t ax1 = 0; ax1 < 4; ++ax1) {
    T_subtract[ax1] = (p0[ax1] - ((int16_t*)fused_constant_let)[ax1]);
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_det___tvm_main__(uint8_t* frame_buffer_var, uint8_t* bg_buffer_var, int16_t* output0_buffer_var, int32_t* output1_buffer_var, uint8_t* global_const_workspace_0_var, uint8_t* global_workspace_1_var) {
  void* sid_1_let = (&(global_workspace_1_var[0]));
  void* sid_2_let = (&(global_workspace_1_var[16]));
  if (tvmgen_det_fused_cast_cast_subtract(frame_buffer_var, bg_buffer_var, sid_1_let, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  if (tvmgen_det_fused_reshape_sum(sid_1_let, sid_2_let, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  if (tvmgen_det_fused_subtract(sid_2_let, output0_buffer_var, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  if (tvmgen_det_fused_argmax(output0_buffer_var, output1_buffer_var, global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;
  return 0;
}

