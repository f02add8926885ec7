# SPDX-License-Identifier: Apache-2.0
# The tarball package.fetch_content fetches: the files a release archive holds for building
# aot. The consumer's old build goes too, since FetchContent extracts a URL it has seen once.
#   cmake -DSOURCE=<aot> -DTARBALL=<file> -DCONSUMER=<build dir> -P tarball.cmake
file(REMOVE_RECURSE "${CONSUMER}")
execute_process(COMMAND ${CMAKE_COMMAND} -E tar czf ${TARBALL} -- CMakeLists.txt LICENSE cmake
                        include python tools/aot-gen
                WORKING_DIRECTORY ${SOURCE} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot write ${TARBALL}")
endif()
