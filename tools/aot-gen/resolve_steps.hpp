// SPDX-License-Identifier: Apache-2.0
#pragma once
// The families of facts resolve() merges, one class each over the shared Context; each
// keeps to itself the state only it uses. resolve.cpp calls their steps in order.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "resolve_context.hpp"

namespace aot_gen::resolving {

/// metadata.json, the module, the model's C++ names and the module's files
/// (resolve_module.cpp).
class Module : public Step {
 public:
  using Step::Step;
  void read_metadata_file();
  bool choose_module();
  void choose_type_name();
  void read_files();

 private:
  std::vector<std::string> modules_in_files() const;
  std::string pick_module_hint() const;
};

/// The inputs and outputs: their names and order, and their C++ type names
/// (resolve_names.cpp).
class Names : public Step {
 public:
  using Step::Step;
  void resolve_names();
  void assign_type_names();

 private:
  struct NameList;
  std::optional<NameList> header_list(bool inputs) const;
  std::optional<NameList> relay_list(bool inputs) const;
  std::optional<NameList> metadata_list(bool inputs) const;
  std::optional<NameList> option_list(bool inputs) const;
  std::optional<std::size_t> outputs_from_entry();

  bool inputs_known_count_ = false;
  Where n_where_;
};

/// Each input's and output's dtype, shape and byte size (resolve_tensors.cpp).
class Tensors : public Step {
 public:
  using Step::Step;
  void resolve_tensors();
  void check_options_name_tensors();
  void check_io_size();

 private:
  /// What the code says of a tensor's dtype: the element types its pointer may have.
  struct Typed {
    std::set<std::string> dtypes;
    Where where;
    std::string c_type;
    std::string what;  ///< "tvmgen_m_fused_cast's arg1", for messages
  };
  struct Pending;

  void map_typed_params();
  std::vector<Typed> operator_evidence(const c::Function& main, const std::string& param) const;
  void index_sources();
  const MetadataTensor* md_tensor(bool input, const TensorFacts& t) const;
  const RelayTensor* relay_tensor(bool input, std::size_t index, const TensorFacts& t) const;
  std::optional<std::uint64_t> bytes_of(const Pending& p) const;
  Pending gather(bool input, std::size_t index, TensorFacts& t);
  void settle(Pending& p);
  void defer(const Pending& p, bool size_missing, const Where& where, const std::string& text,
             const std::string& comment);

  std::map<std::string, const MetadataTensor*> md_inputs_, md_outputs_;
  std::map<std::string, const RelayTensor*> relay_inputs_;
  std::map<std::size_t, Typed> typed_in_, typed_out_;
  std::set<std::size_t> conflicted_in_, conflicted_out_;  ///< the code disagrees: reported
};

/// Each input's and output's scale and zero point (resolve_quant.cpp).
class Quant : public Step {
 public:
  using Step::Step;
  void check_quant_options_name_tensors();
  void resolve_quant();

 private:
  std::optional<std::pair<float, std::int64_t>> quant_option(const std::string& text,
                                                             const TensorFacts& t,
                                                             const std::string& who);
  void quant_of(bool input, std::size_t index, TensorFacts& t);

  std::map<std::string, const std::vector<RelayQuant>*> relay_quant_;  ///< by sanitised name
};

/// The workspace, the pools and devices, the constants and what the code needs from a runtime
/// (resolve_memory.cpp).
class Memory : public Step {
 public:
  using Step::Step;
  void resolve_workspace();
  void resolve_pools_and_devices();
  void object_pools();
  void resolve_runtime_needs();
  void resolve_workspace_size_option();
  void resolve_workspace_alignment();
  /// --workspace-size measured, after the probe (resolve_probe.cpp) ran.
  void use_measured_workspace();

 private:
  void constants(const SourceFile& f, const c::Variable& v);
  void set_workspace_size(std::uint64_t size, const std::string& kw, const std::string& how);

  /// A number a source states, where, and in its own words (for messages).
  struct Stated {
    std::uint64_t value;
    Where where;
    std::string what;
  };
  std::vector<Stated> pool_alignments_;  ///< aligned() of lib0's workspace pools
  Where workspace_where_;                ///< where the model's workspace figure comes from
  Where alloc_where_;                    ///< the first TVMBackendAllocWorkspace call
};

/// The TVM target and whether the code calls Arm intrinsics (resolve_target.cpp).
class Target : public Step {
 public:
  using Step::Step;
  void resolve_target();
};

/// The entry function, the files it needs, and the operators it calls (resolve_entry.cpp).
class Entry : public Step {
 public:
  using Step::Step;
  void resolve_entry();
  void check_completeness();
  void resolve_operators();

 private:
  void unpacked_entry();

  bool missing_run_ = false;
  bool object_main_ = false;  ///< the packed __tvm_main__ of llvm objects
};

/// The probe: the model's C run once on the host, what it touches measured; sizes what no
/// file sizes and checks every size against it (resolve_probe.cpp).
class Probe : public Step {
 public:
  using Step::Step;
  void measure();

 private:
  /// Why the probe cannot run on this model, or empty.
  std::string cannot_run() const;
  /// What one input's or output's measurement says of its size.
  void weigh(bool input, std::size_t index, std::uint64_t bytes, bool below,
             const std::string& who_below, const std::string& who_beyond);
  void weigh_workspace(std::uint64_t peak, std::size_t blocks);
  /// The deferred facts the probe did not settle, said as the files alone say them.
  void settle_deferred();

  std::set<std::pair<bool, std::size_t>> settled_;  ///< (input, index) the probe settled
};

}  // namespace aot_gen::resolving
