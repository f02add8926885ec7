# SPDX-License-Identifier: Apache-2.0
# aot_add_python_module(<module> MODEL <model target> [HEADER <model header> TYPE <C++ type>]
#                       [TARGET <target>] [OUTPUT_DIRECTORY <dir>])
#
# A CPython extension module <module> of one model: `import <module>; m = <module>.Model()`
# runs the model's generated C through aot::AotExecutor, numpy arrays in and out
# (docs/python.md). MODEL is a target of aot_add_model, whose header and type it knows, or any
# library holding a model's C and its description: then HEADER (the file to include) and TYPE
# (the C++ type, namespace included) say which. The module is <module><Python's extension
# suffix> in OUTPUT_DIRECTORY (default: the current binary directory), built by the target
# <module>, or TARGET when that name is taken (by the model's own target); the model's library is
# compiled position-independent for it. The model's symbols stay inside the module, so modules
# of any models, even of two with the same TVM module name, load into one interpreter.
#
# Needs Python 3 with its headers (Debian: python3-dev), numpy at run time (python3-numpy) and
# pybind11's CMake package (pybind11-dev); the headers in include/aot stay free of Python. The
# interpreter is Python3_EXECUTABLE when set, else the first `python3` on the PATH that imports
# numpy, else the system one (/usr/bin/python3) if that does. aot_python_find(<found> <why>)
# tells ahead of time whether a module can be built here.

set(_AOT_PYTHON_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")

# The folder with aot_python.cpp, aot_python.hpp, module.cpp.in and aot_run.py: ../python in
# the source tree, python/ beside this file in an install.
function(_aot_python_sources out)
  if(EXISTS "${_AOT_PYTHON_CMAKE_DIR}/python/aot_python.cpp")
    set(${out} "${_AOT_PYTHON_CMAKE_DIR}/python" PARENT_SCOPE)
  else()
    get_filename_component(dir "${_AOT_PYTHON_CMAKE_DIR}/../python" ABSOLUTE)
    set(${out} "${dir}" PARENT_SCOPE)
  endif()
endfunction()

# aot_python_interpreter(<out>): Python3_EXECUTABLE when set, else the first python3 (PATH,
# then /usr/bin) that imports numpy; empty when none does.
function(aot_python_interpreter out)
  if(Python3_EXECUTABLE)
    set(${out} "${Python3_EXECUTABLE}" PARENT_SCOPE)
    return()
  endif()
  find_program(_aot_python3_on_path NAMES python3 NO_CACHE)
  set(candidates)
  foreach(c IN ITEMS "${_aot_python3_on_path}" /usr/bin/python3)
    if(c AND EXISTS "${c}")
      list(APPEND candidates "${c}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES candidates)
  foreach(c IN LISTS candidates)
    execute_process(COMMAND "${c}" -c "import numpy" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    if(rc EQUAL 0)
      set(${out} "${c}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out} "" PARENT_SCOPE)
endfunction()

# aot_python_find(<found> <why>): finds Python 3 (interpreter with numpy, and headers) and
# pybind11 for the current directory; <found> is TRUE or FALSE, <why> says what is missing.
macro(aot_python_find _aot_found _aot_why)
  set(${_aot_found} FALSE)
  set(${_aot_why} "")
  if(NOT Python3_EXECUTABLE)
    aot_python_interpreter(_aot_py)
    if(_aot_py)
      set(Python3_EXECUTABLE "${_aot_py}" CACHE FILEPATH "The Python 3 interpreter aot's Python modules are built for")
    endif()
  endif()
  if(NOT Python3_EXECUTABLE)
    set(${_aot_why} "no python3 that imports numpy (Debian: python3-numpy)")
  else()
    find_package(Python3 COMPONENTS Interpreter Development.Module QUIET)
    if(NOT Python3_FOUND OR NOT TARGET Python3::Module)
      set(${_aot_why} "no Python 3 headers for ${Python3_EXECUTABLE} (Debian: python3-dev)")
    else()
      if(NOT TARGET pybind11::headers)
        set(PYBIND11_FINDPYTHON ON)
        find_package(pybind11 CONFIG QUIET)
      endif()
      if(NOT TARGET pybind11::headers)
        set(${_aot_why} "no pybind11 CMake package (Debian: pybind11-dev)")
      else()
        set(${_aot_found} TRUE)
      endif()
    endif()
  endif()
endmacro()

# The Python side, compiled once per project and linked into each module.
function(_aot_python_core out)
  get_property(core GLOBAL PROPERTY AOT_PYTHON_CORE)
  if(NOT core)
    set(core aot_python_core)
    _aot_python_sources(dir)
    add_library(${core} STATIC "${dir}/aot_python.cpp")
    target_include_directories(${core} PUBLIC "${dir}")
    target_link_libraries(${core} PUBLIC aot::aot pybind11::headers Python3::Module)
    target_compile_features(${core} PUBLIC cxx_std_17)
    set_target_properties(${core} PROPERTIES POSITION_INDEPENDENT_CODE ON
                                             CXX_VISIBILITY_PRESET hidden
                                             VISIBILITY_INLINES_HIDDEN ON)
    set_property(GLOBAL PROPERTY AOT_PYTHON_CORE ${core})
  endif()
  set(${out} ${core} PARENT_SCOPE)
endfunction()

function(aot_add_python_module module)
  cmake_parse_arguments(ARG "" "MODEL;HEADER;TYPE;TARGET;OUTPUT_DIRECTORY" "" ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "aot_add_python_module(${module}): unknown arguments "
                        "'${ARG_UNPARSED_ARGUMENTS}' (it takes MODEL, HEADER, TYPE, TARGET, "
                        "OUTPUT_DIRECTORY)")
  endif()
  set(target ${module})
  if(ARG_TARGET)
    set(target ${ARG_TARGET})
  endif()
  if(TARGET ${target})
    message(FATAL_ERROR "aot_add_python_module(${module}): a target ${target} exists already "
                        "(the model's?): give TARGET <another name> for the module's")
  endif()
  if(NOT module MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "aot_add_python_module(${module}): the module name must be a Python "
                        "identifier: import ${module} must work")
  endif()
  if(NOT ARG_MODEL OR NOT TARGET ${ARG_MODEL})
    message(FATAL_ERROR "aot_add_python_module(${module}): MODEL <target> must name the model's "
                        "target (aot_add_model(<target> ...))")
  endif()
  get_target_property(header ${ARG_MODEL} AOT_MODEL_HEADER)
  get_target_property(type ${ARG_MODEL} AOT_MODEL_TYPE)
  if(ARG_HEADER)
    set(header "${ARG_HEADER}")
  endif()
  if(ARG_TYPE)
    set(type "${ARG_TYPE}")
  endif()
  if(NOT header OR NOT type)
    message(FATAL_ERROR "aot_add_python_module(${module}): ${ARG_MODEL} is not a target of "
                        "aot_add_model: give HEADER <the model description's header> and TYPE "
                        "<its C++ type>")
  endif()
  aot_python_find(found why)
  if(NOT found)
    message(FATAL_ERROR "aot_add_python_module(${module}): ${why}")
  endif()

  _aot_python_sources(dir)
  _aot_python_core(core)
  set(AOT_PY_MODULE ${module})
  set(AOT_PY_TYPE ${type})
  set(AOT_PY_HEADER ${header})
  set(source "${CMAKE_CURRENT_BINARY_DIR}/${module}_python.cpp")
  configure_file("${dir}/module.cpp.in" "${source}" @ONLY)

  add_library(${target} MODULE "${source}")
  target_link_libraries(${target} PRIVATE ${core} ${ARG_MODEL} pybind11::headers Python3::Module)
  # Runtime symbols for models not made by aot_add_model (taken only while undefined).
  aot_tvm_runtime_library(runtime)
  target_link_libraries(${target} PRIVATE ${runtime})
  if(Python3_SOABI)
    set(suffix ".${Python3_SOABI}${CMAKE_SHARED_MODULE_SUFFIX}")
  else()
    set(suffix "${CMAKE_SHARED_MODULE_SUFFIX}")
  endif()
  set_target_properties(${target} PROPERTIES OUTPUT_NAME ${module} PREFIX "" SUFFIX "${suffix}"
                                             CXX_VISIBILITY_PRESET hidden
                                             VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  endif()
  # The model's C and the runtime symbols from static libraries stay local to the module: two
  # modules whose models share symbol names (module "default") do not see each other's.
  if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_link_options(${target} PRIVATE "LINKER:--exclude-libs,ALL")
  endif()
  # A static library linked into a shared object must be position-independent.
  get_target_property(imported ${ARG_MODEL} IMPORTED)
  if(NOT imported)
    set_property(TARGET ${ARG_MODEL} PROPERTY POSITION_INDEPENDENT_CODE ON)
  endif()
  foreach(shared_lib AOT_TVM_RUNTIME_LIBRARY AOT_OPERATOR_HOOKS_LIBRARY)
    get_property(lib GLOBAL PROPERTY ${shared_lib})
    if(lib)
      set_property(TARGET ${lib} PROPERTY POSITION_INDEPENDENT_CODE ON)
    endif()
  endforeach()
endfunction()

# aot_python_run_script(<out dir> <out variable>): writes <out dir>/aot-run, the command that
# runs a model's module as `tvmc run` runs a TVM package, for the interpreter found (or
# `/usr/bin/env python3` when none imports numpy); <out variable> is its path.
function(aot_python_run_script out_dir out)
  _aot_python_sources(dir)
  aot_python_interpreter(python)
  if(NOT python)
    set(python "/usr/bin/env python3")
  endif()
  file(READ "${dir}/aot_run.py" text)
  string(REGEX REPLACE "^#![^\n]*\n" "#!${python}\n" text "${text}")
  set(staging "${CMAKE_CURRENT_BINARY_DIR}/aot_run_staging")
  file(WRITE "${staging}/aot-run" "${text}")
  file(COPY "${staging}/aot-run" DESTINATION "${out_dir}"
       FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ
                        WORLD_EXECUTE)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${dir}/aot_run.py")
  set(${out} "${out_dir}/aot-run" PARENT_SCOPE)
endfunction()
