#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v08packed_fused_subtract(void* args, void* arg_type_ids, int32_t num_args, void* out_ret_value, void* out_ret_tcode, void* resource_handle);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v08packed_run_model(void* arg0,void* arg1) {
  TVMValue stack_values[2];
  int32_t stack_tcodes[2];
  stack_values[0].v_handle = arg0;
  stack_tcodes[0] = kTVMOpaqueHandle;
  stack_values[1].v_handle = arg1;
  stack_tcodes[1] = kTVMOpaqueHandle;
  TVMValue ret_val;
  int ret_type_code;
  if (tvmgen_v08packed_fused_subtract(stack_values, stack_tcodes, 2, &ret_val, &ret_type_code, NULL) != 0) {
    return -1;
  }
  return 0;
}
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v08packed_run(void* args, int32_t* arg_type_ids, int32_t num_args, void* out_ret_value, int32_t* out_ret_tcode, void* resource_handle) {
  return tvmgen_v08packed_run_model(((DLTensor*)(((TVMValue*)args)[0].v_handle))[0].data,((DLTensor*)(((TVMValue*)args)[1].v_handle))[0].data);
}
