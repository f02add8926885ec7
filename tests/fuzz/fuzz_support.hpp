// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the generator's fuzz targets share: how an invariant fails, how bytes are shown in a
// failure, and the checks every message must pass (one printable line, naming the file it
// concerns at a line the text has).

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "report.hpp"

namespace fuzz {

/// Stops the run; tools/fuzz.sh looks for "invariant broken: ".
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz: invariant broken: %s\n", what.c_str());
  std::fflush(stderr);
  __builtin_trap();
}

/// The bytes as a C++ string literal, for a failure message.
inline std::string shown(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(u));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

/// A message is one line: no control byte anywhere in it.
inline void check_one_line(const aot_gen::Message& m) {
  const std::string s = m.str();
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) fail("a message is not one printable line: " + shown(s));
  }
}

/// The lines of one input file, to check the lines facts and messages name.
struct Lines {
  std::string file;
  std::size_t count = 1;

  Lines(std::string file_name, std::string_view text) : file(std::move(file_name)) {
    for (char c : text) count += c == '\n';
  }
  /// Line 0 means the whole file.
  void check(std::size_t line, const std::string& what) const {
    if (line > count) {
      fail(what + " is on line " + std::to_string(line) + " of a text of " + std::to_string(count) +
           " lines");
    }
  }
  void check_where(const aot_gen::Where& w, const std::string& what) const {
    if (w.file != file) fail(what + " names file " + shown(w.file));
    check(w.line, what);
  }
  /// One line, naming this file at one of its lines.
  void check_message(const aot_gen::Message& m) const {
    check_one_line(m);
    check_where(m.where, "message " + shown(m.str()));
  }
};

}  // namespace fuzz
