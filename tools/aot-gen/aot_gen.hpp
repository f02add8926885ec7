// SPDX-License-Identifier: Apache-2.0
#pragma once
// aot-gen: reads a TVM Model Library Format archive (folder or archive) and writes the C++
// model description aot::AotExecutor needs. Every fact is taken from every source that has
// it and cross-checked; every fact a user gives is checked against the files.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "archive.hpp"
#include "facts.hpp"
#include "names.hpp"
#include "report.hpp"

namespace aot_gen {

/// Whose words messages use for the options: aot-gen's flags or aot_add_model's keywords.
enum class Syntax { kCli, kCMake };

/// What the user said on the command line (or through aot_add_model).
struct Options {
  std::string input, output;
  std::optional<std::string> module;  ///< module name when the MLF has several or none
  std::string type_name;              ///< C++ struct name (default: the module name)
  std::string name_space;             ///< C++ namespace (default: none)
  std::map<std::string, std::vector<std::int64_t>> shapes;  ///< by raw or sanitised name
  std::map<std::string, std::string> dtypes;
  /// --quant <tensor>=<scale>,<zero_point>: the text after '=', checked by resolve().
  std::map<std::string, std::string> quants;
  std::optional<std::string> entry;                    ///< c, packed, unpacked
  std::vector<std::string> input_order, output_order;  ///< names, when no source orders them
  /// --workspace-size and --workspace-alignment as typed: resolve() checks them, so that a
  /// bad number is reported with everything else and in the words of --syntax.
  std::optional<std::string> workspace_size, workspace_alignment;
  Syntax syntax = Syntax::kCli;
  /// --profile: list the operators __tvm_main__ calls, for per-operator profiling.
  bool profile = false;
  /// The probe (resolve_probe.cpp): run the model once on the host to measure what its code
  /// touches. main.cpp turns it on unless --no-probe; off here, so that resolve() alone runs
  /// no other program.
  bool probe = false;
  std::string host_cc, host_cxx;  ///< --host-cc/--host-cxx; empty: cc (c++) on the PATH
  double probe_timeout = 10;      ///< --probe-timeout: seconds a run of the model may take

  /// How to name an option in a message: "--shape" or "SHAPES".
  std::string flag(const std::string& cli) const;
};

enum class Convention { kCInterface, kUnpacked, kPacked };

/// One input or output, resolved.
struct TensorFacts {
  std::string raw_name;   ///< as in the source model
  std::string sanitized;  ///< as in the C header
  std::string type_name;  ///< the C++ nested type (the sanitised name unless it cannot be)
  std::string dtype;
  std::vector<std::int64_t> shape;
  std::uint64_t size_bytes = 0;
  std::string size_macro;             ///< TVMGEN_<M>_<NAME>_SIZE when the header has it
  std::vector<std::string> comments;  ///< how unverified facts came in, for the header
  bool size_from_option = false;      ///< the byte size follows from --shape/--dtype only
  /// No file states the shape: it is the byte size's element count, flat (a DLTensor of any
  /// shape with that many elements is the tensor's).
  bool shape_from_size = false;
  Where size_where;            ///< what fixed size_bytes: a file's line or an option
  bool size_measured = false;  ///< the byte size is the probe's measurement
  /// Quantization: one scale and zero point (per tensor), or one per channel of quant_axis.
  std::vector<float> scales;
  std::vector<std::int32_t> zero_points;
  std::size_t quant_axis = 0;  ///< per axis only
  std::string quant_comment;   ///< where the scale and zero point came from
};

struct PoolFacts {
  std::string name, type_name;
  std::uint64_t size_bytes = 0;
  std::string size_macro;
  /// An external constant pool: the caller passes memory holding TVMGEN_<M>_<POOL>_CONSTANT_
  /// POOL_DATA, not scratch memory.
  std::string data_macro;
};

struct DeviceFacts {
  std::string name, type_name;
};

/// A function __tvm_main__ calls that the module's sources define (--profile).
struct OperatorFacts {
  std::string symbol;
  std::size_t call_sites = 0;       ///< calls of it in __tvm_main__
  std::vector<std::string> params;  ///< C++ parameter types, to declare it exactly
};

/// The resolved, cross-checked model.
struct Model {
  std::string module;  ///< module name
  std::string type_name, name_space;
  std::vector<TensorFacts> inputs, outputs;
  std::vector<PoolFacts> pools;
  std::vector<DeviceFacts> devices;
  std::optional<std::uint64_t> workspace_size;
  bool workspace_size_from_header = false;
  /// The MLF's workspace figure when --workspace-size replaced it in workspace_size.
  std::optional<std::uint64_t> model_workspace_size;
  bool workspace_size_from_option = false;
  std::string workspace_size_comment;  ///< where workspace_size came from, when an option
  std::optional<std::uint64_t> workspace_alignment;  ///< workspace-byte-alignment, when known
  std::string workspace_alignment_comment;           ///< where it came from
  Convention convention = Convention::kCInterface;
  std::string entry_symbol;
  std::vector<std::string> entry_params;  ///< unpacked: C++ parameter types
  /// tvmgen_<m>_get_c_metadata, when the C defines it (TVM's metadata module, packed exports).
  std::string c_metadata;
  bool has_header = false;
  std::string header_name;  ///< tvmgen_<m>.h
  bool workspace_io = false;
  bool internal_pools = false;
  std::optional<std::uint64_t> constants_size;  ///< the internal constant pool
  bool uses_backend_workspace = false;
  std::size_t workspace_allocations = 0;
  bool uses_last_error = false;
  /// The TVM target the code was built for (metadata.json's, else lib1.c's comment).
  std::optional<std::string> target;
  /// The C calls Arm DSP intrinsics: it builds only for an Arm core or with host intrinsics.
  bool arm_intrinsics = false;
  /// --profile: the operators, in the order __tvm_main__ first calls them.
  bool profile = false;
  std::vector<OperatorFacts> operators;
  std::vector<std::string> comments;  ///< model-level unverified facts, for the header
  /// The probe's run (resolve_probe.cpp): the arena's peak and the most blocks live at once,
  /// for a model that calls TVMBackendAllocWorkspace.
  std::optional<std::uint64_t> measured_workspace_peak;
  std::optional<std::size_t> measured_workspace_blocks;
};

/// Resolves the model; every problem goes to `report` (the model is complete only when the
/// report has no error).
Model resolve(const Archive& mlf, const Options& options, Report& report);
std::string emit(const Model& model, const Options& options);

}  // namespace aot_gen
