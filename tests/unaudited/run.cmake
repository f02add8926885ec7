# SPDX-License-Identifier: Apache-2.0
# cmake -DCXX=<c++> -DCC=<cc> -DROOT=<source tree> -DWORK=<dir> -P run.cmake
# Builds and runs unaudited_test.cpp with the arena fixture as a user's project would, without
# the tests' AOT_WORKSPACE_AUDIT=1 (which every target linking aot::aot in the tests' build
# gets), and requires it to pass.
file(MAKE_DIRECTORY ${WORK})
set(F ${ROOT}/tests/fixtures/arena)
set(objects)
foreach(c arena_lib0 arena_lib1)
  execute_process(COMMAND ${CC} -c -O1 -w -I${ROOT}/include/aot/compat -I${F} ${F}/${c}.c
                          -o ${WORK}/${c}.o RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot compile ${c}.c:\n${err}")
  endif()
  list(APPEND objects ${WORK}/${c}.o)
endforeach()
execute_process(COMMAND ${CXX} -std=c++17 -O1 -Wall -Wextra -Werror -I${ROOT}/include -I${F}
                        ${ROOT}/tests/unaudited/unaudited_test.cpp ${objects}
                        -o ${WORK}/unaudited_test RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot build the unaudited test:\n${err}")
endif()
execute_process(COMMAND ${WORK}/unaudited_test RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the unaudited runs failed")
endif()
