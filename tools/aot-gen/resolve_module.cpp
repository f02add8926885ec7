// SPDX-License-Identifier: Apache-2.0
// metadata.json and the module: which module of the MLF the model is, that it was built for
// the AOT executor, the C++ type and namespace it gets, and the files of that module.
#include <algorithm>
#include <set>

#include "resolve_steps.hpp"

namespace aot_gen::resolving {

namespace {

/// Why a name cannot be the model's C++ type, or "" when it can.
std::string unusable_type_name(const std::string& n) {
  if (!c::is_identifier(n)) return "not a C++ identifier";
  if (is_keyword(n)) return "a C++ keyword";
  if (!is_plain_identifier(n)) return "reserved in C++ (a leading '_' or a '__')";
  if (is_description_member(n)) return "a name model descriptions use for a member";
  return "";
}

}  // namespace

void Module::read_metadata_file() {
  if (const std::string* text = mlf_.find("metadata.json")) {
    md_file_ = read_metadata(mlf_.shown("metadata.json"), *text, report_);
    if (!md_file_) md_broken_ = true;
  } else if (mlf_.found_as.count("metadata.json") != 0) {
    error({mlf_.shown("metadata.json"), 0}, "cannot be read");
  }
}

/// Modules named by files: tvmgen_<m>.h and the run functions the sources define.
std::vector<std::string> Module::modules_in_files() const {
  std::set<std::string> found;
  const std::string inc = "codegen/host/include/tvmgen_";
  for (const auto& [path, text] : mlf_.files) {
    if (path.rfind(inc, 0) == 0 && path.size() > inc.size() + 2 &&
        path.compare(path.size() - 2, 2, ".h") == 0 &&
        path.find('/', inc.size()) == std::string::npos) {
      found.insert(path.substr(inc.size(), path.size() - inc.size() - 2));
    }
  }
  if (found.empty()) {
    // Without a header: the files <m>_lib<N>.c.
    const std::string src = "codegen/host/src/";
    for (const auto& [path, text] : mlf_.files) {
      if (path.rfind(src, 0) != 0) continue;
      const std::string file = path.substr(src.size());
      const std::size_t lib = file.rfind("_lib");
      if (lib != std::string::npos && lib > 0 && file.size() > 2 &&
          file.compare(file.size() - 2, 2, ".c") == 0) {
        found.insert(file.substr(0, lib));
      }
    }
  }
  return {found.begin(), found.end()};
}

std::string Module::pick_module_hint() const {
  return opt_.syntax == Syntax::kCMake
             ? "give MODULE <name>; one aot_add_model per module makes each its own type"
             : "give --module <name>; each module is its own model type";
}

bool Module::choose_module() {
  const std::vector<std::string> in_files = modules_in_files();
  std::vector<std::string> in_md;
  if (md_file_) {
    for (const MetadataModule& m : md_file_->modules) in_md.push_back(m.name);
  }
  std::string m;
  Where from;
  if (opt_.module) {
    m = *opt_.module;
    from = option_where("--module");
  } else if (in_md.size() == 1) {
    m = in_md[0];
    from = {md_file_->path, md_file_->modules[0].line};
  } else if (in_md.size() > 1) {
    error({md_file_->path, 0}, "lists " + std::to_string(in_md.size()) + " modules (" +
                                   join(in_md) + "): " + pick_module_hint());
    return false;
  } else if (in_files.size() == 1) {
    m = in_files[0];
    from = {mlf_.origin, 0};
  } else if (in_files.size() > 1) {
    error({mlf_.origin, 0}, "holds the files of " + std::to_string(in_files.size()) + " modules (" +
                                join(in_files) + "): " + pick_module_hint());
    return false;
  } else {
    missing({mlf_.origin, 0},
            "cannot tell the module name (no metadata.json, no tvmgen_<m>.h, no <m>_lib0.c): "
            "give " +
                flag("--module"));
    return false;
  }
  if (!c::is_identifier(m)) {
    error(from, "module name '" + printable(m) +
                    "' is not a C identifier, so it cannot be part of TVM's tvmgen_<module>_ "
                    "symbols");
    return false;
  }
  if (md_file_ && std::find(in_md.begin(), in_md.end(), m) == in_md.end()) {
    error({md_file_->path, 0}, "has no module '" + m + "' (it lists " + join(in_md) + ")");
    return false;
  }
  if (md_file_) {
    for (const MetadataModule& mod : md_file_->modules) {
      if (mod.name == m) md_ = &mod;
    }
  }
  if (md_ != nullptr && md_->executors && !md_->executors->value.empty() &&
      std::find(md_->executors->value.begin(), md_->executors->value.end(), "aot") ==
          md_->executors->value.end()) {
    error(md_->executors->where, "module '" + m + "' was built for the " +
                                     printable(md_->executors->value[0], 40) +
                                     " executor, not AOT (relay.build with Executor(\"aot\"))");
    return false;
  }
  if (!in_files.empty() && std::find(in_files.begin(), in_files.end(), m) == in_files.end() &&
      !std::any_of(in_files.begin(), in_files.end(),
                   [&](const std::string& f) { return lower(f) == lower(m); })) {
    error(from, "module '" + m + "' has no files here (codegen/host has " + join(in_files) + ")");
    return false;
  }
  if (lower(m) != m) {
    note(from, "module name '" + m + "' is not lower case; TVM lower-cases it in the header");
  }
  model_.module = m;
  return true;
}

void Module::choose_type_name() {
  if (!opt_.type_name.empty()) {
    model_.type_name = opt_.type_name;
    const std::string why = unusable_type_name(opt_.type_name);
    if (!why.empty()) {
      error(option_where("--name"),
            "'" + printable(opt_.type_name) + "' cannot name the model's C++ type: it is " + why +
                (opt_.syntax == Syntax::kCMake ? " (NAME defaults to the target's name)" : ""));
    }
  } else {
    // The module's name, or <module>_model when the module's name cannot be a C++ type.
    model_.type_name = model_.module;
    const std::string why = unusable_type_name(model_.module);
    if (!why.empty()) {
      model_.type_name = model_.module + "_model";
      if (!unusable_type_name(model_.type_name).empty()) model_.type_name = "model";
      note({"module name", 0}, "'" + model_.module + "' is " + why + ": the C++ type is " +
                                   model_.type_name + " (" + flag("--name") + " chooses)");
    }
  }
  model_.name_space = opt_.name_space;
  if (!opt_.name_space.empty()) {
    std::size_t start = 0;
    while (true) {
      const std::size_t sep = opt_.name_space.find("::", start);
      const std::string part =
          opt_.name_space.substr(start, sep == std::string::npos ? sep : sep - start);
      if (!is_plain_identifier(part)) {
        error(option_where("--namespace"),
              "'" + printable(opt_.name_space) + "' is not a C++ namespace name");
        break;
      }
      if (start == 0 && (part == "std" || part == "aot" || part == "posix")) {
        error(option_where("--namespace"),
              "'" + printable(opt_.name_space) + "' is inside '" + part + "', which belongs to " +
                  (part == "aot" ? "aot" : "the C++ library") + ": choose a namespace of your own");
        break;
      }
      if (sep == std::string::npos) break;
      start = sep + 2;
    }
  }
}

void Module::read_files() {
  const std::string& m = model_.module;
  const std::string header_path = "codegen/host/include/tvmgen_" + m + ".h";
  if (const std::string* text = mlf_.find(header_path)) {
    header_ = read_header(mlf_.shown(header_path), *text, m, report_);
    model_.has_header = true;
    model_.header_name = "tvmgen_" + m + ".h";
    if (!header_) header_broken_ = true;
  }
  for (const std::string& p : {"src/" + m + ".relay", std::string("src/relay.txt")}) {
    if (const std::string* text = mlf_.find(p)) {
      relay_ = read_relay(mlf_.shown(p), *text, report_);
      if (!relay_) relay_broken_ = true;
      break;
    }
  }
  src_ = read_sources(mlf_, m, report_);
  const std::string prefix = "tvmgen_" + m + "_";
  auto def = [&](const std::string& name) { return src_.definition(prefix + name); };
  run_def_ = def("run");
  main_def_ = def("__tvm_main__");
  if (!main_def_.first) main_def_ = def("run_model");
  if (run_def_.first != nullptr) {
    const auto& params = run_def_.first->params;
    const std::string first = params.empty() ? "" : params[0].type.str();
    run_packed_ = first == "void*" || first == "TVMValue*";
  }
}

}  // namespace aot_gen::resolving
