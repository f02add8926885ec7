# SPDX-License-Identifier: Apache-2.0
# Cross-builds examples/cortex-m, proves firmware.elf freestanding (nm), runs it under
# qemu-system-arm and checks its exit status and report. Prints "SKIPPED: ..." (ctest marks the
# test skipped) when the cross toolchain or QEMU is missing.
include(${CMAKE_CURRENT_LIST_DIR}/build_cortex_m.cmake)
if(AOT_CORTEX_M_SKIPPED)
  return()
endif()
set(elf ${WORK}/build/firmware.elf)
aot_check_freestanding(${elf})

execute_process(
  COMMAND ${found_qemu-system-arm} -M mps2-an386 -cpu cortex-m4 -nographic -monitor none
          -serial none -semihosting-config enable=on,target=native -kernel ${elf}
  RESULT_VARIABLE rc OUTPUT_VARIABLE run ERROR_VARIABLE run TIMEOUT 120)
message(STATUS "firmware output:\n${run}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the firmware exited with ${rc}")
endif()
if(NOT run MATCHES "all outputs match")
  message(FATAL_ERROR "the firmware did not report success")
endif()

# Every executor lies in .bss, exactly as big as its compile-time memory report says.
execute_process(COMMAND ${found_arm-none-eabi-nm} -S ${elf} OUTPUT_VARIABLE sized)
foreach(exec fw_seed_exec fw_arena_exec fw_mlf_exec)
  if(NOT sized MATCHES "[0-9a-f]+ ([0-9a-f]+) [Bb] ${exec}\n")
    message(FATAL_ERROR "${exec} is not in .bss:\n${sized}")
  endif()
  math(EXPR nm_size "0x${CMAKE_MATCH_1}" OUTPUT_FORMAT DECIMAL)
  if(NOT run MATCHES "${exec} executor bytes ([0-9]+)")
    message(FATAL_ERROR "the firmware did not report ${exec}'s size")
  endif()
  if(NOT nm_size EQUAL CMAKE_MATCH_1)
    message(FATAL_ERROR "${exec}: ${nm_size} bytes in .bss, the report says ${CMAKE_MATCH_1}")
  endif()
  message(STATUS "${exec}: ${nm_size} bytes in .bss, as reported")
endforeach()
