// SPDX-License-Identifier: Apache-2.0
// What the generated code says of each tensor's dtype: the element type of the entry's
// parameter, and, one call away, the parameter of each operator the entry hands it to, or
// the casts of that parameter in the operator's body (TVM 0.8's operators take void*).
// Every statement must agree; two that do not are an error naming both.
#include <set>
#include <string>

#include "resolve_steps.hpp"

namespace aot_gen::resolving {

namespace {

/// Files TVM printed itself: lib0 (the AOT wrapper) and every file that starts with
/// "// tvm target:". A BYOC tool's file casts as it likes, and says nothing of TVM's dtypes.
bool tvm_wrote(const SourceFile& f) {
  if (f.tvm_target) return true;
  const std::string name = f.path.substr(f.path.rfind('/') + 1);
  const std::string lib0 = "_lib0.c";
  return name == "lib0.c" || (name.size() > lib0.size() &&
                              name.compare(name.size() - lib0.size(), lib0.size(), lib0) == 0);
}

}  // namespace

/// What the operators that `main` hands its parameter `param` to say of its element type.
std::vector<Tensors::Typed> Tensors::operator_evidence(const c::Function& main,
                                                       const std::string& param) const {
  std::vector<Typed> out;
  auto typed = [&](const c::Type& type, Where where, const std::string& what) {
    if (!type.well_formed || type.pointers != 1) return;
    std::set<std::string> dtypes = dtypes_of_c_type(type.base());
    if (!dtypes.empty()) out.push_back({std::move(dtypes), std::move(where), type.base(), what});
  };
  std::set<std::string> seen;  // each operator's parameter once
  for (const c::Call& call : main.calls) {
    for (std::size_t j = 0; j < call.args.size(); ++j) {
      if (call.args[j] != param || !seen.insert(call.callee + "#" + std::to_string(j)).second)
        continue;
      for (const SourceFile& f : src_.files) {
        if (!tvm_wrote(f)) continue;
        for (const c::Function& fn : f.code.functions) {
          if (fn.name != call.callee || j >= fn.params.size()) continue;
          const c::Param& q = fn.params[j];
          const std::string what = call.callee + "'s " +
                                   (q.name.empty() ? "parameter " + std::to_string(j + 1) : q.name);
          typed(q.type, {f.shown, fn.line}, what);
          if (!fn.defined || q.name.empty() || q.type.str() != "void*") continue;
          // void* arg1: named (`void* T_cast = arg1;`) and cast at each use.
          std::set<std::string> names{q.name};
          for (const c::Alias& a : fn.aliases) {
            if (names.count(a.from) == 0) continue;
            names.insert(a.name);
            typed(a.type, {f.shown, a.line}, what);
          }
          for (const c::Cast& c : fn.casts) {
            if (names.count(c.operand) != 0) typed(c.type, {f.shown, c.line}, what);
          }
        }
      }
    }
  }
  return out;
}

/// The dtypes each tensor's parameter of the internal entry allows, by role and index.
void Tensors::map_typed_params() {
  const c::Function* main = main_def_.first;
  if (main == nullptr || !main_takes_pointers()) return;
  const std::size_t n_in = model_.inputs.size(), n_out = model_.outputs.size();
  std::vector<std::pair<bool, std::size_t>> slot(main->params.size(), {false, SIZE_MAX});
  bool mapped = false;
  // The C interface's run(): `__tvm_main__(inputs->a, outputs->y, ...)` says which
  // parameter is which tensor, whatever the order of the struct members.
  if (run_def_.first != nullptr && !run_packed_) {
    for (const c::Call& call : run_def_.first->calls) {
      if (call.callee != main->name || call.args.size() != main->params.size()) continue;
      const auto& rp = run_def_.first->params;
      for (std::size_t k = 0; k < call.args.size(); ++k) {
        const std::string& a = call.args[k];
        for (std::size_t role = 0; role < 2 && role < rp.size(); ++role) {
          const std::string pre = rp[role].name + "->";
          if (rp[role].name.empty() || a.rfind(pre, 0) != 0) continue;
          const std::string member = a.substr(pre.size());
          const auto& list = role == 0 ? model_.inputs : model_.outputs;
          for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i].sanitized == member) {
              slot[k] = {role == 0, i};
              mapped = true;
            }
          }
        }
      }
      break;
    }
  }
  if (!mapped) {
    for (std::size_t k = 0; k < main->params.size() && k < n_in + n_out; ++k) {
      slot[k] = k < n_in ? std::make_pair(true, k) : std::make_pair(false, k - n_in);
    }
  }
  for (std::size_t k = 0; k < main->params.size(); ++k) {
    if (slot[k].second == SIZE_MAX) continue;
    const c::Param& p = main->params[k];
    if (!p.type.well_formed || p.type.pointers != 1) continue;  // reported with the entry
    const TensorFacts& t = (slot[k].first ? model_.inputs : model_.outputs)[slot[k].second];
    const std::string who = (slot[k].first ? "input '" : "output '") + printable(t.raw_name) + "'";
    std::vector<Typed> said;
    const std::set<std::string> own = dtypes_of_c_type(p.type.base());
    if (!own.empty())
      said.push_back(
          {own, {main_def_.second->shown, main->line}, p.type.base(), main->name + "'s " + p.name});
    if (!p.name.empty()) {
      for (Typed& e : operator_evidence(*main, p.name)) said.push_back(std::move(e));
    }
    if (said.empty()) continue;  // void* everywhere: says nothing
    Typed agreed = said.front();
    bool consistent = true;
    for (std::size_t i = 1; i < said.size() && consistent; ++i) {
      std::set<std::string> both;
      for (const std::string& d : said[i].dtypes)
        if (agreed.dtypes.count(d) != 0) both.insert(d);
      if (both.empty()) {
        error(said[i].where, who + " is " + said[i].c_type + "* here but " + agreed.c_type +
                                 "* in " + agreed.where.str() + " (" + agreed.what + ")");
        consistent = false;
      }
      agreed.dtypes = std::move(both);
    }
    if (consistent) {
      (slot[k].first ? typed_in_ : typed_out_)[slot[k].second] = std::move(agreed);
    } else {
      (slot[k].first ? conflicted_in_ : conflicted_out_).insert(slot[k].second);
    }
  }
}

}  // namespace aot_gen::resolving
