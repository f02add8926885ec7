#include "tvm/runtime/c_runtime_api.h"
#ifdef __cplusplus
extern "C" {
#endif
__attribute__((section(".rodata.tvm"), ))
static const struct global_const_workspace {
  int8_t fused_constant_let[12] __attribute__((aligned(16))); // 12 bytes, aligned offset: 0
  int32_t fused_constant_1_let[3] __attribute__((packed, aligned(16))); // 12 bytes, aligned offset: 16
} global_const_workspace = {
  .fused_constant_let = {
    +0x01, -0x02, +0x03, +0x04, -0x05, +0x06, +0x07, -0x08, 
    +0x09, +0x0a, -0x0b, +0x0c
  },
  .fused_constant_1_let = {
    +0x0000000a, -0x00000014, +0x0000012c
  },
};// of total size 28 bytes
__attribute__((section(".bss.noinit.tvm"), aligned(16)))
static uint8_t global_workspace[28];
#include <tvmgen_v010.h>
TVM_DLL int32_t tvmgen_v010___tvm_main__(void* input_1,void* input_2,void* output0,uint8_t* global_const_workspace_0_var,uint8_t* global_workspace_1_var);
int32_t tvmgen_v010_run(struct tvmgen_v010_inputs* inputs,struct tvmgen_v010_outputs* outputs) {return tvmgen_v010___tvm_main__(inputs->input_1,inputs->input_2,outputs->output,((uint8_t*)&global_const_workspace),((uint8_t*)&global_workspace));
}
#ifdef __cplusplus
}
#endif
;
