# SPDX-License-Identifier: Apache-2.0
# Cross-builds examples/cortex-m (the same build as run_cortex_m.cmake), proves profile.elf
# freestanding, runs it under qemu-system-arm with -icount (SysTick then counts instructions)
# and checks its exit status: outputs equal to the host reference's, every operator call
# counted, the operators' instructions within the runs' and most of them.
include(${CMAKE_CURRENT_LIST_DIR}/build_cortex_m.cmake)
if(AOT_CORTEX_M_SKIPPED)
  return()
endif()
set(elf ${WORK}/build/profile.elf)
aot_check_freestanding(${elf})
execute_process(
  COMMAND ${found_qemu-system-arm} -M mps2-an386 -cpu cortex-m4 -nographic -monitor none
          -serial none -semihosting-config enable=on,target=native -icount shift=0 -kernel ${elf}
  RESULT_VARIABLE rc OUTPUT_VARIABLE run ERROR_VARIABLE run TIMEOUT 120)
message(STATUS "profile.elf output:\n${run}")
if(NOT rc EQUAL 0 OR NOT run MATCHES "\nprofile: pass\n")
  message(FATAL_ERROR "profile.elf failed (exit ${rc})")
endif()
if(NOT run MATCHES "\nfused_nn_pad +256 " OR NOT run MATCHES "\nwhole runs +256 ")
  message(FATAL_ERROR "profile.elf's table lacks the operator rows")
endif()
