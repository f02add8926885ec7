#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <tvmgen_v08.h>
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v08_fused_multiply(void* args, void* arg_type_ids, int32_t num_args, void* out_ret_value, void* out_ret_tcode, void* resource_handle);
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_v08_run_model(void* arg0,void* arg1) {
  TVMValue stack_values[2];
  int32_t stack_tcodes[2];
  stack_values[0].v_handle = arg0;
  stack_tcodes[0] = kTVMOpaqueHandle;
  stack_values[1].v_handle = arg1;
  stack_tcodes[1] = kTVMOpaqueHandle;
  TVMValue ret_val;
  int ret_type_code;
  if (tvmgen_v08_fused_multiply(stack_values, stack_tcodes, 2, &ret_val, &ret_type_code, NULL) != 0) {
    return -1;
  }
  return 0;
}
int32_t tvmgen_v08_run(struct tvmgen_v08_inputs* inputs,struct tvmgen_v08_outputs* outputs) {return tvmgen_v08_run_model(inputs->input,outputs->output);
}
