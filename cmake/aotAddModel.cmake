# SPDX-License-Identifier: Apache-2.0
# aot_add_model(<target> MLF <archive (.tar, .tar.gz, .tgz, .zip) | folder>
#               [NAME <C++ type>] [NAMESPACE <ns>] [MODULE <module>] [ENTRY c|packed|unpacked]
#               [SHAPES <tensor>=<d0,d1,...> ...] [DTYPES <tensor>=<dtype> ...]
#               [INPUTS <a> <b> ...] [OUTPUTS <x> <y> ...]
#               [QUANT <tensor>=<scale>,<zero_point> ...]
#               [WORKSPACE_SIZE <bytes>|MEASURED] [WORKSPACE_ALIGNMENT <bytes>] [NO_TVM_RUNTIME]
#               [HOST_INTRINSICS] [PROFILE] [NO_PROBE])
#
# A static library <target> holding the model's generated C sources (compiled as C) and a
# generated header <target>.hpp with `struct <NAME>` (default: the target's name) for
# aot::AotExecutor. An MLF of several modules takes one aot_add_model per MODULE.
# WORKSPACE_SIZE replaces the model's TVMBackendAllocWorkspace figure (e.g. a peak measured with
# workspace_peak(), or MEASURED: the peak of aot-gen's probe); WORKSPACE_ALIGNMENT states the workspace byte alignment the model was built
# with when no file does; aot-gen checks both against the MLF. QUANT gives an integer input's or
# output's scale and zero point (constexpr in the header, for aot::quantize/dequantize), checked
# against the qnn operators of the model's Relay text. The archive is extracted at
# configure time; aot-gen runs at build time. aot-gen is the aot::aot-gen target when this
# project builds it, else AOT_GEN_EXECUTABLE (set it to a host build of aot-gen when
# cross-compiling), else `aot-gen` on the PATH. The calling project must enable C.
# The model brings the TVM runtime symbols its code calls (TVMBackendAllocWorkspace, ...): a
# program needs no aot_add_tvm_runtime for it. NO_TVM_RUNTIME leaves them out, for a program
# that links TVM's own C runtime.
# A model built for an Arm core (its C calls DSP intrinsics: __SMLAD, __sxtb16,
# __builtin_arm_smlabb, read_and_pad...) gets aot::arm_host_intrinsics linked to its C when the
# C compiler does not target Arm, with a configure message saying so: the intrinsics in
# portable C, bit-exact with the instructions. HOST_INTRINSICS links it whatever the compiler
# (on Arm it adds CMSIS-NN's read_and_pad helpers over the real instructions). The model's C
# keeps -Werror=implicit-function-declaration: an intrinsic nobody provides is a compile error,
# never a silent link error.
# Object files (codegen/host/lib/*.o, TVM's llvm target) go into the library as they are; an
# ELF object for another architecture than the C compiler's stops the configuration.
# PROFILE makes each operator call __tvm_main__ makes reach a per-operator profiler
# (aot::OperatorTimer): the model's C (all but lib0, which holds only run()) is compiled with
# -finstrument-functions, the header gets the operator table (aot-gen --profile), and the
# hooks (aot/operator_hooks.hpp) are linked. Without it nothing of this exists.
# aot-gen's probe compiles the model's C with the host's compilers and runs it once, to measure
# the bytes each input and output takes (sizing what no file sizes, checking every size) and the
# workspace peak: with CMAKE_C_COMPILER and CMAKE_CXX_COMPILER, or in a cross build with
# AOT_HOST_C_COMPILER and AOT_HOST_CXX_COMPILER (else cc and c++ on the PATH). NO_PROBE turns it
# off.
include("${CMAKE_CURRENT_LIST_DIR}/aotObjectArch.cmake")

function(aot_add_model target)
  cmake_parse_arguments(ARG "NO_TVM_RUNTIME;HOST_INTRINSICS;PROFILE;NO_PROBE" "MLF;NAME;NAMESPACE;MODULE;ENTRY;WORKSPACE_SIZE;WORKSPACE_ALIGNMENT"
                        "SHAPES;DTYPES;INPUTS;OUTPUTS;QUANT" ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "aot_add_model(${target}): unknown arguments '${ARG_UNPARSED_ARGUMENTS}' "
                        "(it takes MLF, NAME, NAMESPACE, MODULE, ENTRY, SHAPES, DTYPES, INPUTS, "
                        "OUTPUTS, QUANT, WORKSPACE_SIZE, WORKSPACE_ALIGNMENT, NO_TVM_RUNTIME, "
                        "HOST_INTRINSICS, PROFILE, NO_PROBE)")
  endif()
  if(ARG_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "aot_add_model(${target}): ${ARG_KEYWORDS_MISSING_VALUES} given no value")
  endif()
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
    # Any archive CMake reads (.tar, .tar.gz, .tgz, .zip), extracted once per change.
    set(root "${CMAKE_CURRENT_BINARY_DIR}/${target}.mlf")
    set(stamp "${root}.stamp")
    if(NOT EXISTS "${stamp}" OR "${mlf}" IS_NEWER_THAN "${stamp}")
      file(REMOVE_RECURSE "${root}")
      file(ARCHIVE_EXTRACT INPUT "${mlf}" DESTINATION "${root}")
      file(TOUCH "${stamp}")
    endif()
  endif()
  # The layouts aot-gen reads (keep in step with tools/aot-gen/archive.cpp): a whole MLF, one
  # wrapped in a single top folder, a committed codegen/ folder, or codegen/host on its own.
  foreach(level RANGE 2)
    file(GLOB top RELATIVE "${root}" "${root}/*")
    list(LENGTH top n)
    if(n EQUAL 1 AND IS_DIRECTORY "${root}/${top}" AND NOT top MATCHES "^(codegen|host|src|include|lib)$")
      set(root "${root}/${top}")
    endif()
  endforeach()
  if(IS_DIRECTORY "${root}/codegen/host")
    set(host "${root}/codegen/host")
  elseif(IS_DIRECTORY "${root}/host/src" OR IS_DIRECTORY "${root}/host/include")
    set(host "${root}/host")
  else()
    set(host "${root}")
  endif()

  # With MODULE, only that module's files (an MLF may hold several); v0.8 names them lib<N>.c.
  # .c, and .cc/.cpp for BYOC modules TVM writes as C++.
  file(GLOB c_sources "${host}/src/*.c" "${host}/src/*.cc" "${host}/src/*.cpp")
  if(ARG_MODULE)
    file(GLOB module_sources "${host}/src/${ARG_MODULE}_lib*.c" "${host}/src/${ARG_MODULE}_lib*.cc"
         "${host}/src/${ARG_MODULE}_lib*.cpp")
    if(module_sources)
      set(c_sources ${module_sources})
    endif()
  endif()
  file(GLOB objects "${host}/lib/*.o")
  if(NOT c_sources AND NOT objects)
    message(FATAL_ERROR "aot_add_model(${target}): ${mlf} is not a Model Library Format archive "
                        "(no codegen/host/src/*.c or codegen/host/lib/*.o, nor src/*.c of a "
                        "codegen/host folder)")
  endif()

  aot_check_object_architectures(${target} "${root}" "${objects}")

  # aot-gen runs at build time, too late to choose what to link: the C sources tell now
  # whether the model calls Arm intrinsics, which a compiler for another machine lacks.
  set(host_intrinsics ${ARG_HOST_INTRINSICS})
  if(NOT ARG_HOST_INTRINSICS)
    _aot_model_arm_intrinsics(uses "${c_sources}")
    if(uses)
      aot_c_compiler_targets_arm(arm)
      if(NOT arm)
        _aot_model_arm_target(arm_target "${root}")
        if(arm_target)
          set(arm_target " (built for '${arm_target}')")
        endif()
        message(STATUS
                "aot_add_model(${target}): the model${arm_target} calls Arm DSP intrinsics "
                "(${uses}) and the C compiler does not target Arm: building it with "
                "aot::arm_host_intrinsics, aot's portable intrinsics")
        set(host_intrinsics ON)
      endif()
    endif()
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

  set(args --syntax cmake)
  foreach(opt NAME NAMESPACE MODULE ENTRY)
    if(ARG_${opt})
      string(TOLOWER ${opt} flag)
      list(APPEND args --${flag} "${ARG_${opt}}")
    endif()
  endforeach()
  # DEFINED, not if(ARG_...): "0" is false to if(), and aot-gen must see it to refuse it.
  foreach(opt WORKSPACE_SIZE WORKSPACE_ALIGNMENT)
    if(DEFINED ARG_${opt})
      string(TOLOWER ${opt} flag)
      string(REPLACE "_" "-" flag ${flag})
      list(APPEND args --${flag} "${ARG_${opt}}")
    endif()
  endforeach()
  # INPUTS a b or INPUTS a,b: aot-gen takes one comma-separated list.
  foreach(opt INPUTS OUTPUTS)
    if(ARG_${opt})
      string(TOLOWER ${opt} flag)
      list(JOIN ARG_${opt} "," names)
      list(APPEND args --${flag} "${names}")
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
  foreach(q IN LISTS ARG_QUANT)
    list(APPEND args --quant "${q}")
  endforeach()
  if(ARG_PROFILE)
    list(APPEND args --profile)
  endif()
  # The probe's compilers: this build's own, or the host's in a cross build.
  if(ARG_NO_PROBE)
    list(APPEND args --no-probe)
  elseif(NOT CMAKE_CROSSCOMPILING)
    list(APPEND args --host-cc "${CMAKE_C_COMPILER}")
    if(CMAKE_CXX_COMPILER_LOADED)
      list(APPEND args --host-cxx "${CMAKE_CXX_COMPILER}")
    endif()
  else()
    if(AOT_HOST_C_COMPILER)
      list(APPEND args --host-cc "${AOT_HOST_C_COMPILER}")
    endif()
    if(AOT_HOST_CXX_COMPILER)
      list(APPEND args --host-cxx "${AOT_HOST_CXX_COMPILER}")
    endif()
  endif()

  set(include_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}.include")
  set(header "${include_dir}/${target}.hpp")
  file(GLOB_RECURSE inputs_of_gen "${host}/include/*" "${root}/src/*" "${root}/metadata.json")
  add_custom_command(
    OUTPUT "${header}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${include_dir}"
    COMMAND ${gen} "${root}" -o "${header}" ${args}
    DEPENDS ${gen_dep} "${mlf}" ${inputs_of_gen} ${c_sources}
    COMMENT "aot-gen: ${target} from ${ARG_MLF}"
    VERBATIM)

  # CMake marks .o sources EXTERNAL_OBJECT and archives them as they are; with no C source
  # there is nothing to infer the archive's language from.
  add_library(${target} STATIC ${c_sources} ${objects} "${header}")
  # An object-file MLF (TVM's llvm target) has no source for CMake to take the language from.
  if(NOT c_sources)
    set_target_properties(${target} PROPERTIES LINKER_LANGUAGE C)
  endif()
  foreach(source IN LISTS c_sources)
    if(source MATCHES "\\.c$")
      set_source_files_properties(${source} PROPERTIES LANGUAGE C)
    endif()
  endforeach()
  target_include_directories(${target} PUBLIC "${include_dir}" "${host}/include")
  target_link_libraries(${target} PUBLIC aot::aot)
  # What aot_add_python_module includes and instantiates.
  set(type ${target})
  if(ARG_NAME)
    set(type ${ARG_NAME})
  endif()
  if(ARG_NAMESPACE)
    set(type ${ARG_NAMESPACE}::${type})
  endif()
  set_target_properties(${target} PROPERTIES AOT_MODEL_HEADER "${target}.hpp" AOT_MODEL_TYPE "${type}")
  # TVM's own runtime headers when the MLF carries them, else aot's compatible declarations.
  if(EXISTS "${root}/runtime/include/tvm/runtime/c_runtime_api.h")
    target_include_directories(${target} PRIVATE "${root}/runtime/include")
  else()
    target_link_libraries(${target} PRIVATE aot::tvm_compat)
  endif()
  # Whether the code calls the runtime is known only when aot-gen runs, at build time, too late
  # to choose what to link; linking the library always costs nothing when nothing calls it.
  if(NOT ARG_NO_TVM_RUNTIME)
    if(NOT CMAKE_CXX_COMPILER_LOADED)
      message(FATAL_ERROR "aot_add_model(${target}): enable CXX in project() or enable_language(CXX) "
                          "(the TVM runtime symbols are C++), or give NO_TVM_RUNTIME")
    endif()
    aot_tvm_runtime_library(runtime)
    target_link_libraries(${target} INTERFACE ${runtime})
  endif()
  if(host_intrinsics)
    aot_arm_host_intrinsics_setup()
    target_link_libraries(${target} PRIVATE aot::arm_host_intrinsics)
  endif()
  # Real generated code passes an array's address and const data where uint8_t* is expected
  # (errors with GCC 14+), leaves parameters unused, and is not ours to warn about. Not -w:
  # it would silence -Werror=implicit-function-declaration too, and a function nobody
  # declares (an Arm intrinsic or builtin on another compiler) would surface only at the link.
  # GCC and Clang: warnings off, that one an error (after the user's flags, so it stays).
  set(gnu "$<AND:$<COMPILE_LANGUAGE:C>,$<C_COMPILER_ID:GNU>>")
  set(clang "$<AND:$<COMPILE_LANGUAGE:C>,$<C_COMPILER_ID:Clang,AppleClang>>")
  set(other_c "$<AND:$<COMPILE_LANGUAGE:C>,$<NOT:$<C_COMPILER_ID:GNU,Clang,AppleClang>>>")
  target_compile_options(
    ${target}
    PRIVATE "$<${gnu}:-Wno-all;-Wno-extra;-Wno-pedantic;-Wno-error;-Wno-incompatible-pointer-types;-Wno-error=incompatible-pointer-types;-Wno-discarded-qualifiers;-Wno-attributes;-Werror=implicit-function-declaration>"
            "$<${clang}:-Wno-everything;-Wno-error;-Werror=implicit-function-declaration>"
            $<${other_c}:-w> $<$<COMPILE_LANGUAGE:CXX>:-w>)
  # TVM's arm_cpu kernels define an external __ror of their own where the toolchain's
  # <arm_acle.h> lacks it: a second such model in the program would define it again.
  _aot_model_defines_ror(own_ror "${c_sources}")
  if(own_ror)
    string(MAKE_C_IDENTIFIER "aot_${target}_ror" ror)
    target_compile_definitions(${target} PRIVATE "__ror=${ror}")
  endif()
  if(ARG_PROFILE)
    _aot_model_profile(${target} "${c_sources}")
  endif()
endfunction()

function(_aot_model_defines_ror out sources)
  set(${out} FALSE PARENT_SCOPE)
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "^[^#;=]*uint32_t[ \t*]+__ror[ \t]*\\([ \t]*uint32_t" LIMIT_COUNT 1)
    if(hits)
      set(${out} TRUE PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()

# Compiles the model's C with -finstrument-functions and links the hooks. Calls from functions
# that are not operators reach the hooks too and are ignored there, at a cost: so GCC leaves
# out lib0 (run()), __tvm_main__ and the static helpers the C defines and inlines into the
# operators' loops (GCC instruments inlined functions as well). Clang 14 takes no exclude
# lists; it instruments before inlining too, so an operator inlined into __tvm_main__ at -O2
# still reports its calls (instrumenting after inlining loses exactly those), and the calls of
# helpers are ignored by the hooks. Other compilers have no such instrumentation: PROFILE
# stops there.
function(_aot_model_profile target sources)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "^(GNU|Clang|AppleClang)$")
    message(FATAL_ERROR "aot_add_model(${target}): PROFILE needs GCC or Clang "
                        "(-finstrument-functions); the C compiler is ${CMAKE_C_COMPILER_ID}")
  endif()
  set(helpers ___tvm_main__ _run_model)
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines REGEX "static[ \t].*[A-Za-z_][A-Za-z0-9_]*[ \t]*\\(")
    foreach(line IN LISTS lines)
      if(line MATCHES "^[^(;=]*static[ \t][^(;=]*[ \t*]([A-Za-z_][A-Za-z0-9_]*)[ \t]*\\("
         AND NOT CMAKE_MATCH_1 MATCHES "^tvmgen_")
        list(APPEND helpers ${CMAKE_MATCH_1})
      endif()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES helpers)
  list(JOIN helpers "," functions)
  set(files lib0.c,arm_acle.h,arm_nnsupportfunctions.h,arm_math.h,aot_arm_builtins.h,aot_cmsis_intrinsics.h,cmsis)
  set(gnu "$<AND:$<COMPILE_LANGUAGE:C>,$<C_COMPILER_ID:GNU>>")
  set(clang "$<AND:$<COMPILE_LANGUAGE:C>,$<C_COMPILER_ID:Clang,AppleClang>>")
  target_compile_options(
    ${target}
    PRIVATE "$<${gnu}:-finstrument-functions;-finstrument-functions-exclude-function-list=${functions};-finstrument-functions-exclude-file-list=${files}>"
            "$<${clang}:-finstrument-functions>")
  aot_operator_hooks_library(hooks)
  target_link_libraries(${target} INTERFACE ${hooks})
endfunction()

# <out>: the first Arm intrinsic the C sources use (an include of arm_acle.h,
# arm_nnsupportfunctions.h or arm_math.h, a __builtin_arm_* call, or a CMSIS/ACLE DSP
# intrinsic call), as "<file>: <what>", or empty.
function(_aot_model_arm_intrinsics out sources)
  set(${out} "" PARENT_SCOPE)
  set(include_re "^[ \t]*#[ \t]*include[ \t]*[<\"](arm_acle|arm_nnsupportfunctions|arm_math)\\.h")
  set(call_re "(__builtin_arm_[a-z0-9_]+|__(SMLADX?|SMUADX?|SXTA?B16|UXTB16|PKHBT|PKHTB|QADD16|QADD|SSAT|USAT)|__(smladx?|smuadx?|sxtab?16|uxtb16|pkhbt|pkhtb|smla[bt][bt]|smul[bt][bt]|qadd16|ssat|usat)|read_and_pad)[ \t]*\\(")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "${include_re}|${call_re}" LIMIT_COUNT 1)
    if(hits)
      get_filename_component(name "${source}" NAME)
      string(STRIP "${hits}" hits)
      if(hits MATCHES "${include_re}")
        set(what "#include <${CMAKE_MATCH_1}.h>")
      elseif(hits MATCHES "${call_re}")
        set(what "${CMAKE_MATCH_1}")
      endif()
      set(${out} "${name}: ${what}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()

# <out>: the TVM target string of the model when it names an Arm CPU (-keys=arm_cpu, -mcpu=
# cortex-..., -march=armv...), from metadata.json, else empty.
function(_aot_model_arm_target out root)
  set(${out} "" PARENT_SCOPE)
  if(EXISTS "${root}/metadata.json")
    file(STRINGS "${root}/metadata.json" lines REGEX "\"c -[^\"]*(arm_cpu|-mcpu=cortex|-march=armv)")
    if(lines)
      list(GET lines 0 line)
      if(line MATCHES "\"(c -[^\"]*)\"")
        set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
      endif()
    endif()
  endif()
endfunction()
