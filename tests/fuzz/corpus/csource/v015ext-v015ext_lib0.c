#include "tvm/runtime/c_runtime_api.h"
#ifdef __cplusplus
extern "C" {
#endif
#include <tvmgen_v015ext.h>
TVM_DLL int32_t tvmgen_v015ext___tvm_main__(void* serving_default_input_0,void* output0,uint8_t* my_flash_0_var,uint8_t* my_sram_1_var);
int32_t tvmgen_v015ext_run(struct tvmgen_v015ext_inputs* inputs,struct tvmgen_v015ext_outputs* outputs,struct tvmgen_v015ext_workspace_pools* workspace_pools) {return tvmgen_v015ext___tvm_main__(inputs->serving_default_input_0,outputs->Identity,((uint8_t*)workspace_pools->my_flash),((uint8_t*)workspace_pools->my_sram));
}
#ifdef __cplusplus
}
#endif
;
