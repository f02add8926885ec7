# SPDX-License-Identifier: Apache-2.0
# What the conformance test's CMake files share: which folders of the corpus are samples, and
# the name each one's aot_add_model target takes.

# <out>: the samples under <corpus> (folders with model/ and data/FACTS.json), by name.
function(conformance_samples out corpus)
  file(GLOB entries LIST_DIRECTORIES true RELATIVE "${corpus}" "${corpus}/*")
  set(samples "")
  foreach(entry IN LISTS entries)
    if(IS_DIRECTORY "${corpus}/${entry}/model" AND EXISTS "${corpus}/${entry}/data/FACTS.json")
      list(APPEND samples "${entry}")
    endif()
  endforeach()
  list(SORT samples)
  set(${out} "${samples}" PARENT_SCOPE)
endfunction()

# <out>: the sample's target, which names its type and header too: a C++ identifier without the
# double underscore the corpus puts between model and flavour (reserved in C++).
function(conformance_target out sample)
  string(MAKE_C_IDENTIFIER "${sample}" id)
  string(REGEX REPLACE "__+" "_" id "${id}")
  set(${out} "${id}" PARENT_SCOPE)
endfunction()

# <out>: whether the sample's C includes CMSIS-NN's <arm_nnfunctions.h> (a BYOC part offloaded
# to CMSIS-NN, which this machine does not have).
function(conformance_uses_cmsis_nn out sample_dir)
  file(GLOB sources "${sample_dir}/model/codegen/host/src/*.c")
  set(${out} FALSE PARENT_SCOPE)
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]arm_nnfunctions\\.h" LIMIT_COUNT 1)
    if(hits)
      set(${out} TRUE PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()
