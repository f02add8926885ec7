// SPDX-License-Identifier: Apache-2.0
// Fuzz target: aot_gen::c::scan, the linear scanner of generated C (as read_sources calls it,
// keeping the arguments of calls to tvmgen_*), and c::parse_integer on every macro value.
//
// The input is the C text. Invariants checked:
//   - nothing leaves scan or parse_integer;
//   - every line recorded is a line of the text (>= 1), a variable ends on or after its first
//     line;
//   - every function, struct, variable, macro and callee name is a C identifier, every member
//     name is one or empty, every word of a type is one (or "..." for a variadic parameter);
//   - prototypes have no calls, casts or aliases; only calls to tvmgen_* keep their arguments
//     (c_scan.hpp); casts are to pointer types and name identifiers, as do aliases and the
//     names of unreadable definitions, each on a line of the text;
//   - parse_integer agrees with a plain reading of the C constants it is documented to take
//     when the value is one: decimal, 0x hex or 0 octal digits with a u/l suffix, in
//     parentheses or after one cast to an integer type. Other spellings are not checked.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "c_scan.hpp"

#include "fuzz_support.hpp"

namespace {

using fuzz::fail;
using fuzz::shown;

__extension__ typedef unsigned __int128 Wide;  // NOLINT: 64 bits and a carry

struct Lines {
  std::size_t count = 1;
  explicit Lines(std::string_view text) {
    for (char c : text) count += c == '\n';
  }
  void check(std::size_t line, const std::string& what) const {
    if (line == 0 || line > count) {
      fail(what + " is on line " + std::to_string(line) + " of a text of " + std::to_string(count) +
           " lines");
    }
  }
};

void check_type(const aot_gen::c::Type& t, const std::string& what) {
  if (t.pointers < 0) fail(what + " has a negative pointer count");
  for (const std::string& w : t.words) {
    if (!aot_gen::c::is_identifier(w) && w != "...") fail(what + " has type word " + shown(w));
  }
}

/// The integer a C constant spells, for the simple spellings: [1-9][0-9]*, 0[0-7]*,
/// 0[xX][0-9a-fA-F]+, each with an optional u/l suffix of C's forms. nullopt: another
/// spelling (not checked). `overflow` is set when the digits do not fit 64 bits.
std::optional<std::uint64_t> plain_constant(std::string_view s, bool& overflow) {
  overflow = false;
  // C's suffixes: u, l, ll, ul, lu, ull, llu (any case, ll/LL not mixed).
  static const char* const kSuffixes[] = {"ull", "uLL", "Ull", "ULL", "llu", "llU", "LLu", "LLU",
                                          "ul",  "uL",  "Ul",  "UL",  "lu",  "lU",  "Lu",  "LU",
                                          "ll",  "LL",  "u",   "U",   "l",   "L"};
  for (const char* suffix : kSuffixes) {
    const std::string_view sv(suffix);
    if (s.size() > sv.size() && s.substr(s.size() - sv.size()) == sv) {
      s.remove_suffix(sv.size());
      break;
    }
  }
  if (s.empty()) return std::nullopt;
  unsigned base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  } else if (s[0] == '0') {
    base = 8;
  }
  Wide v = 0;
  for (char c : s) {
    unsigned d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<unsigned>(c - '0');
    } else if (base == 16 && c >= 'a' && c <= 'f') {
      d = static_cast<unsigned>(c - 'a' + 10);
    } else if (base == 16 && c >= 'A' && c <= 'F') {
      d = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    if (d >= base) return std::nullopt;
    v = v * base + d;
    if (v > UINT64_MAX) overflow = true;
    if (overflow) v = 0;
  }
  return static_cast<std::uint64_t>(v);
}

/// The constant with the wrappers parse_integer documents removed: "(42)", "((uint32_t)42)",
/// "(size_t)42"; nullopt when the text is something else. `limit`: the largest value the casts
/// let through (a value that does not fit its cast is refused).
std::optional<std::string_view> unwrap(std::string_view s, std::uint64_t& limit) {
  limit = UINT64_MAX;
  auto trim = [&] {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  };
  trim();
  for (int round = 0; round < 3 && !s.empty() && s.front() == '('; ++round) {
    static const std::pair<const char*, std::uint64_t> kCasts[] = {
        {"(size_t)", UINT64_MAX},  {"(uint32_t)", UINT32_MAX}, {"(uint64_t)", UINT64_MAX},
        {"(int32_t)", INT32_MAX},  {"(int64_t)", INT64_MAX},   {"(int)", INT32_MAX},
        {"(unsigned)", UINT32_MAX}};
    bool cast = false;
    for (const auto& [c, max] : kCasts) {
      const std::string_view cv(c);
      if (s.size() > cv.size() && s.substr(0, cv.size()) == cv) {
        s.remove_prefix(cv.size());
        limit = std::min(limit, max);
        cast = true;
        break;
      }
    }
    if (!cast) {
      if (s.back() != ')') return std::nullopt;
      s = s.substr(1, s.size() - 2);
    }
    trim();
  }
  if (s.find_first_of("() \t") != std::string_view::npos) return std::nullopt;
  return s;
}

void check_integer(std::string_view value) {
  std::optional<std::uint64_t> got;
  try {
    got = aot_gen::c::parse_integer(value);
  } catch (const std::exception& e) {
    fail(std::string("parse_integer threw: ") + e.what());
  }
  std::uint64_t limit = UINT64_MAX;
  const std::optional<std::string_view> inner = unwrap(value, limit);
  if (!inner) return;
  bool overflow = false;
  const std::optional<std::uint64_t> want = plain_constant(*inner, overflow);
  if (!want) return;
  const std::string what = "parse_integer(" + shown(value) + ") is " +
                           (got ? std::to_string(*got) : std::string("nullopt"));
  if (overflow || *want > limit) {
    // Too large for 64 bits, or for the cast around it: refused.
    if (got) fail(what + ", but the constant does not fit 64 bits or its cast");
    return;
  }
  if (got != want) fail(what + ", not " + std::to_string(*want));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const Lines lines(text);
  const std::string prefix = "tvmgen_";
  aot_gen::c::File f;
  try {
    f = aot_gen::c::scan(text, prefix);
  } catch (const std::exception& e) {
    fail(std::string("scan threw: ") + e.what());
  }
  using aot_gen::c::is_identifier;
  for (const aot_gen::c::Function& fn : f.functions) {
    const std::string what = "function " + shown(fn.name);
    if (!is_identifier(fn.name)) fail("a function is named " + shown(fn.name));
    lines.check(fn.line, what);
    for (const aot_gen::c::Param& p : fn.params) {
      if (!p.name.empty() && !is_identifier(p.name)) fail(what + " has parameter " + shown(p.name));
      check_type(p.type, what + "'s parameter");
    }
    if (!fn.defined && !fn.calls.empty()) fail("prototype " + what + " makes calls");
    for (const aot_gen::c::Call& call : fn.calls) {
      if (!is_identifier(call.callee)) fail(what + " calls " + shown(call.callee));
      lines.check(call.line, what + "'s call of " + shown(call.callee));
      if (call.callee.rfind(prefix, 0) != 0 && !call.args.empty()) {
        fail(what + "'s call of " + shown(call.callee) + " kept its arguments");
      }
    }
    if (!fn.defined && (!fn.casts.empty() || !fn.aliases.empty()))
      fail("prototype " + what + " has casts or aliases");
    for (const aot_gen::c::Cast& c : fn.casts) {
      if (!is_identifier(c.operand)) fail(what + " casts " + shown(c.operand));
      if (c.type.pointers < 1)
        fail(what + " has a cast of " + shown(c.operand) + " to a non-pointer");
      check_type(c.type, what + "'s cast");
      lines.check(c.line, what + "'s cast of " + shown(c.operand));
    }
    for (const aot_gen::c::Alias& a : fn.aliases) {
      if (!is_identifier(a.name) || !is_identifier(a.from))
        fail(what + " has alias " + shown(a.name) + " = " + shown(a.from));
      check_type(a.type, what + "'s alias");
      lines.check(a.line, what + "'s alias " + shown(a.name));
    }
  }
  for (const aot_gen::c::Unreadable& u : f.unreadable) {
    lines.check(u.line, "an unreadable definition");
    for (const std::string& n : u.names)
      if (!is_identifier(n)) fail("an unreadable definition names " + shown(n));
  }
  for (const aot_gen::c::Struct& s : f.structs) {
    const std::string what = "struct " + shown(s.name);
    if (!is_identifier(s.name)) fail("a struct is named " + shown(s.name));
    lines.check(s.line, what);
    for (const aot_gen::c::Member& m : s.members) {
      if (!m.name.empty() && !is_identifier(m.name)) fail(what + " has member " + shown(m.name));
      check_type(m.type, what + "'s member");
      lines.check(m.line, what + "'s member " + shown(m.name));
    }
  }
  for (const aot_gen::c::Variable& v : f.variables) {
    const std::string what = "variable " + shown(v.name);
    if (!is_identifier(v.name)) fail("a variable is named " + shown(v.name));
    check_type(v.type, what);
    lines.check(v.line, what);
    lines.check(v.end_line, what + " (its end)");
    if (v.end_line < v.line) fail(what + " ends before it starts");
  }
  for (const aot_gen::c::Macro& m : f.macros) {
    if (!is_identifier(m.name)) fail("a macro is named " + shown(m.name));
    lines.check(m.line, "macro " + shown(m.name));
    check_integer(m.value);
  }
  for (const auto& [line, bytes] : f.total_size_comments) {
    lines.check(line, "a total size comment (" + std::to_string(bytes) + " bytes)");
  }
  return 0;
}
