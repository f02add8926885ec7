# SPDX-License-Identifier: Apache-2.0
# PLAIN (a model built without PROFILE) must not reference the instrumentation hooks, and
# PROFILED (the same model with PROFILE) must reference both.
foreach(which PLAIN PROFILED)
  execute_process(COMMAND ${NM} ${${which}} RESULT_VARIABLE rc OUTPUT_VARIABLE syms)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nm ${${which}} failed")
  endif()
  foreach(hook __cyg_profile_func_enter __cyg_profile_func_exit)
    string(FIND "${syms}" "U ${hook}" at)
    if(which STREQUAL "PLAIN" AND NOT at EQUAL -1)
      message(FATAL_ERROR "${${which}} calls ${hook} though built without PROFILE")
    elseif(which STREQUAL "PROFILED" AND at EQUAL -1)
      message(FATAL_ERROR "${${which}} does not call ${hook} though built with PROFILE")
    endif()
  endforeach()
endforeach()
message(STATUS "only the PROFILE build is instrumented")
