# SPDX-License-Identifier: Apache-2.0
# include/aot/version.hpp is checked in, not generated into the build tree, because users who
# only add include/ to their include path must get the real version; project(VERSION) stays the
# one place a release changes, and this check makes a stale header a configure error (and a
# test) instead of a wrong version shipped.
#
# Included from the top CMakeLists.txt (PROJECT_* set), or run as a script:
#   cmake -DSOURCE=<aot> -DBINARY=<build> [-DVERSION=x.y.z] -P cmake/aotVersion.cmake
# which compares the header with the copy configure wrote (the package.version_header test).
if(CMAKE_SCRIPT_MODE_FILE)
  set(aot_version_expected "${BINARY}/aot_version.hpp")
  set(aot_version_header "${SOURCE}/include/aot/version.hpp")
else()
  set(aot_version_expected "${PROJECT_BINARY_DIR}/aot_version.hpp")
  set(aot_version_header "${PROJECT_SOURCE_DIR}/include/aot/version.hpp")
  configure_file("${CMAKE_CURRENT_LIST_DIR}/aotVersion.hpp.in" "${aot_version_expected}" @ONLY)
endif()

file(READ "${aot_version_header}" aot_version_have)
file(READ "${aot_version_expected}" aot_version_want)
# A checkout with CRLF line ends holds the same header.
string(REPLACE "\r" "" aot_version_have "${aot_version_have}")
if(NOT aot_version_have STREQUAL aot_version_want)
  message(FATAL_ERROR
          "include/aot/version.hpp does not match project(aot VERSION ...) in CMakeLists.txt. "
          "Replace it with the header configure wrote from the project's version:\n"
          "  cp ${aot_version_expected} ${aot_version_header}")
endif()
if(CMAKE_SCRIPT_MODE_FILE)
  string(REGEX MATCH "AOT_VERSION_STRING \"([^\"]*)\"" _ "${aot_version_have}")
  if(DEFINED VERSION AND NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "include/aot/version.hpp says ${CMAKE_MATCH_1}, the project ${VERSION}")
  endif()
  message(STATUS "include/aot/version.hpp matches version ${CMAKE_MATCH_1}")
endif()
