// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the whole of aot-gen behind its command line: read_archive_bytes, resolve()
// and, when the report has no error, emit().
//
// Input: an archive (a tar, or anything libarchive reads), optionally followed by the marker
// "\0aot-fuzz-options\0" and options, one per line, in the command line's words:
//   module=<m>  name=<type>  namespace=<ns>  entry=c|packed|unpacked  inputs=a,b  outputs=a,b
//   shape=<tensor>=<d0,d1,...>  dtype=<tensor>=<dtype>  syntax=cmake
// Lines main() would refuse before resolve() (a dimension that is not a positive number, an
// entry not in c|packed|unpacked, a tensor given twice) are left out, as main() never passes
// them on.
//
// Invariants checked:
//   - read_archive_bytes throws nothing but Stop; resolve() and emit() throw nothing;
//   - every message is one line (no control bytes), and none ends in an empty file name
//     ("... in " with nothing after it: the F14 finding);
//   - when emitted: the model's names are what emit.cpp says resolve() checked (module a C
//     identifier, the type name and namespace plain identifiers, nested type names plain,
//     unique, none the type's own name or a member of a description), the entry's parameters
//     from the fixed table of C++ element types, every tensor named without control bytes,
//     its sanitised name sanitize(raw name), its dtype one aot has a C++ type for, every
//     dimension positive and its size in bytes the product, without wrapping;
//   - the emitted text holds no control byte but '\n'; its braces balance outside comments
//     and literals; every string literal ends on its line; every `struct X` names a C
//     identifier; each tensor's raw_name and name literals, and each pool's and device's
//     raw_name, decode (as C++ escapes) to the model's strings, and the description's name is
//     the module.
//
// The libFuzzer build also has a custom mutator and cross-over that take a tar apart, mutate
// one member (contents, name, presence), the options or the layout, and write a valid tar
// again, so that mutations reach resolve() instead of stopping at tar checksums. Inputs that
// are not tars are mutated as bytes. Neither is used when replaying.
//
// AOT_FUZZ_VERBOSE=1 in the environment prints the messages and the header of each input.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "aot_gen.hpp"

#include "fuzz_support.hpp"

namespace {

using fuzz::fail;
using fuzz::shown;

__extension__ typedef unsigned __int128 Wide;  // NOLINT: a product of two 64-bit values

constexpr std::string_view kMarker("\0aot-fuzz-options\0", 18);

// ---- options ----------------------------------------------------------------------------------

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

/// "<tensor>=<value>" as main() takes it, or nullopt.
std::optional<std::pair<std::string, std::string>> assignment(const std::string& arg) {
  const std::size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) return std::nullopt;
  return std::make_pair(arg.substr(0, eq), arg.substr(eq + 1));
}

aot_gen::Options options_from(const std::string& text) {
  aot_gen::Options opt;
  opt.input = "fuzz.tar";
  opt.output = "fuzz.hpp";
  for (const std::string& line : split(text, '\n')) {
    const std::size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "module" && !value.empty()) {
      opt.module = value;
    } else if (key == "name") {
      opt.type_name = value;
    } else if (key == "namespace") {
      opt.name_space = value;
    } else if (key == "entry" && (value == "c" || value == "packed" || value == "unpacked")) {
      opt.entry = value;
    } else if (key == "inputs" && !value.empty()) {
      opt.input_order = split(value, ',');
    } else if (key == "outputs" && !value.empty()) {
      opt.output_order = split(value, ',');
    } else if (key == "syntax" && value == "cmake") {
      opt.syntax = aot_gen::Syntax::kCMake;
    } else if (key == "dtype") {
      if (auto a = assignment(value)) opt.dtypes.emplace(a->first, a->second);
    } else if (key == "shape") {
      auto a = assignment(value);
      if (!a) continue;
      std::vector<std::int64_t> shape;
      bool ok = true;
      for (const std::string& d : split(a->second, ',')) {
        std::optional<std::uint64_t> v;
        if (!d.empty() && d.find_first_not_of("0123456789") == std::string::npos) {
          v = aot_gen::c::parse_integer(d);
        }
        if (!v || *v == 0 || *v > static_cast<std::uint64_t>(INT64_MAX)) {
          ok = false;
          break;
        }
        shape.push_back(static_cast<std::int64_t>(*v));
      }
      if (ok) opt.shapes.emplace(a->first, shape);
    }
  }
  return opt;
}

// ---- checks -----------------------------------------------------------------------------------

void check_message(const aot_gen::Message& m) {
  fuzz::check_one_line(m);
  const std::string s = m.str();
  // An empty Where rendered at the end of the text (F14): "... here but int8 in " + "".
  const std::string& t = m.text;
  if (t.size() >= 4 && t.compare(t.size() - 4, 4, " in ") == 0) {
    fail("a message names an empty file: " + shown(s));
  }
}

/// The C++ spellings emit may give an unpacked entry's parameters (names.cpp's table).
const std::set<std::string>& entry_param_types() {
  static const std::set<std::string> t = {
      "void*",          "std::int8_t*",   "signed char*",  "std::uint8_t*",  "unsigned char*",
      "std::int16_t*",  "std::uint16_t*", "std::int32_t*", "std::uint32_t*", "std::int64_t*",
      "std::uint64_t*", "float*",         "double*",       "bool*"};
  return t;
}

void check_model(const aot_gen::Model& m) {
  using aot_gen::is_plain_identifier;
  if (!aot_gen::c::is_identifier(m.module)) fail("module " + shown(m.module));
  if (!is_plain_identifier(m.type_name)) fail("type name " + shown(m.type_name));
  if (aot_gen::is_description_member(m.type_name)) {
    fail("type name " + shown(m.type_name) + " is a member of a description");
  }
  if (!m.name_space.empty()) {
    std::size_t start = 0;
    while (true) {
      const std::size_t sep = m.name_space.find("::", start);
      const std::string part =
          m.name_space.substr(start, sep == std::string::npos ? std::string::npos : sep - start);
      if (!is_plain_identifier(part)) fail("namespace " + shown(m.name_space));
      if (sep == std::string::npos) break;
      start = sep + 2;
    }
  }
  if (!aot_gen::c::is_identifier(m.entry_symbol)) fail("entry " + shown(m.entry_symbol));
  for (const std::string& p : m.entry_params) {
    if (entry_param_types().count(p) == 0) fail("entry parameter type " + shown(p));
  }
  if (m.has_header && m.header_name != "tvmgen_" + m.module + ".h") {
    fail("header name " + shown(m.header_name));
  }
  std::set<std::string> types;
  auto nested = [&](const std::string& type, const std::string& what) {
    if (!is_plain_identifier(type)) fail(what + " has C++ name " + shown(type));
    if (type == m.type_name) fail(what + " has the description's own name " + shown(type));
    if (aot_gen::is_description_member(type)) {
      fail(what + " has the name of a member of every description: " + shown(type));
    }
    if (!types.insert(type).second) fail(what + " has the C++ name of another: " + shown(type));
  };
  std::set<std::string> sanitized;
  for (const auto* list : {&m.inputs, &m.outputs}) {
    for (const aot_gen::TensorFacts& t : *list) {
      const std::string what = "tensor " + shown(t.raw_name);
      nested(t.type_name, what);
      if (t.raw_name.empty()) fail("a tensor has no name");
      for (char c : t.raw_name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) fail(what + " has a control byte in its name");
      }
      if (aot_gen::sanitize(t.raw_name) != t.sanitized) {
        fail(what + " is sanitised as " + shown(t.sanitized));
      }
      if (!sanitized.insert(t.sanitized).second) fail(what + ": its C name is another's too");
      const std::size_t elem = aot_gen::dtype_bytes(t.dtype);
      if (elem == 0 || aot_gen::cpp_element_type(t.dtype).empty()) {
        fail(what + " has dtype " + shown(t.dtype));
      }
      Wide bytes = elem;
      for (std::int64_t d : t.shape) {
        if (d <= 0) fail(what + " has dimension " + std::to_string(d));
        bytes *= static_cast<std::uint64_t>(d);
        if (bytes > (Wide{1} << 64)) break;
      }
      if (bytes != t.size_bytes) {
        fail(what + " is " + std::to_string(t.size_bytes) +
             " bytes, not its dtype size times its dimensions");
      }
    }
  }
  for (const aot_gen::PoolFacts& p : m.pools) nested(p.type_name, "pool " + shown(p.name));
  for (const aot_gen::DeviceFacts& d : m.devices) nested(d.type_name, "device " + shown(d.name));
}

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// The string literal at `at` (its opening quote) decoded as C++ does; `at` is moved past it.
std::string decode_literal(const std::string& h, std::size_t& at) {
  std::string out;
  ++at;
  while (true) {
    if (at >= h.size() || h[at] == '\n') fail("a string literal does not end on its line");
    const char c = h[at++];
    if (c == '"') return out;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (at >= h.size()) fail("a string literal ends in a backslash");
    const char e = h[at++];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'v':
        out += '\v';
        break;
      case '\\':
      case '"':
      case '\'':
      case '?':
        out += e;
        break;
      case 'x': {
        unsigned v = 0;
        std::size_t digits = 0;
        while (at < h.size() && std::isxdigit(static_cast<unsigned char>(h[at]))) {
          const char d = h[at++];
          v = v * 16 + static_cast<unsigned>(d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
          if (v > 0xff) fail("a \\x escape does not fit a char");
          ++digits;
        }
        if (digits == 0) fail("a \\x escape without digits");
        out += static_cast<char>(v);
        break;
      }
      default: {
        if (e < '0' || e > '7') fail(std::string("unknown escape \\") + e);
        unsigned v = static_cast<unsigned>(e - '0');
        for (int i = 0; i < 2 && at < h.size() && h[at] >= '0' && h[at] <= '7'; ++i) {
          v = v * 8 + static_cast<unsigned>(h[at++] - '0');
        }
        if (v > 0xff) fail("an octal escape does not fit a char");
        out += static_cast<char>(v);
      }
    }
  }
}

/// The first string literal after `key` that follows `anchor`.
std::string literal_after(const std::string& h, const std::string& anchor, const std::string& key,
                          const std::string& what) {
  const std::size_t a = h.find(anchor);
  if (a == std::string::npos) fail(what + ": no " + shown(anchor) + " in the header");
  std::size_t at = h.find(key, a + anchor.size());
  if (at == std::string::npos) fail(what + ": no " + shown(key) + " after " + shown(anchor));
  at += key.size();
  if (at >= h.size() || h[at] != '"') fail(what + ": " + shown(key) + " is not a literal");
  return decode_literal(h, at);
}

void check_header(const std::string& h, const aot_gen::Model& m) {
  for (char c : h) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7f) fail("the header holds a control byte");
  }
  // Tokens outside comments and literals: balanced braces, `struct <identifier>`.
  long depth = 0;
  bool after_struct = false;
  for (std::size_t i = 0; i < h.size();) {
    const char c = h[i];
    if (c == '/' && i + 1 < h.size() && h[i + 1] == '/') {
      i = h.find('\n', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (c == '"') {
      decode_literal(h, i);
      if (after_struct) fail("`struct` followed by a string literal");
      continue;
    }
    if (c == ' ' || c == '\n') {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    if (ident_char(c)) {
      while (end < h.size() && ident_char(h[end])) ++end;
    }
    const std::string token = h.substr(i, end - i);
    if (after_struct && !aot_gen::c::is_identifier(token)) {
      fail("`struct " + token + "` does not name a C identifier");
    }
    after_struct = token == "struct";
    if (c == '{') ++depth;
    if (c == '}' && --depth < 0) fail("a '}' closes nothing");
    i = end;
  }
  if (depth != 0) fail("the braces do not balance");
  if (after_struct) fail("the header ends in `struct`");

  const std::string name = literal_after(h, "struct " + m.type_name + " {\n", "name = ", "model");
  if (name != m.module) fail("the description's name is " + shown(name));
  for (const auto* list : {&m.inputs, &m.outputs}) {
    for (const aot_gen::TensorFacts& t : *list) {
      const std::string anchor = "\n  struct " + t.type_name + " : aot::";
      const std::string what = "tensor " + shown(t.raw_name);
      const std::string raw = literal_after(h, anchor, "raw_name = ", what);
      if (raw != t.raw_name) fail(what + "'s raw_name literal decodes to " + shown(raw));
      const std::string sanitized = literal_after(h, anchor, " name = ", what);
      if (sanitized != t.sanitized) fail(what + "'s name literal decodes to " + shown(sanitized));
    }
  }
  for (const aot_gen::PoolFacts& p : m.pools) {
    const std::string raw = literal_after(
        h, "\n  struct " + p.type_name + " : aot::", "raw_name = ", "pool " + shown(p.name));
    if (raw != p.name) fail("pool " + shown(p.name) + "'s raw_name decodes to " + shown(raw));
  }
  for (const aot_gen::DeviceFacts& d : m.devices) {
    const std::string raw = literal_after(
        h, "\n  struct " + d.type_name + " : aot::", "raw_name = ", "device " + shown(d.name));
    if (raw != d.name) fail("device " + shown(d.name) + "'s raw_name decodes to " + shown(raw));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const std::size_t marker = all.rfind(kMarker);
  const std::string_view archive = marker == std::string_view::npos ? all : all.substr(0, marker);
  const aot_gen::Options opt = options_from(marker == std::string_view::npos
                                                ? std::string()
                                                : std::string(all.substr(marker + kMarker.size())));
  // AOT_FUZZ_VERBOSE=1: print the messages and the header (to look at one input).
  static const bool verbose = std::getenv("AOT_FUZZ_VERBOSE") != nullptr;
  aot_gen::Archive mlf;
  try {
    mlf = aot_gen::read_archive_bytes(opt.input, archive);
  } catch (const aot_gen::Stop& s) {
    const aot_gen::Message m{aot_gen::Message::Kind::kError, s.where, s.text};
    if (verbose) std::fprintf(stderr, "%s\n", m.str().c_str());
    check_message(m);
    return 0;
  } catch (const std::exception& e) {
    fail(std::string("read_archive_bytes threw something else than Stop: ") + e.what());
  }
  aot_gen::Report report;
  aot_gen::Model model;
  try {
    model = aot_gen::resolve(mlf, opt, report);
  } catch (const aot_gen::Stop& s) {
    fail("resolve threw Stop (its problems are reported, not thrown): " + s.text);
  } catch (const std::exception& e) {
    fail(std::string("resolve threw: ") + e.what());
  }
  for (const aot_gen::Message& m : report.messages()) {
    if (verbose) std::fprintf(stderr, "%s\n", m.str().c_str());
    check_message(m);
  }
  if (report.failed()) return 0;
  std::string header;
  try {
    header = aot_gen::emit(model, opt);
  } catch (const std::exception& e) {
    fail(std::string("emit threw: ") + e.what());
  }
  if (verbose) std::fprintf(stderr, "%s", header.c_str());
  check_model(model);
  check_header(header, model);
  return 0;
}

// ---- the custom mutator (libFuzzer builds only) ---------------------------------------------

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size)
    __attribute__((weak));

namespace {

struct Entry {
  std::string name;
  char type = '0';
  std::string data;
};

struct Input {
  std::vector<Entry> entries;
  std::string options;
  bool has_options = false;
};

long long octal(const char* field, std::size_t n) {
  long long v = 0;
  std::size_t i = 0;
  while (i < n && field[i] == ' ') ++i;
  bool any = false;
  for (; i < n && field[i] >= '0' && field[i] <= '7'; ++i) {
    v = v * 8 + (field[i] - '0');
    if (v > (1LL << 36)) return -1;
    any = true;
  }
  return any ? v : -1;
}

std::string field(const char* f, std::size_t n) {
  std::size_t len = 0;
  while (len < n && f[len] != '\0') ++len;
  return std::string(f, len);
}

/// The path record of a pax extended header, if any.
std::optional<std::string> pax_path(std::string_view records) {
  std::optional<std::string> path;
  while (!records.empty()) {
    std::size_t len = 0, i = 0;
    while (i < records.size() && records[i] >= '0' && records[i] <= '9' && len < 1000000) {
      len = len * 10 + static_cast<std::size_t>(records[i++] - '0');
    }
    if (len <= i || len > records.size()) break;
    const std::string_view rec = records.substr(i, len - i);  // " key=value\n"
    const std::size_t eq = rec.find('=');
    if (rec.size() >= 2 && rec[0] == ' ' && eq != std::string_view::npos &&
        rec.substr(1, eq - 1) == "path") {
      std::string_view value = rec.substr(eq + 1);
      if (!value.empty() && value.back() == '\n') value.remove_suffix(1);
      path = std::string(value);
    }
    records.remove_prefix(len);
  }
  return path;
}

/// A ustar/pax/GNU tar as entries; false when the bytes are not one.
bool parse_tar(std::string_view bytes, std::vector<Entry>& out) {
  std::size_t at = 0;
  std::optional<std::string> next_name;
  while (at + 512 <= bytes.size()) {
    const char* h = bytes.data() + at;
    bool zero = true;
    for (std::size_t i = 0; i < 512 && zero; ++i) zero = h[i] == 0;
    if (zero) return true;
    if (std::memcmp(h + 257, "ustar", 5) != 0) return false;
    const long long n = octal(h + 124, 12);
    if (n < 0) return false;
    const auto size = static_cast<std::size_t>(n);
    if (size > bytes.size() - at - 512) return false;
    const std::string_view body = bytes.substr(at + 512, size);
    const char type = h[156];
    if (type == 'x') {
      if (auto p = pax_path(body)) next_name = *p;
    } else if (type == 'L') {
      next_name = field(body.data(), body.size());
    } else if (type != 'g' && type != 'K') {
      Entry e;
      const std::string prefix = field(h + 345, 155);
      e.name = next_name ? *next_name : (prefix.empty() ? "" : prefix + "/") + field(h, 100);
      e.type = type == '\0' ? '0' : type;
      e.data = std::string(body);
      out.push_back(std::move(e));
      next_name.reset();
    }
    at += 512 + (size + 511) / 512 * 512;
  }
  return !out.empty();
}

void put_header(std::string& out, std::string_view name, char type, std::size_t size) {
  // Fixed-width fields of a ustar header: not C strings.
  char h[512] = {};
  auto field = [&](std::size_t at, std::string_view text) {
    std::copy(text.begin(), text.end(), h + at);
  };
  field(0, name.substr(0, std::min<std::size_t>(name.size(), 100)));
  field(100, type == '5' ? "0000755" : "0000644");
  field(108, "0000000");
  field(116, "0000000");
  std::snprintf(h + 124, 12, "%011llo", static_cast<unsigned long long>(size));
  field(136, "00000000000");
  std::memset(h + 148, ' ', 8);
  h[156] = type;
  field(257, "ustar");  // and its NUL, already there
  field(263, "00");
  unsigned sum = 0;
  for (char c : h) sum += static_cast<unsigned>(static_cast<unsigned char>(c));
  std::snprintf(h + 148, 8, "%06o", sum & 0777777u);
  h[155] = ' ';
  out.append(h, 512);
}

void put_body(std::string& out, std::string_view body) {
  out.append(body);
  out.append((512 - body.size() % 512) % 512, '\0');
}

std::string write_tar(const Input& in) {
  std::string out;
  for (const Entry& e : in.entries) {
    if (e.name.size() > 100 || e.name.find('\0') != std::string::npos) {
      // A pax record "<len> path=<name>\n", whose length counts its own digits.
      const std::string rest = " path=" + e.name + "\n";
      std::size_t len = rest.size() + 1;
      while (std::to_string(len).size() + rest.size() != len) ++len;
      const std::string record = std::to_string(len) + rest;
      put_header(out, "PaxHeader", 'x', record.size());
      put_body(out, record);
    }
    put_header(out, e.name, e.type, e.data.size());
    put_body(out, e.data);
  }
  out.append(1024, '\0');
  if (in.has_options) {
    out.append(kMarker);
    out.append(in.options);
  }
  return out;
}

bool parse_input(std::string_view all, Input& in) {
  const std::size_t marker = all.rfind(kMarker);
  if (marker != std::string_view::npos) {
    in.has_options = true;
    in.options = std::string(all.substr(marker + kMarker.size()));
    all = all.substr(0, marker);
  }
  return parse_tar(all, in.entries);
}

/// libFuzzer's mutation of a string, within `max` bytes.
void mutate(std::string& s, std::size_t max) {
  const std::size_t cap = std::max<std::size_t>(max, s.size() + 1);
  const std::size_t old = s.size();
  s.resize(cap);
  const std::size_t n = LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(&s[0]), old, cap);
  s.resize(n);
}

const char* const kTensors[] = {"x",        "y",      "a",       "b",       "input",
                                "input_1",  "output", "output0", "output1", "serving_default_x:0",
                                "Identity", "data",   "t_x",     "std",     "output_0"};
const char* const kWords[] = {"default", "m",   "v012", "det",  "cls", "ext_pools", "models",
                              "a::b",    "std", "aot",  "name", "x",   "Input",     "_x"};
const char* const kDtypes[] = {"int8",     "uint8", "int16",   "int32", "float32", "float16",
                               "bfloat16", "bool",  "float64", "int4",  "uint1",   "int64"};

std::string option_line(std::minstd_rand& rng) {
  auto pick = [&](const auto& table) {
    return std::string(table[rng() % (sizeof table / sizeof table[0])]);
  };
  std::string dims;
  for (unsigned i = 0, n = 1 + static_cast<unsigned>(rng() % 4); i < n; ++i) {
    const unsigned kind = rng() % 8;
    const std::string d = kind == 0   ? "0"
                          : kind == 1 ? "9223372036854775807"
                          : kind == 2 ? "4294967296"
                                      : std::to_string(1 + rng() % 16);
    dims += (i ? "," : "") + d;
  }
  switch (rng() % 9) {
    case 0:
      return "module=" + pick(kWords);
    case 1:
      return "name=" + pick(kWords);
    case 2:
      return "namespace=" + pick(kWords);
    case 3:
      return std::string("entry=") + (rng() % 3 == 0 ? "c" : rng() % 2 ? "packed" : "unpacked");
    case 4:
      return "inputs=" + pick(kTensors) + (rng() % 2 ? "," + pick(kTensors) : "");
    case 5:
      return "outputs=" + pick(kTensors) + (rng() % 2 ? "," + pick(kTensors) : "");
    case 6:
      return "syntax=cmake";
    case 7:
      return "dtype=" + pick(kTensors) + "=" + pick(kDtypes);
    default:
      return "shape=" + pick(kTensors) + "=" + dims;
  }
}

bool wanted(const std::string& name) {
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".json") || ends(".c") || ends(".h") || ends(".relay") || ends(".txt");
}

std::size_t emit_into(const Input& in, std::uint8_t* data, std::size_t max_size) {
  const std::string out = write_tar(in);
  if (out.size() > max_size) return 0;
  std::copy(out.begin(), out.end(), data);
  return out.size();
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
  if (LLVMFuzzerMutate == nullptr) return size;
  std::minstd_rand rng(seed);
  Input in;
  if (rng() % 16 == 0 || !parse_input({reinterpret_cast<const char*>(data), size}, in) ||
      in.entries.empty()) {
    return LLVMFuzzerMutate(data, size, max_size);
  }
  const std::size_t overhead = 1024 + 600 * (in.entries.size() + 2) + in.options.size() + 64;
  const std::size_t room = max_size > overhead ? max_size - overhead : 0;
  std::size_t total = 0;
  for (const Entry& e : in.entries) total += e.data.size();
  const std::size_t spare = room > total ? room - total : 0;
  std::vector<std::size_t> files;
  for (std::size_t i = 0; i < in.entries.size(); ++i) {
    if (wanted(in.entries[i].name)) files.push_back(i);
  }
  const unsigned op = rng() % 16;
  if (op < 9 && !files.empty()) {
    Entry& e = in.entries[files[rng() % files.size()]];
    mutate(e.data, e.data.size() + std::min<std::size_t>(spare, 512));
  } else if (op < 10) {
    Entry& e = in.entries[rng() % in.entries.size()];
    mutate(e.name, e.name.size() + 16);
  } else if (op == 10 && in.entries.size() > 1) {
    in.entries.erase(in.entries.begin() + static_cast<std::ptrdiff_t>(rng() % in.entries.size()));
  } else if (op == 11) {
    Entry copy = in.entries[rng() % in.entries.size()];
    if (rng() % 2) mutate(copy.name, copy.name.size() + 16);
    in.entries.push_back(std::move(copy));
  } else if (op == 12) {
    in.has_options = true;
    mutate(in.options, in.options.size() + 64);
  } else if (op == 13) {
    in.has_options = true;
    if (rng() % 4 == 0) in.options.clear();
    in.options += (in.options.empty() || in.options.back() == '\n' ? "" : "\n") + option_line(rng);
  } else if (op == 14) {
    // Wrap everything in a top folder, or unwrap it: the layouts canonical() maps.
    const std::string& first = in.entries[0].name;
    const std::size_t slash = first.find('/', first.rfind("./", 0) == 0 ? 2 : 0);
    bool common = slash != std::string::npos;
    const std::string top = common ? first.substr(0, slash + 1) : "";
    for (const Entry& e : in.entries) common = common && e.name.rfind(top, 0) == 0;
    for (Entry& e : in.entries) e.name = common ? e.name.substr(top.size()) : "kws/" + e.name;
  } else {
    // Swap the contents of two members of one kind (two .c files, two headers...).
    Entry& a = in.entries[rng() % in.entries.size()];
    Entry& b = in.entries[rng() % in.entries.size()];
    if (rng() % 2) {
      std::swap(a.data, b.data);
    } else {
      a.data = b.data;
    }
  }
  const std::size_t n = emit_into(in, data, max_size);
  return n != 0 ? n : LLVMFuzzerMutate(data, size, max_size);
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2,
                                                 std::uint8_t* out, std::size_t max_out_size,
                                                 unsigned int seed) {
  std::minstd_rand rng(seed);
  Input a, b;
  if (!parse_input({reinterpret_cast<const char*>(data1), size1}, a) ||
      !parse_input({reinterpret_cast<const char*>(data2), size2}, b) || b.entries.empty()) {
    return 0;
  }
  if (rng() % 4 == 0 && b.has_options) {
    a.options = b.options;
    a.has_options = true;
  } else {
    // One member of the second archive replaces its namesake in the first, or joins it.
    const Entry& e = b.entries[rng() % b.entries.size()];
    bool replaced = false;
    for (Entry& x : a.entries) {
      if (x.name == e.name) {
        x = e;
        replaced = true;
      }
    }
    if (!replaced) a.entries.push_back(e);
  }
  return emit_into(a, out, max_out_size);
}
