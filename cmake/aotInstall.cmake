# SPDX-License-Identifier: Apache-2.0
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/aot DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(AOT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/aot)

install(TARGETS aot aot_tvm_compat EXPORT aotTargets)
install(EXPORT aotTargets NAMESPACE aot:: DESTINATION ${AOT_CMAKE_DIR})

install(TARGETS aot_dlpack EXPORT aotDlpackTargets)
install(EXPORT aotDlpackTargets NAMESPACE aot:: DESTINATION ${AOT_CMAKE_DIR})

if(TARGET aot_fmt)
  install(TARGETS aot_fmt EXPORT aotFmtTargets)
  install(EXPORT aotFmtTargets NAMESPACE aot:: DESTINATION ${AOT_CMAKE_DIR})
endif()

if(TARGET aot-gen)
  install(TARGETS aot-gen EXPORT aotGenTargets)
  install(EXPORT aotGenTargets NAMESPACE aot:: DESTINATION ${AOT_CMAKE_DIR})
endif()

set(AOT_DLPACK_LINKED ${dlpack_FOUND})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/aotConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/aotConfig.cmake INSTALL_DESTINATION ${AOT_CMAKE_DIR})
# Header-only: any architecture may use an install made on another.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/aotConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/aotConfig.cmake ${PROJECT_BINARY_DIR}/aotConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/aotTvmRuntime.cmake
              ${PROJECT_SOURCE_DIR}/cmake/aotAddModel.cmake DESTINATION ${AOT_CMAKE_DIR})
