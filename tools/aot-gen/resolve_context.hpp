// SPDX-License-Identifier: Apache-2.0
#pragma once
// What every step of resolve() shares: the MLF, the options, the report, the facts read from
// the module's files and the model being built. Each family of facts (resolve_<family>.cpp)
// works on this context through a Step and keeps the state only it uses to itself.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aot_gen.hpp"

namespace aot_gen::resolving {

/// The inputs of resolve(), the facts of the chosen module's files, and the model.
struct Context {
  Context(const Archive& archive, const Options& options, Report& messages)
      : mlf(archive), opt(options), report(messages) {}

  const Archive& mlf;
  const Options& opt;
  Report& report;
  Model model;
  // The module's files as read (resolve_module.cpp); a file that is there but could not be
  // read is "broken": its own error says what to fix.
  std::optional<MetadataFacts> md_file;
  const MetadataModule* md = nullptr;  ///< the module in metadata.json
  std::optional<HeaderFacts> header;
  bool header_broken = false;
  std::optional<RelayFacts> relay;
  bool relay_broken = false;
  bool md_broken = false;
  SourceFacts src;
  std::pair<const c::Function*, const SourceFile*> run_def{nullptr, nullptr};
  std::pair<const c::Function*, const SourceFile*> main_def{nullptr, nullptr};
  bool run_packed = false;
  /// The inputs and outputs are named and ordered (resolve_names.cpp): the steps that look at
  /// each tensor need them.
  bool names_known = true;

  /// A tensor's fact the files leave open, which the probe (resolve_probe.cpp) may settle,
  /// with what to say when it does not.
  struct Deferred {
    bool input = true;
    std::size_t index = 0;
    bool size_missing = false;  ///< no size at all; else a shape only an option states
    Where where;
    std::string text;           ///< the error (size_missing) or the note
    std::string comment;        ///< the header comment (a shape only an option states)
    bool dtype_option = false;  ///< size_missing: the dtype is only --dtype's
  };
  std::vector<Deferred> deferred;
  /// --workspace-size measured: the probe's peak sizes the arena (resolve_memory.cpp).
  bool workspace_measured = false;
};

/// The base of each family's class: the context under the names the steps use, and the helpers
/// every family needs.
class Step {
 public:
  explicit Step(Context& ctx);

 protected:
  void error(Where w, std::string text) { report_.error(std::move(w), std::move(text)); }
  /// A fact is missing: an error, unless a file that may state it could not be read (that
  /// file's error says what to fix first).
  void missing(Where w, std::string text) {
    if (!(header_broken_ || relay_broken_ || md_broken_)) error(std::move(w), std::move(text));
  }
  void note(Where w, std::string text) { report_.note(std::move(w), std::move(text)); }
  /// A place as the generated header names it: inside the MLF, the same on every machine.
  std::string in_mlf(const Where& w) const;

  std::string flag(const char* cli) const { return opt_.flag(cli); }
  Where option_where(const char* cli) const { return {flag(cli), 0}; }

  /// Whether metadata.json's io_size_bytes is the sum of the inputs' and outputs' bytes: only
  /// in MLF version 5; later versions count other tensors of main too (spec section 7).
  bool io_is_sum() const {
    return md_ != nullptr && md_->io && md_file_ && md_file_->version.value == 5;
  }

  /// The module's lib0 (<m>_lib0.c, v0.8's lib0.c), or nullptr when the MLF lacks it.
  const SourceFile* lib0() const;
  /// A definition of `name` that the scanner could not read, and its file (the name is
  /// defined, in a form aot-gen does not understand), or {nullptr, nullptr}.
  std::pair<const c::Unreadable*, const SourceFile*> unreadable(const std::string& name) const;

  /// The argument checks object code carries for `name`, and its object; {nullptr, nullptr}
  /// when no object defines a checked `name`.
  std::pair<const CheckedFunction*, const ObjectFile*> checked_in_objects(
      const std::string& name) const;
  /// The entry's arguments as code states them (TVM's metadata module, or an object's checks
  /// of __tvm_main__): the input or output at `index`, and where; {nullptr, {}} otherwise.
  std::pair<const CodeTensor*, Where> code_tensor(bool input, std::size_t index) const;

  /// Whether the internal entry takes data pointers (not the packed signature, which TVM
  /// also emits for __tvm_main__ with the C interface and unpacked-api=0).
  bool main_takes_pointers() const;

  template <class T>
  const T* option_for(const std::map<std::string, T>& options, const TensorFacts& t) const {
    auto it = options.find(t.raw_name);
    if (it == options.end()) it = options.find(t.sanitized);
    return it == options.end() ? nullptr : &it->second;
  }

  const Archive& mlf_;
  const Options& opt_;
  Report& report_;
  Model& model_;
  std::optional<MetadataFacts>& md_file_;
  const MetadataModule*& md_;
  std::optional<HeaderFacts>& header_;
  bool& header_broken_;
  std::optional<RelayFacts>& relay_;
  bool& relay_broken_;
  bool& md_broken_;
  SourceFacts& src_;
  std::pair<const c::Function*, const SourceFile*>& run_def_;
  std::pair<const c::Function*, const SourceFile*>& main_def_;
  bool& run_packed_;
  bool& names_known_;
  Context& ctx_;  ///< what the probe's steps share (deferred facts)
};

/// "(1, 2, 3)".
std::string join_shape(const std::vector<std::int64_t>& shape);
/// Names for a message: "a, b, c", each made printable.
std::string join(const std::vector<std::string>& names);

}  // namespace aot_gen::resolving
