#include "tvm/runtime/c_runtime_api.h"
#ifdef __cplusplus
extern "C" {
#endif
__attribute__((section(".rodata.tvm"), ))
static const struct global_const_workspace {
  int8_t fused_constant_let[12] __attribute__((aligned(16))); // 12 bytes, aligned offset: 0
  int32_t fused_constant_1_let[2] __attribute__((packed, aligned(16))); // 8 bytes, aligned offset: 16
} global_const_workspace = {
  .fused_constant_let = {
    +0x01, +0x02, +0x03, +0x04, +0x05, +0x06, -0x03, +0x01, 
    -0x04, +0x01, -0x05, +0x09
  },
  .fused_constant_1_let = {
    +0x00000064, -0x000003e8
  },
};// of total size 24 bytes
__attribute__((section(".bss.noinit.tvm"), aligned(16)))
static uint8_t global_workspace[8];
#include <tvmgen_v013host.h>
TVM_DLL int32_t tvmgen_v013host___tvm_main__(void* serving_default_x_0,void* bias_in,void* output0,void* output1,uint8_t* global_const_workspace_0_var,uint8_t* global_workspace_1_var);
int32_t tvmgen_v013host_run(struct tvmgen_v013host_inputs* inputs,struct tvmgen_v013host_outputs* outputs) {return tvmgen_v013host___tvm_main__(inputs->serving_default_x_0,inputs->bias_in,outputs->Identity,outputs->Identity_1,((uint8_t*)&global_const_workspace),((uint8_t*)&global_workspace));
}
#ifdef __cplusplus
}
#endif
;
