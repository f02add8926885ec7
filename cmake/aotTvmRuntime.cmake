# SPDX-License-Identifier: Apache-2.0
# aot_add_tvm_runtime(<target>)
# Defines TVM's runtime symbols (TVMBackendAllocWorkspace, TVMBackendFreeWorkspace,
# TVMAPISetLastError, TVMBackendParallelLaunch, TVMBackendParallelBarrier) in <target> by adding
# one generated C++ file to it. Call it for exactly one target of a program: the executable
# (or one library of it). Leave it out when the program links TVM's own C runtime.
function(aot_add_tvm_runtime target)
  set(file ${CMAKE_CURRENT_BINARY_DIR}/aot_tvm_runtime_${target}.cpp)
  file(WRITE ${file}.in "#define AOT_TVM_RUNTIME_IMPLEMENTATION\n#include <aot/tvm_runtime.hpp>\n")
  configure_file(${file}.in ${file} COPYONLY)
  target_sources(${target} PRIVATE ${file})
  target_link_libraries(${target} PRIVATE aot::aot)
endfunction()
