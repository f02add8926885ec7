# SPDX-License-Identifier: Apache-2.0
# On a Cortex-M4, aot's CMSIS-NN and CMSIS names compile to the DSP instructions themselves
# (through the toolchain's <arm_acle.h>), not to a portable emulation.
# -DCC=<arm-none-eabi-gcc> -DOBJDUMP=<arm-none-eabi-objdump> -DCOMPAT=<include/aot/compat> -DWORK=<dir>
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/kernel.c" [=[
#include <arm_nnsupportfunctions.h>
int32_t dot(const int8_t* a, const int8_t* b, int n) {
  int32_t sum = 0;
  for (int i = 0; i + 4 <= n; i += 4) {
    int32_t a1, a2, b1, b2;
    a = read_and_pad(a, &a1, &a2);
    b = read_and_pad(b, &b1, &b2);
    sum = (int32_t)__SMLAD((uint32_t)a1, (uint32_t)b1, (uint32_t)sum);
    sum = (int32_t)__SMLAD((uint32_t)a2, (uint32_t)b2, (uint32_t)sum);
  }
  return sum;
}
int32_t extend(uint32_t x, uint32_t y) { return (int32_t)__SXTAB16(x, y) + __QADD((int32_t)x, 1) + __SSAT((int32_t)y, 8); }
int32_t halves(int32_t a, int32_t b, int32_t c) { return __builtin_arm_smlabb(a, b, c) + __builtin_arm_smlatt(a, b, c); }
]=])
execute_process(
  COMMAND "${CC}" -std=c99 -O2 -mcpu=cortex-m4 -mthumb -Wall -Werror -Werror=implicit-function-declaration
          -I${COMPAT}/cmsis -I${COMPAT}/cmsis_nn -c "${WORK}/kernel.c" -o "${WORK}/kernel.o"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cortex-m4 compile failed:\n${out}")
endif()
execute_process(COMMAND "${OBJDUMP}" -d "${WORK}/kernel.o" OUTPUT_VARIABLE dis RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "objdump failed")
endif()
foreach(insn smlad sxtb16 pkhbt pkhtb sxtab16 qadd ssat smlabb smlatt)
  if(NOT dis MATCHES "[ \t]${insn}[ \t]")
    message(FATAL_ERROR "no ${insn} instruction in the Cortex-M4 code:\n${dis}")
  endif()
endforeach()
message(STATUS "smlad, sxtb16, pkhbt, pkhtb, sxtab16, qadd, ssat, smlabb, smlatt emitted")
