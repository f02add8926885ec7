# SPDX-License-Identifier: Apache-2.0
# Runs PROGRAM, which must print MARKER and then die (a trap), not exit normally.
execute_process(COMMAND ${PROGRAM} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT out MATCHES "${MARKER}")
  message(FATAL_ERROR "${PROGRAM} did not reach its marker:\n${out}${err}")
endif()
if(rc EQUAL 0 OR out MATCHES "not trapped")
  message(FATAL_ERROR "${PROGRAM} was expected to trap (rc ${rc}):\n${out}${err}")
endif()
message(STATUS "${PROGRAM} trapped as expected (${rc})")
