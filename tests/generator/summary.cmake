# SPDX-License-Identifier: Apache-2.0
# aot-gen succeeds on MLF and prints one line on stdout, matching EXPECT; notes, if any, go to
# stderr.
file(REMOVE "${OUT}")
get_filename_component(dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${GEN} ${MLF} -o ${OUT} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS "${OUT}")
  message(FATAL_ERROR "aot-gen failed on ${MLF} (${rc}):\n${err}")
endif()
string(REGEX REPLACE "\n$" "" line "${out}")
if(line MATCHES "\n" OR NOT line MATCHES "${EXPECT}" OR NOT out MATCHES "\n$")
  message(FATAL_ERROR "stdout is not one line matching '${EXPECT}':\n${out}")
endif()
message(STATUS "${out}")
