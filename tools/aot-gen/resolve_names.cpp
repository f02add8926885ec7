// SPDX-License-Identifier: Apache-2.0
// The names of the inputs and outputs and their order, from every source that lists them;
// and, once everything else is known, the C++ type name of each tensor, pool and device.
#include <algorithm>
#include <set>

#include "resolve_steps.hpp"

namespace aot_gen::resolving {

namespace {

std::vector<std::string> sanitized(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  out.reserve(raw.size());
  for (const std::string& r : raw) out.push_back(sanitize(r));
  return out;
}

/// TVM's names for outputs the model did not name.
std::vector<std::string> default_output_names(std::size_t n) {
  if (n == 1) return {"output"};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back("output" + std::to_string(i));
  return out;
}

/// "output12" -> 12, for sorting TVM's default names.
std::optional<std::size_t> output_number(const std::string& name) {
  if (name.rfind("output", 0) != 0 || name.size() == 6 || name.size() > 12) return std::nullopt;
  std::size_t v = 0;
  for (std::size_t i = 6; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
    v = v * 10 + static_cast<std::size_t>(name[i] - '0');
  }
  return v;
}

}  // namespace

/// The tensors of one role (inputs or outputs) as a source lists them.
struct Names::NameList {
  std::vector<std::string> raw;  ///< raw names where the source has them, else sanitised
  Where where;
  bool ordered = true;
  bool option = false;
  bool sanitized_only = false;  ///< the header's struct members: never raw names
};

std::optional<Names::NameList> Names::header_list(bool inputs) const {
  if (!header_) return std::nullopt;
  const auto& members = inputs ? header_->inputs : header_->outputs;
  if (!members) return std::nullopt;
  NameList l;
  for (const auto& m : *members) l.raw.push_back(m.name);
  l.where = {header_->path, inputs ? header_->inputs_line : header_->outputs_line};
  l.sanitized_only = true;
  return l;
}

std::optional<Names::NameList> Names::relay_list(bool inputs) const {
  if (!relay_) return std::nullopt;
  NameList l;
  l.where = {relay_->path, relay_->line};
  if (inputs) {
    for (const RelayTensor& t : relay_->inputs) l.raw.push_back(t.raw_name);
    return l;
  }
  if (!relay_->output_names.empty()) {
    l.raw = relay_->output_names;
    l.where.line = relay_->output_names_line;
    return l;
  }
  if (relay_->outputs) {
    l.raw = default_output_names(relay_->outputs->size());
    return l;
  }
  return std::nullopt;
}

std::optional<Names::NameList> Names::metadata_list(bool inputs) const {
  if (md_ == nullptr || !md_->has_io) return std::nullopt;
  NameList l;
  for (const MetadataTensor& t : inputs ? md_->inputs : md_->outputs) l.raw.push_back(t.raw_name);
  l.where = {md_file_->path, 0};
  l.ordered = l.raw.size() <= 1;
  if (!inputs && !l.ordered) {
    // JSON key order is not argument order, but TVM's own output names sort by number.
    std::vector<std::pair<std::size_t, std::string>> numbered;
    for (const std::string& n : l.raw) {
      if (auto k = output_number(n)) numbered.emplace_back(*k, n);
    }
    if (numbered.size() == l.raw.size()) {
      std::sort(numbered.begin(), numbered.end());
      l.raw.clear();
      for (auto& [k, n] : numbered) l.raw.push_back(n);
      l.ordered = true;
    }
  }
  return l;
}

std::optional<Names::NameList> Names::option_list(bool inputs) const {
  const auto& order = inputs ? opt_.input_order : opt_.output_order;
  if (order.empty()) return std::nullopt;
  NameList l;
  l.raw = order;
  l.where = option_where(inputs ? "--inputs" : "--outputs");
  l.option = true;
  return l;
}

void Names::resolve_names() {
  for (bool inputs : {true, false}) {
    const std::string role = inputs ? "inputs" : "outputs";
    std::vector<NameList> lists;
    for (auto l :
         {header_list(inputs), relay_list(inputs), option_list(inputs), metadata_list(inputs)}) {
      if (l) lists.push_back(*l);
    }
    // Relay's @main lists parameters bound at build time (weights given to relay.build) as
    // well as inputs; the header, metadata or the option say which are inputs.
    if (inputs && relay_) {
      const NameList* exact = nullptr;
      for (const NameList& l : lists) {
        if (l.where.file != relay_->path && exact == nullptr) exact = &l;
      }
      for (NameList& l : lists) {
        if (l.where.file != relay_->path || exact == nullptr) continue;
        const std::vector<std::string> names = sanitized(exact->raw);
        const std::set<std::string> keep(names.begin(), names.end());
        std::vector<std::string> filtered;
        for (const std::string& r : l.raw) {
          if (keep.count(sanitize(r)) != 0) filtered.push_back(r);
        }
        l.raw = filtered;
      }
    }
    // The first ordered list decides the order; every other must agree with it.
    const NameList* primary = nullptr;
    for (const NameList& l : lists) {
      if (l.ordered) {
        primary = &l;
        break;
      }
    }
    if (primary == nullptr && !lists.empty()) {
      error(lists[0].where, "the order of the " + role + " (" + join(lists[0].raw) +
                                ") is unknown: no header or Relay text orders them; give " +
                                flag(inputs ? "--inputs" : "--outputs") + " " +
                                printable(sanitize(lists[0].raw[0]), 40) + ",...");
      names_known_ = false;
      continue;
    }
    if (primary == nullptr) {
      // Outputs TVM did not name: their number from the entry's parameters.
      if (!inputs && inputs_known_count_) {
        if (auto n = outputs_from_entry()) {
          NameList l;
          l.raw = default_output_names(*n);
          l.where = n_where_;
          lists.push_back(l);
          primary = &lists.back();
          note(l.where,
               "outputs named " + join(l.raw) + " (TVM's default names; no source names them)");
        }
      }
      if (primary == nullptr) {
        missing({mlf_.origin, 0},
                "no source names the model's " + role +
                    " (no header, no Relay text, no inputs/outputs in metadata.json): give " +
                    flag(inputs ? "--inputs" : "--outputs") + " a,b,...");
        names_known_ = false;
        continue;
      }
    }
    const std::vector<std::string> want = sanitized(primary->raw);
    bool distinct = true;
    std::map<std::string, std::size_t> first;  // sanitised -> first index
    for (std::size_t j = 0; j < want.size() && distinct; ++j) {
      auto [it, fresh] = first.emplace(want[j], j);
      if (fresh) continue;
      error(primary->where, role + " '" + printable(primary->raw[it->second]) + "' and '" +
                                printable(primary->raw[j]) + "' have the same C name '" +
                                printable(want[j]) + "'");
      distinct = false;
    }
    if (!distinct) {
      names_known_ = false;
      continue;
    }
    bool agree = true;
    for (const NameList& l : lists) {
      if (&l == primary) continue;
      std::vector<std::string> got = sanitized(l.raw);
      bool same = got.size() == want.size();
      if (same && l.ordered) {
        same = got == want;
      } else if (same) {
        std::vector<std::string> a = got, b = want;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        same = a == b;
      }
      if (!same) {
        error(l.where, std::string(l.option ? "gives " : "has ") + role + " (" + join(l.raw) +
                           ") but " + primary->where.str() + " has (" + join(primary->raw) + ")");
        agree = false;
      }
    }
    if (!agree) {
      names_known_ = false;
      continue;
    }
    std::vector<TensorFacts>& out = inputs ? model_.inputs : model_.outputs;
    for (const std::string& s : want) {
      TensorFacts t;
      t.sanitized = s;
      t.raw_name = s;
      out.push_back(t);
    }
    // Raw names: from the sources that keep them (Relay, metadata, then the option).
    std::map<std::string, std::size_t> index;  // sanitised -> position in `out`
    for (std::size_t i = 0; i < out.size(); ++i) index.emplace(out[i].sanitized, i);
    std::vector<Where> raw_from(out.size());
    for (const NameList& l : lists) {
      if (l.sanitized_only) continue;
      for (const std::string& r : l.raw) {
        auto it = index.find(sanitize(r));
        // A user may give the sanitised name; only a file's equal name confirms it as raw.
        if (it == index.end() || (l.option && r == it->first)) continue;
        TensorFacts& t = out[it->second];
        Where& from = raw_from[it->second];
        if (from.empty()) {
          t.raw_name = r;
          from = l.where;
        } else if (r != t.raw_name) {
          error(l.where, "names " + role.substr(0, role.size() - 1) + " '" + printable(r) +
                             "' where " + from.str() + " has '" + printable(t.raw_name) + "'");
        }
      }
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (raw_from[i].empty()) {
        out[i].comments.push_back("raw name not in any file: the header's sanitised name");
      }
    }
    if (inputs) inputs_known_count_ = true;
  }
  // Names that cannot be written.
  for (auto* list : {&model_.inputs, &model_.outputs}) {
    for (const TensorFacts& t : *list) {
      if (t.raw_name.empty() || t.raw_name.size() > 1024) {
        error({mlf_.origin, 0},
              "tensor name '" + printable(t.raw_name) + "' is empty or longer than 1024 bytes");
        names_known_ = false;
      }
      for (char ch : t.raw_name) {
        const auto u = static_cast<unsigned char>(ch);
        if (u < 0x20 || u == 0x7f) {
          error({mlf_.origin, 0},
                "tensor name '" + printable(t.raw_name) + "' holds a control character");
          names_known_ = false;
          break;
        }
      }
    }
  }
}

/// The number of outputs the entry function's parameters imply, once inputs are known.
std::optional<std::size_t> Names::outputs_from_entry() {
  if (!main_takes_pointers()) return std::nullopt;
  std::size_t extra = 0;
  if (header_ && header_->pools) extra += header_->pools->size();
  if (header_ && header_->devices) extra += header_->devices->size();
  const std::size_t n = main_def_.first->params.size();
  const std::size_t in = model_.inputs.size();
  // Internal pools show up as trailing uint8_t* parameters.
  std::size_t pools = 0;
  for (std::size_t i = n; i-- > 0;) {
    if (main_def_.first->params[i].type.str() != "uint8_t*" ||
        main_def_.first->params[i].name.find("workspace") == std::string::npos)
      break;
    ++pools;
  }
  if (n < in + extra + pools + 1) return std::nullopt;
  n_where_ = {main_def_.second->shown, main_def_.first->line};
  return n - in - extra - pools;
}

void Names::assign_type_names() {
  std::set<std::string> used;
  auto take = [&](const std::string& wanted, const std::string& what) {
    std::string n = wanted;
    const bool usable = is_plain_identifier(n) && !is_description_member(n) &&
                        n != model_.type_name && n != model_.module;
    if (!usable) {
      // t_<name> without leading or doubled underscores (reserved in C++).
      std::string tail = sanitize(wanted);
      while (!tail.empty() && tail[0] == '_') tail.erase(0, 1);
      for (std::size_t at; (at = tail.find("__")) != std::string::npos;) tail.erase(at, 1);
      n = "t_" + tail;
      if (!is_plain_identifier(n)) n = "tensor";
    }
    std::string unique = n;
    for (int i = 2; used.count(unique) != 0 || unique == model_.type_name; ++i)
      unique = n + "_" + std::to_string(i);
    used.insert(unique);
    if (unique != wanted) {
      note({mlf_.origin, 0}, what + " '" + printable(wanted) + "' is " + unique + " in C++ ('" +
                                 printable(wanted) +
                                 "' cannot name a type there); its name strings are unchanged");
    }
    return unique;
  };
  for (TensorFacts& t : model_.inputs) t.type_name = take(t.sanitized, "input");
  for (TensorFacts& t : model_.outputs) t.type_name = take(t.sanitized, "output");
  for (PoolFacts& p : model_.pools) {
    // A pool's description also has aot::PoolSpec's and ConstantPoolSpec's members.
    const bool spec_member = p.name == "alignment" || p.name == "data" || p.name == "constant_pool";
    p.type_name = take(spec_member ? "t_" + p.name : p.name, "pool");
  }
  for (DeviceFacts& d : model_.devices) d.type_name = take(d.name, "device");
}

}  // namespace aot_gen::resolving
