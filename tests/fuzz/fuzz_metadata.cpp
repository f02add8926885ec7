// SPDX-License-Identifier: Apache-2.0
// Fuzz target: aot_gen::read_metadata (metadata.json) and the JSON reader under it.
//
// The input is the file's text. Invariants checked:
//   - nothing but Stop leaves json::parse, nothing at all leaves read_metadata;
//   - every message is one line (no control bytes), names the file, and its line is a line of
//     the text (or 0, the whole file);
//   - read_metadata returns facts exactly when it reported no error (resolve() relies on a
//     missing result having its own error);
//   - returned facts: version 5, 6 or 7, at least one module, module names and the raw names of
//     one role unique (the reader refuses duplicate keys), every line a line of the text;
//   - the JSON tree: no object has a key twice, and a number that as_uint() reads is exactly
//     the decimal text of that value (json.hpp: "5.0, 1e300 and 2^64 + 5 are never silently
//     read as something else").
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <set>
#include <string>
#include <string_view>

#include "facts.hpp"
#include "fuzz_support.hpp"
#include "json.hpp"
#include "report.hpp"

namespace {

using fuzz::fail;
using fuzz::Lines;
using fuzz::shown;

const std::string kFile = "fuzz/metadata.json";

void check_json(const aot_gen::json::Value& v, const Lines& lines, int depth) {
  using Kind = aot_gen::json::Value::Kind;
  if (depth > 200) fail("JSON deeper than 200 levels was accepted");
  lines.check(v.line, "a JSON value");
  if (v.line == 0) fail("a JSON value on line 0");
  if (v.kind == Kind::kNumber) {
    if (const std::optional<std::uint64_t> n = v.as_uint()) {
      if (std::to_string(*n) != v.text) {
        fail("number " + shown(v.text) + " is read as " + std::to_string(*n));
      }
    }
  } else if (v.as_uint()) {
    fail(std::string("as_uint() reads ") + v.kind_name());
  }
  std::set<std::string> keys;
  for (const aot_gen::json::Member& m : v.members) {
    if (v.kind != Kind::kObject) fail("members in a JSON value that is not an object");
    if (!keys.insert(m.key).second) fail("JSON key " + shown(m.key) + " twice in one object");
    lines.check(m.line, "a JSON key");
    check_json(m.value, lines, depth + 1);
  }
  for (const aot_gen::json::Value& item : v.items) {
    if (v.kind != Kind::kArray) fail("items in a JSON value that is not an array");
    check_json(item, lines, depth + 1);
  }
}

template <class T>
void check_sourced(const std::optional<aot_gen::Sourced<T>>& s, const Lines& lines,
                   const char* what) {
  if (s) lines.check_where(s->where, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const fuzz::Lines lines(kFile, text);

  // The JSON reader on its own.
  try {
    const aot_gen::json::Value doc = aot_gen::json::parse(kFile, text);
    check_json(doc, lines, 0);
  } catch (const aot_gen::Stop& s) {
    lines.check_message({aot_gen::Message::Kind::kError, s.where, s.text});
  } catch (const std::exception& e) {
    fail(std::string("json::parse threw something else than Stop: ") + e.what());
  }

  aot_gen::Report report;
  std::optional<aot_gen::MetadataFacts> md;
  try {
    md = aot_gen::read_metadata(kFile, text, report);
  } catch (const std::exception& e) {
    fail(std::string("read_metadata threw: ") + e.what());
  } catch (...) {
    fail("read_metadata threw");
  }
  for (const aot_gen::Message& m : report.messages()) lines.check_message(m);
  if (md.has_value() == report.failed()) {
    fail(md ? "read_metadata returned facts and reported " + std::to_string(report.errors()) +
                  " errors"
            : std::string("read_metadata returned nothing and reported no error"));
  }
  if (!md) return 0;
  if (md->path != kFile) fail("path is " + shown(md->path));
  if (md->version.value < 5 || md->version.value > 7) {
    fail("version " + std::to_string(md->version.value) + " accepted");
  }
  lines.check_where(md->version.where, "version");
  if (md->modules.empty()) fail("no module");
  std::set<std::string> names;
  for (const aot_gen::MetadataModule& m : md->modules) {
    if (!names.insert(m.name).second) fail("module " + shown(m.name) + " twice");
    lines.check(m.line, "a module");
    check_sourced(m.workspace, lines, "workspace_size_bytes");
    check_sourced(m.constants, lines, "constants_size_bytes");
    check_sourced(m.io, lines, "io_size_bytes");
    check_sourced(m.executors, lines, "executors");
    if (!m.has_io && !(m.inputs.empty() && m.outputs.empty())) fail("tensors without has_io");
    for (const auto* role : {&m.inputs, &m.outputs}) {
      std::set<std::string> raw;
      for (const aot_gen::MetadataTensor& t : *role) {
        if (!raw.insert(t.raw_name).second) fail("tensor " + shown(t.raw_name) + " twice");
        lines.check(t.line, "a tensor");
        check_sourced(t.dtype, lines, "a dtype");
        check_sourced(t.size, lines, "a size");
      }
    }
  }
  return 0;
}
