# SPDX-License-Identifier: Apache-2.0
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/aot DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(AOT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/aot)

install(TARGETS aot aot_tvm_compat aot_arm_host_intrinsics EXPORT aotTargets)
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
# pkg-config files for builds without CMake, in share/: the package holds no binary library.
# Written at install time, for the prefix the tree is installed to.
if(TARGET aot-gen)
  set(aot_pc_gen ON)
else()
  set(aot_pc_gen OFF)
endif()
set(aot_pc_dir ${PROJECT_BINARY_DIR}/pkgconfig)
install(
  CODE "set(PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
        set(INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
        set(BINDIR \"${CMAKE_INSTALL_BINDIR}\")
        set(AOT_GEN ${aot_pc_gen})
        set(VERSION \"${PROJECT_VERSION}\")
        set(DESCRIPTION \"${PROJECT_DESCRIPTION}\")
        set(SOURCE \"${PROJECT_SOURCE_DIR}/cmake\")
        set(OUT \"${aot_pc_dir}\")
        include(\"${PROJECT_SOURCE_DIR}/cmake/aotPkgConfig.cmake\")")
install(FILES ${aot_pc_dir}/aot.pc ${aot_pc_dir}/aot-tvm-compat.pc
        DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)

# aot_add_python_module's sources beside it, and aot-run.
install(FILES ${PROJECT_SOURCE_DIR}/python/aot_python.cpp ${PROJECT_SOURCE_DIR}/python/aot_python.hpp
              ${PROJECT_SOURCE_DIR}/python/module.cpp.in
        DESTINATION ${AOT_CMAKE_DIR}/python)
install(PROGRAMS ${AOT_RUN_SCRIPT} DESTINATION ${CMAKE_INSTALL_BINDIR})

install(FILES ${PROJECT_BINARY_DIR}/aotConfig.cmake ${PROJECT_BINARY_DIR}/aotConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/aotTvmRuntime.cmake
              ${PROJECT_SOURCE_DIR}/cmake/aotAddModel.cmake
              ${PROJECT_SOURCE_DIR}/cmake/aotAddPythonModule.cmake
              ${PROJECT_SOURCE_DIR}/cmake/aotObjectArch.cmake
              ${PROJECT_SOURCE_DIR}/cmake/aotArmHostIntrinsics.cmake DESTINATION ${AOT_CMAKE_DIR})
