// SPDX-License-Identifier: Apache-2.0
#include "report.hpp"

#include <cstdio>

namespace aot_gen {

std::string Where::str() const { return line > 0 ? file + ":" + std::to_string(line) : file; }

namespace {

/// Length of the valid UTF-8 sequence of printable characters starting at text[i], or 0.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t n = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if (c < 0x80 || c > 0xBF) return 0;
  }
  // U+0080..U+009F are control characters too; U+2028/U+2029 end lines in some editors, and
  // the bidirectional controls (U+200E/F, U+202A..E, U+2066..9) reorder what a reader sees.
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  if (lead == 0xC2 && b1 < 0xA0) return 0;
  if (lead == 0xE2 && n == 3) {
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 == 0x80 && ((b2 >= 0xA8 && b2 <= 0xAE) || b2 == 0x8E || b2 == 0x8F)) return 0;
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 0;
  }
  return n;
}

}  // namespace

std::string printable(std::string_view text, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (const std::size_t n = utf8_length(text, i); n > 0) {
      out.append(text.substr(i, n));
      i += n - 1;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

std::string Message::str() const {
  std::string s = kind == Kind::kError ? "aot-gen: error: " : "aot-gen: note: ";
  if (!where.empty()) s += where.str() + ": ";
  // File names and text from the inputs may hold any byte: the line stays one line.
  return printable(s + text, std::string::npos);
}

void Report::add(Message m) {
  if (!seen_.insert(m.str()).second) return;
  if (m.kind == Message::Kind::kError) ++errors_;
  if (messages_.size() >= kMaxMessages) {
    ++dropped_;
    return;
  }
  messages_.push_back(std::move(m));
}

void Report::error(Where where, std::string text) {
  add({Message::Kind::kError, std::move(where), std::move(text)});
}

void Report::note(Where where, std::string text) {
  add({Message::Kind::kNote, std::move(where), std::move(text)});
}

}  // namespace aot_gen
