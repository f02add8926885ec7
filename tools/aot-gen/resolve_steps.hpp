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

}  // namespace aot_gen::resolving
