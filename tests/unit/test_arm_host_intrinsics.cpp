// SPDX-License-Identifier: Apache-2.0
// The host Arm intrinsics (include/aot/compat/arm, cmsis, cmsis_nn) against values worked out
// by hand from the instruction descriptions: wrapping and saturation limits, the sticky Q
// flag, sign extension, halfword packing, rotation, read_and_pad's order.
#include <aot_cmsis_intrinsics.h>
#include <arm_acle.h>
#include <arm_nnsupportfunctions.h>
#include <tvm/runtime/crt/error_codes.h>

#include <catch2/catch.hpp>
#include <climits>
#include <cstdint>

extern "C" {
std::int32_t aot_test_builtin_smlabb(std::int32_t a, std::int32_t b, std::int32_t c);
std::int32_t aot_test_builtin_smlatt(std::int32_t a, std::int32_t b, std::int32_t c);
std::int32_t aot_test_builtin_smlabt(std::int32_t a, std::int32_t b, std::int32_t c);
std::int32_t aot_test_builtin_smlatb(std::int32_t a, std::int32_t b, std::int32_t c);
std::int32_t aot_test_builtin_smuad(std::int32_t a, std::int32_t b);
std::int32_t aot_test_builtin_smlad(std::int32_t a, std::int32_t b, std::int32_t c);
std::int32_t aot_test_dot_q7(const std::int8_t* a, const std::int8_t* b, int n);
int aot_test_invalid_arg(void);
}

namespace {

// A register image as the signed value the intrinsics take.
constexpr std::int32_t s(std::uint32_t x) { return static_cast<std::int32_t>(x); }
std::uint32_t u(std::int32_t x) { return static_cast<std::uint32_t>(x); }

// Whether `f` sets the Q flag, starting from a clear one.
template <class F>
bool sets_q(F f) {
  __set_saturation_occurred(0);
  f();
  return __saturation_occurred() != 0;
}

}  // namespace

TEST_CASE("__ror rotates right by the amount modulo 32", "[arm_host]") {
  CHECK(__ror(0x12345678u, 0) == 0x12345678u);
  CHECK(__ror(0x12345678u, 8) == 0x78123456u);
  CHECK(__ror(0x12345678u, 16) == 0x56781234u);
  CHECK(__ror(0x12345678u, 24) == 0x34567812u);
  CHECK(__ror(0x12345678u, 31) == 0x2468ACF0u);  // right by 31 is left by 1
  CHECK(__ror(0x12345678u, 32) == 0x12345678u);
  CHECK(__ROR(0x80000001u, 1) == 0xC0000000u);
}

TEST_CASE("__sxtb16/__uxtb16 extend bytes 0 and 2", "[arm_host]") {
  // bytes (low first): 80 34 7F 12 -> halfwords FF80 (sign) and 007F
  CHECK(u(__sxtb16(s(0x127F3480u))) == 0x007FFF80u);
  CHECK(u(__sxtb16(s(0x7F807F80u))) == 0xFF80FF80u);
  CHECK(u(__sxtb16(s(0x807F807Fu))) == 0x007F007Fu);
  CHECK(__uxtb16(0x127F3480u) == 0x007F0080u);
  CHECK(__SXTB16(0x127F3480u) == 0x007FFF80u);
  // rotated by 8: bytes 1 and 3 (34 and 12)
  CHECK(__SXTB16_RORn(0x127F3480u, 8) == 0x00120034u);
}

TEST_CASE("__sxtab16 adds sign-extended bytes to each halfword, wrapping", "[arm_host]") {
  // lo 1 + (-128) = -127 (FF81), hi 7FFF + (-1) = 7FFE
  CHECK(u(__sxtab16(s(0x7FFF0001u), s(0x00FF0080u))) == 0x7FFEFF81u);
  // lo 0 + (-1) = FFFF, hi -32768 + (-1) wraps to 7FFF
  CHECK(u(__sxtab16(s(0x80000000u), s(0x00FF00FFu))) == 0x7FFFFFFFu);
  CHECK(__SXTAB16(0x80000000u, 0x00FF00FFu) == 0x7FFFFFFFu);
}

TEST_CASE("__pkhbt/__pkhtb pack halfwords with LSL/ASR", "[arm_host]") {
  CHECK(__pkhbt(0x11112222u, 0x33334444u, 16) == 0x44442222u);
  CHECK(__pkhbt(0x11112222u, 0x33334444u, 0) == 0x33332222u);
  CHECK(__pkhbt(0x11112222u, 0x33334444u, 4) == 0x33342222u);
  CHECK(__pkhtb(0x11112222u, 0x33334444u, 16) == 0x11113333u);
  // ASR, not LSR: 0x80004444 >> 20 arithmetically is FFFFF800
  CHECK(__pkhtb(0x11112222u, 0x80004444u, 20) == 0x1111F800u);
  CHECK(__pkhtb(0x11112222u, 0x80000000u, 32) == 0x1111FFFFu);
  CHECK(__pkhtb(0x11112222u, 0x7FFFFFFFu, 32) == 0x11110000u);
  CHECK(__PKHBT(0x11112222u, 0x33334444u, 16) == 0x44442222u);
  CHECK(__PKHTB(0x11112222u, 0x80004444u, 20) == 0x1111F800u);
}

TEST_CASE("__qadd/__qsub saturate and set Q", "[arm_host]") {
  std::int32_t r = 0;
  CHECK(sets_q([&] { r = __qadd(INT32_MAX, 1); }));
  CHECK(r == INT32_MAX);
  CHECK(sets_q([&] { r = __qadd(INT32_MIN, -1); }));
  CHECK(r == INT32_MIN);
  CHECK_FALSE(sets_q([&] { r = __qadd(1, 2); }));
  CHECK(r == 3);
  CHECK(sets_q([&] { r = __qsub(INT32_MIN, 1); }));
  CHECK(r == INT32_MIN);
  CHECK(sets_q([&] { r = __qsub(0, INT32_MIN); }));
  CHECK(r == INT32_MAX);
  CHECK(sets_q([&] { r = __QADD(INT32_MAX, INT32_MAX); }));
  CHECK(r == INT32_MAX);
}

TEST_CASE("__ssat/__usat clip to the bit width and set Q only when clipping", "[arm_host]") {
  std::int32_t r = 0;
  CHECK(sets_q([&] { r = __ssat(200, 8); }));
  CHECK(r == 127);
  CHECK(sets_q([&] { r = __ssat(-200, 8); }));
  CHECK(r == -128);
  CHECK_FALSE(sets_q([&] { r = __ssat(127, 8); }));
  CHECK(r == 127);
  CHECK_FALSE(sets_q([&] { r = __ssat(-128, 8); }));
  CHECK(r == -128);
  CHECK_FALSE(sets_q([&] { r = __ssat(INT32_MIN, 32); }));
  CHECK(r == INT32_MIN);
  CHECK(sets_q([&] { r = __ssat(2, 1); }));  // 1 bit: -1..0
  CHECK(r == 0);
  std::uint32_t v = 0;
  CHECK(sets_q([&] { v = __usat(-5, 8); }));
  CHECK(v == 0u);
  CHECK(sets_q([&] { v = __usat(300, 8); }));
  CHECK(v == 255u);
  CHECK_FALSE(sets_q([&] { v = __usat(255, 8); }));
  CHECK(v == 255u);
  CHECK(sets_q([&] { v = __usat(5, 0); }));
  CHECK(v == 0u);
  CHECK(__SSAT(40000, 16) == 32767);
  CHECK(__USAT(-1, 16) == 0u);
}

TEST_CASE("__qadd16 saturates each halfword without Q; __sadd16 wraps", "[arm_host]") {
  std::int32_t r = 0;
  // hi 7FFF + 1 saturates, lo -32768 + 1 = 8001
  CHECK_FALSE(sets_q([&] { r = __qadd16(s(0x7FFF8000u), s(0x00010001u)); }));
  CHECK(u(r) == 0x7FFF8001u);
  CHECK(u(__qadd16(s(0x00008000u), s(0x0000FFFFu))) == 0x00008000u);
  CHECK(u(__sadd16(s(0x7FFF8000u), s(0x00010001u))) == 0x80008001u);
  CHECK(__QADD16(0x7FFF8000u, 0x00010001u) == 0x7FFF8001u);
  CHECK(__SADD16(0x7FFF8000u, 0x00010001u) == 0x80008001u);
}

TEST_CASE("__smlad/__smuad: signed halfword products, wrap and Q on the exact sum", "[arm_host]") {
  CHECK(__smlad(s(0x00020003u), s(0x00040005u), 10) == 3 * 5 + 2 * 4 + 10);
  CHECK(__smlad(s(0xFFFE0003u), s(0x0004FFFBu), 0) == 3 * -5 + -2 * 4);
  CHECK(__smladx(s(0x00020003u), s(0x00040005u), 0) == 3 * 4 + 2 * 5);
  CHECK(__smuad(s(0xFFFE0003u), s(0x0004FFFBu)) == -23);
  CHECK(__smuadx(s(0x00020003u), s(0x00040005u)) == 22);
  std::int32_t r = 0;
  // (-32768)^2 twice is 2^31: wraps to INT32_MIN, Q set
  CHECK(sets_q([&] { r = __smuad(s(0x80008000u), s(0x80008000u)); }));
  CHECK(r == INT32_MIN);
  CHECK(sets_q([&] { r = __smlad(s(0x80008000u), s(0x80008000u), 0); }));
  CHECK(r == INT32_MIN);
  // 2^31 - 1 fits: no Q although the products alone overflow
  CHECK_FALSE(sets_q([&] { r = __smlad(s(0x80008000u), s(0x80008000u), -1); }));
  CHECK(r == INT32_MAX);
  CHECK(sets_q([&] { r = __smlad(s(0x00010001u), s(0x00010001u), INT32_MAX); }));
  CHECK(r == INT32_MIN + 1);
  CHECK(__SMLAD(0xFFFE0003u, 0x0004FFFBu, 23u) == 0u);
  CHECK(__SMUAD(0x80008000u, 0x80008000u) == 0x80000000u);
}

TEST_CASE("__smla<x><y>/__smul<x><y> pick halfwords, SMLA wraps and sets Q", "[arm_host]") {
  const std::int32_t a = s(0x0003FFFEu), b = s(0x00050007u);  // a: hi 3, lo -2; b: hi 5, lo 7
  CHECK(__smlabb(a, b, 100) == -2 * 7 + 100);
  CHECK(__smlabt(a, b, 100) == -2 * 5 + 100);
  CHECK(__smlatb(a, b, 100) == 3 * 7 + 100);
  CHECK(__smlatt(a, b, 100) == 3 * 5 + 100);
  CHECK(__smulbb(s(0x0000FFFFu), s(0x00008000u)) == 32768);
  CHECK(__smultt(s(0x80000000u), s(0x80000000u)) == 1073741824);
  std::int32_t r = 0;
  // 32767^2 + INT32_MAX = 3221159936, wraps to -1073807360
  CHECK(sets_q([&] { r = __smlabb(0x7FFF, 0x7FFF, INT32_MAX); }));
  CHECK(r == -1073807360);
  CHECK_FALSE(sets_q([&] { r = __smlatt(a, b, 100); }));
}

TEST_CASE("the Q flag is sticky until cleared, and shared with C code", "[arm_host]") {
  __set_saturation_occurred(0);
  (void)__qadd(INT32_MAX, 1);
  (void)__qadd(1, 1);
  CHECK(__saturation_occurred() == 1);
  __set_saturation_occurred(0);
  CHECK(__saturation_occurred() == 0);
  // Set inside the C translation unit, read here.
  CHECK(aot_test_builtin_smuad(s(0x80008000u), s(0x80008000u)) == INT32_MIN);
  CHECK(__saturation_occurred() == 1);
  __set_saturation_occurred(0);
}

TEST_CASE("__builtin_arm_* in C resolve to the same instructions' semantics", "[arm_host]") {
  const std::int32_t a = s(0x0003FFFEu), b = s(0x00050007u);
  CHECK(aot_test_builtin_smlabb(a, b, 1) == -13);
  CHECK(aot_test_builtin_smlabt(a, b, 1) == -9);
  CHECK(aot_test_builtin_smlatb(a, b, 1) == 22);
  CHECK(aot_test_builtin_smlatt(a, b, 1) == 16);
  CHECK(aot_test_builtin_smlad(s(0xFFFE0003u), s(0x0004FFFBu), 23) == 0);
}

TEST_CASE("read_and_pad sign-extends four int8 into two words in memory order", "[arm_host]") {
  const std::int8_t src[5] = {1, -128, 127, -2, 99};
  std::int32_t out1 = 0, out2 = 0;
  const std::int8_t* next = read_and_pad(src + 0, &out1, &out2);
  CHECK(next == src + 4);
  CHECK(u(out1) == 0xFF800001u);  // (a1 = -128) << 16 | a0 = 1
  CHECK(u(out2) == 0xFFFE007Fu);  // (a3 = -2) << 16 | a2 = 127
  next = read_and_pad_reordered(src + 0, &out1, &out2);
  CHECK(next == src + 4);
  CHECK(u(out1) == 0x007F0001u);  // a2, a0
  CHECK(u(out2) == 0xFFFEFF80u);  // a3, a1
  // Any alignment; little-endian word.
  const std::int8_t bytes[5] = {0, 0x11, 0x22, 0x33, 0x44};
  CHECK(arm_nn_read_q7x4(bytes + 1) == 0x44332211);
  const std::int8_t* p = bytes + 1;
  CHECK(arm_nn_read_q7x4_ia(&p) == 0x44332211);
  CHECK(p == bytes + 5);
}

TEST_CASE("a read_and_pad/SMLAD dot product in C equals the plain one", "[arm_host]") {
  const std::int8_t a[8] = {-128, 127, -1, 0, 5, -7, 100, -100};
  const std::int8_t b[8] = {-128, -128, 127, 3, -2, 9, 100, 100};
  std::int32_t expected = 0;
  for (int i = 0; i < 8; ++i) expected += a[i] * b[i];
  CHECK(expected == 16384 - 16256 - 127 + 0 - 10 - 63 + 10000 - 10000);
  CHECK(aot_test_dot_q7(a, b, 8) == expected);
}

TEST_CASE("tvm_crt_error_t has TVM's numbers: category << 8 | code", "[arm_host]") {
  CHECK(kTvmErrorNoError == 0);
  CHECK(kTvmErrorFunctionCallInvalidArg == 0x803);
  CHECK(aot_test_invalid_arg() == 0x803);
  CHECK(kTvmErrorFunctionCallNumArguments == 0x800);
  CHECK(kTvmErrorPlatformNoMemory == 0x503);
  CHECK(kTvmErrorExecutorModuleNoSuchInput == 0x702);
  CHECK(kTvmErrorTimeEvaluatorBadHandle == 0x900);
  CHECK(kTvmErrorBufferTooSmall == 0x104);
  CHECK(kTvmErrorSystemErrorMask == INT_MIN);
}
