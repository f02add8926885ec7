// SPDX-License-Identifier: Apache-2.0
#pragma once
// The C scanner's lexer (c_scan.cpp): the tokens of generated C with their lines; comments,
// and the lines of the branches a compiler would not read, left out; a `#` directive is one
// token. Internal to aot-gen.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace aot_gen::c::lex {

inline bool ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }
inline bool digit(char c) { return c >= '0' && c <= '9'; }

struct Token {
  enum class Kind { kIdent, kNumber, kString, kChar, kPunct, kDirective, kEnd };
  Kind kind = Kind::kEnd;
  std::string_view text;
  std::size_t line = 0;

  bool is(std::string_view p) const {
    return (kind == Kind::kPunct || kind == Kind::kIdent) && text == p;
  }
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {
    // A UTF-8 byte order mark, as Windows editors write it, is not code.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  std::vector<std::pair<std::size_t, std::uint64_t>> total_size_comments;

  /// The next token a compiler would see in one configuration: the lines of an `#if 0` group
  /// are not code, and of the branches of any other conditional only the first is read (a
  /// compiler sees one; reading two may count an opening brace twice).
  Token next() {
    while (true) {
      Token t = next_raw();
      if (t.kind != Token::Kind::kDirective) return t;
      const std::string_view word = directive_word(t.text);
      if (word == "if" && if_zero(t.text)) {
        skip_group(false);
      } else if (word == "else" || word == "elif") {
        skip_group(true);
      } else {
        return t;
      }
    }
  }

 private:
  static std::string_view directive_word(std::string_view d) {
    std::size_t i = d.empty() ? 0 : 1;
    while (i < d.size() && (d[i] == ' ' || d[i] == '\t')) ++i;
    std::size_t e = i;
    while (e < d.size() && ident_char(d[e])) ++e;
    return d.substr(i, e - i);
  }

  static bool if_zero(std::string_view d) {
    std::size_t i = d.find("if") + 2;
    while (i < d.size() && (d[i] == ' ' || d[i] == '\t')) ++i;
    if (d.substr(i, 1) != "0") return false;
    ++i;
    while (i < d.size() && (d[i] == ' ' || d[i] == '\t')) ++i;
    return i == d.size() || d[i] == '\r' || d.substr(i, 2) == "//" || d.substr(i, 2) == "/*";
  }

  /// Skips the lines of a branch that is not read: to the matching #endif (`to_endif`), or, for
  /// `#if 0`, to its #else or #elif, whose branch is read, or #endif. The line that ends the
  /// skip is consumed.
  void skip_group(bool to_endif) {
    int depth = 0;
    while (pos_ < text_.size()) {
      // pos_ is at the end of a line: step to the next one.
      if (text_[pos_] == '\n') {
        ++line_;
        ++pos_;
      }
      const std::size_t start = pos_;
      std::size_t i = pos_;
      while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
      pos_ = text_.find('\n', start);
      if (pos_ == std::string_view::npos) pos_ = text_.size();
      if (i >= text_.size() || text_[i] != '#') continue;
      const std::string_view word = directive_word(text_.substr(i, pos_ - i));
      if (word == "if" || word == "ifdef" || word == "ifndef") {
        ++depth;
        continue;
      }
      const bool ends = word == "endif"
                            ? depth-- == 0
                            : (word == "else" || word == "elif") && depth == 0 && !to_endif;
      if (ends) break;
    }
    at_line_start_ = false;
  }

  Token next_raw() {
    while (true) {
      skip_space();
      if (pos_ >= text_.size()) return Token{Token::Kind::kEnd, {}, line_};
      const char c = text_[pos_];
      if (c == '/' && peek(1) == '/') {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        comment(text_.substr(start, pos_ - start));
        continue;
      }
      if (c == '/' && peek(1) == '*') {
        const std::size_t start = pos_;
        pos_ += 2;
        while (pos_ < text_.size() && !(text_[pos_] == '*' && peek(1) == '/')) {
          if (text_[pos_] == '\n') ++line_;
          ++pos_;
        }
        pos_ = pos_ < text_.size() ? pos_ + 2 : text_.size();
        comment(text_.substr(start, pos_ - start));
        continue;
      }
      break;
    }
    const char c = text_[pos_];
    const std::size_t start = pos_;
    Token t;
    t.line = line_;
    if (c == '#' && at_line_start_) {
      t.kind = Token::Kind::kDirective;
      // To the end of the line, following backslash continuations.
      while (pos_ < text_.size() && text_[pos_] != '\n') {
        if (text_[pos_] == '\\' && peek(1) == '\n') {
          ++line_;
          ++pos_;
        } else if (text_[pos_] == '\\' && peek(1) == '\r' && peek(2) == '\n') {
          ++line_;
          pos_ += 2;
        }
        ++pos_;
      }
    } else if (ident_start(c)) {
      t.kind = Token::Kind::kIdent;
      while (pos_ < text_.size() && ident_char(text_[pos_])) ++pos_;
      // String prefixes (L"", u8"") are read as part of the string below.
      if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'') && pos_ - start <= 2) {
        const std::string_view p = text_.substr(start, pos_ - start);
        if (p == "L" || p == "u" || p == "U" || p == "u8") {
          t.kind = text_[pos_] == '"' ? Token::Kind::kString : Token::Kind::kChar;
          quoted(text_[pos_]);
        }
      }
    } else if (digit(c) || (c == '.' && digit(peek(1)))) {
      t.kind = Token::Kind::kNumber;
      while (pos_ < text_.size()) {
        // A pp-number: digits, letters, '.', and a sign right after an exponent letter.
        const char d = text_[pos_];
        const char before = pos_ > start ? text_[pos_ - 1] : '\0';
        const bool exponent_sign = (d == '+' || d == '-') && (before == 'e' || before == 'E' ||
                                                              before == 'p' || before == 'P');
        if (!exponent_sign && !ident_char(d) && d != '.') break;
        ++pos_;
      }
    } else if (c == '"' || c == '\'') {
      t.kind = c == '"' ? Token::Kind::kString : Token::Kind::kChar;
      quoted(c);
    } else {
      t.kind = Token::Kind::kPunct;
      if ((c == '-' && peek(1) == '>') || (c == ':' && peek(1) == ':')) {
        pos_ += 2;
      } else if (c == '.' && peek(1) == '.' && peek(2) == '.') {
        pos_ += 3;
      } else {
        ++pos_;
      }
    }
    at_line_start_ = false;
    t.text = text_.substr(start, pos_ - start);
    return t;
  }

 private:
  char peek(std::size_t ahead) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++line_;
        at_line_start_ = true;
      } else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')) {
        break;
      }
      ++pos_;
    }
  }

  /// A string or character literal; an unterminated one ends at the end of its line.
  void quoted(char quote) {
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != quote && text_[pos_] != '\n') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] != '\n') ++pos_;
      ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] == quote) ++pos_;
  }

  void comment(std::string_view text) {
    // "// of total size 16 bytes", written by TVM after a constant pool's initialiser.
    const std::string_view key = "of total size ";
    const std::size_t at = text.find(key);
    if (at == std::string_view::npos) return;
    std::size_t i = at + key.size();
    std::uint64_t v = 0;
    const std::size_t digits_start = i;
    while (i < text.size() && digit(text[i]) && i - digits_start < 19) {
      v = v * 10 + static_cast<std::uint64_t>(text[i] - '0');
      ++i;
    }
    if (i > digits_start && text.substr(i, 6) == " bytes")
      total_size_comments.emplace_back(line_, v);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  bool at_line_start_ = true;
};

}  // namespace aot_gen::c::lex
