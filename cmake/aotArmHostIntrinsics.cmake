# SPDX-License-Identifier: Apache-2.0
# aot::arm_host_intrinsics: what a model built for an Arm core (TVM's arm_cpu schedules: DSP
# intrinsics in the generated C) needs to compile anywhere. Always: include/aot/compat/cmsis
# and include/aot/compat/cmsis_nn (CMSIS-style names, read_and_pad; real instructions on Arm).
# Only for a C compiler that does not target Arm: include/aot/compat/arm (a portable
# <arm_acle.h>) and, for C sources, aot_arm_builtins.h force-included (__builtin_arm_*).
#
# Whether the C compiler targets Arm is the consumer's fact, not the one of the build that
# made an install, so that part is never exported: aot_arm_host_intrinsics_setup() adds it
# to the target of this build (in $<BUILD_INTERFACE>) or to the imported one (aotConfig),
# once C is enabled; aot_add_model(... HOST_INTRINSICS) calls it again for projects that
# enable C after finding aot.

# <out> is ON when the C compiler targets Arm (AArch32 or AArch64). One compile, cached per
# compiler.
function(aot_c_compiler_targets_arm out)
  if(NOT CMAKE_C_COMPILER_LOADED)
    message(FATAL_ERROR "aot: enable C before asking whether the C compiler targets Arm")
  endif()
  if(NOT DEFINED AOT_C_COMPILER_TARGETS_ARM OR NOT AOT_C_COMPILER_TARGETS_ARM_FOR STREQUAL
                                                "${CMAKE_C_COMPILER}")
    set(dir "${CMAKE_BINARY_DIR}${CMAKE_FILES_DIRECTORY}/aot_targets_arm")
    file(WRITE "${dir}/targets_arm.c"
         "#if !defined(__arm__) && !defined(__aarch64__)\n#error not an Arm target\n#endif\n"
         "int aot_targets_arm;\n")
    # A bare-metal cross compiler cannot link a program without a board's startup code.
    set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
    try_compile(arm "${dir}/build" "${dir}/targets_arm.c")
    set(AOT_C_COMPILER_TARGETS_ARM ${arm} CACHE INTERNAL "the C compiler targets Arm")
    set(AOT_C_COMPILER_TARGETS_ARM_FOR "${CMAKE_C_COMPILER}" CACHE INTERNAL "")
  endif()
  set(${out} ${AOT_C_COMPILER_TARGETS_ARM} PARENT_SCOPE)
endfunction()

# Adds the host-only part to the target once C is enabled; later calls do nothing. The target
# and folder come from aot_arm_host_intrinsics_register().
function(aot_arm_host_intrinsics_setup)
  get_property(done GLOBAL PROPERTY AOT_ARM_HOST_INTRINSICS_DONE)
  get_property(target GLOBAL PROPERTY AOT_ARM_HOST_INTRINSICS_TARGET)
  get_property(dir GLOBAL PROPERTY AOT_ARM_HOST_INTRINSICS_DIR)
  get_property(build_tree GLOBAL PROPERTY AOT_ARM_HOST_INTRINSICS_BUILD_TREE)
  if(done OR NOT target OR NOT CMAKE_C_COMPILER_LOADED)
    return()
  endif()
  set_property(GLOBAL PROPERTY AOT_ARM_HOST_INTRINSICS_DONE ON)
  aot_c_compiler_targets_arm(arm)
  if(arm)
    return()
  endif()
  # -include is GCC's and Clang's; other compilers get the header folder only.
  set(include "${dir}")
  set(option "$<$<AND:$<COMPILE_LANGUAGE:C>,$<C_COMPILER_ID:GNU,Clang,AppleClang>>:-include${dir}/aot_arm_builtins.h>")
  if(build_tree)
    set(include "$<BUILD_INTERFACE:${include}>")
    set(option "$<BUILD_INTERFACE:${option}>")
  endif()
  set_property(TARGET ${target} APPEND PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${include}")
  set_property(TARGET ${target} APPEND PROPERTY INTERFACE_COMPILE_OPTIONS "${option}")
endfunction()

# <target>: aot_arm_host_intrinsics or the imported aot::arm_host_intrinsics; <dir>: its
# include/aot/compat/arm; BUILD_TREE when <target> is exported (the host part must not be).
function(aot_arm_host_intrinsics_register target dir)
  set_property(GLOBAL PROPERTY AOT_ARM_HOST_INTRINSICS_TARGET ${target})
  set_property(GLOBAL PROPERTY AOT_ARM_HOST_INTRINSICS_DIR "${dir}")
  if("BUILD_TREE" IN_LIST ARGN)
    set_property(GLOBAL PROPERTY AOT_ARM_HOST_INTRINSICS_BUILD_TREE ON)
  endif()
  aot_arm_host_intrinsics_setup()
endfunction()
