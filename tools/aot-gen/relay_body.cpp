// SPDX-License-Identifier: Apache-2.0
// The body of the Relay text's `def @main`, read for quantization: which qnn operator
// consumes each input and produces each output, and the scale and zero point it gives them.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "relay_body.hpp"

namespace aot_gen {
namespace {

/// One argument of a call as far as quantization needs it.
struct Arg {
  enum class Kind { kEmpty, kVar, kNumber, kMeta, kCall, kOther };
  Kind kind = Kind::kEmpty;
  std::size_t index = 0;  ///< into the scanner's names, numbers, metas or calls
};

struct Call {
  std::string op;  ///< "qnn.add"; empty for a tuple "( ... )"; "[" or "{" for other brackets
  std::size_t line = 0;
  std::vector<Arg> args;  ///< positional arguments only
  std::optional<std::int64_t> axis;
};

struct Number {
  std::string text;
  bool is_float = false;
};

/// Reads main's body once, left to right, into calls with their direct arguments; nothing
/// nests deeper than the text does and nothing is read twice (the fuzzers hold it linear).
/// Text it does not understand is skipped: the body only adds facts, never errors.
class Body {
 public:
  Body(const std::string& code, std::size_t pos, std::size_t line)
      : code_(code), pos_(pos), line_(line) {}

  void scan() {
    // The cursor is at main's '{'.
    advance();
    while (pos_ < code_.size()) {
      const char ch = code_[pos_];
      if (ch == '\n' || ch == ' ' || ch == '\t' || ch == '\r') {
        advance();
      } else if (ch == '"') {
        skip_string();
        put({Arg::Kind::kOther, 0});
      } else if (ch == '%') {
        advance();
        std::string name = var_name();
        if (frames_.empty() && stmt_.kind == Arg::Kind::kEmpty && stmt_var_.empty()) {
          skip_blank();
          if (pos_ < code_.size() && code_[pos_] == '=' && peek(1) != '=') {
            advance();
            stmt_var_ = name;
            continue;
          }
        }
        names_.push_back(std::move(name));
        put({Arg::Kind::kVar, names_.size() - 1});
      } else if (ch == '(' || ch == '[' || ch == '{') {
        open(ch == '(' ? std::string() : std::string(1, ch));
      } else if (ch == ')' || ch == ']' || ch == '}') {
        if (frames_.empty()) {
          if (ch == '}') {
            result_ = stmt_;  // main's closing brace: the last expression is the result
            return;
          }
          advance();
          continue;
        }
        close();
      } else if (ch == ',') {
        advance();
        if (!frames_.empty()) {
          Frame& f = frames_.back();
          f.slot = Arg{};
          f.keyword = false;
          ++f.position;
        }
      } else if (ch == ';') {
        advance();
        if (frames_.empty()) end_statement();
      } else if (is_digit(ch) || ((ch == '-' || ch == '.') && is_digit(peek(1)))) {
        number();
      } else if (is_alpha(ch)) {
        word();
      } else {
        advance();
        put({Arg::Kind::kOther, 0});
      }
    }
    result_ = stmt_;  // unterminated: what there is
  }

  /// Fills r.input_quant and r.output_quant.
  void resolve(RelayFacts& r) {
    index_uses();
    for (const RelayTensor& t : r.inputs) {
      std::vector<RelayQuant> found = consumers_of(t.raw_name);
      if (!found.empty()) r.input_quant[t.raw_name] = std::move(found);
    }
    std::size_t n = r.outputs ? r.outputs->size() : r.output_names.size();
    Arg result = follow_var(result_);
    const bool tuple = result.kind == Arg::Kind::kCall && calls_[result.index].op.empty();
    if (n == 0) n = tuple ? calls_[result.index].args.size() : 1;
    r.output_quant.assign(n, std::nullopt);
    for (std::size_t k = 0; k < n; ++k) {
      Arg e = result;
      if (tuple && (n > 1 || calls_[result.index].args.size() == 1)) {
        const auto& items = calls_[result.index].args;
        if (k >= items.size()) break;
        e = items[k];
      } else if (n > 1) {
        break;  // several outputs, but the result is not a tuple aot-gen can read
      }
      r.output_quant[k] = producer_of(e);
    }
  }

 private:
  struct Frame {
    std::size_t call = 0;  ///< index into calls_
    std::size_t position = 0;
    Arg slot;              ///< what the current argument is so far
    bool keyword = false;  ///< the current argument is name=value
    std::string key;
  };

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  static bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
  char peek(std::size_t ahead) const {
    return pos_ + ahead < code_.size() ? code_[pos_ + ahead] : '\0';
  }
  void advance() {
    if (pos_ < code_.size() && code_[pos_] == '\n') ++line_;
    ++pos_;
  }
  void skip_blank() {
    while (pos_ < code_.size() && (code_[pos_] == ' ' || code_[pos_] == '\t' ||
                                   code_[pos_] == '\n' || code_[pos_] == '\r'))
      advance();
  }
  void skip_string() {
    advance();
    while (pos_ < code_.size() && code_[pos_] != '"' && code_[pos_] != '\n') {
      if (code_[pos_] == '\\') advance();
      advance();
    }
    advance();
  }

  /// "%x:0", "%0", %"quoted name"; a trailing ':' (a parameter's type follows) is dropped.
  std::string var_name() {
    std::string out;
    if (pos_ < code_.size() && code_[pos_] == '"') {
      const std::size_t from = pos_ + 1;
      skip_string();
      const std::size_t to = pos_ >= code_.size() ? code_.size() : pos_ - 1;
      return to > from ? code_.substr(from, to - from) : std::string();
    }
    while (pos_ < code_.size()) {
      const char ch = code_[pos_];
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == ',' || ch == '(' ||
          ch == ')' || ch == '[' || ch == ']' || ch == '{' || ch == '}' || ch == ';' || ch == '=' ||
          ch == '"')
        break;
      out += ch;
      advance();
    }
    if (!out.empty() && out.back() == ':') out.pop_back();
    return out;
  }

  /// The current argument (or statement) receives one value; a second makes it "other".
  void put(Arg a) {
    Arg& slot = frames_.empty() ? stmt_ : frames_.back().slot;
    if (!frames_.empty() && frames_.back().keyword) {
      Frame& f = frames_.back();
      if (f.key == "axis" && a.kind == Arg::Kind::kNumber && !numbers_[a.index].is_float) {
        const std::string& t = numbers_[a.index].text;
        const std::optional<std::int64_t> v = integer(t);
        if (v) calls_[f.call].axis = *v;
      }
      return;
    }
    slot = slot.kind == Arg::Kind::kEmpty ? a : Arg{Arg::Kind::kOther, 0};
    if (!frames_.empty()) {
      Frame& f = frames_.back();
      auto& args = calls_[f.call].args;
      if (args.size() <= f.position) args.resize(f.position + 1);
      args[f.position] = slot;
    }
  }

  void open(std::string op) {
    calls_.push_back({std::move(op), line_, {}, std::nullopt});
    advance();
    Frame f;
    f.call = calls_.size() - 1;
    frames_.push_back(std::move(f));
  }

  void close() {
    const std::size_t call = frames_.back().call;
    frames_.pop_back();
    advance();
    const std::string& op = calls_[call].op;
    put({op == "[" || op == "{" ? Arg::Kind::kOther : Arg::Kind::kCall, call});
  }

  void end_statement() {
    if (!stmt_var_.empty()) bindings_[stmt_var_] = stmt_;
    stmt_var_.clear();
    stmt_ = Arg{};
  }

  void number() {
    const std::size_t from = pos_;
    advance();
    while (pos_ < code_.size()) {
      const char ch = code_[pos_];
      const char prev = code_[pos_ - 1];
      if (is_digit(ch) || is_alpha(ch) || ch == '.' ||
          ((ch == '-' || ch == '+') && (prev == 'e' || prev == 'E'))) {
        advance();
      } else {
        break;
      }
    }
    Number n;
    n.text = code_.substr(from, pos_ - from);
    for (const char* suffix : {"f16", "f32", "f64", "f"}) {
      const std::size_t len = std::char_traits<char>::length(suffix);
      if (n.text.size() > len && n.text.compare(n.text.size() - len, len, suffix) == 0) {
        n.text.erase(n.text.size() - len);
        n.is_float = true;
        break;
      }
    }
    if (!n.is_float) {
      for (const char* suffix : {"i64", "i32", "i16", "i8", "u64", "u32", "u16", "u8"}) {
        const std::size_t len = std::char_traits<char>::length(suffix);
        if (n.text.size() > len && n.text.compare(n.text.size() - len, len, suffix) == 0) {
          n.text.erase(n.text.size() - len);
          break;
        }
      }
      n.is_float = n.text.find_first_of(".eE") != std::string::npos;
    }
    numbers_.push_back(std::move(n));
    put({Arg::Kind::kNumber, numbers_.size() - 1});
  }

  void word() {
    const std::size_t from = pos_;
    while (pos_ < code_.size() &&
           (is_alpha(code_[pos_]) || is_digit(code_[pos_]) || code_[pos_] == '.'))
      advance();
    std::string w = code_.substr(from, pos_ - from);
    if (w == "meta" && pos_ < code_.size() && code_[pos_] == '[') {
      // meta[relay.Constant][N]: a constant the text does not show.
      for (int group = 0; group < 2 && pos_ < code_.size() && code_[pos_] == '['; ++group) {
        while (pos_ < code_.size() && code_[pos_] != ']' && code_[pos_] != '\n') advance();
        if (pos_ < code_.size() && code_[pos_] == ']') advance();
      }
      metas_.push_back(code_.substr(from, pos_ - from));
      put({Arg::Kind::kMeta, metas_.size() - 1});
      return;
    }
    if (pos_ < code_.size() && code_[pos_] == '(') {
      open(std::move(w));
      calls_.back().line = line_;
      return;
    }
    if (!frames_.empty()) {
      skip_blank();
      if (pos_ < code_.size() && code_[pos_] == '=' && peek(1) != '=') {
        advance();
        Frame& f = frames_.back();
        f.keyword = true;
        f.key = w;
        // name=value ends the positional arguments; its slot stays as it was.
        auto& args = calls_[f.call].args;
        if (args.size() > f.position) args.resize(f.position);
        return;
      }
    }
    put({Arg::Kind::kOther, 0});
  }

  static std::optional<std::int64_t> integer(const std::string& t) {
    std::size_t i = 0;
    const bool negative = !t.empty() && (t[0] == '-' || t[0] == '+');
    if (negative) i = 1;
    if (i == t.size() || t.size() - i > 18) return std::nullopt;
    std::int64_t v = 0;
    for (; i < t.size(); ++i) {
      if (!is_digit(t[i])) return std::nullopt;
      v = v * 10 + (t[i] - '0');
    }
    return t[0] == '-' ? -v : v;
  }

  // ---- who consumes what ----------------------------------------------------------------

  struct Use {
    std::size_t call, position;
  };

  void index_uses() {
    parent_.assign(calls_.size(), std::nullopt);
    for (std::size_t c = 0; c < calls_.size(); ++c) {
      for (std::size_t j = 0; j < calls_[c].args.size(); ++j) {
        const Arg& a = calls_[c].args[j];
        if (a.kind == Arg::Kind::kVar) uses_[names_[a.index]].push_back({c, j});
        if (a.kind == Arg::Kind::kCall) parent_[a.index] = Use{c, j};
      }
    }
    bound_as_.assign(calls_.size(), nullptr);
    for (const auto& [name, value] : bindings_) {
      if (value.kind == Arg::Kind::kCall) bound_as_[value.index] = &name;
    }
  }

  /// Operators that move or reshape values but keep their quantization.
  static bool keeps_quantization(const std::string& op) {
    static const std::set<std::string> ops = {
        "reshape",          "squeeze",       "expand_dims", "transpose", "layout_transform",
        "nn.batch_flatten", "nn.max_pool2d", "clip",        "copy",      "strided_slice",
        "nn.pad",           "nn.relu"};
    return ops.count(op) != 0;
  }

  /// (scale, zero point) argument positions of a qnn operator for its data argument `j`.
  static std::optional<std::pair<std::size_t, std::size_t>> consumed(const std::string& op,
                                                                     std::size_t j) {
    if (op == "qnn.dequantize" || op == "qnn.requantize") {
      if (j == 0) return std::make_pair(1, 2);
    } else if (op == "qnn.conv2d" || op == "qnn.conv2d_transpose" || op == "qnn.dense" ||
               op == "qnn.batch_matmul") {
      if (j == 0) return std::make_pair(4, 2);
      if (j == 1) return std::make_pair(5, 3);
    } else if (op == "qnn.add" || op == "qnn.mul" || op == "qnn.subtract") {
      if (j == 0) return std::make_pair(2, 3);
      if (j == 1) return std::make_pair(4, 5);
    }
    return std::nullopt;
  }

  /// (scale, zero point) argument positions of the value a qnn operator produces.
  static std::optional<std::pair<std::size_t, std::size_t>> produced(const std::string& op) {
    if (op == "qnn.quantize") return std::make_pair(1, 2);
    if (op == "qnn.requantize") return std::make_pair(3, 4);
    if (op == "qnn.add" || op == "qnn.mul" || op == "qnn.subtract") return std::make_pair(6, 7);
    if (op == "qnn.concatenate") return std::make_pair(3, 4);
    return std::nullopt;
  }

  std::string describe(const Arg& a) const {
    switch (a.kind) {
      case Arg::Kind::kMeta:
        return metas_[a.index];
      case Arg::Kind::kVar:
        return "%" + names_[a.index];
      case Arg::Kind::kCall:
        return calls_[a.index].op.empty() ? "a tuple" : "a " + calls_[a.index].op + " call";
      case Arg::Kind::kEmpty:
        return "missing";
      default:
        return "an expression";
    }
  }

  /// The literal values of a scale or zero point argument: one literal, or a tuple of them.
  bool literal(const Arg& a, bool want_float, std::vector<std::string>& out) const {
    auto one = [&](const Arg& x) {
      if (x.kind != Arg::Kind::kNumber) return false;
      const Number& n = numbers_[x.index];
      if (n.is_float != want_float) return false;
      out.push_back(n.text);
      return true;
    };
    if (one(a)) return true;
    if (a.kind != Arg::Kind::kCall || !calls_[a.index].op.empty()) return false;
    const auto& items = calls_[a.index].args;
    if (items.empty()) return false;
    for (const Arg& x : items) {
      if (!one(x)) return false;
    }
    return true;
  }

  RelayQuant params(const Call& call, const Arg* scale, const Arg* zero_point) const {
    RelayQuant q;
    q.op = call.op;
    q.line = call.line;
    if (call.axis) q.axis = *call.axis;
    std::vector<std::string> s, z;
    const Arg missing{};
    if (scale == nullptr) scale = &missing;
    if (zero_point == nullptr) zero_point = &missing;
    if (!literal(*scale, true, s)) {
      q.unknown = "its scale is " + describe(*scale);
      return q;
    }
    if (!literal(*zero_point, false, z)) {
      q.unknown = "its zero point is " + describe(*zero_point);
      return q;
    }
    if (z.size() != 1 && z.size() != s.size()) {
      q.unknown = "it has " + std::to_string(s.size()) + " scales but " + std::to_string(z.size()) +
                  " zero points";
      return q;
    }
    for (const std::string& t : s) {
      char* end = nullptr;
      const float v = std::strtof(t.c_str(), &end);
      if (end != t.c_str() + t.size()) {
        q.unknown = "its scale '" + printable(t, 40) + "' is not a number aot-gen reads";
        q.scales.clear();
        return q;
      }
      q.scales.push_back(v);
    }
    for (const std::string& t : z) {
      const std::optional<std::int64_t> v = integer(t);
      if (!v) {
        q.unknown = "its zero point '" + printable(t, 40) + "' is not a number aot-gen reads";
        q.scales.clear();
        q.zero_points.clear();
        return q;
      }
      q.zero_points.push_back(*v);
    }
    if (q.zero_points.size() == 1 && q.scales.size() > 1)
      q.zero_points.assign(q.scales.size(), q.zero_points[0]);
    return q;
  }

  const Arg* arg(const Call& c, std::size_t j) const {
    return j < c.args.size() ? &c.args[j] : nullptr;
  }

  std::vector<RelayQuant> consumers_of(const std::string& input) {
    std::vector<RelayQuant> out;
    auto it = uses_.find(input);
    if (it == uses_.end()) return out;
    std::vector<Use> todo = it->second;
    std::set<std::size_t> seen;
    for (std::size_t i = 0; i < todo.size(); ++i) {
      const Use u = todo[i];
      const Call& c = calls_[u.call];
      if (const auto at = consumed(c.op, u.position)) {
        out.push_back(params(c, arg(c, at->first), arg(c, at->second)));
        continue;
      }
      // An element of the tuple qnn.concatenate takes: its scale and zero point are that
      // element of the two tuples after it.
      if (c.op.empty() && parent_[u.call]) {
        const Use p = *parent_[u.call];
        const Call& cat = calls_[p.call];
        if (cat.op == "qnn.concatenate" && p.position == 0) {
          auto element = [&](std::size_t j) -> const Arg* {
            const Arg* t = arg(cat, j);
            if (t == nullptr || t->kind != Arg::Kind::kCall || !calls_[t->index].op.empty())
              return t;
            return arg(calls_[t->index], u.position);
          };
          RelayQuant q = params(cat, element(1), element(2));
          q.axis = -1;  // concatenate's axis is where it joins, not a quantization axis
          out.push_back(std::move(q));
          continue;
        }
      }
      if (!keeps_quantization(c.op) || u.position != 0 || !seen.insert(u.call).second) continue;
      if (parent_[u.call]) todo.push_back(*parent_[u.call]);
      if (bound_as_[u.call] != nullptr) {
        auto next = uses_.find(*bound_as_[u.call]);
        if (next != uses_.end()) todo.insert(todo.end(), next->second.begin(), next->second.end());
      }
    }
    return out;
  }

  /// %N -> what it is bound to, through chains of bindings.
  Arg follow_var(Arg a) const {
    std::set<std::string> seen;
    while (a.kind == Arg::Kind::kVar && seen.insert(names_[a.index]).second) {
      auto it = bindings_.find(names_[a.index]);
      if (it == bindings_.end()) break;
      a = it->second;
    }
    return a;
  }

  std::optional<RelayQuant> producer_of(Arg a) const {
    std::set<std::size_t> seen;
    while (true) {
      a = follow_var(a);
      if (a.kind != Arg::Kind::kCall || !seen.insert(a.index).second) return std::nullopt;
      const Call& c = calls_[a.index];
      if (const auto at = produced(c.op)) {
        RelayQuant q = params(c, arg(c, at->first), arg(c, at->second));
        if (c.op == "qnn.concatenate") q.axis = -1;
        return q;
      }
      if (!keeps_quantization(c.op) || c.args.empty()) return std::nullopt;
      a = c.args[0];
    }
  }

  const std::string& code_;
  std::size_t pos_, line_;
  std::vector<Frame> frames_;
  std::vector<Call> calls_;
  std::vector<std::string> names_, metas_;
  std::vector<Number> numbers_;
  std::map<std::string, Arg> bindings_;
  Arg stmt_, result_;
  std::string stmt_var_;
  std::map<std::string, std::vector<Use>> uses_;
  std::vector<std::optional<Use>> parent_;
  std::vector<const std::string*> bound_as_;
};

}  // namespace

void read_relay_body(const std::string& code, std::size_t pos, std::size_t line, RelayFacts& r) {
  Body body(code, pos, line);
  body.scan();
  body.resolve(r);
}

}  // namespace aot_gen
