// SPDX-License-Identifier: Apache-2.0
#include "names.hpp"

#include <map>

#include "c_scan.hpp"

namespace aot_gen {

std::string sanitize(std::string_view raw) {
  std::string out(raw);
  for (char& c : out) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) c = '_';
  }
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

namespace {

struct DtypeRow {
  const char* dtype;
  std::size_t bytes;
  const char* cpp;
};

constexpr DtypeRow kDtypes[] = {
    {"int8", 1, "std::int8_t"},
    {"int16", 2, "std::int16_t"},
    {"int32", 4, "std::int32_t"},
    {"int64", 8, "std::int64_t"},
    {"uint8", 1, "std::uint8_t"},
    {"uint16", 2, "std::uint16_t"},
    {"uint32", 4, "std::uint32_t"},
    {"uint64", 8, "std::uint64_t"},
    {"float16", 2, "aot::Float16"},
    {"float32", 4, "float"},
    {"float64", 8, "double"},
    {"bfloat16", 2, "aot::BFloat16"},
    {"bool", 1, "bool"},
};

const DtypeRow* row(std::string_view dtype) {
  for (const DtypeRow& r : kDtypes) {
    if (dtype == r.dtype) return &r;
  }
  return nullptr;
}

}  // namespace

std::size_t dtype_bytes(std::string_view dtype) {
  const DtypeRow* r = row(dtype);
  return r == nullptr ? 0 : r->bytes;
}

std::string cpp_element_type(std::string_view dtype) {
  const DtypeRow* r = row(dtype);
  return r == nullptr ? "" : r->cpp;
}

std::string dtype_names() {
  std::string out;
  for (const DtypeRow& r : kDtypes) out += (out.empty() ? "" : ", ") + std::string(r.dtype);
  return out;
}

std::string preferred_dtype_of_c_type(std::string_view t) {
  const std::set<std::string> d = dtypes_of_c_type(t);
  if (d.count("uint16") != 0) return "uint16";
  if (d.count("int8") != 0) return "int8";
  return d.empty() ? "" : *d.begin();
}

std::set<std::string> dtypes_of_c_type(std::string_view t) {
  static const std::map<std::string_view, std::set<std::string>> m = {
      // TVM backs bool tensors with int8 arrays.
      {"int8_t", {"int8", "bool"}}, {"signed char", {"int8", "bool"}},
      {"uint8_t", {"uint8"}},       {"unsigned char", {"uint8"}},
      {"int16_t", {"int16"}},       {"uint16_t", {"uint16", "float16", "bfloat16"}},
      {"int32_t", {"int32"}},       {"uint32_t", {"uint32"}},
      {"int64_t", {"int64"}},       {"uint64_t", {"uint64"}},
      {"float", {"float32"}},       {"double", {"float64"}},
      {"half", {"float16"}},        {"_Float16", {"float16"}},
      {"bool", {"bool"}},           {"_Bool", {"bool"}},
  };
  auto it = m.find(t);
  return it == m.end() ? std::set<std::string>{} : it->second;
}

std::string cpp_spelling_of_c_type(std::string_view t) {
  static const std::map<std::string_view, const char*> m = {
      {"void", "void"},
      {"int8_t", "std::int8_t"},
      {"signed char", "signed char"},
      {"uint8_t", "std::uint8_t"},
      {"unsigned char", "unsigned char"},
      {"int16_t", "std::int16_t"},
      {"uint16_t", "std::uint16_t"},
      {"int32_t", "std::int32_t"},
      {"uint32_t", "std::uint32_t"},
      {"int64_t", "std::int64_t"},
      {"uint64_t", "std::uint64_t"},
      {"float", "float"},
      {"double", "double"},
      {"bool", "bool"},
      {"_Bool", "bool"},
  };
  auto it = m.find(t);
  return it == m.end() ? "" : it->second;
}

bool is_description_member(std::string_view s) {
  static const std::set<std::string_view> r = {"name",
                                               "raw_name",
                                               "inputs",
                                               "outputs",
                                               "pools",
                                               "devices",
                                               "entry",
                                               "convention",
                                               "c_inputs",
                                               "c_outputs",
                                               "c_pools",
                                               "c_devices",
                                               "workspace_size",
                                               "model_workspace_size",
                                               "workspace_alignment",
                                               "workspace_allocations",
                                               "uses_backend_workspace",
                                               "uses_last_error",
                                               "internal_pools",
                                               "workspace_io",
                                               "map_inputs",
                                               "map_outputs",
                                               "constants_size",
                                               "target",
                                               "arm_intrinsics",
                                               "operators",
                                               "size_bytes",
                                               "shape",
                                               "element_type",
                                               "scale",
                                               "zero_point",
                                               "scales",
                                               "zero_points",
                                               "quant_axis",
                                               "std",
                                               "aot"};
  return r.count(s) != 0;
}

bool is_keyword(std::string_view s) {
  static const std::set<std::string_view> k = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
      "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
      "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
      "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
      "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
      "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
      "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
      "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
      "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
      // C keywords and the macros of <stdbool.h>/<assert.h>/<stdalign.h> a C++ TU may see
      "restrict", "_Bool", "_Complex", "_Imaginary", "_Alignas", "_Alignof", "_Atomic", "_Generic",
      "_Noreturn", "_Static_assert", "_Thread_local", "NULL", "assert",
      // identifiers with special meaning or that the standard library defines as macros
      "final", "override", "import", "module", "errno", "stdin", "stdout", "stderr", "offsetof",
      "main"};
  return k.count(s) != 0;
}

bool is_plain_identifier(std::string_view s) {
  if (!c::is_identifier(s) || is_keyword(s)) return false;
  if (s.find("__") != std::string_view::npos) return false;
  if (s.size() >= 2 && s[0] == '_' && s[1] >= 'A' && s[1] <= 'Z') return false;
  return s[0] != '_';  // reserved at global scope, and confusing elsewhere
}

std::string c_string_literal(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u >= 0x7f || c == '?') {
      const char digits[] = {'\\', static_cast<char>('0' + (u >> 6)),
                             static_cast<char>('0' + ((u >> 3) & 7)),
                             static_cast<char>('0' + (u & 7))};
      out.append(digits, 4);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace aot_gen
