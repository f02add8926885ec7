# SPDX-License-Identifier: Apache-2.0
# Cross-builds examples/cortex-m (the same build as run_cortex_m.cmake), proves arm.elf
# freestanding, runs it under qemu-system-arm with -icount and checks: its exit status (every
# output matches the host reference's checksums), and that its per-model checksum lines over
# the shared input sets are exactly those HOST_CHECK (aot_arm_bit_exact: the same fixtures on
# this machine through the portable intrinsics) prints. Reports armnet's instructions per
# inference and the image's .text/.rodata/.data/.bss.
include(${CMAKE_CURRENT_LIST_DIR}/build_cortex_m.cmake)
if(AOT_CORTEX_M_SKIPPED)
  return()
endif()
set(elf ${WORK}/build/arm.elf)
aot_check_freestanding(${elf})

execute_process(COMMAND ${HOST_CHECK} RESULT_VARIABLE rc OUTPUT_VARIABLE host ERROR_VARIABLE host)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the host run of the fixtures failed:\n${host}")
endif()

# -icount shift=0: one instruction per nanosecond of QEMU's clock, whatever the host's load,
# so the firmware's SysTick count is a deterministic instruction count.
execute_process(
  COMMAND ${found_qemu-system-arm} -M mps2-an386 -cpu cortex-m4 -nographic -monitor none
          -serial none -semihosting-config enable=on,target=native -icount shift=0 -kernel ${elf}
  RESULT_VARIABLE rc OUTPUT_VARIABLE run ERROR_VARIABLE run TIMEOUT 120)
message(STATUS "arm.elf output:\n${run}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "arm.elf exited with ${rc}")
endif()
if(NOT run MATCHES "\narm: all outputs match the host\n")
  message(FATAL_ERROR "arm.elf did not report success")
endif()

# The board against the build machine: the same bytes out of the same inputs.
foreach(model arm_dense arm_conv)
  if(NOT host MATCHES "${model}: ([0-9]+) input sets, outputs fnv1a (0x[0-9a-f]+)\n")
    message(FATAL_ERROR "the host run printed no checksum for ${model}:\n${host}")
  endif()
  set(want "${model}: ${CMAKE_MATCH_1} input sets, outputs fnv1a ${CMAKE_MATCH_2}")
  string(FIND "${run}" "${want}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${model}: the firmware's outputs differ from the host's (want '${want}')")
  endif()
  message(STATUS "host and Cortex-M4 agree: ${want}")
endforeach()

find_program(found_size arm-none-eabi-size)
if(found_size)
  execute_process(COMMAND ${found_size} -A ${elf} OUTPUT_VARIABLE sections)
  set(report "")
  foreach(section .text .rodata .data .bss)
    if(sections MATCHES "\n\\${section} +([0-9]+) ")
      string(APPEND report " ${section} ${CMAKE_MATCH_1}")
    endif()
  endforeach()
  message(STATUS "arm.elf sizes (bytes):${report}")
endif()
