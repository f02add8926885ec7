# SPDX-License-Identifier: Apache-2.0
# cmake -DSOURCE=<project/> -DTREE=<build dir> -DGENERATOR=<g> -DOPTIONS=<a|b|...> -P build.cmake
# Configures the conformance project and builds all it can: a sample that fails (aot-gen
# refuses it, its C does not compile, its program does not link) fails its own test,
# which builds its target again to show why; the others are built here, in parallel.
string(REPLACE "|" ";" options "${OPTIONS}")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${TREE} -G ${GENERATOR} ${options}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "conformance: the project does not configure")
endif()
if(GENERATOR MATCHES "Ninja")
  set(keep_going -k 0)
elseif(GENERATOR MATCHES "Makefiles")
  set(keep_going -k)
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${TREE} -- ${keep_going}
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc EQUAL 0)
  message("conformance: some samples did not build; their tests say why")
endif()
