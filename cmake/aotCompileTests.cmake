# SPDX-License-Identifier: Apache-2.0
# Warnings the project's own code builds with.
set(AOT_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
                 -Wold-style-cast -Werror)

# aot_compile_test(NAME <name> SOURCE <file> FUNCTION <diagnostic function> MESSAGE <text>
#                  ARGS <template argument>...)
# Adds two ctest tests compiling SOURCE with the project's compiler and flags:
#   compile_fail.<name>: must fail; the output must contain MESSAGE, and a line naming
#                        aot::compile_error::FUNCTION that contains every ARG.
#   compile_pass.<name>: the same file with AOT_TWIN defined must compile.
function(aot_compile_test)
  cmake_parse_arguments(ARG "" "NAME;SOURCE;FUNCTION;MESSAGE" "ARGS;DEFINES" ${ARGN})
  set(std ${CMAKE_CXX_STANDARD})
  if(NOT std)
    set(std 17)
  endif()
  set(flags -std=c++${std} -fsyntax-only -Wall -Wextra -Werror -I${PROJECT_SOURCE_DIR}/include
            -I${PROJECT_SOURCE_DIR}/tests/compile_fail)
  foreach(d IN LISTS ARG_DEFINES)
    list(APPEND flags -D${d})
  endforeach()
  string(REPLACE ";" "|" flags_arg "${flags}")
  string(REPLACE ";" "|" args_arg "${ARG_ARGS}")
  set(script ${PROJECT_SOURCE_DIR}/cmake/aotCheckCompile.cmake)
  add_test(NAME compile_fail.${ARG_NAME}
           COMMAND ${CMAKE_COMMAND} -DCOMPILER=${CMAKE_CXX_COMPILER} "-DFLAGS=${flags_arg}"
                   -DSOURCE=${ARG_SOURCE} -DEXPECT=fail "-DFUNCTION=${ARG_FUNCTION}"
                   "-DMESSAGE=${ARG_MESSAGE}" "-DARGS=${args_arg}" -P ${script})
  add_test(NAME compile_pass.${ARG_NAME}
           COMMAND ${CMAKE_COMMAND} -DCOMPILER=${CMAKE_CXX_COMPILER} "-DFLAGS=${flags_arg}|-DAOT_TWIN"
                   -DSOURCE=${ARG_SOURCE} -DEXPECT=pass -P ${script})
endfunction()
