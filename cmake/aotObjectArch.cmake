# SPDX-License-Identifier: Apache-2.0
# Object files of an MLF (TVM's llvm target writes codegen/host/lib/*.o) hold machine code for
# one architecture. aot_add_model reads each object's ELF header at configure time and compares
# it with the architecture the C compiler targets, so that objects for another machine stop the
# configuration with both named, instead of failing at the link ("file in wrong format").
# Where either side cannot be told (not ELF, a compiler whose target aot does not recognise),
# nothing is said.

# <machine> <class> <data>: what an ELF object for the C compiler's target has in e_machine,
# EI_CLASS (1: 32-bit, 2: 64-bit) and EI_DATA (1: little-endian, 2: big-endian); 0 where
# unknown. Read from the compiler's own predefined macros (a toolchain file's
# CMAKE_SYSTEM_PROCESSOR is whatever its author wrote): one compile per compiler and flags,
# cached, whose #error lines carry the answer (the preprocessor goes on after each).
function(aot_c_compiler_elf_target machine class data)
  if(NOT CMAKE_C_COMPILER_LOADED)
    message(FATAL_ERROR "aot: enable C before asking which architecture the C compiler targets")
  endif()
  set(key "${CMAKE_C_COMPILER} ${CMAKE_C_FLAGS}")
  if(NOT DEFINED AOT_C_COMPILER_ELF_TARGET OR NOT AOT_C_COMPILER_ELF_TARGET_FOR STREQUAL "${key}")
    set(dir "${CMAKE_BINARY_DIR}${CMAKE_FILES_DIRECTORY}/aot_elf_target")
    set(checks
        "defined(__x86_64__) || defined(_M_X64)" "machine 62"
        "defined(__i386__) || defined(_M_IX86)" "machine 3"
        "defined(__aarch64__) || defined(_M_ARM64)" "machine 183"
        "defined(__arm__) || defined(_M_ARM)" "machine 40"
        "defined(__riscv)" "machine 243"
        "defined(__powerpc64__)" "machine 21"
        "defined(__powerpc__) && !defined(__powerpc64__)" "machine 20"
        "defined(__s390x__)" "machine 22"
        "defined(__xtensa__)" "machine 94"
        "defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 4" "class 1"
        "defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 8" "class 2"
        "defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__" "data 1"
        "defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__" "data 2")
    set(text "/* aot_add_model reads the #error lines of this compile: it fails by design. */\n")
    list(LENGTH checks n)
    math(EXPR last "${n} - 1")
    foreach(i RANGE 0 ${last} 2)
      math(EXPR j "${i} + 1")
      list(GET checks ${i} condition)
      list(GET checks ${j} answer)
      string(APPEND text "#if ${condition}\n#error aot-elf-${answer}\n#endif\n")
    endforeach()
    file(WRITE "${dir}/elf_target.c" "${text}")
    set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
    try_compile(compiled "${dir}/build" "${dir}/elf_target.c" OUTPUT_VARIABLE output)
    set(result "")
    foreach(field machine class data)
      if(output MATCHES "aot-elf-${field} ([0-9]+)")
        list(APPEND result ${CMAKE_MATCH_1})
      else()
        list(APPEND result 0)
      endif()
    endforeach()
    set(AOT_C_COMPILER_ELF_TARGET "${result}" CACHE INTERNAL "e_machine, EI_CLASS, EI_DATA")
    set(AOT_C_COMPILER_ELF_TARGET_FOR "${key}" CACHE INTERNAL "")
  endif()
  list(GET AOT_C_COMPILER_ELF_TARGET 0 m)
  list(GET AOT_C_COMPILER_ELF_TARGET 1 c)
  list(GET AOT_C_COMPILER_ELF_TARGET 2 d)
  set(${machine} ${m} PARENT_SCOPE)
  set(${class} ${c} PARENT_SCOPE)
  set(${data} ${d} PARENT_SCOPE)
endfunction()

# <machine> <class> <data> of the ELF object <file>, or empty when it is not ELF (too short,
# another magic: a Mach-O or COFF object, LLVM bitcode).
function(aot_elf_header file machine class data)
  set(${machine} "" PARENT_SCOPE)
  set(${class} "" PARENT_SCOPE)
  set(${data} "" PARENT_SCOPE)
  file(READ "${file}" hex OFFSET 0 LIMIT 20 HEX)
  string(LENGTH "${hex}" length)
  if(length LESS 40 OR NOT hex MATCHES "^7f454c46")
    return()
  endif()
  string(SUBSTRING "${hex}" 8 2 c)
  string(SUBSTRING "${hex}" 10 2 d)
  string(SUBSTRING "${hex}" 36 2 b0)
  string(SUBSTRING "${hex}" 38 2 b1)
  if(d STREQUAL "02")
    math(EXPR m "0x${b0}${b1}")
  else()
    math(EXPR m "0x${b1}${b0}")
  endif()
  math(EXPR c "0x${c}")
  math(EXPR d "0x${d}")
  set(${machine} ${m} PARENT_SCOPE)
  set(${class} ${c} PARENT_SCOPE)
  set(${data} ${d} PARENT_SCOPE)
endfunction()

# <out>: the architecture an ELF e_machine, EI_CLASS and EI_DATA name, as people say it
# ("x86-64", "Arm (32-bit)", "RISC-V (64-bit)").
function(aot_elf_describe out machine class data)
  set(name_3 "x86 (32-bit)")
  set(name_62 "x86-64")
  set(name_40 "Arm (32-bit)")
  set(name_183 "AArch64")
  set(name_243 "RISC-V")
  set(name_21 "PowerPC (64-bit)")
  set(name_20 "PowerPC (32-bit)")
  set(name_22 "IBM Z")
  set(name_94 "Xtensa")
  set(name_8 "MIPS")
  if(DEFINED name_${machine})
    set(name "${name_${machine}}")
  else()
    set(name "ELF machine ${machine}")
  endif()
  # Where the machine alone does not say the word size: RISC-V, MIPS, x32, AArch64 ILP32.
  if(machine MATCHES "^(243|8)$" OR (machine MATCHES "^(62|183)$" AND class EQUAL 1))
    if(class EQUAL 1)
      string(APPEND name " (32-bit)")
    elseif(class EQUAL 2)
      string(APPEND name " (64-bit)")
    endif()
  endif()
  if(data EQUAL 2 AND machine MATCHES "^(3|62|40|183|243)$")
    string(APPEND name ", big-endian")
  endif()
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

# Stops the configuration when an object of <objects> is ELF code for another architecture
# than the C compiler's (<target>: the aot_add_model target, for the message).
function(aot_check_object_architectures target root objects)
  if(NOT objects)
    return()
  endif()
  aot_c_compiler_elf_target(want_m want_c want_d)
  if(want_m EQUAL 0)
    return()
  endif()
  aot_elf_describe(want ${want_m} ${want_c} ${want_d})
  foreach(object IN LISTS objects)
    aot_elf_header("${object}" m c d)
    if(m STREQUAL "")
      continue()
    endif()
    set(what "")
    if(NOT m EQUAL want_m)
      set(what "machine")
    elseif(NOT want_c EQUAL 0 AND NOT c EQUAL want_c)
      set(what "word size")
    elseif(NOT want_d EQUAL 0 AND NOT d EQUAL want_d)
      set(what "byte order")
    endif()
    if(what)
      aot_elf_describe(have ${m} ${c} ${d})
      _aot_elf_fields(have_fields ${m} ${c} ${d})
      _aot_elf_fields(want_fields ${want_m} ${want_c} ${want_d})
      file(RELATIVE_PATH name "${root}" "${object}")
      message(FATAL_ERROR
              "aot_add_model(${target}): ${name} is ${have} code (${have_fields}), but the C "
              "compiler ${CMAKE_C_COMPILER} targets ${want} (${want_fields}): the ${what} "
              "differs, so the model cannot link into this program. Export the model from TVM "
              "for this target (an llvm target with its -mtriple, or the c target, whose C "
              "compiles for any)")
    endif()
  endforeach()
endfunction()

function(_aot_elf_fields out machine class data)
  set(text "ELF")
  if(class EQUAL 1)
    string(APPEND text " 32-bit")
  elseif(class EQUAL 2)
    string(APPEND text " 64-bit")
  endif()
  if(data EQUAL 1)
    string(APPEND text " little-endian")
  elseif(data EQUAL 2)
    string(APPEND text " big-endian")
  endif()
  set(${out} "${text}, e_machine ${machine}" PARENT_SCOPE)
endfunction()
