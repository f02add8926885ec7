# SPDX-License-Identifier: Apache-2.0
# aot_add_tvm_runtime(<target>)
# Defines TVM's runtime symbols (TVMBackendAllocWorkspace, TVMBackendFreeWorkspace,
# TVMAPISetLastError, TVMBackendParallelLaunch, TVMBackendParallelBarrier) in <target> by adding
# one generated C++ file to it. Call it for exactly one target of a program: the executable
# (or one library of it). Leave it out when the program links TVM's own C runtime.
# aot_add_model links the same definitions for its models (see aot_tvm_runtime_library), so
# this is only needed for models not made by aot_add_model, or to place the symbols in a
# particular target.
function(aot_add_tvm_runtime target)
  set(file ${CMAKE_CURRENT_BINARY_DIR}/aot_tvm_runtime_${target}.cpp)
  file(WRITE ${file}.in "#define AOT_TVM_RUNTIME_IMPLEMENTATION\n#include <aot/tvm_runtime.hpp>\n")
  configure_file(${file}.in ${file} COPYONLY)
  target_sources(${target} PRIVATE ${file})
  target_link_libraries(${target} PRIVATE aot::aot)
endfunction()

# aot_tvm_runtime_library(<variable>)
# Sets <variable> to the project's one static library holding the runtime symbols, made on the
# first call. A static library, because the linker takes its one member only while the symbols
# are still undefined: a program whose models call the runtime gets exactly one definition, however
# many models link it, and none when the program defines them itself (aot_add_tvm_runtime, or
# TVM's own runtime linked before it) or when no model calls the runtime.
function(aot_tvm_runtime_library out)
  get_property(lib GLOBAL PROPERTY AOT_TVM_RUNTIME_LIBRARY)
  if(NOT lib)
    set(lib aot_tvm_runtime)
    set(dir ${CMAKE_BINARY_DIR}/aot_tvm_runtime)
    file(WRITE ${dir}/tvm_runtime.cpp.in
         "#define AOT_TVM_RUNTIME_IMPLEMENTATION\n#include <aot/tvm_runtime.hpp>\n")
    configure_file(${dir}/tvm_runtime.cpp.in ${dir}/tvm_runtime.cpp COPYONLY)
    add_library(${lib} STATIC ${dir}/tvm_runtime.cpp)
    target_link_libraries(${lib} PRIVATE aot::aot)
    set_property(GLOBAL PROPERTY AOT_TVM_RUNTIME_LIBRARY ${lib})
  endif()
  set(${out} ${lib} PARENT_SCOPE)
endfunction()

# aot_operator_hooks_library(<variable>)
# Sets <variable> to the project's one static library defining __cyg_profile_func_enter/exit
# (aot/operator_hooks.hpp), made on the first call, for models built with PROFILE. A static
# library for the same reason as the runtime's: its member is taken only while the hooks are
# undefined, so a program gets one definition however many profiled models it links.
function(aot_operator_hooks_library out)
  get_property(lib GLOBAL PROPERTY AOT_OPERATOR_HOOKS_LIBRARY)
  if(NOT lib)
    set(lib aot_operator_hooks)
    set(dir ${CMAKE_BINARY_DIR}/aot_operator_hooks)
    file(WRITE ${dir}/operator_hooks.cpp.in
         "#define AOT_OPERATOR_HOOKS_IMPLEMENTATION\n#include <aot/operator_hooks.hpp>\n")
    configure_file(${dir}/operator_hooks.cpp.in ${dir}/operator_hooks.cpp COPYONLY)
    add_library(${lib} STATIC ${dir}/operator_hooks.cpp)
    target_link_libraries(${lib} PRIVATE aot::aot)
    set_property(GLOBAL PROPERTY AOT_OPERATOR_HOOKS_LIBRARY ${lib})
  endif()
  set(${out} ${lib} PARENT_SCOPE)
endfunction()
