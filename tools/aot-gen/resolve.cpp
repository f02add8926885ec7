// SPDX-License-Identifier: Apache-2.0
// Merging the sources of truth into one model. Every fact is collected from every source
// that states it, with the line; two that disagree are an error naming both; a fact only an
// option states is marked unverified. Problems are reported, not thrown: one run shows all.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "resolve_context.hpp"
#include "resolve_steps.hpp"

namespace aot_gen {

namespace resolving {
namespace {

/// "1 output", "2 outputs".
std::string count(std::size_t n, const std::string& what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

/// A count as a user types it: decimal digits only ("010" is ten, not C's octal eight), no
/// sign, no spaces, no suffix, at most `max`; nullopt otherwise.
std::optional<std::uint64_t> decimal(const std::string& s, std::uint64_t max) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (v > (max - d) / 10) return std::nullopt;
    v = v * 10 + d;
  }
  return v;
}

/// aot's workspace alignments: what a C compiler takes for aligned(N) and a page at most.
bool valid_alignment(std::uint64_t a) { return a >= 1 && a <= 4096 && (a & (a - 1)) == 0; }

/// The largest byte count aot-gen writes into a header, as for tensors: more than any memory.
constexpr std::uint64_t kMaxBytes = std::uint64_t{1} << 48;

class Resolver : public Step {
 public:
  explicit Resolver(Context& ctx) : Step(ctx), ctx_(ctx) {}

  Model run() {
    if (!std::any_of(mlf_.files.begin(), mlf_.files.end(),
                     [](const auto& f) { return f.first.rfind("codegen/", 0) == 0; })) {
      error({mlf_.origin, 0},
            "not a Model Library Format archive: no codegen/ folder (nor the src/ and include/ "
            "of a codegen/host folder)");
      return model_;
    }
    if (!mlf_.layout.empty()) note({mlf_.origin, 0}, "read as " + mlf_.layout);
    Module module(ctx_);
    Names names(ctx_);
    Tensors tensors(ctx_);
    module.read_metadata_file();
    if (!module.choose_module()) return model_;
    module.choose_type_name();
    module.read_files();
    names.resolve_names();
    tensors.resolve_tensors();
    tensors.check_options_name_tensors();
    check_quant_options_name_tensors();
    resolve_quant();
    resolve_workspace();
    resolve_pools_and_devices();
    resolve_runtime_needs();
    resolve_target();
    resolve_workspace_size_option();
    resolve_workspace_alignment();
    resolve_entry();
    check_completeness();
    if (opt_.profile) resolve_operators();
    tensors.check_io_size();
    if (!report_.failed()) names.assign_type_names();
    return model_;
  }

 private:
  // ---- quantization -----------------------------------------------------------------------

  /// The range of an integer dtype's values that also fits the header's std::int32_t, or
  /// nullopt for a dtype that is not an integer.
  static std::optional<std::pair<std::int64_t, std::int64_t>> zero_point_range(
      const std::string& dtype) {
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
  static std::string quant_text(const std::vector<float>& scales,
                                const std::vector<std::int64_t>& zero_points) {
    if (scales.size() == 1 && zero_points.size() == 1) {
      return "scale " + float_text(scales[0]) + " and zero point " + std::to_string(zero_points[0]);
    }
    std::string s = std::to_string(scales.size()) + " scales (";
    for (std::size_t i = 0; i < scales.size() && i < 4; ++i)
      s += (i ? ", " : "") + float_text(scales[i]);
    return s + (scales.size() > 4 ? ", ...)" : ")") + " and zero points";
  }

  /// A float as the header writes it: enough digits to read back the same float.
  static std::string float_text(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
    return buf;
  }

  /// --quant's "<scale>,<zero_point>" for one tensor, checked; nullopt after the errors.
  std::optional<std::pair<float, std::int64_t>> quant_option(const std::string& text,
                                                             const TensorFacts& t,
                                                             const std::string& who) {
    const Where w = option_where("--quant");
    const std::string kw = flag("--quant");
    const std::size_t comma = text.find(',');
    if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos) {
      error(w, "expected " + kw + " " + printable(t.sanitized, 60) +
                   "=<scale>,<zero_point>, got '" + printable(text) + "'");
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
                   "'s range " + std::to_string(range->first) + ".." +
                   std::to_string(range->second));
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
  void resolve_quant() {
    if (!names_known_) return;
    for (bool input : {true, false}) {
      auto& list = input ? model_.inputs : model_.outputs;
      for (std::size_t i = 0; i < list.size(); ++i) quant_of(input, i, list[i]);
    }
  }

  void quant_of(bool input, std::size_t index, TensorFacts& t) {
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
      t.quant_comment = "scale and zero_point from " + in_mlf({relay_->path, primary->line}) +
                        " (" + primary->op + "), as " + kw + " says";
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
        note({relay_->path, unknown->line},
             who + ": no scale or zero point written: " + unknown->op + " takes them here, but " +
                 unknown->unknown + ", which the Relay text does not show (" + kw + " " +
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
    for (std::int64_t z : primary->zero_points)
      t.zero_points.push_back(static_cast<std::int32_t>(z));
    t.quant_axis = static_cast<std::size_t>(axis);
    t.quant_comment = "scales, zero_points and quant_axis (per axis) from " + from;
  }

  void check_quant_options_name_tensors() {
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
        error(option_where("--quant"), "no tensor '" + printable(n) + "' in module " +
                                           model_.module + " (it has " + all + ")");
    }
  }

  // ---- workspace, pools, devices ----------------------------------------------------------

  void resolve_workspace() {
    std::optional<Sourced<std::uint64_t>> ws;
    if (header_) {
      auto it = header_->sizes.find("WORKSPACE");
      if (it != header_->sizes.end()) {
        ws = it->second;
        model_.workspace_size_from_header = true;
      }
    }
    if (md_ != nullptr && md_->workspace) {
      if (ws && ws->value != md_->workspace->value) {
        error(md_->workspace->where, "workspace_size_bytes is " +
                                         std::to_string(md_->workspace->value) + " but " +
                                         ws->where.str() + " says TVMGEN_" + upper(model_.module) +
                                         "_WORKSPACE_SIZE " + std::to_string(ws->value));
      }
      if (!ws) ws = md_->workspace;
    }
    if (ws) {
      model_.workspace_size = ws->value;
      workspace_where_ = ws->where;
    }
  }

  void resolve_pools_and_devices() {
    if (header_ && header_->pools) {
      for (const auto& p : *header_->pools) {
        PoolFacts pool;
        pool.name = p.name;
        const std::string macro = "TVMGEN_" + upper(model_.module) + "_" + upper(p.name);
        auto ws = header_->sizes.find(upper(p.name) + "_WORKSPACE_POOL");
        auto cp = header_->sizes.find(upper(p.name) + "_CONSTANT_POOL");
        const bool has_data = header_->constant_pool_data.count(upper(p.name)) != 0;
        if (ws != header_->sizes.end() && cp != header_->sizes.end()) {
          error(cp->second.where, "pool '" + p.name + "' has both a workspace size (line " +
                                      std::to_string(ws->second.where.line) +
                                      ") and a constant pool size");
          continue;
        }
        if (cp != header_->sizes.end()) {
          if (!has_data) {
            error(cp->second.where, "constant pool '" + p.name + "' has a size but no " + macro +
                                        "_CONSTANT_POOL_DATA to fill it with");
            continue;
          }
          pool.size_bytes = cp->second.value;
          pool.size_macro = macro + "_CONSTANT_POOL_SIZE";
          pool.data_macro = macro + "_CONSTANT_POOL_DATA";
        } else if (ws != header_->sizes.end()) {
          pool.size_bytes = ws->second.value;
          pool.size_macro = macro + "_WORKSPACE_POOL_SIZE";
        } else {
          error({header_->path, p.line}, "pool '" + p.name + "' has no " + macro +
                                             "_WORKSPACE_POOL_SIZE (nor _CONSTANT_POOL_SIZE)");
          continue;
        }
        model_.pools.push_back(pool);
      }
    }
    if (header_ && header_->devices) {
      for (const auto& d : *header_->devices) model_.devices.push_back({d.name, ""});
    }
    if (header_) model_.workspace_io = header_->map_inputs;
    // Pools inside the generated code (USMP's default with the C runtime since v0.9), and
    // constants linked into it (a pool struct in lib0, or arrays with link-params).
    for (const SourceFile& f : src_.files) {
      if (!f.own) continue;
      for (const c::Variable& v : f.code.variables) {
        if (!v.is_static || v.is_extern) continue;
        const bool rodata = v.section.find(".rodata") != std::string::npos;
        const bool workspace =
            v.section.find(".bss.noinit.tvm") != std::string::npos ||
            v.section.find(".data.tvm") != std::string::npos ||
            (v.type.base() == "uint8_t" && v.name.find("workspace") != std::string::npos);
        if (workspace && !v.is_const && v.type.base() == "uint8_t" && v.dims.size() == 1) {
          model_.internal_pools = true;
          // TVM aligns the pool it emits to the workspace byte alignment it planned for.
          if (v.aligned != 0) {
            pool_alignments_.push_back({v.aligned,
                                        {f.shown, v.line},
                                        "aligned(" + std::to_string(v.aligned) + ") on " + v.name});
          }
        } else if (v.is_const && (rodata || v.name.find("const_workspace") != std::string::npos)) {
          constants(f, v);
        }
      }
    }
  }

  /// What the generated code needs from a runtime: TVMBackendAllocWorkspace means no memory
  /// planner (the executor's arena), TVMAPISetLastError a message buffer.
  void resolve_runtime_needs() {
    for (const SourceFile& f : src_.files) {
      if (!f.own) continue;
      for (const c::Function& fn : f.code.functions) {
        if (!fn.defined) continue;
        for (const c::Call& call : fn.calls) {
          if (call.callee == "TVMBackendAllocWorkspace") {
            ++model_.workspace_allocations;
            if (alloc_where_.empty()) alloc_where_ = {f.shown, call.line};
          } else if (call.callee == "TVMAPISetLastError") {
            model_.uses_last_error = true;
          }
        }
      }
    }
    model_.uses_backend_workspace = model_.workspace_allocations > 0;
  }

  /// The TVM target string (metadata.json's, else the "// tvm target:" comment of the C) and
  /// whether the C calls Arm DSP intrinsics (it then needs an Arm core or host intrinsics).
  void resolve_target() {
    std::optional<Sourced<std::string>> meta, comment;
    if (md_ != nullptr) {
      for (const Sourced<std::string>& t : md_->targets) {
        const bool c_target = t.value == "c" || t.value.rfind("c ", 0) == 0;
        if (!meta || (c_target && meta->value.rfind("c", 0) != 0)) meta = t;
      }
    }
    for (const SourceFile& f : src_.files) {
      if (!f.own) continue;
      if (!comment && f.tvm_target) comment = f.tvm_target;
      if (f.arm_intrinsic) model_.arm_intrinsics = true;
    }
    // TVM writes the string with a trailing space; the target is the same without it.
    auto trimmed = [](std::string t) {
      while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
      return t;
    };
    if (meta) {
      model_.target = trimmed(meta->value);
    } else if (comment) {
      model_.target = trimmed(comment->value);
    }
    if (meta && comment) {
      const std::string a = option_value(meta->value, "-mcpu="),
                        b = option_value(comment->value, "-mcpu=");
      if (!a.empty() && !b.empty() && a != b) {
        note(comment->where, "target -mcpu=" + printable(b, 40) + " here but -mcpu=" +
                                 printable(a, 40) + " in " + meta->where.str());
      }
    }
  }

  /// The value of `key` (e.g. "-mcpu=") in a target string, or empty.
  static std::string option_value(const std::string& target, const std::string& key) {
    for (std::size_t at = target.find(key); at != std::string::npos;
         at = target.find(key, at + 1)) {
      if (at > 0 && target[at - 1] != ' ') continue;
      const std::size_t from = at + key.size();
      return target.substr(from, std::min(target.find(' ', from), target.size()) - from);
    }
    return {};
  }

  /// --workspace-size replaces the arena's size (a peak measured with workspace_peak()); the
  /// model's own figure stays in the header for the tie to TVMGEN_<M>_WORKSPACE_SIZE.
  void resolve_workspace_size_option() {
    const Where w = option_where("--workspace-size");
    const std::string kw = flag("--workspace-size");
    // A plain value and a flag: GCC's -O3 does not follow an optional through the branches
    // below and warns of an uninitialised read.
    std::uint64_t size = 0;
    bool have_size = false;
    bool bad = false;
    if (opt_.workspace_size) {
      const std::optional<std::uint64_t> parsed = decimal(*opt_.workspace_size, kMaxBytes);
      if (parsed && *parsed > 0) {
        size = *parsed;
        have_size = true;
      } else {
        error(w, "'" + printable(*opt_.workspace_size) +
                     "' is not a byte count: give a decimal number from 1 to 2^48");
        bad = true;
      }
    }
    const std::string m = "module '" + model_.module + "'";
    if (!model_.uses_backend_workspace) {
      if (!opt_.workspace_size) return;
      if (src_.files.empty() && !src_.objects.empty()) {
        error(w, "the code of " + m +
                     " is object files only, so whether it calls TVMBackendAllocWorkspace (the "
                     "only workspace " +
                     kw + " sizes) cannot be told");
      } else {
        const std::string how =
            model_.internal_pools
                ? "its memory is planned statically, in the pools of " + model_.module + "_lib0.c"
            : !model_.pools.empty() ? "its memory is planned statically, in the pools the "
                                      "caller passes"
                                    : "and it needs no workspace";
        error(w, m +
                     " has no workspace arena to size: its code never calls "
                     "TVMBackendAllocWorkspace, " +
                     how);
      }
      return;
    }
    const std::optional<std::uint64_t> figure = model_.workspace_size;
    if (!have_size) {
      if (!figure && !bad) {
        missing({mlf_.origin, 0},
                "the code calls TVMBackendAllocWorkspace (" + alloc_where_.str() +
                    ") but no source gives the workspace size (TVMGEN_" + upper(model_.module) +
                    "_WORKSPACE_SIZE, metadata.json's workspace_size_bytes): give " + kw +
                    " <bytes>");
      }
      return;
    }
    model_.workspace_size = size;
    model_.workspace_size_from_option = true;
    const std::string n = std::to_string(size);
    if (!figure) {
      model_.workspace_size_comment =
          "workspace_size unverified (from " + kw + "): no source states the model's figure";
      note(w, "workspace size " + n + " unverified (from " + kw +
                  "): no source states the model's figure");
      return;
    }
    const std::uint64_t model_size = *figure;
    model_.model_workspace_size = model_size;
    const std::string f = std::to_string(model_size);
    model_.workspace_size_comment =
        "workspace_size from " + kw + " (measured); the model's own figure is " + f;
    if (size > model_size) {
      note(w, n + " bytes is more than the model's figure " + f + " (" + workspace_where_.str() +
                  "): " + std::to_string(size - model_size) + " bytes of RAM that no run uses");
    } else if (size < model_size) {
      note(w, n + " bytes is below the model's figure " + f + " (" + workspace_where_.str() +
                  "): a run that needs more reports kWorkspaceOverflow");
    }
  }

  /// The workspace byte alignment the model was built with: the aligned() of lib0's pool, an
  /// executor option on a target string (older TVM), --workspace-alignment.
  void resolve_workspace_alignment() {
    std::vector<Stated> claims;
    for (const Stated& p : pool_alignments_) {
      if (valid_alignment(p.value)) {
        claims.push_back(p);
      } else {
        error(p.where, p.what +
                           ": aot takes a workspace byte alignment that is a power of two "
                           "from 1 to 4096");
      }
    }
    if (md_ != nullptr) {
      const std::string key = "-workspace-byte-alignment=";
      for (const Sourced<std::string>& t : md_->targets) {
        for (std::size_t at = t.value.find(key); at != std::string::npos;
             at = t.value.find(key, at + 1)) {
          if (at > 0 && t.value[at - 1] != ' ') continue;  // part of another option's name
          const std::size_t from = at + key.size();
          const std::size_t end = std::min(t.value.find(' ', from), t.value.size());
          const std::string text = t.value.substr(from, end - from);
          const std::optional<std::uint64_t> v = decimal(text, 4096);
          if (!v || !valid_alignment(*v)) {
            error(t.where, "target's -workspace-byte-alignment=" + printable(text, 40) +
                               " is not a power of two from 1 to 4096");
            continue;
          }
          claims.push_back({*v, t.where, "-workspace-byte-alignment=" + text});
        }
      }
    }
    for (std::size_t i = 1; i < claims.size(); ++i) {
      if (claims[i].value == claims[0].value) continue;
      error(claims[i].where, "workspace byte alignment is " + std::to_string(claims[i].value) +
                                 " here (" + claims[i].what + ") but " +
                                 std::to_string(claims[0].value) + " in " + claims[0].where.str() +
                                 " (" + claims[0].what + ")");
    }
    std::string places;
    for (const Stated& c : claims) {
      places += (places.empty() ? "" : " and ") + in_mlf(c.where) + " (" + c.what + ")";
    }
    if (!claims.empty()) {
      model_.workspace_alignment = claims[0].value;
      model_.workspace_alignment_comment = "workspace_alignment from " + places;
    }
    if (!opt_.workspace_alignment) return;
    const Where w = option_where("--workspace-alignment");
    const std::string kw = flag("--workspace-alignment");
    const std::optional<std::uint64_t> v = decimal(*opt_.workspace_alignment, 4096);
    if (!v || !valid_alignment(*v)) {
      error(w, "'" + printable(*opt_.workspace_alignment) +
                   "' is not a workspace byte alignment: give a power of two from 1 to 4096");
      return;
    }
    const std::string n = std::to_string(*v);
    if (claims.empty()) {
      model_.workspace_alignment = *v;
      model_.workspace_alignment_comment =
          "workspace_alignment unverified (from " + kw + "): no source states it";
      note(w,
           "workspace byte alignment " + n + " unverified (from " + kw + "): no source states it");
    } else if (*v != claims[0].value) {
      error(w, "workspace byte alignment is " + n + " here but " + std::to_string(claims[0].value) +
                   " in " + claims[0].where.str() + " (" + claims[0].what + ")");
    } else {
      model_.workspace_alignment_comment =
          "workspace_alignment from " + kw + "; checked against " + places;
    }
  }

  /// Bytes of one object of `type` with `dims`, laid out as C does, or nullopt.
  static std::optional<std::uint64_t> object_size(const c::Type& type,
                                                  const std::vector<std::uint64_t>& dims,
                                                  std::uint64_t* align_out) {
    std::uint64_t elem = 0;
    if (type.pointers > 0) {
      elem = 8;
    } else {
      const std::set<std::string> d = dtypes_of_c_type(type.base());
      if (!d.empty()) elem = dtype_bytes(*d.begin());
    }
    if (elem == 0) return std::nullopt;
    std::uint64_t count = 1;
    for (std::uint64_t d : dims) {
      if (d == 0 || count > (std::uint64_t{1} << 40) / d) return std::nullopt;
      count *= d;
    }
    if (align_out != nullptr) *align_out = elem;
    return count * elem;
  }

  /// The size of constants the generated code holds: a pool struct (TVM's "of total size N
  /// bytes" comment, and the struct's layout computed here) or an array.
  void constants(const SourceFile& f, const c::Variable& v) {
    std::optional<std::uint64_t> computed;
    std::optional<std::uint64_t> commented;
    const bool is_struct = v.type.words.size() == 2 && v.type.words[0] == "struct";
    if (!is_struct) {
      computed = object_size(v.type, v.dims, nullptr);
    } else {
      for (const auto& [line, n] : f.code.total_size_comments) {
        if (line >= v.end_line && line <= v.end_line + 1) commented = n;
      }
      for (const c::Struct& s : f.code.structs) {
        if (s.name != v.type.words[1] || !s.well_formed) continue;
        std::uint64_t offset = 0, max_align = 1;
        bool ok = true;
        for (const c::Member& m : s.members) {
          std::uint64_t natural = 0;
          const std::optional<std::uint64_t> bytes = object_size(m.type, m.dims, &natural);
          const std::uint64_t align = std::max(natural, m.aligned);
          if (!bytes || align == 0 || (align & (align - 1)) != 0 || align > 4096) {
            ok = false;
            break;
          }
          offset = (offset + align - 1) / align * align + *bytes;
          max_align = std::max(max_align, align);
        }
        if (ok) computed = (offset + max_align - 1) / max_align * max_align;
      }
    }
    // TVM's comment gives the pool's extent (last offset + last size); the struct in .rodata
    // is that rounded up to its alignment, which is what the image holds.
    if (commented && computed && (*commented > *computed || *computed - *commented >= 4096)) {
      note({f.shown, v.line}, "constant pool '" + v.name + "' is " + std::to_string(*commented) +
                                  " bytes by TVM's comment but its struct takes " +
                                  std::to_string(*computed) + "; memory() counts the struct");
    }
    const std::optional<std::uint64_t> size = computed ? computed : commented;
    if (size) {
      model_.constants_size = model_.constants_size.value_or(0) + *size;
    } else {
      note({f.shown, v.line},
           "the size of constants '" + v.name + "' cannot be told; memory() leaves them out");
    }
  }

  // ---- the entry function -----------------------------------------------------------------

  void resolve_entry() {
    const std::string& m = model_.module;
    const std::string prefix = "tvmgen_" + m + "_";
    const bool objects_only = src_.files.empty() && !src_.objects.empty();
    const bool has_objects = !src_.objects.empty();
    std::string choice;
    if (opt_.entry) {
      choice = *opt_.entry;
      const Where w = option_where("--entry");
      if (choice == "c") {
        if (!model_.has_header) {
          error(w,
                "the C interface needs codegen/host/include/tvmgen_" + m + ".h, which is missing");
        } else if (run_def_.first != nullptr && run_packed_) {
          error(w, "says the C interface, but " + prefix + "run in " + run_def_.second->shown +
                       ":" + std::to_string(run_def_.first->line) + " is the packed function");
        }
      } else if (choice == "packed") {
        if (run_def_.first != nullptr && !run_packed_) {
          error(w, "says packed, but " + prefix + "run in " + run_def_.second->shown + ":" +
                       std::to_string(run_def_.first->line) +
                       " is the C interface (structs of pointers): leave " + flag("--entry") +
                       " out, or say c");
        } else if (run_def_.first == nullptr && !has_objects &&
                   (main_def_.first == nullptr || main_takes_pointers())) {
          error(w, "says packed, but no source defines " + prefix + "run or a packed " + prefix +
                       "__tvm_main__");
        }
      } else if (choice == "unpacked") {
        if (main_def_.first == nullptr && !has_objects) {
          error(w, "says unpacked, but no source defines " + prefix + "__tvm_main__ or " + prefix +
                       "run_model");
        }
      }
      if (objects_only) {
        model_.comments.push_back("calling convention unverified (from " + flag("--entry") +
                                  "): the code is object files only");
        note(w, "calling convention unverified (from " + flag("--entry") +
                    "): the MLF holds object files only");
      }
    } else if (run_def_.first != nullptr) {
      choice = run_packed_ ? "packed" : "c";
    } else if (header_ && header_->run) {
      choice = "c";  // defined in an object file, or missing (checked below)
    } else if (main_def_.first != nullptr) {
      // TVM >= 0.9 with interface-api=packed: __tvm_main__ itself is the packed function.
      choice = main_takes_pointers() ? "unpacked" : "packed";
    } else if (!src_.objects.empty()) {
      error({mlf_.origin, 0}, "the code is object files only and there is no header: give " +
                                  flag("--entry") + " c|packed|unpacked");
      return;
    } else {
      error({mlf_.origin, 0}, "no entry function: no " + prefix + "run, " + prefix +
                                  "__tvm_main__ or " + prefix +
                                  "run_model in codegen/host/src, and no header");
      return;
    }
    if (choice == "c") {
      model_.convention = Convention::kCInterface;
      model_.entry_symbol = prefix + "run";
      if (header_ && !header_->run) {
        error({header_->path, 0}, "declares no " + prefix + "run");
      }
      if (run_def_.first == nullptr && !has_objects && header_ && header_->run) {
        missing_run_ = true;
      }
    } else if (choice == "packed") {
      model_.convention = Convention::kPacked;
      model_.entry_symbol =
          run_def_.first == nullptr && main_def_.first != nullptr && !main_takes_pointers()
              ? main_def_.first->name
              : prefix + "run";
    } else {
      model_.convention = Convention::kUnpacked;
      unpacked_entry();
    }
  }

  void unpacked_entry() {
    const c::Function* main = main_def_.first;
    if (main == nullptr) {
      error(option_where("--entry"), "the unpacked entry needs the C sources of __tvm_main__");
      return;
    }
    model_.entry_symbol = main->name;
    const Where w{main_def_.second->shown, main->line};
    // The count means something only once every tensor is known.
    if (!names_known_ || header_broken_ || relay_broken_ || md_broken_) return;
    const std::size_t want =
        model_.inputs.size() + model_.outputs.size() + model_.pools.size() + model_.devices.size();
    if (main->params.size() != want) {
      const std::string why = opt_.entry ? " (" + flag("--entry") + " unpacked)" : "";
      error(
          w,
          "the unpacked entry" + why + " " + main->name + " takes " +
              count(main->params.size(), "argument") + " but the model has " +
              count(model_.inputs.size(), "input") + ", " + count(model_.outputs.size(), "output") +
              ", " + count(model_.pools.size(), "external pool") + " and " +
              count(model_.devices.size(), "device") +
              (model_.internal_pools
                   ? " (the others are internal pools, which only " + model_.module +
                         "_lib0.c's run() can pass: use the C interface, " + flag("--entry") + " c)"
                   : ""));
      return;
    }
    for (std::size_t k = 0; k < main->params.size(); ++k) {
      const c::Param& p = main->params[k];
      const std::string cpp = p.type.pointers == 1 ? cpp_spelling_of_c_type(p.type.base()) : "";
      if (!p.type.well_formed || cpp.empty()) {
        error(w, "parameter " + std::to_string(k + 1) + " of " + main->name + " is '" +
                     printable(p.type.str(), 60) + "', not a pointer to a C element type");
        continue;
      }
      model_.entry_params.push_back(cpp + "*");
    }
  }

  // ---- an MLF with parts missing ---------------------------------------------------------

  // ---- operators, for per-operator profiling ---------------------------------------------

  /// --profile: the functions __tvm_main__ (v0.8: run_model) calls that the module's own
  /// sources define, each once, in the order of its first call, with the C++ types of their
  /// parameters (the header declares each exactly as lib1 defines it, to take its address).
  void resolve_operators() {
    model_.profile = true;
    const c::Function* main = main_def_.first;
    if (main == nullptr) {
      error(option_where("--profile"),
            "the operators are the calls of tvmgen_" + model_.module +
                "___tvm_main__ (or run_model), and no C source defines it" +
                (src_.objects.empty() ? std::string() : " (the model is object files only)"));
      return;
    }
    const Where w{main_def_.second->shown, main->line};
    for (const c::Call& call : main->calls) {
      const auto [def, file] = src_.definition(call.callee);
      if (def == nullptr || !file->own || call.callee == main->name) continue;
      auto known = std::find_if(model_.operators.begin(), model_.operators.end(),
                                [&](const OperatorFacts& o) { return o.symbol == call.callee; });
      if (known != model_.operators.end()) {
        ++known->call_sites;
        continue;
      }
      OperatorFacts op;
      op.symbol = call.callee;
      op.call_sites = 1;
      bool typed = true;
      for (const c::Param& p : def->params) {
        const std::string cpp = p.type.pointers <= 1 ? cpp_spelling_of_c_type(p.type.base()) : "";
        if (!p.type.well_formed || cpp.empty() || (p.type.pointers == 0 && cpp == "void")) {
          typed = false;
          break;
        }
        op.params.push_back(p.type.pointers == 1 ? cpp + "*" : cpp);
      }
      if (!typed) {
        // Declared with other types, the symbol would be a different function to C++.
        note({file->shown, def->line}, call.callee +
                                           " is left out of the operator table: its parameters "
                                           "are not all C element types or pointers to them");
        continue;
      }
      model_.operators.push_back(std::move(op));
    }
    if (model_.operators.empty()) {
      note(w, main->name +
                  " calls no function the module's sources define: the operator "
                  "table is empty");
    }
  }

  void check_completeness() {
    if (!src_.objects.empty()) return;  // object code may define anything
    const std::string prefix = "tvmgen_" + model_.module + "_";
    std::vector<std::string> files;
    for (const SourceFile& f : src_.files) files.push_back(f.path.substr(f.path.rfind('/') + 1));
    const std::string found = files.empty() ? "no .c file" : join(files);
    if (missing_run_) {
      error({header_->path, header_->run->line},
            prefix + "run is declared here but no source in codegen/host/src defines it (found " +
                found + "): " + model_.module +
                "_lib0.c is missing; repositories often leave out files of 4 MiB or more, and lib0 "
                "holds the constants");
    }
    std::set<std::string> defined_fns, defined_vars;
    for (const SourceFile& f : src_.files) {
      for (const c::Function& fn : f.code.functions)
        if (fn.defined) defined_fns.insert(fn.name);
      for (const c::Variable& v : f.code.variables)
        if (!v.is_extern) defined_vars.insert(v.name);
    }
    std::set<std::string> reported;
    for (const SourceFile& f : src_.files) {
      for (const c::Function& fn : f.code.functions) {
        if (!fn.defined) continue;
        for (const c::Call& call : fn.calls) {
          if (call.callee.rfind(prefix, 0) != 0 || defined_fns.count(call.callee) != 0 ||
              !reported.insert(call.callee).second)
            continue;
          error({f.shown, call.line}, fn.name + " calls " + call.callee +
                                          ", which no source defines (found " + found +
                                          "): a lib file is missing");
        }
        // Pools the run wrapper passes by name must be defined somewhere.
        if (fn.name != prefix + "run") continue;
        for (const c::Call& call : fn.calls) {
          if (call.callee.rfind(prefix, 0) != 0) continue;
          for (const std::string& a : call.args) {
            // Pools are passed by address (`&global_workspace`, `(uint8_t*)&pool`); locals of
            // the wrapper (packed values) are passed by name and are not checked.
            const std::size_t amp = a.rfind('&');
            if (amp == std::string::npos) continue;
            std::size_t end = amp + 1;
            while (end < a.size() &&
                   (std::isalnum(static_cast<unsigned char>(a[end])) || a[end] == '_'))
              ++end;
            const std::string id = a.substr(amp + 1, end - amp - 1);
            if (!c::is_identifier(id) || defined_vars.count(id) != 0) continue;
            bool is_param = false;
            for (const c::Param& p : fn.params) is_param = is_param || p.name == id;
            if (is_param || !reported.insert(id).second) continue;
            error({f.shown, call.line}, fn.name + " passes '" + id +
                                            "', which no source defines: a pool declared but not "
                                            "defined (a lib file is missing?)");
          }
        }
      }
    }
  }

  std::map<std::string, const std::vector<RelayQuant>*> relay_quant_;  ///< by sanitised name
  bool missing_run_ = false;
  /// A number a source states, where, and in its own words (for messages).
  struct Stated {
    std::uint64_t value;
    Where where;
    std::string what;
  };
  std::vector<Stated> pool_alignments_;  ///< aligned() of lib0's workspace pools
  Where workspace_where_;                ///< where the model's workspace figure comes from
  Where alloc_where_;                    ///< the first TVMBackendAllocWorkspace call

  Context& ctx_;
};

}  // namespace
}  // namespace resolving

Model resolve(const Archive& mlf, const Options& options, Report& report) {
  resolving::Context ctx(mlf, options, report);
  return resolving::Resolver(ctx).run();
}

}  // namespace aot_gen
