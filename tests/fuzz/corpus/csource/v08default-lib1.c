// tvm target: c -keys=cpu -link-params=0
#define TVM_EXPORTS
#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <math.h>
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v08default_fused_cast_subtract_multiply(void* args, void* arg_type_ids, int32_t num_args, void* out_ret_value, void* out_ret_tcode, void* resource_handle) {
  void* arg0 = (((TVMValue*)args)[0].v_handle);
  void* arg1 = (((TVMValue*)args)[1].v_handle);
  int8_t* placeholder = (int8_t*)arg0;
  float* T_multiply = (float*)arg1;
  for (int32_t ax1 = 0; ax1 < 8; ++ax1) {
    T_multiply[ax1] = ((((float)placeholder[ax1]) - 3.000000e+00f) * 5.000000e-01f);
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v08default_run_model(void* arg0,void* arg1) {
  TVMValue stack_values[2];
  int32_t stack_tcodes[2];
  stack_values[0].v_handle = arg0;
  stack_tcodes[0] = kTVMOpaqueHandle;
  stack_values[1].v_handle = arg1;
  stack_tcodes[1] = kTVMOpaqueHandle;
  TVMValue ret_val;
  int ret_type_code;
  if (tvmgen_v08default_fused_cast_subtract_multiply(stack_values, stack_tcodes, 2, &ret_val, &ret_type_code, NULL) != 0) {
    return -1;
  }
  return 0;
}

