// SPDX-License-Identifier: Apache-2.0
// Fuzz target: aot_gen::read_header, the reader of TVM's tvmgen_<m>.h, for module "m" (the
// seeds are real headers renamed to that module).
//
// The input is the header's text. Invariants checked:
//   - nothing leaves read_header;
//   - every message is one line (no control bytes), names the file, and its line is a line of
//     the text (or 0, the whole file);
//   - read_header returns facts exactly when it reported no error (resolve() relies on a
//     missing result having its own error);
//   - returned facts: the inputs and outputs structs were found (the reader reports their
//     absence), every member name is a C identifier, a declared run is tvmgen_m_run, every
//     size is keyed by what sits between TVMGEN_M_ and _SIZE in an identifier, and every line
//     is a line of the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "c_scan.hpp"
#include "facts.hpp"
#include "fuzz_support.hpp"
#include "report.hpp"

namespace {

using fuzz::fail;
using fuzz::Lines;
using fuzz::shown;

const std::string kFile = "fuzz/codegen/host/include/tvmgen_m.h";

void check_members(const std::optional<std::vector<aot_gen::HeaderFacts::Member>>& members,
                   const Lines& lines, const char* what) {
  if (!members) return;
  for (const auto& m : *members) {
    if (!aot_gen::c::is_identifier(m.name)) {
      fail(std::string("a member of ") + what + " is " + shown(m.name));
    }
    if (m.line == 0) fail(std::string("a member of ") + what + " on line 0");
    lines.check(m.line, std::string("a member of ") + what);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const fuzz::Lines lines(kFile, text);
  aot_gen::Report report;
  std::optional<aot_gen::HeaderFacts> h;
  try {
    h = aot_gen::read_header(kFile, text, "m", report);
  } catch (const std::exception& e) {
    fail(std::string("read_header threw: ") + e.what());
  } catch (...) {
    fail("read_header threw");
  }
  for (const aot_gen::Message& m : report.messages()) lines.check_message(m);
  if (h.has_value() == report.failed()) {
    fail(h ? "read_header returned facts and reported " + std::to_string(report.errors()) +
                 " errors"
           : std::string("read_header returned nothing and reported no error"));
  }
  if (!h) return 0;
  if (h->path != kFile) fail("path is " + shown(h->path));
  if (!h->inputs || !h->outputs) fail("facts without the inputs or outputs struct");
  lines.check(h->inputs_line, "the inputs struct");
  lines.check(h->outputs_line, "the outputs struct");
  check_members(h->inputs, lines, "inputs");
  check_members(h->outputs, lines, "outputs");
  check_members(h->pools, lines, "workspace_pools");
  check_members(h->devices, lines, "devices");
  if (h->run) {
    if (h->run->name != "tvmgen_m_run") fail("run is " + shown(h->run->name));
    lines.check(h->run->line, "run");
  }
  for (const auto& [pool, line] : h->constant_pool_data) {
    if (pool.empty()) fail("a constant pool without a name");
    lines.check(line, "constant pool data " + shown(pool));
  }
  for (const auto& [key, value] : h->sizes) {
    if (key.empty()) fail("an empty size key");
    if (!aot_gen::c::is_identifier("X" + key)) fail("size key " + shown(key));
    lines.check_where(value.where, "size " + shown(key));
  }
  return 0;
}
