# SPDX-License-Identifier: Apache-2.0
# Included by the run_cortex_m*.cmake scripts: writes the host reference's expected.h into
# ${WORK}, then configures and builds every firmware of examples/cortex-m in ${WORK}/build (the
# tests that share it hold one RESOURCE_LOCK; the second build finds nothing to do). Defines
# aot_check_freestanding(<elf>). When the cross toolchain or QEMU is missing it prints
# "SKIPPED: ..." (ctest marks the test skipped), sets AOT_CORTEX_M_SKIPPED and builds nothing.
set(AOT_CORTEX_M_SKIPPED OFF)
foreach(tool arm-none-eabi-gcc arm-none-eabi-g++ arm-none-eabi-nm qemu-system-arm)
  find_program(found_${tool} ${tool})
  if(NOT found_${tool})
    message("SKIPPED: ${tool} not found (Debian: gcc-arm-none-eabi libnewlib-arm-none-eabi "
            "libstdc++-arm-none-eabi-newlib qemu-system-arm)")
    set(AOT_CORTEX_M_SKIPPED ON)
    return()
  endif()
endforeach()

file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${REFERENCE} OUTPUT_FILE ${WORK}/expected.h.new RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the host reference failed")
endif()
# Rewritten only when it changes, so that an unchanged reference rebuilds nothing.
configure_file(${WORK}/expected.h.new ${WORK}/expected.h COPYONLY)
# armnet, the real-size model of arm.elf: an MLF of 3 MB of C the reference writes, beside
# expected.h, from the weights its own loops use.
execute_process(COMMAND ${REFERENCE} --armnet ${WORK}/armnet.new RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the host reference failed to write armnet")
endif()
file(GLOB_RECURSE armnet_files RELATIVE ${WORK}/armnet.new ${WORK}/armnet.new/*)
foreach(f IN LISTS armnet_files)
  configure_file(${WORK}/armnet.new/${f} ${WORK}/armnet/${f} COPYONLY)
endforeach()

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE}/examples/cortex-m -B ${WORK}/build -G Ninja
          -DCMAKE_TOOLCHAIN_FILE=${SOURCE}/cmake/toolchains/arm-none-eabi-cortex-m4.cmake
          -DCMAKE_BUILD_TYPE=MinSizeRel -DAOT_GEN_EXECUTABLE=${AOT_GEN} -DEXPECTED_DIR=${WORK}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the firmware failed:\n${out}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/build RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the firmware failed:\n${out}")
endif()

# Freestanding: no heap, no exceptions, no guarded statics, no stdio beyond semihosting.
function(aot_check_freestanding elf)
  execute_process(COMMAND ${found_arm-none-eabi-nm} ${elf} OUTPUT_VARIABLE raw)
  execute_process(COMMAND ${found_arm-none-eabi-nm} -C ${elf} OUTPUT_VARIABLE demangled)
  foreach(sym malloc free calloc realloc _malloc_r _free_r _sbrk __cxa_throw __cxa_allocate_exception
              __cxa_guard_acquire __cxa_guard_release _Znwj _Znaj _ZdlPv _ZdaPv _ZdlPvj printf
              puts fwrite fputs _write _printf_r _puts_r __sinit)
    if(raw MATCHES "[ \n][TtWwDdBbUu] ${sym}\n")
      message(FATAL_ERROR "${elf} contains ${sym}")
    endif()
  endforeach()
  if(demangled MATCHES "operator (new|delete)")
    message(FATAL_ERROR "${elf} contains operator new/delete")
  endif()
  message(STATUS "${elf}: no malloc/free, operator new/delete, __cxa_throw, __cxa_guard_*, stdio")
endfunction()
