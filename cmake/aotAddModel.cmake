# aot_add_model(<target> MLF <archive.tar | folder>
#               [NAME <C++ type>] [NAMESPACE <ns>] [MODULE <module>] [ENTRY c|packed|unpacked]
#               [SHAPES <tensor>=<d0,d1,...> ...] [DTYPES <tensor>=<dtype> ...]
#               [INPUTS <a,b,...>] [OUTPUTS <x,y,...>])
#
# A static library <target> holding the model's generated C sources (compiled as C) and a
# generated header <target>.hpp with `struct <NAME or module>` for aot::AotExecutor. The archive
# is extracted at configure time; aot-gen runs at build time. aot-gen is the aot::aot-gen
# target when this project builds it, else AOT_GEN_EXECUTABLE (set it to a host build of
# aot-gen when cross-compiling), else `aot-gen` on the PATH. The calling project must enable C.
function(aot_add_model target)
  cmake_parse_arguments(ARG "" "MLF;NAME;NAMESPACE;MODULE;ENTRY;INPUTS;OUTPUTS" "SHAPES;DTYPES"
                        ${ARGN})
  if(NOT ARG_MLF)
    message(FATAL_ERROR "aot_add_model(${target}): MLF <archive or folder> is required")
  endif()
  if(NOT CMAKE_C_COMPILER_LOADED)
    message(FATAL_ERROR "aot_add_model(${target}): enable C in project() or enable_language(C)")
  endif()
  get_filename_component(mlf "${ARG_MLF}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${mlf}")
    message(FATAL_ERROR "aot_add_model(${target}): ${mlf} does not exist")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${mlf}")

  if(IS_DIRECTORY "${mlf}")
    set(root "${mlf}")
  else()
    set(root "${CMAKE_CURRENT_BINARY_DIR}/${target}.mlf")
    set(stamp "${root}.stamp")
    if(NOT EXISTS "${stamp}" OR "${mlf}" IS_NEWER_THAN "${stamp}")
      file(REMOVE_RECURSE "${root}")
      file(ARCHIVE_EXTRACT INPUT "${mlf}" DESTINATION "${root}")
      file(TOUCH "${stamp}")
    endif()
  endif()

  file(GLOB c_sources "${root}/codegen/host/src/*.c")
  file(GLOB objects "${root}/codegen/host/lib/*.o")
  if(NOT c_sources AND NOT objects)
    message(FATAL_ERROR "aot_add_model(${target}): ${mlf} is not a Model Library Format archive "
                        "(no codegen/host/src/*.c or codegen/host/lib/*.o)")
  endif()

  if(TARGET aot::aot-gen)
    set(gen "$<TARGET_FILE:aot::aot-gen>")
    set(gen_dep aot::aot-gen)
  else()
    if(NOT AOT_GEN_EXECUTABLE)
      find_program(AOT_GEN_EXECUTABLE aot-gen)
    endif()
    if(NOT AOT_GEN_EXECUTABLE)
      message(FATAL_ERROR "aot_add_model(${target}): no aot-gen. Set AOT_BUILD_GENERATOR=ON before "
                          "add_subdirectory(aot), or AOT_GEN_EXECUTABLE to a host build of aot-gen")
    endif()
    set(gen "${AOT_GEN_EXECUTABLE}")
    set(gen_dep "${AOT_GEN_EXECUTABLE}")
  endif()

  set(args)
  foreach(opt NAME NAMESPACE MODULE ENTRY INPUTS OUTPUTS)
    if(ARG_${opt})
      string(TOLOWER ${opt} flag)
      list(APPEND args --${flag} "${ARG_${opt}}")
    endif()
  endforeach()
  if(NOT ARG_NAME)
    list(APPEND args --name ${target})
  endif()
  foreach(s IN LISTS ARG_SHAPES)
    list(APPEND args --shape "${s}")
  endforeach()
  foreach(d IN LISTS ARG_DTYPES)
    list(APPEND args --dtype "${d}")
  endforeach()

  set(include_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}.include")
  set(header "${include_dir}/${target}.hpp")
  file(GLOB_RECURSE inputs_of_gen "${root}/codegen/host/include/*" "${root}/src/*")
  add_custom_command(
    OUTPUT "${header}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${include_dir}"
    COMMAND ${gen} "${mlf}" -o "${header}" ${args}
    DEPENDS ${gen_dep} "${mlf}" ${inputs_of_gen} ${c_sources}
    COMMENT "aot-gen: ${target} from ${ARG_MLF}"
    VERBATIM)

  add_library(${target} STATIC ${c_sources} ${objects} "${header}")
  set_source_files_properties(${c_sources} PROPERTIES LANGUAGE C)
  target_include_directories(${target} PUBLIC "${include_dir}" "${root}/codegen/host/include")
  target_link_libraries(${target} PUBLIC aot::aot)
  # TVM's own runtime headers when the MLF carries them, else aot's compatible declarations.
  if(EXISTS "${root}/runtime/include/tvm/runtime/c_runtime_api.h")
    target_include_directories(${target} PRIVATE "${root}/runtime/include")
  else()
    target_link_libraries(${target} PRIVATE aot::tvm_compat)
  endif()
  # Real generated code passes an array's address and const data where uint8_t* is expected
  # (errors with GCC 14+), leaves parameters unused, and is not ours to warn about.
  target_compile_options(
    ${target}
    PRIVATE $<$<COMPILE_LANGUAGE:C>:-w>
            $<$<AND:$<COMPILE_LANGUAGE:C>,$<C_COMPILER_ID:GNU>>:-Wno-error=incompatible-pointer-types>)
endfunction()
