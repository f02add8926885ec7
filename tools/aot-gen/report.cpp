// SPDX-License-Identifier: Apache-2.0
#include "report.hpp"

#include <cstdio>

namespace aot_gen {

std::string Where::str() const { return line > 0 ? file + ":" + std::to_string(line) : file; }

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
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Message::str() const {
  std::string s = kind == Kind::kError ? "aot-gen: error: " : "aot-gen: note: ";
  if (!where.empty()) s += where.str() + ": ";
  return s + text;
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
