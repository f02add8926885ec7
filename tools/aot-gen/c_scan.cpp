// SPDX-License-Identifier: Apache-2.0
#include "c_scan.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>

#include "c_lexer.hpp"

namespace aot_gen::c {
namespace {

using lex::ident_char;
using lex::ident_start;
using lex::Lexer;
using lex::Token;

const std::set<std::string_view>& qualifiers() {
  static const std::set<std::string_view> q = {
      "const",   "volatile", "restrict", "__restrict",   "__restrict__",
      "static",  "extern",   "inline",   "__inline",     "__inline__",
      "TVM_DLL", "register", "_Alignas", "__extension__"};
  return q;
}

const std::set<std::string_view>& type_keywords() {
  static const std::set<std::string_view> k = {"void",     "char",   "short",  "int",      "long",
                                               "float",    "double", "signed", "unsigned", "_Bool",
                                               "_Complex", "struct", "union",  "enum"};
  return k;
}

const std::set<std::string_view>& not_callees() {
  static const std::set<std::string_view> k = {"if",
                                               "while",
                                               "for",
                                               "switch",
                                               "return",
                                               "sizeof",
                                               "_Alignof",
                                               "alignof",
                                               "__attribute__",
                                               "__asm__",
                                               "asm",
                                               "__asm",
                                               "_Static_assert",
                                               "defined",
                                               "__builtin_expect"};
  return k;
}

/// Tokens of `a` from..to joined without spaces (keeping one between two words).
std::string join(const std::vector<Token>& a, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty() && ident_char(out.back()) && !a[i].text.empty() && ident_char(a[i].text[0]))
      out += ' ';
    out += a[i].text;
  }
  return out;
}

/// Index of the ')' or ']' closing the bracket at `open`, or a.size().
std::size_t closing(const std::vector<Token>& a, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < a.size(); ++i) {
    if (a[i].is("(") || a[i].is("[")) ++depth;
    if (a[i].is(")") || a[i].is("]")) {
      if (--depth == 0) return i;
    }
  }
  return a.size();
}

/// Strips `__attribute__((...))` groups from a token list, recording section and aligned.
std::vector<Token> without_attributes(const std::vector<Token>& a, std::string* section,
                                      std::uint64_t* aligned) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if ((a[i].is("__attribute__") || a[i].is("__declspec") || a[i].is("_Alignas") ||
         a[i].is("__asm__") || a[i].is("asm")) &&
        i + 1 < a.size() && a[i + 1].is("(")) {
      const std::size_t end = closing(a, i + 1);
      for (std::size_t j = i + 2; j + 3 < end + 1 && j < a.size(); ++j) {
        if (a[j].is("section") && j + 2 < end && a[j + 1].is("(") &&
            a[j + 2].kind == Token::Kind::kString && section != nullptr) {
          const std::string_view s = a[j + 2].text;
          *section = std::string(s.size() >= 2 ? s.substr(1, s.size() - 2) : s);
        }
        // Only aligned(<number>): aligned(1 << 4) or aligned(MACRO) says nothing readable.
        if (a[j].is("aligned") && j + 3 < end + 1 && j + 3 < a.size() && a[j + 1].is("(") &&
            a[j + 3].is(")") && aligned != nullptr) {
          if (auto v = parse_integer(a[j + 2].text)) *aligned = *v;
        }
      }
      i = end;
      continue;
    }
    out.push_back(a[i]);
  }
  return out;
}

/// "type words, stars, name, [dims]" of one declarator (parameter, member or variable).
struct Declarator {
  Type type;
  std::string name;
  std::vector<std::uint64_t> dims;
  bool is_static = false, is_const = false, is_extern = false;
};

Declarator declarator(const std::vector<Token>& a, bool name_required) {
  Declarator d;
  std::size_t end = a.size();
  // Array dimensions at the end.
  while (end > 0 && a[end - 1].is("]")) {
    std::size_t open = end - 1;
    while (open > 0 && !a[open].is("[")) --open;
    if (!a[open].is("[")) {
      d.type.well_formed = false;
      break;
    }
    if (open + 3 == end) {
      auto v = parse_integer(a[open + 1].text);
      d.dims.insert(d.dims.begin(), v ? *v : 0);
      if (!v) d.type.well_formed = false;
    } else if (open + 2 == end) {
      d.dims.insert(d.dims.begin(), 0);  // []
    } else {
      d.type.well_formed = false;
    }
    end = open;
  }
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < end; ++i) {
    const Token& t = a[i];
    if (t.is("*")) {
      ++d.type.pointers;
    } else if (t.kind == Token::Kind::kIdent) {
      if (t.text == "static") d.is_static = true;
      if (t.text == "const") d.is_const = true;
      if (t.text == "extern") d.is_extern = true;
      if (qualifiers().count(t.text) == 0) {
        if (d.type.pointers > 0 && !words.empty() && i + 1 != end) d.type.well_formed = false;
        words.push_back(t.text);
      }
    } else if (t.kind == Token::Kind::kString && i > 0 && a[i - 1].is("extern")) {
      // extern "C"
    } else {
      d.type.well_formed = false;
    }
  }
  // The last word is the name when a name is required or another word or '*' precedes it.
  const bool has_name =
      !words.empty() &&
      (name_required || words.size() > 1 ||
       (d.type.pointers > 0 && end > 0 && a[end - 1].kind == Token::Kind::kIdent));
  if (has_name && end > 0 && a[end - 1].kind == Token::Kind::kIdent &&
      qualifiers().count(a[end - 1].text) == 0) {
    d.name = std::string(words.back());
    words.pop_back();
  } else if (name_required) {
    d.type.well_formed = false;
  }
  for (std::string_view w : words) d.type.words.emplace_back(w);
  if (d.type.words.empty()) d.type.well_formed = false;
  return d;
}

class Scanner {
  static constexpr std::size_t npos = std::string_view::npos;

 public:
  Scanner(std::string_view text, std::string_view call_prefix, std::string_view initializer_prefix)
      : lexer_(text), call_prefix_(call_prefix), initializer_prefix_(initializer_prefix) {}

  File run() {
    std::vector<Token> decl;
    int paren = 0;
    int transparent = 0;  // extern "C" { ... } blocks
    while (true) {
      Token t = lexer_.next();
      if (t.kind == Token::Kind::kEnd) break;
      if (t.kind == Token::Kind::kDirective) {
        directive(t);
        continue;
      }
      if (t.is("(") || t.is("[")) ++paren;
      if ((t.is(")") || t.is("]")) && paren > 0) --paren;
      if (paren > 0) {
        decl.push_back(t);
        continue;
      }
      if (t.is("{")) {
        brace(decl, transparent);
        continue;
      }
      if (t.is("}")) {
        if (transparent > 0) --transparent;
        decl.clear();
        continue;
      }
      if (t.is(";")) {
        declaration(decl, t.line);
        decl.clear();
        continue;
      }
      // Bounded: a file-scope declaration is a handful of tokens in generated code.
      if (decl.size() < 4096) decl.push_back(t);
    }
    file_.total_size_comments = lexer_.total_size_comments;
    return std::move(file_);
  }

 private:
  void directive(const Token& t) {
    std::string_view s = t.text.substr(1);
    auto skip = [&] {
      while (!s.empty() && (s[0] == ' ' || s[0] == '\t')) s.remove_prefix(1);
    };
    skip();
    if (s.rfind("include", 0) == 0) {
      s.remove_prefix(7);
      skip();
      std::string v(s);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\r' || v.back() == '\t')) v.pop_back();
      file_.includes.push_back(v);
      return;
    }
    if (s.rfind("define", 0) != 0) return;
    s.remove_prefix(6);
    if (s.empty() || (s[0] != ' ' && s[0] != '\t')) return;
    skip();
    std::size_t n = 0;
    while (n < s.size() && ident_char(s[n])) ++n;
    if (n == 0 || !ident_start(s[0])) return;
    Macro m;
    m.name = std::string(s.substr(0, n));
    m.line = t.line;
    s.remove_prefix(n);
    m.function_like = !s.empty() && s[0] == '(';
    // The value without comments (one pass; strings kept whole) and surrounding space.
    std::string v;
    v.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '"' || s[i] == '\'') {
        const char quote = s[i];
        v += s[i];
        for (++i; i < s.size() && s[i] != quote; ++i) {
          if (s[i] == '\\' && i + 1 < s.size()) v += s[i++];
          v += s[i];
        }
        if (i < s.size()) v += s[i];
      } else if (s.compare(i, 2, "//") == 0) {
        break;
      } else if (s.compare(i, 2, "/*") == 0) {
        const std::size_t close = s.find("*/", i + 2);
        if (close == std::string_view::npos) break;
        v += ' ';
        i = close + 1;
      } else {
        v += s[i];
      }
    }
    std::size_t b = 0, e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '\t' || v[b] == '\\')) ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t' || v[e - 1] == '\r' || v[e - 1] == '\\'))
      --e;
    m.value = v.substr(b, e - b);
    file_.macros.push_back(std::move(m));
  }

  /// Reads tokens up to the '}' matching an already consumed '{', skipping directives.
  template <class F>
  void block(F&& each) {
    int depth = 1;
    while (true) {
      Token t = lexer_.next();
      if (t.kind == Token::Kind::kEnd) return;
      if (t.kind == Token::Kind::kDirective) {
        directive(t);
        continue;
      }
      if (t.is("{")) ++depth;
      if (t.is("}") && --depth == 0) return;
      each(t, depth);
    }
  }

  /// Index of the '(' opening the group that ends at `close`, or npos.
  static std::size_t opening(const std::vector<Token>& a, std::size_t close) {
    int depth = 0;
    for (std::size_t i = close + 1; i-- > 0;) {
      if (a[i].is(")") || a[i].is("]")) ++depth;
      if ((a[i].is("(") || a[i].is("[")) && --depth == 0) return a[i].is("(") ? i : npos;
    }
    return npos;
  }

  /// Reads `... name(params)` ending a declaration. The parameter list is the last group and
  /// the name the word before it, so whatever precedes the name (a macro invoked without ';',
  /// storage classes, `extern "C"`, attributes anywhere GCC takes them) does not matter.
  static bool function_declarator(const std::vector<Token>& raw, Function& f) {
    const std::vector<Token> a = without_attributes(raw, nullptr, nullptr);
    if (a.size() < 3 || !a.back().is(")")) return false;
    const std::size_t open = opening(a, a.size() - 1);
    if (open == npos || open == 0) return false;
    const Token& name = a[open - 1];
    if (name.kind != Token::Kind::kIdent || qualifiers().count(name.text) != 0 ||
        not_callees().count(name.text) != 0)
      return false;
    for (std::size_t i = 0; i < open; ++i) {
      if (a[i].is("=")) return false;  // `T x = f(...)`: a variable
    }
    const std::size_t close = a.size() - 1;
    f.name = std::string(name.text);
    f.line = name.line;
    std::vector<Token> param;
    auto flush = [&] {
      if (param.size() == 1 && param[0].is("void") && f.params.empty()) {
        param.clear();
        return;
      }
      Param p;
      if (param.size() == 1 && param[0].is("...")) {
        p.type.words = {"..."};
      } else {
        Declarator d = declarator(param, false);
        p.type = d.type;
        p.name = d.name;
        if (!d.dims.empty()) ++p.type.pointers;  // T a[] is T* a
      }
      f.params.push_back(std::move(p));
      param.clear();
    };
    int depth = 0;
    for (std::size_t i = open + 1; i < close; ++i) {
      if (a[i].is("(") || a[i].is("[")) ++depth;
      if (a[i].is(")") || a[i].is("]")) --depth;
      if (a[i].is(",") && depth == 0) {
        flush();
        continue;
      }
      param.push_back(a[i]);
    }
    if (!param.empty()) flush();
    return true;
  }

  /// The names before a '(' in a declaration: what an unreadable definition may define.
  void unreadable(const std::vector<Token>& decl) {
    Unreadable u;
    for (std::size_t i = 1; i < decl.size(); ++i) {
      if (decl[i].is("(") && decl[i - 1].kind == Token::Kind::kIdent &&
          qualifiers().count(decl[i - 1].text) == 0 && not_callees().count(decl[i - 1].text) == 0 &&
          type_keywords().count(decl[i - 1].text) == 0 && u.names.size() < 16) {
        if (u.line == 0) u.line = decl[i - 1].line;
        u.names.emplace_back(decl[i - 1].text);
      }
    }
    if (!u.names.empty() && file_.unreadable.size() < 4096)
      file_.unreadable.push_back(std::move(u));
  }

  void brace(std::vector<Token>& decl, int& transparent) {
    if (decl.size() == 2 && decl[0].is("extern") && decl[1].kind == Token::Kind::kString) {
      ++transparent;
      decl.clear();
      return;
    }
    Function f;
    if (!decl.empty() && decl.back().is(")")) {
      if (function_declarator(decl, f)) {
        f.defined = true;
        body(f);
        file_.functions.push_back(std::move(f));
        decl.clear();
        return;
      }
      if (std::none_of(decl.begin(), decl.end(), [](const Token& t) { return t.is("="); })) {
        unreadable(decl);
        block([](const Token&, int) {});
        decl.clear();
        return;
      }
    }
    if (!decl.empty() && decl.back().is("=")) {
      initializer(decl);
      Token placeholder;
      placeholder.kind = Token::Kind::kPunct;
      placeholder.text = "{}";
      placeholder.line = decl.back().line;
      decl.push_back(placeholder);
      return;
    }
    const bool named = decl.size() >= 2 && decl[decl.size() - 1].kind == Token::Kind::kIdent &&
                       (decl[decl.size() - 2].is("struct") || decl[decl.size() - 2].is("union"));
    if (named) {
      struct_body(std::string(decl.back().text), decl.back().line);
      return;  // the declaration goes on: `struct x {...} name = {...};`
    }
    block([](const Token&, int) {});
  }

  /// Reads an initialiser whose '{' is consumed: kept for the variables asked for (bounded),
  /// skipped otherwise (constants).
  void initializer(const std::vector<Token>& decl) {
    // The name: the last identifier before '=' outside brackets and attributes.
    const std::vector<Token> plain = without_attributes(decl, nullptr, nullptr);
    std::string_view name;
    int depth = 0;
    for (std::size_t i = plain.size(); i-- > 0;) {
      if (plain[i].is("]")) ++depth;
      if (plain[i].is("[")) --depth;
      if (depth == 0 && plain[i].kind == Token::Kind::kIdent) {
        name = plain[i].text;
        break;
      }
    }
    const bool keep = !initializer_prefix_.empty() &&
                      name.substr(0, initializer_prefix_.size()) == initializer_prefix_;
    if (!keep || file_.initializers.size() >= 4096) {
      block([](const Token&, int) {});
      return;
    }
    Initializer init{std::string(name), decl.back().line, {"{"}};
    block([&](const Token& t, int) {
      if (init.tokens.size() < 65536) init.tokens.emplace_back(t.text);
    });
    init.tokens.emplace_back("}");
    file_.initializers.push_back(std::move(init));
  }

  void struct_body(std::string name, std::size_t line) {
    Struct s;
    s.name = std::move(name);
    s.line = line;
    std::vector<Token> member;
    block([&](const Token& t, int depth) {
      if (depth != 1) {
        s.well_formed = false;
        return;
      }
      if (t.is(";")) {
        Member m;
        const std::vector<Token> plain = without_attributes(member, nullptr, &m.aligned);
        Declarator d = declarator(plain, true);
        m.type = d.type;
        m.name = d.name;
        m.dims = d.dims;
        m.line = member.empty() ? t.line : member.front().line;
        if (!m.type.well_formed) s.well_formed = false;
        s.members.push_back(std::move(m));
        member.clear();
        return;
      }
      if (member.size() < 256) member.push_back(t);
    });
    if (!member.empty()) s.well_formed = false;
    file_.structs.push_back(std::move(s));
  }

  void body(Function& f) {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    constexpr std::size_t kMaxFacts = 4096;  // per function: casts and aliases of pointers
    Token prev;
    int paren = 0;
    std::size_t recording = kNone;  // index in f.calls of the call whose arguments are kept
    int record_depth = 0;
    std::vector<Token> current;
    // The pointers whose casts tell what they point to: the parameters, and locals named
    // after one of them.
    std::set<std::string, std::less<>> tracked;
    for (const Param& p : f.params) {
      if (p.type.pointers > 0 && !p.name.empty()) tracked.insert(p.name);
    }
    std::vector<Token> recent;  // the last tokens, for `( T * ) name`
    std::vector<Token> stmt;    // the statement so far, for `T * name = ... ;`
    std::optional<Cast> cast;   // a cast that the next token confirms (not `name(`, `name[`)
    block([&](const Token& t, int) {
      if (cast) {
        if (!(t.is("(") || t.is("[") || t.is("->") || t.is("."))) {
          if (f.casts.size() < kMaxFacts) f.casts.push_back(std::move(*cast));
        }
        cast.reset();
      }
      if (t.kind == Token::Kind::kIdent && tracked.count(t.text) != 0 && prev.is(")")) {
        cast = cast_before(recent, t);
      }
      if (t.is(";") || t.is("{") || t.is("}")) {
        if (t.is(";") && f.aliases.size() < kMaxFacts) alias(stmt, tracked, f.aliases);
        stmt.clear();
      } else if (stmt.size() < 24) {
        stmt.push_back(t);
      }
      recent.push_back(t);
      if (recent.size() > 12) recent.erase(recent.begin());
      if (t.is("(")) {
        const bool call = prev.kind == Token::Kind::kIdent && not_callees().count(prev.text) == 0 &&
                          qualifiers().count(prev.text) == 0;
        ++paren;
        if (recording != kNone && current.size() < 256) current.push_back(t);
        if (call) {
          f.calls.push_back(Call{std::string(prev.text), {}, prev.line});
          if (recording == kNone && !call_prefix_.empty() &&
              f.calls.back().callee.rfind(call_prefix_, 0) == 0) {
            recording = f.calls.size() - 1;
            record_depth = paren;
            current.clear();
          }
        }
      } else if (t.is(")")) {
        if (recording != kNone && paren == record_depth) {
          if (!current.empty() || !f.calls[recording].args.empty())
            f.calls[recording].args.push_back(join(current, 0, current.size()));
          current.clear();
          recording = kNone;
        } else if (recording != kNone && current.size() < 256) {
          current.push_back(t);
        }
        --paren;
      } else if (t.is(",") && recording != kNone && paren == record_depth) {
        f.calls[recording].args.push_back(join(current, 0, current.size()));
        current.clear();
      } else if (recording != kNone && current.size() < 256) {
        current.push_back(t);
      }
      prev = t;
    });
    if (cast && f.casts.size() < kMaxFacts) f.casts.push_back(std::move(*cast));
  }

  /// `( words * )` right before `operand` (the last of `recent` is the ')'), as a Cast.
  static std::optional<Cast> cast_before(const std::vector<Token>& recent, const Token& operand) {
    if (recent.empty() || !recent.back().is(")")) return std::nullopt;
    std::size_t open = recent.size() - 1;
    while (open > 0 && !recent[open].is("(")) --open;
    if (!recent[open].is("(") || open + 2 >= recent.size()) return std::nullopt;
    const std::vector<Token> inner(recent.begin() + static_cast<std::ptrdiff_t>(open) + 1,
                                   recent.end() - 1);
    if (!inner.back().is("*") || inner.front().kind != Token::Kind::kIdent) return std::nullopt;
    Declarator d = declarator(inner, false);
    if (!d.type.well_formed || !d.name.empty() || d.type.pointers == 0 || !d.dims.empty())
      return std::nullopt;
    return Cast{d.type, std::string(operand.text), operand.line};
  }

  /// `T * name = from ;` or `T * name = ( T * ) from ;` (in any parentheses) where `from` is
  /// tracked: `name` is tracked too.
  static void alias(const std::vector<Token>& stmt, std::set<std::string, std::less<>>& tracked,
                    std::vector<Alias>& out) {
    auto eq = std::find_if(stmt.begin(), stmt.end(), [](const Token& t) { return t.is("="); });
    if (eq == stmt.end() || eq == stmt.begin()) return;
    const std::vector<Token> left(stmt.begin(), eq);
    std::vector<Token> right(eq + 1, stmt.end());
    auto strip = [&] {
      while (right.size() >= 3 && right.front().is("(") && right.back().is(")") &&
             closing(right, 0) == right.size() - 1)
        right = std::vector<Token>(right.begin() + 1, right.end() - 1);
    };
    strip();
    if (right.size() >= 4 && right.front().is("(")) {
      const std::size_t close = closing(right, 0);
      if (close + 1 >= right.size() || !right[close - 1].is("*")) return;
      right.erase(right.begin(), right.begin() + static_cast<std::ptrdiff_t>(close) + 1);
      strip();
    }
    if (right.size() != 1 || right[0].kind != Token::Kind::kIdent ||
        tracked.count(right[0].text) == 0)
      return;
    Declarator d = declarator(left, true);
    if (!d.type.well_formed || d.name.empty() || d.type.pointers == 0 || !d.dims.empty()) return;
    tracked.insert(d.name);
    out.push_back(Alias{d.type, d.name, std::string(right[0].text), left.front().line});
  }

  void declaration(const std::vector<Token>& decl, std::size_t end_line) {
    if (decl.empty()) return;
    Function f;
    if (decl.back().is(")") && function_declarator(decl, f)) {
      file_.functions.push_back(std::move(f));
      return;
    }
    if (decl[0].is("typedef")) return;
    Variable v;
    std::vector<Token> head;
    for (const Token& t : decl) {
      if (t.is("=")) break;
      head.push_back(t);
    }
    const std::vector<Token> plain = without_attributes(head, &v.section, &v.aligned);
    if (plain.empty()) return;
    Declarator d = declarator(plain, true);
    if (d.name.empty()) return;
    v.name = d.name;
    v.type = d.type;
    v.dims = d.dims;
    v.is_static = d.is_static;
    v.is_const = d.is_const;
    v.is_extern = d.is_extern;
    v.line = decl.front().line;
    v.end_line = end_line;
    file_.variables.push_back(std::move(v));
  }

  Lexer lexer_;
  std::string_view call_prefix_;
  std::string_view initializer_prefix_;
  File file_;
};

}  // namespace

std::string Type::base() const {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string Type::str() const {
  return base() + std::string(static_cast<std::size_t>(pointers), '*');
}

bool is_identifier(std::string_view s) {
  if (s.empty() || !ident_start(s[0])) return false;
  for (char c : s) {
    if (!ident_char(c)) return false;
  }
  return true;
}

std::optional<std::uint64_t> parse_integer(std::string_view s) {
  auto trim = [&] {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  };
  trim();
  // Parentheses around the value, and casts to integer types the value fits.
  std::uint64_t limit = UINT64_MAX;
  for (int round = 0; round < 8 && !s.empty() && s.front() == '('; ++round) {
    const std::size_t close = s.find(')');
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view inner = s.substr(1, close - 1);
    static constexpr std::pair<std::string_view, std::uint64_t> kCasts[] = {
        {"size_t", UINT64_MAX},   {"uint64_t", UINT64_MAX}, {"int64_t", INT64_MAX},
        {"uint32_t", UINT32_MAX}, {"int32_t", INT32_MAX},   {"unsigned", UINT32_MAX},
        {"int", INT32_MAX}};
    const auto* cast = std::find_if(std::begin(kCasts), std::end(kCasts),
                                    [&](const auto& c) { return c.first == inner; });
    if (close + 1 < s.size() && cast != std::end(kCasts)) {
      limit = std::min(limit, cast->second);
      s.remove_prefix(close + 1);
    } else if (s.back() == ')') {
      s = s.substr(1, s.size() - 2);
    } else {
      return std::nullopt;
    }
    trim();
  }
  // The suffixes C allows: u, l, ll, and u with either, in any case and order.
  std::size_t u = 0, l = 0;
  while (!s.empty()) {
    const char c = s.back();
    if (c == 'u' || c == 'U') {
      ++u;
    } else if (c == 'l' || c == 'L') {
      ++l;
    } else {
      break;
    }
    s.remove_suffix(1);
  }
  if (u > 1 || l > 2 || s.empty()) return std::nullopt;
  unsigned base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  } else if (s.size() > 1 && s[0] == '0') {
    base = 8;
    s.remove_prefix(1);
  }
  std::uint64_t v = 0;
  for (char c : s) {
    unsigned d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      d = static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      d = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    if (d >= base) return std::nullopt;
    if (v > (UINT64_MAX - d) / base) return std::nullopt;
    v = v * base + d;
  }
  if (v > limit) return std::nullopt;
  return v;
}

File scan(std::string_view text, std::string_view call_prefix,
          std::string_view initializer_prefix) {
  return Scanner(text, call_prefix, initializer_prefix).run();
}

}  // namespace aot_gen::c
