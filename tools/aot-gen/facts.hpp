// SPDX-License-Identifier: Apache-2.0
#pragma once
// What each source of truth in an MLF says, each fact with the line that says it. The
// readers report what they cannot read and go on; resolve() weighs the sources.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "archive.hpp"
#include "c_scan.hpp"
#include "report.hpp"

namespace aot_gen {

/// A value and where it was stated.
template <class T>
struct Sourced {
  T value;
  Where where;
};

/// tvmgen_<m>.h
struct HeaderFacts {
  std::string path;  ///< as shown in messages
  struct Member {
    std::string name;
    std::size_t line = 0;
  };
  std::optional<std::vector<Member>> inputs, outputs, pools, devices;  ///< struct members
  std::size_t inputs_line = 0, outputs_line = 0;
  bool map_inputs = false, map_outputs = false;
  /// TVMGEN_<M>_<key>_SIZE: "WORKSPACE", "<NAME>", "<POOL>_WORKSPACE_POOL", ...
  std::map<std::string, Sourced<std::uint64_t>> sizes;
  /// TVMGEN_<M>_<POOL>_CONSTANT_POOL_DATA macros: the names of the pools that have one.
  std::map<std::string, std::size_t> constant_pool_data;
  std::optional<c::Function> run;  ///< the declaration of tvmgen_<m>_run
};

/// One tensor in metadata.json's memory.functions.main[].inputs/outputs (v0.11+).
struct MetadataTensor {
  std::string raw_name;
  std::size_t line = 0;
  std::optional<Sourced<std::string>> dtype;
  std::optional<Sourced<std::uint64_t>> size;
};

struct MetadataModule {
  std::string name;
  std::size_t line = 0;
  std::optional<Sourced<std::uint64_t>> workspace, constants, io;
  bool has_io = false;
  std::vector<MetadataTensor> inputs, outputs;  ///< JSON order, which is not argument order
  /// "target": each target string with its line (executor options such as
  /// -workspace-byte-alignment=N rode on it before TVM had Executor objects).
  std::vector<Sourced<std::string>> targets;
  /// "executors" (v6+) or "runtimes" (older): "aot" or "graph".
  std::optional<Sourced<std::vector<std::string>>> executors;
};

struct MetadataFacts {
  std::string path;
  Sourced<std::uint64_t> version;
  std::vector<MetadataModule> modules;
};

/// A tensor type in the Relay text.
struct RelayTensor {
  std::string raw_name;  ///< empty for return types
  std::size_t line = 0;
  std::optional<std::string> dtype;  ///< nullopt: no type given
  std::vector<std::int64_t> shape;
};

/// The scale and zero point one qnn operator of the Relay body gives a model input (the
/// operator consumes it) or output (the operator produces it).
struct RelayQuant {
  std::string op;        ///< "qnn.requantize"
  std::size_t line = 0;  ///< of the operator's name
  /// One value each (per tensor), or one per channel (per axis; zero_points then as many,
  /// a single zero point written being repeated). Both empty when `unknown` says why.
  std::vector<float> scales;
  std::vector<std::int64_t> zero_points;
  std::int64_t axis = -1;  ///< the operator's axis= (TVM's default -1: the last)
  std::string unknown;     ///< why there is no figure ("its scale is meta[relay.Constant][0]")
};

struct RelayFacts {
  std::string path;
  std::size_t line = 0;                             ///< of "def @main("
  std::vector<RelayTensor> inputs;                  ///< bound %v_param_<k> left out
  std::optional<std::vector<RelayTensor>> outputs;  ///< "-> type", else the body's last ty=
  std::vector<std::string> output_names;            ///< output_tensor_names
  std::size_t output_names_line = 0;
  /// What the body's qnn operators say of each input (by raw name; every consumer, in text
  /// order) and of each output (by position; the operator producing the returned value).
  std::map<std::string, std::vector<RelayQuant>> input_quant;
  std::vector<std::optional<RelayQuant>> output_quant;
};

/// One generated C file in codegen/host/src.
struct SourceFile {
  std::string path;  ///< canonical
  std::string shown;
  c::File code;
  /// The module's own file: <m>_lib<N>.c, or v0.8's unprefixed lib<N>.c (an MLF may hold
  /// several modules' files).
  bool own = true;
  /// "// tvm target: c -keys=arm_cpu,cpu -mcpu=cortex-m4 ..." at the top of TVM's lib files.
  std::optional<Sourced<std::string>> tvm_target;
  /// The first sign that the code calls Arm DSP intrinsics: an include of arm_acle.h,
  /// arm_nnsupportfunctions.h or arm_math.h, or a call of an intrinsic or __builtin_arm_*.
  std::optional<Sourced<std::string>> arm_intrinsic;
};

/// One tensor of TVM's metadata module (TVMTensorInfo) or of an object's argument checks.
struct CodeTensor {
  std::string name;  ///< as the code names it (an output is "output0" there, a TIR variable
                     ///< "output2" in an object's checks): informative only
  std::size_t line = 0;
  std::optional<std::string> dtype;
  std::optional<std::vector<std::int64_t>> shape;
};

/// kTvmgenMetadata, the metadata module TVM writes into the C of packed exports (TVM 0.10 on):
/// the inputs, outputs and workspace pools as TVM's own runtime sees them.
struct MetadataModuleFacts {
  std::string shown;     ///< the file that defines it
  std::size_t line = 0;  ///< of kTvmgenMetadata
  std::vector<CodeTensor> inputs, outputs, workspace_pools;
  std::string mod_name;  ///< "tvmgen_default"
};

/// A function's arguments as the argument checks of TVM's llvm code state them ("num_args
/// should be 4", "Expect arg[1] to be pointer", "x.ndim is expected to equal 2", ...).
struct CheckedFunction {
  std::string name;
  std::optional<std::size_t> num_args;
  std::vector<CodeTensor> args;  ///< by position; a missing check leaves a field empty
};

/// One object file of codegen/host/lib, read through libelf.
struct ObjectFile {
  std::string path, shown;
  std::uint16_t machine = 0;  ///< e_machine
  bool is64 = false;
  std::vector<std::string> defined;      ///< global functions it defines
  std::vector<std::string> undefined;    ///< symbols it needs
  std::vector<CheckedFunction> checked;  ///< tvmgen_* functions with argument checks
};

struct SourceFacts {
  std::vector<SourceFile> files;
  std::vector<std::string> objects;      ///< codegen/host/lib/*.o, by name
  std::vector<ObjectFile> object_files;  ///< the same, read (the readable ones)
  std::optional<MetadataModuleFacts> metadata_module;

  /// The definition of `name` in any file, and that file.
  std::pair<const c::Function*, const SourceFile*> definition(const std::string& name) const;
  /// A declaration (prototype) of `name` in any file, and that file.
  std::pair<const c::Function*, const SourceFile*> declaration(const std::string& name) const;
};

std::optional<HeaderFacts> read_header(const std::string& shown, const std::string& text,
                                       const std::string& module, Report& report);
std::optional<MetadataFacts> read_metadata(const std::string& shown, const std::string& text,
                                           Report& report);
std::optional<RelayFacts> read_relay(const std::string& shown, const std::string& text,
                                     Report& report);
SourceFacts read_sources(const Archive& mlf, const std::string& module, Report& report);
/// kTvmgenMetadata in `file`, if it defines it; what cannot be read is a note.
std::optional<MetadataModuleFacts> read_metadata_module(const SourceFile& file, Report& report);
/// An ELF object's machine, symbols and argument checks; nullopt (with an error) when it is
/// not an ELF relocatable object libelf can read.
std::optional<ObjectFile> read_object(const std::string& path, const std::string& shown,
                                      const std::string& bytes, const std::string& module,
                                      Report& report);
/// "x86-64", "Arm (32-bit)", ... for an ELF e_machine.
std::string machine_name(std::uint16_t machine);

}  // namespace aot_gen
