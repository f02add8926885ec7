// tvm target: c -keys=cpu 
#define TVM_EXPORTS
#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <math.h>
#include <stdbool.h>
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v015ext_fused_fixed_point_multiply_add_clip_cast(int32_t* p0, int8_t* T_cast, uint8_t* my_flash_4_var, uint8_t* my_sram_5_var);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v015ext_fused_nn_dense_add(int8_t* p0, int32_t* T_add, uint8_t* my_flash_2_var, uint8_t* my_sram_3_var);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v015ext___tvm_main__(int8_t* serving_default_input_0_buffer_var, int8_t* Identity_buffer_var, uint8_t* my_flash_0_var, uint8_t* my_sram_1_var);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v015ext_fused_fixed_point_multiply_add_clip_cast(int32_t* p0, int8_t* T_cast, uint8_t* my_flash_4_var, uint8_t* my_sram_5_var) {
  for (int32_t ax1 = 0; ax1 < 3; ++ax1) {
    int32_t _1 = (((int32_t)(((((int64_t)p0[ax1]) * (int64_t)1342177280) + ((int64_t)1 << ((int64_t)31))) >> ((int64_t)32))) + 5);
    int32_t _2 = (_1) < (127) ? (_1) : (127);
    T_cast[ax1] = ((int8_t)((_2) > (-128) ? (_2) : (-128)));
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v015ext_fused_nn_dense_add(int8_t* p0, int32_t* T_add, uint8_t* my_flash_2_var, uint8_t* my_sram_3_var) {
  void* fused_constant_let = (&(my_flash_2_var[0]));
  void* fused_constant_1_let = (&(my_flash_2_var[16]));
  for (int32_t ax1 = 0; ax1 < 3; ++ax1) {
    T_add[ax1] = 0;
    for (int32_t k = 0; k < 4; ++k) {
      T_add[ax1] = (T_add[ax1] + (((int32_t)p0[k]) * ((int32_t)((int8_t*)fused_constant_let)[((ax1 * 4) + k)])));
    }
    T_add[ax1] = (T_add[ax1] + ((int32_t*)fused_constant_1_let)[ax1]);
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v015ext___tvm_main__(int8_t* serving_default_input_0_buffer_var, int8_t* Identity_buffer_var, uint8_t* my_flash_0_var, uint8_t* my_sram_1_var) {
  void* sid_1_let = (&(my_sram_1_var[0]));
  if (tvmgen_v015ext_fused_nn_dense_add(serving_default_input_0_buffer_var, sid_1_let, my_flash_0_var, my_sram_1_var) != 0 ) return -1;
  if (tvmgen_v015ext_fused_fixed_point_multiply_add_clip_cast(sid_1_let, Identity_buffer_var, my_flash_0_var, my_sram_1_var) != 0 ) return -1;
  return 0;
}

