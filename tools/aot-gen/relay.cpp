// SPDX-License-Identifier: Apache-2.0
// The Relay text's `def @main(...)`: input names, types and order, the return type (written
// after "->", or as the last expression's /* ty=... */), output_tensor_names; and in the body
// (relay_body.cpp), the scale and zero point the qnn operators give each input and output.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "facts.hpp"
#include "relay_body.hpp"

namespace aot_gen {
namespace {

struct Comment {
  std::size_t begin, end;  // [begin, end) in the text
};

class Cursor {
 public:
  Cursor(const std::string& path, const std::string& code) : path_(path), code_(code) {}

  std::size_t pos = 0;
  std::size_t line = 1;

  bool done() const { return pos >= code_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos + ahead < code_.size() ? code_[pos + ahead] : '\0';
  }
  void advance() {
    if (pos < code_.size() && code_[pos] == '\n') ++line;
    ++pos;
  }
  void skip_space() {
    while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      advance();
  }
  bool take(std::string_view s) {
    if (code_.compare(pos, s.size(), s) != 0) return false;
    for (std::size_t i = 0; i < s.size(); ++i) advance();
    return true;
  }
  std::string word() {
    std::string out;
    while (!done() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_')) {
      out += peek();
      advance();
    }
    return out;
  }
  /// The token at the cursor, for a message: up to the next space or punctuation.
  std::string token() const {
    std::size_t end = pos;
    while (end < code_.size() && end - pos < 40 &&
           !(code_[end] == ' ' || code_[end] == '\n' || code_[end] == '\t' || code_[end] == ',' ||
             code_[end] == ')' || code_[end] == '(')) {
      ++end;
    }
    if (end == pos && pos < code_.size()) ++end;
    return pos < code_.size() ? printable(std::string_view(code_).substr(pos, end - pos))
                              : "the end";
  }
  [[noreturn]] void fail(const std::string& what) const { throw Stop{{path_, line}, what}; }

  /// "..." with backslash escapes; the cursor is at the opening quote.
  std::string quoted() {
    advance();
    std::string out;
    while (!done() && peek() != '"') {
      if (peek() == '\\' && pos + 1 < code_.size()) advance();
      out += peek();
      advance();
    }
    if (done()) fail("unterminated string");
    advance();
    return out;
  }

 private:
  const std::string& path_;
  const std::string& code_;
};

/// "Tensor[(1, 2), int8]" or a bare dtype ("float32": a scalar).
RelayTensor tensor_type(Cursor& c) {
  RelayTensor t;
  t.line = c.line;
  if (!c.take("Tensor[")) {
    if (c.peek() == '(') c.fail("tuple-typed values are not supported here");
    std::string dtype = c.word();
    if (dtype.empty()) c.fail("expected a tensor type, found '" + c.token() + "'");
    t.dtype = dtype;
    return t;
  }
  c.skip_space();
  if (!c.take("(")) c.fail("expected '(' after 'Tensor[', found '" + c.token() + "'");
  while (true) {
    c.skip_space();
    if (c.take(")")) break;
    const std::size_t at = c.line;
    const std::string tok = c.token();
    std::int64_t v = 0;
    std::size_t digits = 0;
    while (!c.done() && c.peek() >= '0' && c.peek() <= '9') {
      const std::int64_t d = c.peek() - '0';
      if (v > (INT64_MAX - d) / 10) c.fail("dimension '" + tok + "' is too large");
      v = v * 10 + d;
      ++digits;
      c.advance();
    }
    c.take("i64") || c.take("i32");  // typed integer literals in newer printers
    if (digits == 0 || !(c.peek() == ',' || c.peek() == ')' || c.peek() == ' ')) {
      throw Stop{{"", at},
                 "dimension '" + tok + "' is not a number (dynamic shapes are not supported)"};
    }
    t.shape.push_back(v);
    c.skip_space();
    if (c.take(",")) continue;
    if (c.take(")")) break;
    c.fail("expected ',' or ')' in a shape, found '" + c.token() + "'");
  }
  c.skip_space();
  if (!c.take(",")) c.fail("expected ',' and a dtype after the shape, found '" + c.token() + "'");
  c.skip_space();
  const std::string dtype = c.word();
  if (dtype.empty()) c.fail("expected a dtype, found '" + c.token() + "'");
  c.skip_space();
  if (!c.take("]")) c.fail("expected ']' after the dtype, found '" + c.token() + "'");
  t.dtype = dtype;
  return t;
}

/// A single tensor type or a tuple of them.
std::vector<RelayTensor> result_type(Cursor& c) {
  std::vector<RelayTensor> out;
  if (!c.take("(")) {
    out.push_back(tensor_type(c));
    return out;
  }
  while (true) {
    c.skip_space();
    if (c.take(")")) {
      if (out.empty()) c.fail("the result type is an empty tuple: a model has at least one output");
      break;
    }
    out.push_back(tensor_type(c));
    c.skip_space();
    if (c.take(",")) continue;
    if (c.take(")")) break;
    c.fail("expected ',' or ')' in a tuple type, found '" + c.token() + "'");
  }
  return out;
}

bool is_bound_param(const std::string& name) {
  const std::string p = "v_param_";
  if (name.size() <= p.size() || name.compare(0, p.size(), p) != 0) return false;
  for (std::size_t i = p.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
  }
  return true;
}

/// Skips an attribute's value: up to the next ',' or ')' outside brackets and strings.
void skip_value(Cursor& c) {
  int depth = 0;
  while (!c.done()) {
    const char ch = c.peek();
    if (ch == '"') {
      c.quoted();
      continue;
    }
    if (ch == '(' || ch == '[' || ch == '{') ++depth;
    if (ch == ')' || ch == ']' || ch == '}') {
      if (depth == 0) return;
      --depth;
    }
    if (ch == ',' && depth == 0) return;
    c.advance();
  }
}

}  // namespace

std::optional<RelayFacts> read_relay(const std::string& shown, const std::string& text,
                                     Report& report) {
  // Comments become spaces (newlines kept, so lines still count); strings are kept.
  std::string code = text;
  std::vector<Comment> comments;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '"') {
      for (++i; i < code.size() && code[i] != '"' && code[i] != '\n'; ++i) {
        if (code[i] == '\\') ++i;
      }
    } else if (code.compare(i, 2, "/*") == 0) {
      const std::size_t close = code.find("*/", i + 2);
      const std::size_t end = close == std::string::npos ? code.size() : close + 2;
      comments.push_back({i, end});
      for (std::size_t j = i; j < end; ++j) {
        if (code[j] != '\n') code[j] = ' ';
      }
      i = end - 1;
    } else if (code.compare(i, 2, "//") == 0) {
      for (; i < code.size() && code[i] != '\n'; ++i) code[i] = ' ';
    }
  }
  RelayFacts r;
  r.path = shown;
  try {
    const std::size_t def = code.find("def @main(");
    if (def == std::string::npos) throw Stop{{shown, 0}, "no 'def @main(' signature"};
    Cursor c(shown, code);
    while (c.pos < def + 10) c.advance();
    r.line = c.line;
    while (true) {
      c.skip_space();
      if (c.done()) c.fail("the signature of @main is not closed");
      if (c.take(")")) break;
      if (c.peek() == '%') {
        c.advance();
        RelayTensor t;
        t.line = c.line;
        bool typed = false;
        if (c.peek() == '"') {
          t.raw_name = c.quoted();
        } else {
          while (!c.done() && !(c.peek() == ' ' || c.peek() == '\n' || c.peek() == '\t' ||
                                c.peek() == '\r' || c.peek() == ',' || c.peek() == ')')) {
            t.raw_name += c.peek();
            c.advance();
          }
          if (!t.raw_name.empty() && t.raw_name.back() == ':') {
            t.raw_name.pop_back();
            typed = true;
          }
        }
        c.skip_space();
        if (!typed && c.take(":")) typed = true;
        if (t.raw_name.empty()) c.fail("a parameter of @main has no name");
        if (typed) {
          c.skip_space();
          const std::size_t line = c.line;
          RelayTensor type;
          try {
            type = tensor_type(c);
          } catch (Stop& s) {
            if (s.where.file.empty()) s.where = {shown, s.where.line == 0 ? line : s.where.line};
            throw;
          }
          t.dtype = type.dtype;
          t.shape = type.shape;
        }
        if (!is_bound_param(t.raw_name)) r.inputs.push_back(std::move(t));
      } else if (std::isalpha(static_cast<unsigned char>(c.peek())) || c.peek() == '_') {
        const std::size_t line = c.line;
        const std::string key = c.word();
        c.skip_space();
        if (!c.take("="))
          c.fail("unexpected '" + printable(key, 40) + "' in the signature of @main");
        c.skip_space();
        if (key == "output_tensor_names") {
          r.output_names_line = line;
          if (!c.take("[")) c.fail("expected '[' after output_tensor_names=");
          while (true) {
            c.skip_space();
            if (c.take("]")) break;
            if (c.peek() != '"') c.fail("expected a name in quotes, found '" + c.token() + "'");
            r.output_names.push_back(c.quoted());
            c.skip_space();
            if (c.take(",")) continue;
            if (c.take("]")) break;
            c.fail("expected ',' or ']' in output_tensor_names, found '" + c.token() + "'");
          }
        } else {
          skip_value(c);
        }
      } else {
        c.fail("unexpected '" + c.token() + "' in the signature of @main");
      }
      c.skip_space();
      if (c.take(",")) continue;
      if (c.take(")")) break;
      c.fail("expected ',' or ')' after a parameter of @main, found '" + c.token() + "'");
    }
    c.skip_space();
    if (c.take("->")) {
      c.skip_space();
      r.outputs = result_type(c);
    }
    // The body's last expression carries the result type in a ty= comment.
    c.skip_space();
    std::optional<std::pair<std::size_t, std::size_t>> body;  // main's '{': offset and line
    if (c.peek() == '{') {
      body.emplace(c.pos, c.line);
      int depth = 0;
      std::size_t close = std::string::npos;
      for (std::size_t i = c.pos; i < code.size(); ++i) {
        if (code[i] == '"') {
          for (++i; i < code.size() && code[i] != '"' && code[i] != '\n'; ++i) {
            if (code[i] == '\\') ++i;
          }
          continue;
        }
        if (code[i] == '{') ++depth;
        if (code[i] == '}' && --depth == 0) {
          close = i;
          break;
        }
      }
      const Comment* last = nullptr;
      for (const Comment& cm : comments) {
        if (close != std::string::npos && cm.begin > c.pos && cm.end <= close) last = &cm;
      }
      bool at_end = last != nullptr;
      for (std::size_t i = last != nullptr ? last->end : 0; at_end && i < close; ++i) {
        if (!(code[i] == ' ' || code[i] == '\n' || code[i] == '\t' || code[i] == '\r'))
          at_end = false;
      }
      if (at_end) {
        const std::string comment = text.substr(last->begin, last->end - last->begin);
        const std::size_t ty = comment.find("ty=");
        if (ty != std::string::npos) {
          Cursor tc(shown, comment);
          while (tc.pos < ty + 3) tc.advance();
          std::vector<RelayTensor> body_type;
          bool readable = true;
          try {
            body_type = result_type(tc);
          } catch (const Stop&) {
            readable = false;  // a type aot-gen does not read: the comment adds nothing
          }
          std::size_t line = 1;
          for (std::size_t i = 0; i < last->begin; ++i) line += text[i] == '\n';
          for (RelayTensor& t : body_type) t.line = line;
          if (readable && !r.outputs) {
            r.outputs = body_type;
          } else if (readable) {
            bool same = body_type.size() == r.outputs->size();
            for (std::size_t i = 0; same && i < body_type.size(); ++i) {
              same = body_type[i].dtype == (*r.outputs)[i].dtype &&
                     body_type[i].shape == (*r.outputs)[i].shape;
            }
            if (!same) {
              throw Stop{{shown, line},
                         "the last expression of @main has another type than the return type on "
                         "line " +
                             std::to_string(r.outputs->empty() ? r.line : r.outputs->front().line)};
            }
          }
        }
      }
    }
    // Last: the number of outputs may come from the ty= comment.
    if (body) read_relay_body(code, body->first, body->second, r);
  } catch (const Stop& s) {
    report.error(s.where.file.empty() ? Where{shown, s.where.line} : s.where, s.text);
    return std::nullopt;
  }
  return r;
}

}  // namespace aot_gen
