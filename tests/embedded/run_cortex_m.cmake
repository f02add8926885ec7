# Cross-builds examples/cortex-m, proves the image freestanding (nm), runs it under
# qemu-system-arm and checks its exit status and report. Prints "SKIPPED: ..." (ctest marks the
# test skipped) when the cross toolchain or QEMU is missing.
foreach(tool arm-none-eabi-gcc arm-none-eabi-g++ arm-none-eabi-nm qemu-system-arm)
  find_program(found_${tool} ${tool})
  if(NOT found_${tool})
    message("SKIPPED: ${tool} not found (Debian: gcc-arm-none-eabi libnewlib-arm-none-eabi "
            "libstdc++-arm-none-eabi-newlib qemu-system-arm)")
    return()
  endif()
endforeach()

file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${REFERENCE} OUTPUT_FILE ${WORK}/expected.h RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the host reference failed")
endif()

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
set(elf ${WORK}/build/firmware.elf)

# Freestanding: no heap, no exceptions, no guarded statics, no stdio beyond semihosting.
execute_process(COMMAND ${found_arm-none-eabi-nm} ${elf} OUTPUT_VARIABLE raw)
execute_process(COMMAND ${found_arm-none-eabi-nm} -C ${elf} OUTPUT_VARIABLE demangled)
foreach(sym malloc free calloc realloc _malloc_r _free_r _sbrk __cxa_throw __cxa_allocate_exception
            __cxa_guard_acquire __cxa_guard_release _Znwj _Znaj _ZdlPv _ZdaPv _ZdlPvj printf
            puts fwrite fputs _write _printf_r _puts_r __sinit)
  if(raw MATCHES "[ \n][TtWwDdBbUu] ${sym}\n")
    message(FATAL_ERROR "the firmware image contains ${sym}")
  endif()
endforeach()
if(demangled MATCHES "operator (new|delete)")
  message(FATAL_ERROR "the firmware image contains operator new/delete")
endif()
message(STATUS "no malloc/free, operator new/delete, __cxa_throw, __cxa_guard_*, stdio")

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
