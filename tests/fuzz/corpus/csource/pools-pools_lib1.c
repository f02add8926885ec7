// tvm target: c -keys=cpu 
// Planned by USMP into one external pool: two intermediates at offsets 0 and 256.
#define TVM_EXPORTS
#include "tvm/runtime/c_runtime_api.h"
#include "tvm/runtime/c_backend_api.h"
#include <math.h>
#include <stdbool.h>
#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_pools_fused_add(int32_t* p0, int32_t* T_add, uint8_t* my_pool_0_var) {
  for (int32_t ax0 = 0; ax0 < 64; ++ax0) {
    T_add[ax0] = (p0[ax0] + ax0);
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_pools_fused_multiply(int32_t* p0, int32_t* T_multiply, uint8_t* my_pool_0_var) {
  for (int32_t ax0 = 0; ax0 < 64; ++ax0) {
    T_multiply[ax0] = (p0[ax0] * 2);
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_pools_fused_reverse_add(int32_t* p0, int32_t* p1, int32_t* T_add, uint8_t* my_pool_0_var) {
  for (int32_t ax0 = 0; ax0 < 64; ++ax0) {
    T_add[ax0] = (p0[ax0] + p1[(63 - ax0)]);
  }
  return 0;
}

#ifdef __cplusplus
extern "C"
#endif
TVM_DLL int32_t tvmgen_pools___tvm_main__(int32_t* x_buffer_var, int32_t* output_buffer_var, uint8_t* my_pool_0_var) {
  void* sid_1_let = (&(my_pool_0_var[0]));
  void* sid_2_let = (&(my_pool_0_var[256]));
  if (tvmgen_pools_fused_add(x_buffer_var, sid_1_let, my_pool_0_var) != 0 ) return -1;
  if (tvmgen_pools_fused_multiply(sid_1_let, sid_2_let, my_pool_0_var) != 0 ) return -1;
  if (tvmgen_pools_fused_reverse_add(sid_2_let, sid_1_let, output_buffer_var, my_pool_0_var) != 0 ) return -1;
  return 0;
}

