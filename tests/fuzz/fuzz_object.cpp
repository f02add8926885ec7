// SPDX-License-Identifier: Apache-2.0
// Fuzz target: aot_gen::read_object, an object file of an object-file MLF (TVM's llvm target)
// through libelf: its machine, symbols and the argument checks in its read-only strings.
//
// The input is the object's bytes. Invariants checked:
//   - nothing leaves read_object; every message it reports is one printable line naming the
//     object;
//   - it returns facts exactly when it reported no error;
//   - every symbol it lists is a non-empty name; every checked function is a C identifier of
//     the module (tvmgen_m_...) with at most 4096 arguments, each named by an identifier or
//     not at all, its dtype one aot knows, its shape at most 32 dimensions, none negative.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "c_scan.hpp"
#include "facts.hpp"
#include "fuzz_support.hpp"
#include "names.hpp"
#include "report.hpp"

namespace {

using fuzz::fail;
using fuzz::shown;

const std::string kFile = "fuzz/codegen/host/lib/m_lib1.o";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  aot_gen::Report report;
  std::optional<aot_gen::ObjectFile> o;
  try {
    o = aot_gen::read_object("codegen/host/lib/m_lib1.o", kFile, bytes, "m", report);
  } catch (const std::exception& e) {
    fail(std::string("read_object threw: ") + e.what());
  }
  for (const aot_gen::Message& m : report.messages()) {
    fuzz::check_one_line(m);
    if (m.where.file != kFile) fail("a message names " + shown(m.where.file));
  }
  if (o.has_value() == report.failed()) {
    fail(o ? "facts returned with an error reported" : "no facts and no error");
  }
  if (!o) return 0;
  for (const auto* list : {&o->defined, &o->undefined}) {
    for (const std::string& s : *list) {
      if (s.empty()) fail("an empty symbol name");
    }
  }
  for (const aot_gen::CheckedFunction& f : o->checked) {
    if (!aot_gen::c::is_identifier(f.name) || f.name.rfind("tvmgen_m_", 0) != 0)
      fail("a checked function is named " + shown(f.name));
    if (f.args.size() > 4096) fail(f.name + " has " + std::to_string(f.args.size()) + " arguments");
    for (const aot_gen::CodeTensor& a : f.args) {
      if (!a.name.empty() && !aot_gen::c::is_identifier(a.name))
        fail(f.name + " has an argument named " + shown(a.name));
      if (a.dtype && aot_gen::dtype_bytes(*a.dtype) == 0)
        fail(f.name + "." + a.name + " has dtype " + shown(*a.dtype));
      if (a.shape && a.shape->size() > 32) fail(f.name + "." + a.name + " has over 32 dimensions");
      if (a.shape) {
        for (std::int64_t d : *a.shape) {
          if (d < 0) fail(f.name + "." + a.name + " has a negative dimension");
        }
      }
    }
  }
  return 0;
}
