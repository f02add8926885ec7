# SPDX-License-Identifier: Apache-2.0
# cmake -DTREE=<build dir> -DSAMPLE=<name> -DTARGET=<t> [-DREFUSED=<regex>] [-DCMSIS_NN=ON]
#       -P run_sample.cmake
# One sample of the conformance test: builds its program (nothing to do when the setup test
# built it) and runs it, which prints the sample's line. A sample listed as refused passes when
# aot-gen refuses it with a message matching REFUSED; a CMSIS-NN sample whose program does not
# link passes when every undefined reference is a CMSIS-NN function (arm_*).
# The line unwrapped (FATAL_ERROR wraps its text), then the failure.
function(fail)
  string(CONCAT text ${ARGV})
  message("${text}")
  message(FATAL_ERROR "conformance: ${SAMPLE} failed")
endfunction()

execute_process(COMMAND ${CMAKE_COMMAND} --build ${TREE} --target ${TARGET}_conformance
                OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
set(line "conformance: ${SAMPLE}")

if(NOT rc EQUAL 0)
  string(REGEX MATCHALL "aot-gen: error: [^\n]*" errors "${out}")
  if(errors)
    list(JOIN errors "\n  " shown)
    if(REFUSED)
      foreach(e IN LISTS errors)
        if(e MATCHES "${REFUSED}")
          message("${line}: refused by aot-gen, as expected (${REFUSED}):\n  ${shown}")
          return()
        endif()
      endforeach()
      fail("${line}: FAILED: refused by aot-gen, but not as expected "
           "(${REFUSED}):\n  ${shown}")
    endif()
    fail("${line}: FAILED: aot-gen refuses it:\n  ${shown}")
  endif()
  # GNU ld: undefined reference to `x'; lld: undefined symbol: x.
  string(REGEX MATCHALL "undefined reference to [`'][^'`]+'|undefined symbol: [A-Za-z_][A-Za-z0-9_]*"
         undefined "${out}")
  if(CMSIS_NN AND undefined)
    set(cmsis "")
    set(other "")
    foreach(u IN LISTS undefined)
      string(REGEX REPLACE "^undefined (reference to [`']|symbol: )([^'`]+)'?$" "\\2" symbol "${u}")
      if(symbol MATCHES "^arm_")
        list(APPEND cmsis ${symbol})
      else()
        list(APPEND other ${symbol})
      endif()
    endforeach()
    list(REMOVE_DUPLICATES cmsis)
    list(REMOVE_DUPLICATES other)
    if(other)
      list(JOIN other ", " other)
      fail("${line}: FAILED: undefined references besides CMSIS-NN's: ${other}")
    endif()
    list(JOIN cmsis ", " cmsis)
    message("${line}: generated and compiled (CMSIS-NN declarations only); links but for "
            "CMSIS-NN: ${cmsis}")
    return()
  endif()
  fail("${line}: FAILED to build:\n${out}")
endif()

if(REFUSED)
  fail("${line}: FAILED: listed as refused by aot-gen (${REFUSED}), but it "
       "builds: take it off AOT_CONFORMANCE_REFUSED")
endif()
execute_process(COMMAND ${TREE}/${TARGET}_conformance RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  fail("${line}: FAILED (exit status ${rc})")
endif()
