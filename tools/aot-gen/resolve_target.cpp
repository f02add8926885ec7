// SPDX-License-Identifier: Apache-2.0
// The TVM target the code was built for, and whether it calls Arm DSP intrinsics.
#include <algorithm>

#include "resolve_steps.hpp"

namespace aot_gen::resolving {

namespace {

/// The value of `key` (e.g. "-mcpu=") in a target string, or empty.
std::string option_value(const std::string& target, const std::string& key) {
  for (std::size_t at = target.find(key); at != std::string::npos; at = target.find(key, at + 1)) {
    if (at > 0 && target[at - 1] != ' ') continue;
    const std::size_t from = at + key.size();
    return target.substr(from, std::min(target.find(' ', from), target.size()) - from);
  }
  return {};
}

}  // namespace

/// The TVM target string (metadata.json's, else the "// tvm target:" comment of the C) and
/// whether the C calls Arm DSP intrinsics (it then needs an Arm core or host intrinsics).
void Target::resolve_target() {
  std::optional<Sourced<std::string>> meta, comment;
  if (md_ != nullptr) {
    for (const Sourced<std::string>& t : md_->targets) {
      const bool c_target = t.value == "c" || t.value.rfind("c ", 0) == 0;
      if (!meta || (c_target && meta->value.rfind("c", 0) != 0)) meta = t;
    }
  }
  for (const SourceFile& f : src_.files) {
    if (!f.own) continue;
    if (!comment && f.tvm_target) comment = f.tvm_target;
    if (f.arm_intrinsic) model_.arm_intrinsics = true;
  }
  // TVM writes the string with a trailing space; the target is the same without it.
  auto trimmed = [](std::string t) {
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
    return t;
  };
  if (meta) {
    model_.target = trimmed(meta->value);
  } else if (comment) {
    model_.target = trimmed(comment->value);
  }
  if (meta && comment) {
    const std::string a = option_value(meta->value, "-mcpu="),
                      b = option_value(comment->value, "-mcpu=");
    if (!a.empty() && !b.empty() && a != b) {
      note(comment->where, "target -mcpu=" + printable(b, 40) +
                               " here but -mcpu=" + printable(a, 40) + " in " + meta->where.str());
    }
  }
}

}  // namespace aot_gen::resolving
