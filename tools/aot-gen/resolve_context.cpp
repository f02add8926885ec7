// SPDX-License-Identifier: Apache-2.0
// The context the steps of resolve() share, the helpers every family of facts uses, and the
// options' names in the words of --syntax.
#include <algorithm>

#include "resolve_context.hpp"

namespace aot_gen {

std::string Options::flag(const std::string& cli) const {
  if (syntax == Syntax::kCli) return cli;
  static const std::map<std::string, std::string> keywords = {
      {"--shape", "SHAPES"},
      {"--dtype", "DTYPES"},
      {"--inputs", "INPUTS"},
      {"--outputs", "OUTPUTS"},
      {"--module", "MODULE"},
      {"--name", "NAME"},
      {"--entry", "ENTRY"},
      {"--namespace", "NAMESPACE"},
      {"--workspace-size", "WORKSPACE_SIZE"},
      {"--workspace-alignment", "WORKSPACE_ALIGNMENT"},
      {"--quant", "QUANT"},
      {"--profile", "PROFILE"},
      {"--no-probe", "NO_PROBE"},
      {"--host-cc", "AOT_HOST_C_COMPILER"},
      {"--host-cxx", "AOT_HOST_CXX_COMPILER"}};
  auto it = keywords.find(cli);
  return it == keywords.end() ? cli : it->second;
}

namespace resolving {

Step::Step(Context& ctx)
    : mlf_(ctx.mlf),
      opt_(ctx.opt),
      report_(ctx.report),
      model_(ctx.model),
      md_file_(ctx.md_file),
      md_(ctx.md),
      header_(ctx.header),
      header_broken_(ctx.header_broken),
      relay_(ctx.relay),
      relay_broken_(ctx.relay_broken),
      md_broken_(ctx.md_broken),
      src_(ctx.src),
      run_def_(ctx.run_def),
      main_def_(ctx.main_def),
      run_packed_(ctx.run_packed),
      names_known_(ctx.names_known),
      ctx_(ctx) {}

std::string Step::in_mlf(const Where& w) const {
  const std::string prefix = mlf_.origin + "/";
  Where inside = w;
  if (inside.file.rfind(prefix, 0) == 0) inside.file.erase(0, prefix.size());
  return inside.str();
}

const SourceFile* Step::lib0() const {
  for (const SourceFile& f : src_.files) {
    const std::string name = f.path.substr(f.path.rfind('/') + 1);
    if (name == model_.module + "_lib0.c" || name == "lib0.c") return &f;
  }
  return nullptr;
}

std::pair<const c::Unreadable*, const SourceFile*> Step::unreadable(const std::string& name) const {
  for (const SourceFile& f : src_.files) {
    for (const c::Unreadable& u : f.code.unreadable) {
      if (std::find(u.names.begin(), u.names.end(), name) != u.names.end()) return {&u, &f};
    }
  }
  return {nullptr, nullptr};
}

std::pair<const CheckedFunction*, const ObjectFile*> Step::checked_in_objects(
    const std::string& name) const {
  for (const ObjectFile& o : src_.object_files) {
    if (std::find(o.defined.begin(), o.defined.end(), name) == o.defined.end()) continue;
    for (const CheckedFunction& f : o.checked) {
      if (f.name == name && f.num_args) return {&f, &o};
    }
  }
  return {nullptr, nullptr};
}

std::pair<const CodeTensor*, Where> Step::code_tensor(bool input, std::size_t index) const {
  if (src_.metadata_module) {
    const MetadataModuleFacts& mm = *src_.metadata_module;
    const auto& list = input ? mm.inputs : mm.outputs;
    // An input by its name where the module spells it as a file does; outputs (the module
    // calls them output0, output1, ...) and unmatched names by position.
    if (input && index < model_.inputs.size()) {
      const TensorFacts& t = model_.inputs[index];
      for (const CodeTensor& c : list) {
        if (c.name == t.raw_name || c.name == t.sanitized) return {&c, {mm.shown, c.line}};
      }
    }
    if (index < list.size()) return {&list[index], {mm.shown, list[index].line}};
  }
  const auto [f, o] = checked_in_objects("tvmgen_" + model_.module + "___tvm_main__");
  if (f != nullptr) {
    const std::size_t at = input ? index : model_.inputs.size() + index;
    if (at < f->args.size() && !f->args[at].name.empty()) return {&f->args[at], {o->shown, 0}};
  }
  return {nullptr, {}};
}

bool Step::main_takes_pointers() const {
  const c::Function* main = main_def_.first;
  if (main == nullptr) return false;
  for (const c::Param& p : main->params) {
    if (p.type.pointers != 1 || p.name == "args" || p.name == "arg_type_ids") return false;
  }
  return true;
}

std::string join_shape(const std::vector<std::int64_t>& shape) {
  std::string out = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + ")";
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + printable(n, 60);
  return out;
}

}  // namespace resolving
}  // namespace aot_gen
