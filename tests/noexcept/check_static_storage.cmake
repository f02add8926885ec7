# SPDX-License-Identifier: Apache-2.0
# A global executor must live in .bss (nm type B/b), and the object must carry no dynamic
# initialiser for it (no _GLOBAL__sub_I_ function, no .init_array entry).
execute_process(COMMAND ${NM} -C ${OBJECT} OUTPUT_VARIABLE syms RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${OBJECT}")
endif()
if(NOT syms MATCHES "[0-9a-f]+ [Bb] aot_static_executor")
  message(FATAL_ERROR "aot_static_executor is not in .bss:\n${syms}")
endif()
if(syms MATCHES "_GLOBAL__sub_I_")
  message(FATAL_ERROR "the object has a dynamic initialiser:\n${syms}")
endif()
message(STATUS "aot_static_executor is in .bss and has no dynamic initialiser")
