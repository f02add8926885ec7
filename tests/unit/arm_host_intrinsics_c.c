/* SPDX-License-Identifier: Apache-2.0 */
/* The C side of test_arm_host_intrinsics.cpp: compiled as C99 with aot_arm_builtins.h
 * force-included, as a model's generated C is, calling the GCC builtins TVM's tensordot
 * kernels use (no #include brings them) and the headers the kernels include. */
#include <arm_acle.h>
#include <arm_math.h>
#include <arm_nnsupportfunctions.h>
#include <tvm/runtime/crt/error_codes.h>

int32_t aot_test_builtin_smlabb(int32_t a, int32_t b, int32_t c) {
  return __builtin_arm_smlabb(a, b, c);
}
int32_t aot_test_builtin_smlatt(int32_t a, int32_t b, int32_t c) {
  return __builtin_arm_smlatt(a, b, c);
}
int32_t aot_test_builtin_smlabt(int32_t a, int32_t b, int32_t c) {
  return __builtin_arm_smlabt(a, b, c);
}
int32_t aot_test_builtin_smlatb(int32_t a, int32_t b, int32_t c) {
  return __builtin_arm_smlatb(a, b, c);
}
int32_t aot_test_builtin_smuad(int32_t a, int32_t b) { return __builtin_arm_smuad(a, b); }
int32_t aot_test_builtin_smlad(int32_t a, int32_t b, int32_t c) {
  return __builtin_arm_smlad(a, b, c);
}
/* A generated kernel's shape: read_and_pad both operands, two SMLADs per four bytes. */
int32_t aot_test_dot_q7(const int8_t* a, const int8_t* b, int n) {
  int32_t sum = 0;
  int i;
  for (i = 0; i + 4 <= n; i += 4) {
    q31_t a1, a2, b1, b2;
    a = read_and_pad(a, &a1, &a2);
    b = read_and_pad(b, &b1, &b2);
    sum = (int32_t)__SMLAD((uint32_t)a1, (uint32_t)b1, (uint32_t)sum);
    sum = (int32_t)__SMLAD((uint32_t)a2, (uint32_t)b2, (uint32_t)sum);
  }
  return sum;
}
int aot_test_invalid_arg(void) { return kTvmErrorFunctionCallInvalidArg; }
