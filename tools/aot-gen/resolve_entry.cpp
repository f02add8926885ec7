// SPDX-License-Identifier: Apache-2.0
// The entry function and its calling convention, the files it needs (an MLF with parts
// missing), and, for --profile, the operators it calls.
#include <algorithm>
#include <cctype>
#include <set>

#include "resolve_steps.hpp"

namespace aot_gen::resolving {

namespace {

/// "1 output", "2 outputs".
std::string count(std::size_t n, const std::string& what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

void Entry::resolve_entry() {
  const std::string& m = model_.module;
  const std::string prefix = "tvmgen_" + m + "_";
  const bool objects_only = src_.files.empty() && !src_.objects.empty();
  const bool has_objects = !src_.objects.empty();
  std::string choice;
  if (opt_.entry) {
    choice = *opt_.entry;
    const Where w = option_where("--entry");
    if (choice == "c") {
      if (!model_.has_header) {
        error(w, "the C interface needs codegen/host/include/tvmgen_" + m + ".h, which is missing");
      } else if (run_def_.first != nullptr && run_packed_) {
        error(w, "says the C interface, but " + prefix + "run in " + run_def_.second->shown + ":" +
                     std::to_string(run_def_.first->line) + " is the packed function");
      }
    } else if (choice == "packed") {
      if (run_def_.first != nullptr && !run_packed_) {
        error(w, "says packed, but " + prefix + "run in " + run_def_.second->shown + ":" +
                     std::to_string(run_def_.first->line) +
                     " is the C interface (structs of pointers): leave " + flag("--entry") +
                     " out, or say c");
      } else if (run_def_.first == nullptr && !has_objects &&
                 (main_def_.first == nullptr || main_takes_pointers())) {
        error(w, "says packed, but no source defines " + prefix + "run or a packed " + prefix +
                     "__tvm_main__");
      }
    } else if (choice == "unpacked") {
      if (main_def_.first == nullptr && !has_objects) {
        error(w, "says unpacked, but no source defines " + prefix + "__tvm_main__ or " + prefix +
                     "run_model");
      }
    }
    if (objects_only) {
      model_.comments.push_back("calling convention unverified (from " + flag("--entry") +
                                "): the code is object files only");
      note(w, "calling convention unverified (from " + flag("--entry") +
                  "): the MLF holds object files only");
    }
  } else if (run_def_.first != nullptr) {
    choice = run_packed_ ? "packed" : "c";
  } else if (header_ && header_->run && !has_objects && main_def_.first != nullptr &&
             main_takes_pointers() && lib0() != nullptr) {
    // Exports of late 2021 declare run in the header and define only run_model (spec
    // section 7); lib0 is there, so nothing is missing: the model is called through it.
    choice = "unpacked";
    const std::string file = main_def_.second->path.substr(main_def_.second->path.rfind('/') + 1);
    note({header_->path, header_->run->line},
         prefix + "run is declared here but no source defines it; " + file + " defines " +
             main_def_.first->name + " (" + main_def_.second->shown + ":" +
             std::to_string(main_def_.first->line) +
             "), which takes the data pointers: the model is called through it (the unpacked "
             "convention)");
  } else if (header_ && header_->run) {
    choice = "c";  // defined in an object file, or missing (checked below)
  } else if (main_def_.first != nullptr) {
    // TVM >= 0.9 with interface-api=packed: __tvm_main__ itself is the packed function.
    choice = main_takes_pointers() ? "unpacked" : "packed";
  } else if (const auto [f, o] = checked_in_objects(prefix + "__tvm_main__"); f != nullptr) {
    // TVM's llvm code checks its packed arguments ("num_args should be 4"): the objects'
    // symbols and those checks say which function to call and how.
    choice = "packed";
    object_main_ = true;
    // The arguments after the inputs and outputs are its pools (resolve_memory.cpp).
    const std::size_t io = model_.inputs.size() + model_.outputs.size();
    if (names_known_ && *f->num_args < io) {
      error({o->shown, 0}, f->name + " checks for " + count(*f->num_args, "argument") +
                               " but the model has " + count(model_.inputs.size(), "input") +
                               " and " + count(model_.outputs.size(), "output"));
    }
  } else if (!src_.objects.empty()) {
    error({mlf_.origin, 0}, "the code is object files only and there is no header: give " +
                                flag("--entry") + " c|packed|unpacked");
    return;
  } else {
    for (const char* name : {"run", "__tvm_main__", "run_model"}) {
      const auto [u, file] = unreadable(prefix + name);
      if (u == nullptr) continue;
      error({file->shown, u->line}, "the definition of " + prefix + name +
                                        " here is in a form aot-gen cannot read: give " +
                                        flag("--entry") + " c|packed|unpacked");
      return;
    }
    error({mlf_.origin, 0}, "no entry function: no " + prefix + "run, " + prefix +
                                "__tvm_main__ or " + prefix +
                                "run_model in codegen/host/src, and no header");
    return;
  }
  if (src_.definition(prefix + "get_c_metadata").first != nullptr)
    model_.c_metadata = prefix + "get_c_metadata";
  if (choice == "c") {
    model_.convention = Convention::kCInterface;
    model_.entry_symbol = prefix + "run";
    if (header_ && !header_->run) {
      error({header_->path, 0}, "declares no " + prefix + "run");
    }
    if (run_def_.first == nullptr && !has_objects && header_ && header_->run) {
      missing_run_ = true;
    }
  } else if (choice == "packed") {
    model_.convention = Convention::kPacked;
    model_.entry_symbol =
        object_main_ ? prefix + "__tvm_main__"
        : run_def_.first == nullptr && main_def_.first != nullptr && !main_takes_pointers()
            ? main_def_.first->name
            : prefix + "run";
  } else {
    model_.convention = Convention::kUnpacked;
    unpacked_entry();
  }
}

void Entry::unpacked_entry() {
  const c::Function* main = main_def_.first;
  if (main == nullptr) {
    error(option_where("--entry"), "the unpacked entry needs the C sources of __tvm_main__");
    return;
  }
  model_.entry_symbol = main->name;
  const Where w{main_def_.second->shown, main->line};
  // The count means something only once every tensor is known.
  if (!names_known_ || header_broken_ || relay_broken_ || md_broken_) return;
  const std::size_t want =
      model_.inputs.size() + model_.outputs.size() + model_.pools.size() + model_.devices.size();
  if (main->params.size() != want) {
    const std::string why = opt_.entry ? " (" + flag("--entry") + " unpacked)" : "";
    error(w,
          "the unpacked entry" + why + " " + main->name + " takes " +
              count(main->params.size(), "argument") + " but the model has " +
              count(model_.inputs.size(), "input") + ", " + count(model_.outputs.size(), "output") +
              ", " + count(model_.pools.size(), "external pool") + " and " +
              count(model_.devices.size(), "device") +
              (model_.internal_pools
                   ? " (the others are internal pools, which only " + model_.module +
                         "_lib0.c's run() can pass: use the C interface, " + flag("--entry") + " c)"
                   : ""));
    return;
  }
  for (std::size_t k = 0; k < main->params.size(); ++k) {
    const c::Param& p = main->params[k];
    const std::string cpp = p.type.pointers == 1 ? cpp_spelling_of_c_type(p.type.base()) : "";
    if (!p.type.well_formed || cpp.empty()) {
      error(w, "parameter " + std::to_string(k + 1) + " of " + main->name + " is '" +
                   printable(p.type.str(), 60) + "', not a pointer to a C element type");
      continue;
    }
    model_.entry_params.push_back(cpp + "*");
  }
}

/// --profile: the functions __tvm_main__ (v0.8: run_model) calls that the module's own
/// sources define, each once, in the order of its first call, with the C++ types of their
/// parameters (the header declares each exactly as lib1 defines it, to take its address).
void Entry::resolve_operators() {
  model_.profile = true;
  const c::Function* main = main_def_.first;
  if (main == nullptr) {
    error(option_where("--profile"),
          "the operators are the calls of tvmgen_" + model_.module +
              "___tvm_main__ (or run_model), and no C source defines it" +
              (src_.objects.empty() ? std::string() : " (the model is object files only)"));
    return;
  }
  const Where w{main_def_.second->shown, main->line};
  for (const c::Call& call : main->calls) {
    const auto [def, file] = src_.definition(call.callee);
    if (def == nullptr || !file->own || call.callee == main->name) continue;
    auto known = std::find_if(model_.operators.begin(), model_.operators.end(),
                              [&](const OperatorFacts& o) { return o.symbol == call.callee; });
    if (known != model_.operators.end()) {
      ++known->call_sites;
      continue;
    }
    OperatorFacts op;
    op.symbol = call.callee;
    op.call_sites = 1;
    bool typed = true;
    for (const c::Param& p : def->params) {
      const std::string cpp = p.type.pointers <= 1 ? cpp_spelling_of_c_type(p.type.base()) : "";
      if (!p.type.well_formed || cpp.empty() || (p.type.pointers == 0 && cpp == "void")) {
        typed = false;
        break;
      }
      op.params.push_back(p.type.pointers == 1 ? cpp + "*" : cpp);
    }
    if (!typed) {
      // Declared with other types, the symbol would be a different function to C++.
      note({file->shown, def->line}, call.callee +
                                         " is left out of the operator table: its parameters "
                                         "are not all C element types or pointers to them");
      continue;
    }
    model_.operators.push_back(std::move(op));
  }
  if (model_.operators.empty()) {
    note(w, main->name +
                " calls no function the module's sources define: the operator "
                "table is empty");
  }
}

void Entry::check_completeness() {
  if (!src_.objects.empty()) return;  // object code may define anything
  const std::string prefix = "tvmgen_" + model_.module + "_";
  std::vector<std::string> files;
  for (const SourceFile& f : src_.files) files.push_back(f.path.substr(f.path.rfind('/') + 1));
  const std::string found = files.empty() ? "no .c file" : join(files);
  if (missing_run_) {
    const Where w{header_->path, header_->run->line};
    const std::string declared =
        prefix + "run is declared here but no source in codegen/host/src defines it (found " +
        found + ")";
    if (const auto [u, file] = unreadable(prefix + "run"); u != nullptr) {
      error(w, prefix + "run is declared here, and its definition in " + file->shown + ":" +
                   std::to_string(u->line) + " is in a form aot-gen cannot read: give " +
                   flag("--entry"));
    } else if (lib0() == nullptr) {
      error(w, declared + ": " + model_.module +
                   "_lib0.c is missing; repositories often leave out files of 4 MiB or more, and "
                   "lib0 holds the constants");
    } else {
      error(w, declared + ", nor " + prefix + "run_model or " + prefix +
                   "__tvm_main__ to call instead: the header may come from another export");
    }
  }
  std::set<std::string> defined_fns, defined_vars;
  for (const SourceFile& f : src_.files) {
    for (const c::Function& fn : f.code.functions)
      if (fn.defined) defined_fns.insert(fn.name);
    for (const c::Variable& v : f.code.variables)
      if (!v.is_extern) defined_vars.insert(v.name);
  }
  std::set<std::string> reported;
  for (const SourceFile& f : src_.files) {
    for (const c::Function& fn : f.code.functions) {
      if (!fn.defined) continue;
      for (const c::Call& call : fn.calls) {
        if (call.callee.rfind(prefix, 0) != 0 || defined_fns.count(call.callee) != 0 ||
            !reported.insert(call.callee).second)
          continue;
        if (const auto [u, file] = unreadable(call.callee); u != nullptr) {
          note({f.shown, call.line}, fn.name + " calls " + call.callee + ", whose definition in " +
                                         file->shown + ":" + std::to_string(u->line) +
                                         " aot-gen cannot read; taken as defined there");
          continue;
        }
        error({f.shown, call.line}, fn.name + " calls " + call.callee +
                                        ", which no source defines (found " + found +
                                        "): a lib file is missing");
      }
      // Pools the run wrapper passes by name must be defined somewhere.
      if (fn.name != prefix + "run") continue;
      for (const c::Call& call : fn.calls) {
        if (call.callee.rfind(prefix, 0) != 0) continue;
        for (const std::string& a : call.args) {
          // Pools are passed by address (`&global_workspace`, `(uint8_t*)&pool`); locals of
          // the wrapper (packed values) are passed by name and are not checked.
          const std::size_t amp = a.rfind('&');
          if (amp == std::string::npos) continue;
          std::size_t end = amp + 1;
          while (end < a.size() &&
                 (std::isalnum(static_cast<unsigned char>(a[end])) || a[end] == '_'))
            ++end;
          const std::string id = a.substr(amp + 1, end - amp - 1);
          if (!c::is_identifier(id) || defined_vars.count(id) != 0) continue;
          bool is_param = false;
          for (const c::Param& p : fn.params) is_param = is_param || p.name == id;
          if (is_param || !reported.insert(id).second) continue;
          error({f.shown, call.line}, fn.name + " passes '" + id +
                                          "', which no source defines: a pool declared but not "
                                          "defined (a lib file is missing?)");
        }
      }
    }
  }
}

}  // namespace aot_gen::resolving
