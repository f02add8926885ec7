// SPDX-License-Identifier: Apache-2.0
// Memory: the workspace (its size and alignment, --workspace-size), the external and internal
// pools, the devices, the constants and what the code needs from a runtime.
#include <algorithm>
#include <set>

#include "resolve_steps.hpp"

namespace aot_gen::resolving {

namespace {

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

/// Bytes of one object of `type` with `dims`, laid out as C does, or nullopt.
std::optional<std::uint64_t> object_size(const c::Type& type,
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

}  // namespace

void Memory::resolve_workspace() {
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

void Memory::resolve_pools_and_devices() {
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
      } else if (rodata || (v.is_const && (v.name.find("const_workspace") != std::string::npos ||
                                           v.name.rfind("__tvm_param__", 0) == 0))) {
        // TVM 0.11 writes its constant pool without const, in .rodata.tvm all the same.
        constants(f, v);
      }
    }
  }
}

/// The pools the packed __tvm_main__ of llvm objects checks for after the inputs and outputs
/// (`global_workspace_1_var`, uint8, 64 bytes): memory each executor provides. A constant pool
/// there needs its contents, which TVM's llvm export writes into no file.
void Memory::object_pools() {
  if (!src_.files.empty() || !names_known_) return;
  const auto [f, o] = checked_in_objects("tvmgen_" + model_.module + "___tvm_main__");
  if (f == nullptr) return;
  const std::size_t io = model_.inputs.size() + model_.outputs.size();
  for (std::size_t i = io; i < f->args.size(); ++i) {
    const CodeTensor& a = f->args[i];
    const bool bytes = a.dtype == "uint8" && a.shape && a.shape->size() == 1 && (*a.shape)[0] > 0;
    if (!bytes) {
      error({o->shown, 0}, f->name + "'s argument " + std::to_string(i + 1) + " ('" +
                               printable(a.name) +
                               "') comes after the inputs and outputs but is not a uint8 pool "
                               "whose size its checks state");
      continue;
    }
    const auto size = static_cast<std::uint64_t>((*a.shape)[0]);
    if (a.name.find("const_workspace") != std::string::npos) {
      error({o->shown, 0}, f->name + " takes the constant pool '" + printable(a.name) + "' (" +
                               std::to_string(size) +
                               " bytes), whose contents this MLF does not hold: TVM's llvm "
                               "export writes them into no file (export with the c target)");
      continue;
    }
    PoolFacts pool;
    pool.name = a.name;
    pool.size_bytes = size;
    model_.pools.push_back(pool);
  }
}

/// What the generated code needs from a runtime: TVMBackendAllocWorkspace means no memory
/// planner (the executor's arena), TVMAPISetLastError a message buffer.
void Memory::resolve_runtime_needs() {
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

/// --workspace-size replaces the arena's size (a peak measured with workspace_peak()); the
/// model's own figure stays in the header for the tie to TVMGEN_<M>_WORKSPACE_SIZE.
void Memory::resolve_workspace_size_option() {
  const Where w = option_where("--workspace-size");
  const std::string kw = flag("--workspace-size");
  // A plain value and a flag: GCC's -O3 does not follow an optional through the branches
  // below and warns of an uninitialised read.
  std::uint64_t size = 0;
  bool have_size = false;
  bool bad = false;
  // "measured": the probe's peak, set by use_measured_workspace() once it has run.
  const bool measured = opt_.workspace_size &&
                        (*opt_.workspace_size == "measured" || *opt_.workspace_size == "MEASURED");
  if (measured) {
    if (!opt_.probe) {
      error(w, "'" + *opt_.workspace_size + "' is the peak the probe measures, and " +
                   flag("--no-probe") + " turns the probe off: give a byte count");
      bad = true;
    }
  } else if (opt_.workspace_size) {
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
  if (measured) {
    ctx_.workspace_measured = !bad;
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
  set_workspace_size(size, kw, kw + " (measured)");
}

/// WORKSPACE_SIZE measured: the arena sized to the peak the probe measured.
void Memory::use_measured_workspace() {
  if (!ctx_.workspace_measured) return;
  if (!model_.measured_workspace_peak && report_.failed()) return;  // not probed: fix those first
  const std::string kw = flag("--workspace-size") + " " + *opt_.workspace_size;
  if (!model_.measured_workspace_peak) {
    error(option_where("--workspace-size"),
          "'" + *opt_.workspace_size +
              "' is the peak the probe measures, and it measured none (the note above says "
              "why): give a byte count");
    return;
  }
  if (*model_.measured_workspace_peak == 0) {
    note(option_where("--workspace-size"),
         "the probe's run allocated no workspace: the arena keeps the model's figure");
    return;
  }
  set_workspace_size(*model_.measured_workspace_peak, kw, kw + " (the probe's peak)");
}

/// The arena's size from an option, the model's own figure kept beside it.
void Memory::set_workspace_size(std::uint64_t size, const std::string& kw, const std::string& how) {
  const Where w = option_where("--workspace-size");
  const std::optional<std::uint64_t> figure = model_.workspace_size;
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
  model_.workspace_size_comment = "workspace_size from " + how + "; the model's own figure is " + f;
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
void Memory::resolve_workspace_alignment() {
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
    note(w, "workspace byte alignment " + n + " unverified (from " + kw + "): no source states it");
  } else if (*v != claims[0].value) {
    error(w, "workspace byte alignment is " + n + " here but " + std::to_string(claims[0].value) +
                 " in " + claims[0].where.str() + " (" + claims[0].what + ")");
  } else {
    model_.workspace_alignment_comment =
        "workspace_alignment from " + kw + "; checked against " + places;
  }
}

/// The size of constants the generated code holds: a pool struct (TVM's "of total size N
/// bytes" comment, and the struct's layout computed here) or an array.
void Memory::constants(const SourceFile& f, const c::Variable& v) {
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

}  // namespace aot_gen::resolving
