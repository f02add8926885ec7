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

struct SourceFacts {
  std::vector<SourceFile> files;
  std::vector<std::string> objects;  ///< codegen/host/lib/*.o: code aot-gen cannot read

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
SourceFacts read_sources(const Archive& mlf, const std::string& module);

}  // namespace aot_gen
