# SPDX-License-Identifier: Apache-2.0
# Cross-builds examples/cortex-m (the same build as run_cortex_m.cmake), proves profile.elf
# freestanding and runs it under qemu-system-arm twice: with -icount (SysTick then counts
# instructions, the same in every run) and without (as a board runs: SysTick wraps whenever
# host time says, and its interrupt comes some instructions later). Each run must pass: outputs
# equal to the host reference's, every operator call counted, the operators' time within the
# runs' (under -icount most of it), and a clock that never goes back, neither in 100,000
# readings across many wraps nor in the table.
include(${CMAKE_CURRENT_LIST_DIR}/build_cortex_m.cmake)
if(AOT_CORTEX_M_SKIPPED)
  return()
endif()
set(elf ${WORK}/build/profile.elf)
aot_check_freestanding(${elf})
foreach(mode icount realtime)
  set(icount)
  if(mode STREQUAL "icount")
    set(icount -icount shift=0)
  endif()
  execute_process(
    COMMAND ${found_qemu-system-arm} -M mps2-an386 -cpu cortex-m4 -nographic -monitor none
            -serial none -semihosting-config enable=on,target=native ${icount} -kernel ${elf}
    RESULT_VARIABLE rc OUTPUT_VARIABLE run ERROR_VARIABLE run TIMEOUT 120)
  message(STATUS "profile.elf output (${mode}):\n${run}")
  if(NOT rc EQUAL 0 OR NOT run MATCHES "\nprofile: pass\n")
    message(FATAL_ERROR "profile.elf failed (${mode}, exit ${rc})")
  endif()
  if(NOT run MATCHES "\nfused_nn_pad +256 " OR NOT run MATCHES "\nwhole runs +256 ")
    message(FATAL_ERROR "profile.elf's table lacks the operator rows (${mode})")
  endif()
  # Under -icount the operators' instructions are most of the runs'; in real time a busy
  # host may stop QEMU anywhere.
  if(mode STREQUAL "icount")
    if(NOT run MATCHES "operators: ([0-9]+) permille of the runs' time\n" OR CMAKE_MATCH_1 LESS 900)
      message(FATAL_ERROR "profile.elf: the operators' share of the runs is below 90% (${mode})")
    endif()
  endif()
  if(NOT run MATCHES "clock: 100000 readings over [0-9]+ wraps, went back 0 times\n")
    message(FATAL_ERROR "profile.elf's clock went back (${mode})")
  endif()
  # No duration of 2^63 ns or more: what a clock going back used to print.
  if(run MATCHES "[0-9]{19}")
    message(FATAL_ERROR "profile.elf's table holds a duration past 2^63 (${mode})")
  endif()
endforeach()
