# SPDX-License-Identifier: Apache-2.0
# Writes aot.pc and aot-tvm-compat.pc for an install prefix. Run at install time (from
# aotInstall.cmake's install(CODE)), so that the files name the prefix the tree really lands in,
# `cmake --install --prefix` included, not the one configure guessed.
# Takes PREFIX, INCLUDEDIR, BINDIR (relative to PREFIX or absolute), AOT_GEN (ON when aot-gen is
# installed), VERSION, DESCRIPTION, SOURCE (where the .pc.in files are) and OUT.
foreach(dir INCLUDEDIR BINDIR)
  if(IS_ABSOLUTE "${${dir}}")
    set(AOT_PC_${dir} "${${dir}}")
  else()
    set(AOT_PC_${dir} "\${prefix}/${${dir}}")
  endif()
endforeach()
set(AOT_PC_PREFIX "${PREFIX}")
set(AOT_PC_AOT_GEN "")
if(AOT_GEN)
  set(AOT_PC_AOT_GEN "\${bindir}/aot-gen")
endif()
set(PROJECT_VERSION "${VERSION}")
set(PROJECT_DESCRIPTION "${DESCRIPTION}")
configure_file("${SOURCE}/aot.pc.in" "${OUT}/aot.pc" @ONLY)
configure_file("${SOURCE}/aot-tvm-compat.pc.in" "${OUT}/aot-tvm-compat.pc" @ONLY)
