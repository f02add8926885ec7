# SPDX-License-Identifier: Apache-2.0
# aot-gen --version prints "aot-gen <VERSION>" and succeeds, although the MLF and -o it
# otherwise requires are absent.
execute_process(COMMAND ${GEN} --version RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "aot-gen --version exited with '${rc}':\n${out}${err}")
endif()
if(NOT out STREQUAL "aot-gen ${VERSION}\n")
  message(FATAL_ERROR "aot-gen --version printed '${out}', expected 'aot-gen ${VERSION}'")
endif()
message(STATUS "${out}")
