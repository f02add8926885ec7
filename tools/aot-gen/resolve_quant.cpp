// SPDX-License-Identifier: Apache-2.0
// The scale and zero point of each input and output: the Relay body's qnn operators and
// --quant.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "resolve_steps.hpp"

namespace aot_gen::resolving {

namespace {

/// A float as the header writes it: enough digits to read back the same float.
std::string float_text(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
  return buf;
}

/// The range of an integer dtype's values that also fits the header's std::int32_t, or
/// nullopt for a dtype that is not an integer.
std::optional<std::pair<std::int64_t, std::int64_t>> zero_point_range(const std::string& dtype) {
  static const std::map<std::string, std::pair<std::int64_t, std::int64_t>> r = {
      {"int8", {-128, 127}},
      {"uint8", {0, 255}},
      {"int16", {-32768, 32767}},
      {"uint16", {0, 65535}},
      {"int32", {INT32_MIN, INT32_MAX}},
      {"uint32", {0, INT32_MAX}},
      {"int64", {INT32_MIN, INT32_MAX}},
      {"uint64", {0, INT32_MAX}}};
  auto it = r.find(dtype);
  if (it == r.end()) return std::nullopt;
  return it->second;
}

/// "scale 0.5 and zero point 3", "8 scales (0.5, ...) on axis 3", for messages.
std::string quant_text(const std::vector<float>& scales,
                       const std::vector<std::int64_t>& zero_points) {
  if (scales.size() == 1 && zero_points.size() == 1) {
    return "scale " + float_text(scales[0]) + " and zero point " + std::to_string(zero_points[0]);
  }
  std::string s = std::to_string(scales.size()) + " scales (";
  for (std::size_t i = 0; i < scales.size() && i < 4; ++i)
    s += (i ? ", " : "") + float_text(scales[i]);
  return s + (scales.size() > 4 ? ", ...)" : ")") + " and zero points";
}

}  // namespace

/// --quant's "<scale>,<zero_point>" for one tensor, checked; nullopt after the errors.
std::optional<std::pair<float, std::int64_t>> Quant::quant_option(const std::string& text,
                                                                  const TensorFacts& t,
                                                                  const std::string& who) {
  const Where w = option_where("--quant");
  const std::string kw = flag("--quant");
  const std::size_t comma = text.find(',');
  if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos) {
    error(w, "expected " + kw + " " + printable(t.sanitized, 60) + "=<scale>,<zero_point>, got '" +
                 printable(text) + "'");
    return std::nullopt;
  }
  auto trim = [](const std::string& s) {
    const std::size_t b = s.find_first_not_of(" \t");
    const std::size_t e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  const std::string st = trim(text.substr(0, comma)), zt = trim(text.substr(comma + 1));
  bool ok = true;
  // Decimal only ("0.5", "5e-3"): no hex floats, no inf or nan, no suffix.
  std::size_t i = 0, digits = 0;
  if (i < st.size() && st[i] == '+') ++i;
  for (; i < st.size() && std::isdigit(static_cast<unsigned char>(st[i])); ++i) ++digits;
  if (i < st.size() && st[i] == '.') {
    for (++i; i < st.size() && std::isdigit(static_cast<unsigned char>(st[i])); ++i) ++digits;
  }
  if (digits > 0 && i < st.size() && (st[i] == 'e' || st[i] == 'E')) {
    ++i;
    if (i < st.size() && (st[i] == '+' || st[i] == '-')) ++i;
    const std::size_t from = i;
    for (; i < st.size() && std::isdigit(static_cast<unsigned char>(st[i])); ++i) {
    }
    if (i == from) digits = 0;
  }
  float scale = 0.f;
  if (digits > 0 && i == st.size()) scale = std::strtof(st.c_str(), nullptr);
  if (!(scale > 0.f) || !std::isfinite(scale)) {
    error(w, "scale '" + printable(st) + "' of " + who +
                 " is not a positive finite number written in decimal (e.g. 0.0078125)");
    ok = false;
  }
  std::optional<std::int64_t> zp;
  {
    std::size_t j = (!zt.empty() && (zt[0] == '-' || zt[0] == '+')) ? 1 : 0;
    if (j < zt.size() && zt.size() - j <= 18 &&
        zt.find_first_not_of("0123456789", j) == std::string::npos) {
      zp = std::stoll(zt);
    }
  }
  const auto range = zero_point_range(t.dtype);
  if (!zp) {
    error(w, "zero point '" + printable(zt) + "' of " + who + " is not a decimal integer");
    ok = false;
  } else if (range && (*zp < range->first || *zp > range->second)) {
    error(w, "zero point " + std::to_string(*zp) + " of " + who + " is outside " + t.dtype +
                 "'s range " + std::to_string(range->first) + ".." + std::to_string(range->second));
    ok = false;
  }
  if (!range) {
    error(w, who + " is " + t.dtype + ": only a tensor of integers has a scale and zero point");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return std::make_pair(scale, *zp);
}

/// Scale and zero point of each input and output: the qnn operators of the Relay body that
/// consume the input or produce the output, and --quant; every pair must agree.
void Quant::resolve_quant() {
  if (!names_known_) return;
  for (bool input : {true, false}) {
    auto& list = input ? model_.inputs : model_.outputs;
    for (std::size_t i = 0; i < list.size(); ++i) quant_of(input, i, list[i]);
  }
}

void Quant::quant_of(bool input, std::size_t index, TensorFacts& t) {
  const std::string who =
      std::string(input ? "input" : "output") + " '" + printable(t.raw_name) + "'";
  std::vector<RelayQuant> claims;
  if (relay_) {
    if (input) {
      if (relay_quant_.empty()) {
        for (const auto& [raw, q] : relay_->input_quant) relay_quant_[sanitize(raw)] = &q;
      }
      auto it = relay_quant_.find(t.sanitized);
      if (it != relay_quant_.end()) claims = *it->second;
    } else if (index < relay_->output_quant.size() &&
               relay_->output_quant.size() == model_.outputs.size() &&
               relay_->output_quant[index]) {
      claims.push_back(*relay_->output_quant[index]);
    }
  }
  const std::string* option = option_for(opt_.quants, t);
  if (t.dtype.empty()) return;  // its own error says why
  const auto range = zero_point_range(t.dtype);
  auto place = [&](const RelayQuant& q) {
    return Where{relay_->path, q.line}.str() + " (" + q.op + ")";
  };
  // The first claim with figures decides; every other with figures must agree with it.
  const RelayQuant* primary = nullptr;
  const RelayQuant* unknown = nullptr;
  for (const RelayQuant& q : claims) {
    if (!range) break;  // a qnn operator on a float tensor: nothing of its own to say
    if (!q.unknown.empty()) {
      if (unknown == nullptr) unknown = &q;
      continue;
    }
    bool sane = true;
    for (float s : q.scales) sane = sane && s > 0.f && std::isfinite(s);
    for (std::int64_t z : q.zero_points) sane = sane && z >= range->first && z <= range->second;
    if (!sane) {
      note({relay_->path, q.line},
           who + ": " + q.op + " gives it " + quant_text(q.scales, q.zero_points) +
               ", which is not a scale and zero point of " + t.dtype + " (ignored)");
      continue;
    }
    if (primary == nullptr) {
      primary = &q;
      continue;
    }
    const bool per_axis = q.scales.size() > 1 || primary->scales.size() > 1;
    if (q.scales != primary->scales || q.zero_points != primary->zero_points ||
        (per_axis && q.axis != primary->axis)) {
      error({relay_->path, q.line},
            who + " has " + quant_text(q.scales, q.zero_points) + " in " + q.op + " here but " +
                quant_text(primary->scales, primary->zero_points) + " in " + place(*primary));
    }
  }
  std::optional<std::pair<float, std::int64_t>> given;
  if (option != nullptr) given = quant_option(*option, t, who);
  const std::string kw = flag("--quant");
  if (primary != nullptr && given) {
    const std::vector<float> s{given->first};
    const std::vector<std::int64_t> z{given->second};
    if (s != primary->scales || z != primary->zero_points) {
      error(option_where("--quant"), who + " has " + quant_text(s, z) + " here but " +
                                         quant_text(primary->scales, primary->zero_points) +
                                         " in " + place(*primary));
      return;
    }
    t.scales = s;
    t.zero_points = {static_cast<std::int32_t>(z[0])};
    t.quant_comment = "scale and zero_point from " + in_mlf({relay_->path, primary->line}) + " (" +
                      primary->op + "), as " + kw + " says";
    return;
  }
  if (given) {
    t.scales = {given->first};
    t.zero_points = {static_cast<std::int32_t>(given->second)};
    const std::string why = unknown != nullptr ? "the Relay text's " + unknown->op + " (" +
                                                     in_mlf({relay_->path, unknown->line}) +
                                                     ") does not show them: " + unknown->unknown
                                               : "no qnn operator in the Relay text states them";
    t.quant_comment = "scale and zero_point unverified (from " + kw + "): " + why;
    note(option_where("--quant"), who + ": " + quant_text(t.scales, {given->second}) +
                                      " unverified (from " + kw + "): " + why);
    return;
  }
  if (primary == nullptr) {
    if (unknown != nullptr) {
      note({relay_->path, unknown->line}, who + ": no scale or zero point written: " + unknown->op +
                                              " takes them here, but " + unknown->unknown +
                                              ", which the Relay text does not show (" + kw + " " +
                                              t.sanitized + "=<scale>,<zero_point> gives them)");
    }
    return;
  }
  const std::string from = in_mlf({relay_->path, primary->line}) + " (" + primary->op + ")";
  if (primary->scales.size() == 1) {
    t.scales = primary->scales;
    t.zero_points = {static_cast<std::int32_t>(primary->zero_points[0])};
    t.quant_comment = "scale and zero_point from " + from;
    return;
  }
  // Per axis: the axis must be one of the tensor's, as long as the number of scales.
  const auto rank = static_cast<std::int64_t>(t.shape.size());
  const std::int64_t axis = primary->axis < 0 ? primary->axis + rank : primary->axis;
  if (axis < 0 || axis >= rank ||
      t.shape[static_cast<std::size_t>(axis)] !=
          static_cast<std::int64_t>(primary->scales.size())) {
    note({relay_->path, primary->line},
         who + ": " + primary->op + " gives " + std::to_string(primary->scales.size()) +
             " scales on axis " + std::to_string(primary->axis) +
             ", which does not fit its shape " + join_shape(t.shape) + " (none written)");
    return;
  }
  t.scales = primary->scales;
  for (std::int64_t z : primary->zero_points) t.zero_points.push_back(static_cast<std::int32_t>(z));
  t.quant_axis = static_cast<std::size_t>(axis);
  t.quant_comment = "scales, zero_points and quant_axis (per axis) from " + from;
}

void Quant::check_quant_options_name_tensors() {
  if (!names_known_) return;
  for (const auto& [n, v] : opt_.quants) {
    bool known = false;
    std::string all;
    for (const auto* l : {&model_.inputs, &model_.outputs}) {
      for (const TensorFacts& t : *l) {
        known = known || t.raw_name == n || t.sanitized == n;
        all += (all.empty() ? "" : ", ") + printable(t.raw_name, 60);
      }
    }
    if (!known)
      error(option_where("--quant"), "no tensor '" + printable(n) + "' in module " + model_.module +
                                         " (it has " + all + ")");
  }
}

}  // namespace aot_gen::resolving
