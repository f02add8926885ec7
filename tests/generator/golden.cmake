# SPDX-License-Identifier: Apache-2.0
# Runs aot-gen on one fixture and compares the header with the hand-written golden file.
file(REMOVE "${OUT}")
execute_process(COMMAND ${GEN} ${MLF} -o ${OUT} ${EXTRA} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "aot-gen failed on ${MLF}: ${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files --ignore-eol ${OUT} ${EXPECTED}
                RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  execute_process(COMMAND diff -u ${EXPECTED} ${OUT})
  message(FATAL_ERROR "${OUT} differs from ${EXPECTED}")
endif()
message(STATUS "matches ${EXPECTED}")
