// SPDX-License-Identifier: Apache-2.0
// Fuzz target: aot_gen::read_relay, the reader of the Relay text's `def @main(...)`.
//
// The input is the text. Invariants checked:
//   - nothing leaves read_relay;
//   - every message is one line (no control bytes), names the file, and its line is a line of
//     the text (or 0, the whole file);
//   - read_relay returns facts exactly when it reported no error (resolve() relies on a missing
//     result having its own error);
//   - returned facts: every input has a name and is not a bound %v_param_<k> (facts.hpp), every
//     dtype read is a word ([A-Za-z0-9_]+), every dimension is >= 0, output names come with
//     their line, and every line is a line of the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "facts.hpp"
#include "fuzz_support.hpp"
#include "report.hpp"

namespace {

using fuzz::fail;
using fuzz::Lines;
using fuzz::shown;

const std::string kFile = "fuzz/src/m.relay";

bool is_bound_param(const std::string& name) {
  const std::string p = "v_param_";
  if (name.size() <= p.size() || name.compare(0, p.size(), p) != 0) return false;
  return name.find_first_not_of("0123456789", p.size()) == std::string::npos;
}

bool is_word(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

void check_tensor(const aot_gen::RelayTensor& t, const Lines& lines, const std::string& what) {
  if (t.line == 0) fail(what + " on line 0");
  lines.check(t.line, what);
  if (t.dtype && !is_word(*t.dtype)) fail(what + " has dtype " + shown(*t.dtype));
  if (!t.dtype && !t.shape.empty()) fail(what + " has a shape but no dtype");
  for (std::int64_t d : t.shape) {
    if (d < 0) fail(what + " has dimension " + std::to_string(d));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const fuzz::Lines lines(kFile, text);
  aot_gen::Report report;
  std::optional<aot_gen::RelayFacts> r;
  try {
    r = aot_gen::read_relay(kFile, text, report);
  } catch (const std::exception& e) {
    fail(std::string("read_relay threw: ") + e.what());
  } catch (...) {
    fail("read_relay threw");
  }
  for (const aot_gen::Message& m : report.messages()) lines.check_message(m);
  if (r.has_value() == report.failed()) {
    fail(r ? "read_relay returned facts and reported " + std::to_string(report.errors()) + " errors"
           : std::string("read_relay returned nothing and reported no error"));
  }
  if (!r) return 0;
  if (r->path != kFile) fail("path is " + shown(r->path));
  if (r->line == 0) fail("def @main on line 0");
  lines.check(r->line, "def @main");
  for (const aot_gen::RelayTensor& t : r->inputs) {
    if (t.raw_name.empty()) fail("an input without a name");
    if (is_bound_param(t.raw_name)) fail("bound parameter " + shown(t.raw_name) + " is an input");
    check_tensor(t, lines, "input " + shown(t.raw_name));
  }
  if (r->outputs) {
    for (const aot_gen::RelayTensor& t : *r->outputs) {
      if (!t.dtype) fail("an output type without a dtype");
      check_tensor(t, lines, "an output type");
    }
  }
  if (!r->output_names.empty()) {
    if (r->output_names_line == 0) fail("output_tensor_names on line 0");
    lines.check(r->output_names_line, "output_tensor_names");
  }
  return 0;
}
