# SPDX-License-Identifier: Apache-2.0
# Cross-builds examples/cortex-m (the same build as run_cortex_m.cmake), proves dma.elf
# freestanding, runs it under qemu-system-arm and checks its exit status and report.
include(${CMAKE_CURRENT_LIST_DIR}/build_cortex_m.cmake)
if(AOT_CORTEX_M_SKIPPED)
  return()
endif()
set(elf ${WORK}/build/dma.elf)
aot_check_freestanding(${elf})

# -icount: QEMU's clock advances by instructions executed (2^5 ns each, about the board's
# 25 MHz), not by the host's time, so the timer interrupts fall at the same instructions in
# every run whatever the machine's load; sleep=off lets WFI skip straight to the next tick.
execute_process(
  COMMAND ${found_qemu-system-arm} -M mps2-an386 -cpu cortex-m4 -nographic -monitor none
          -serial none -semihosting-config enable=on,target=native -icount shift=5,sleep=off
          -kernel ${elf}
  RESULT_VARIABLE rc OUTPUT_VARIABLE run ERROR_VARIABLE run TIMEOUT 120)
message(STATUS "dma.elf output:\n${run}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dma.elf exited with ${rc}")
endif()
if(NOT run MATCHES "\ndma: pass: ")
  message(FATAL_ERROR "dma.elf did not report success")
endif()
