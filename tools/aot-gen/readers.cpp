// SPDX-License-Identifier: Apache-2.0
// Readers for the generated header, metadata.json and the C sources.
#include <algorithm>
#include <set>
#include <string>

#include "facts.hpp"
#include "json.hpp"
#include "names.hpp"

namespace aot_gen {

std::optional<HeaderFacts> read_header(const std::string& shown, const std::string& text,
                                       const std::string& module, Report& report) {
  HeaderFacts h;
  h.path = shown;
  const std::string prefix = "tvmgen_" + module + "_";
  const c::File code = c::scan(text, prefix);
  bool ok = true;
  auto members = [&](const std::string& name,
                     std::size_t* line) -> std::optional<std::vector<HeaderFacts::Member>> {
    const c::Struct* found = nullptr;
    for (const c::Struct& s : code.structs) {
      if (s.name != name) continue;
      if (found != nullptr) {
        report.error({shown, s.line}, "struct " + name + " is defined twice (first on line " +
                                          std::to_string(found->line) + ")");
        ok = false;
      }
      found = &s;
    }
    if (found == nullptr) return std::nullopt;
    if (line != nullptr) *line = found->line;
    std::vector<HeaderFacts::Member> out;
    for (const c::Member& m : found->members) {
      if (m.type.str() != "void*" || !m.dims.empty() || m.name.empty()) {
        report.error({shown, m.line},
                     "struct " + name + " has a member that is not 'void* <name>;'");
        ok = false;
        continue;
      }
      out.push_back({m.name, m.line});
    }
    if (!found->well_formed && ok) {
      report.error({shown, found->line}, "struct " + name + " cannot be read");
      ok = false;
    }
    return out;
  };
  h.inputs = members(prefix + "inputs", &h.inputs_line);
  h.outputs = members(prefix + "outputs", &h.outputs_line);
  h.pools = members(prefix + "workspace_pools", nullptr);
  h.devices = members(prefix + "devices", nullptr);
  for (const c::Function& f : code.functions) {
    if (f.name == prefix + "run") h.run = f;
    if (f.name == prefix + "map_inputs") h.map_inputs = true;
    if (f.name == prefix + "map_outputs") h.map_outputs = true;
  }
  for (const char* role : {"inputs", "outputs"}) {
    if (!(std::string(role) == "inputs" ? h.inputs : h.outputs)) {
      report.error({shown, 0}, "no struct " + prefix + role + ": the header of TVM module '" +
                                   module + "' always defines it");
      ok = false;
    }
  }
  const std::string macro_prefix = "TVMGEN_" + upper(module) + "_";
  for (const c::Macro& m : code.macros) {
    const std::string data_suffix = "_CONSTANT_POOL_DATA";
    if (m.name.rfind(macro_prefix, 0) == 0 &&
        m.name.size() > macro_prefix.size() + data_suffix.size() &&
        m.name.compare(m.name.size() - data_suffix.size(), data_suffix.size(), data_suffix) == 0) {
      h.constant_pool_data[m.name.substr(
          macro_prefix.size(), m.name.size() - macro_prefix.size() - data_suffix.size())] = m.line;
      continue;
    }
    if (m.name.rfind(macro_prefix, 0) != 0 || m.name.size() < macro_prefix.size() + 6 ||
        m.name.compare(m.name.size() - 5, 5, "_SIZE") != 0 || m.function_like)
      continue;
    const std::string key =
        m.name.substr(macro_prefix.size(), m.name.size() - macro_prefix.size() - 5);
    const std::optional<std::uint64_t> v = c::parse_integer(m.value);
    if (!v) {
      report.error({shown, m.line}, m.name + " is '" + printable(m.value) +
                                        "', which aot-gen cannot read as a number");
      ok = false;
      continue;
    }
    auto [it, fresh] = h.sizes.emplace(key, Sourced<std::uint64_t>{*v, {shown, m.line}});
    if (!fresh && it->second.value != *v) {
      report.error({shown, m.line}, m.name + " is defined again as " + std::to_string(*v) +
                                        " (it was " + std::to_string(it->second.value) +
                                        " on line " + std::to_string(it->second.where.line) + ")");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return h;
}

namespace {

/// Reads metadata.json's values, reporting each that has the wrong type.
class MetadataReader {
 public:
  MetadataReader(const std::string& path, Report& report) : path_(path), report_(report) {}

  const json::Value* get(const json::Value& obj, const char* key, json::Value::Kind kind,
                         bool required) {
    const json::Value* v = obj.kind == json::Value::Kind::kObject ? obj.find(key) : nullptr;
    if (v == nullptr) {
      if (required) fail(obj.line, std::string("missing key '") + key + "'");
      return nullptr;
    }
    if (v->kind != kind) {
      json::Value wanted;
      wanted.kind = kind;
      const char* want = wanted.kind_name();
      std::string shown;
      if (v->kind == json::Value::Kind::kNumber) shown = " " + printable(v->text, 40);
      if (v->kind == json::Value::Kind::kString) shown = " \"" + printable(v->text, 40) + "\"";
      fail(v->line,
           std::string("'") + key + "' must be " + want + ", is " + v->kind_name() + shown);
      return nullptr;
    }
    return v;
  }

  std::optional<Sourced<std::uint64_t>> count(const json::Value& obj, const char* key,
                                              bool required) {
    const json::Value* v = get(obj, key, json::Value::Kind::kNumber, required);
    if (v == nullptr) return std::nullopt;
    const std::optional<std::uint64_t> n = v->as_uint();
    if (!n) {
      fail(v->line, std::string("'") + key + "' must be a whole number of at most 64 bits, is " +
                        printable(v->text, 40));
      return std::nullopt;
    }
    return Sourced<std::uint64_t>{*n, {path_, v->line}};
  }

  void fail(std::size_t line, std::string text) {
    report_.error({path_, line}, std::move(text));
    ok_ = false;
  }

  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }

 private:
  const std::string& path_;
  Report& report_;
  bool ok_ = true;
};

void read_module(MetadataReader& r, const json::Value& mod, MetadataModule& m) {
  using Kind = json::Value::Kind;
  if (const json::Value* target = mod.find("target")) {
    auto add = [&](const json::Value& t) {
      if (t.kind == Kind::kString) m.targets.push_back({t.text, {r.path(), t.line}});
    };
    add(*target);
    for (const json::Value& t : target->items) add(t);
    for (const json::Member& t : target->members) add(t.value);
  }
  for (const char* key : {"executors", "runtimes"}) {
    const json::Value* e = mod.find(key);
    if (e == nullptr || e->kind != Kind::kArray || m.executors) continue;
    std::vector<std::string> names;
    for (const json::Value& v : e->items) {
      if (v.kind == Kind::kString) names.push_back(v.text);
    }
    m.executors = Sourced<std::vector<std::string>>{names, {r.path(), e->line}};
  }
  const json::Value* memory = r.get(mod, "memory", Kind::kObject, false);
  if (memory == nullptr) return;
  const json::Value* functions = r.get(*memory, "functions", Kind::kObject, true);
  if (functions == nullptr) return;
  const json::Value* main = r.get(*functions, "main", Kind::kArray, false);
  if (main == nullptr) return;
  const json::Value* cpu = nullptr;
  for (const json::Value& dev : main->items) {
    if (dev.kind != Kind::kObject) {
      r.fail(dev.line, "memory.functions.main entries must be objects");
      continue;
    }
    const std::optional<Sourced<std::uint64_t>> device = r.count(dev, "device", false);
    if (dev.find("device") != nullptr && !device) continue;
    if (device && device->value != 1) continue;  // not kDLCPU: an accelerator's share
    if (cpu != nullptr) {
      r.fail(dev.line, "memory.functions.main has two entries for the CPU (device 1)");
      continue;
    }
    cpu = &dev;
  }
  if (cpu == nullptr) return;
  m.workspace = r.count(*cpu, "workspace_size_bytes", true);
  m.constants = r.count(*cpu, "constants_size_bytes", false);
  m.io = r.count(*cpu, "io_size_bytes", false);
  for (const char* role : {"inputs", "outputs"}) {
    const json::Value* io = r.get(*cpu, role, Kind::kObject, false);
    if (io == nullptr) continue;
    m.has_io = true;
    for (const json::Member& t : io->members) {
      MetadataTensor tensor;
      tensor.raw_name = t.key;
      tensor.line = t.line;
      if (t.value.kind != Kind::kObject) {
        r.fail(t.value.line, std::string(role) + " entry '" + printable(t.key) +
                                 "' must be an object, is " + t.value.kind_name());
        continue;
      }
      if (const json::Value* d = r.get(t.value, "dtype", Kind::kString, true))
        tensor.dtype = Sourced<std::string>{d->text, {r.path(), d->line}};
      tensor.size = r.count(t.value, "size", true);
      (std::string(role) == "inputs" ? m.inputs : m.outputs).push_back(std::move(tensor));
    }
  }
}

}  // namespace

std::optional<MetadataFacts> read_metadata(const std::string& shown, const std::string& text,
                                           Report& report) {
  using Kind = json::Value::Kind;
  json::Value doc;
  try {
    doc = json::parse(shown, text);
  } catch (const Stop& s) {
    report.error(s.where, "invalid JSON: " + s.text);
    return std::nullopt;
  }
  MetadataReader r(shown, report);
  if (doc.kind != Kind::kObject) {
    r.fail(doc.line, std::string("the top level must be an object, is ") + doc.kind_name());
    return std::nullopt;
  }
  MetadataFacts md;
  md.path = shown;
  const std::optional<Sourced<std::uint64_t>> version = r.count(doc, "version", true);
  if (!version) return std::nullopt;
  md.version = *version;
  if (md.version.value < 5 || md.version.value > 7) {
    r.fail(md.version.where.line, "metadata version " + std::to_string(md.version.value) +
                                      " is not one TVM 0.8 to 0.18 wrote (5, 6 or 7)");
    return std::nullopt;
  }
  if (doc.find("modules") != nullptr) {
    const json::Value* modules = r.get(doc, "modules", Kind::kObject, true);
    if (modules == nullptr) return std::nullopt;
    if (modules->members.empty()) r.fail(modules->line, "'modules' is empty");
    for (const json::Member& entry : modules->members) {
      MetadataModule m;
      m.name = entry.key;
      m.line = entry.line;
      if (entry.value.kind != Kind::kObject) {
        r.fail(entry.value.line, "module '" + printable(entry.key) + "' must be an object, is " +
                                     entry.value.kind_name());
        continue;
      }
      if (const json::Value* inner = r.get(entry.value, "model_name", Kind::kString, false)) {
        if (inner->text != entry.key) {
          r.fail(inner->line, "model_name is '" + printable(inner->text) +
                                  "' inside the entry for module '" + printable(entry.key) + "'");
        }
      }
      read_module(r, entry.value, m);
      md.modules.push_back(std::move(m));
    }
  } else {
    const json::Value* name = r.get(doc, "model_name", Kind::kString, true);
    if (name == nullptr) return std::nullopt;
    MetadataModule m;
    m.name = name->text;
    m.line = name->line;
    read_module(r, doc, m);
    md.modules.push_back(std::move(m));
  }
  if (!r.ok()) return std::nullopt;
  return md;
}

std::pair<const c::Function*, const SourceFile*> SourceFacts::definition(
    const std::string& name) const {
  for (const SourceFile& f : files) {
    for (const c::Function& fn : f.code.functions) {
      if (fn.defined && fn.name == name) return {&fn, &f};
    }
  }
  return {nullptr, nullptr};
}

std::pair<const c::Function*, const SourceFile*> SourceFacts::declaration(
    const std::string& name) const {
  for (const SourceFile& f : files) {
    for (const c::Function& fn : f.code.functions) {
      if (!fn.defined && fn.name == name) return {&fn, &f};
    }
  }
  return {nullptr, nullptr};
}

namespace {

/// TVM writes generated code as .c, and BYOC modules of format cc/cpp as .cc/.cpp.
bool is_source(const std::string& path) {
  for (const char* ext : {".c", ".cc", ".cpp"}) {
    const std::size_t n = std::char_traits<char>::length(ext);
    if (path.size() > n && path.compare(path.size() - n, n, ext) == 0) return true;
  }
  return false;
}

}  // namespace

namespace {

bool identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// The Arm DSP intrinsics TVM's arm_cpu schedules call, by their CMSIS and ACLE names, and the
/// headers that bring them; __builtin_arm_* and read_and_pad are matched apart.
bool arm_intrinsic_name(std::string_view w) {
  static const std::set<std::string_view> names = {
      "__SMLAD",  "__SMLADX",    "__SMUAD",  "__SMUADX", "__SXTB16", "__SXTAB16", "__UXTB16",
      "__PKHBT",  "__PKHTB",     "__QADD",   "__QADD16", "__SADD16", "__SSAT",    "__USAT",
      "__smlad",  "__smladx",    "__smuad",  "__smuadx", "__sxtb16", "__sxtab16", "__uxtb16",
      "__pkhbt",  "__pkhtb",     "__qadd",   "__qadd16", "__sadd16", "__ssat",    "__usat",
      "__smlabb", "__smlabt",    "__smlatb", "__smlatt", "__smulbb", "__smulbt",  "__smultb",
      "__smultt", "read_and_pad"};
  return names.count(w) != 0 || w.rfind("__builtin_arm_", 0) == 0;
}

/// The target comment and the first Arm intrinsic of one source, each with its line.
void scan_target(const std::string& shown, std::string_view text, SourceFile& f) {
  const std::string_view comment = "// tvm target: ";
  std::size_t line = 1;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(at, end - at);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (!f.tvm_target && l.rfind(comment, 0) == 0) {
      std::string t(l.substr(comment.size()));
      while (!t.empty() && t.back() == ' ') t.pop_back();
      f.tvm_target = Sourced<std::string>{t, {shown, line}};
    }
    if (!f.arm_intrinsic) {
      std::string_view code = l.substr(0, std::min(l.find("//"), l.size()));
      std::size_t p = code.find_first_not_of(" \t");
      if (p != std::string_view::npos && code[p] == '#') {
        for (std::string_view h : {"arm_acle.h", "arm_nnsupportfunctions.h", "arm_math.h"}) {
          if (code.find("include") != std::string_view::npos &&
              (code.find(std::string("<") + std::string(h) + ">") != std::string_view::npos ||
               code.find(std::string("\"") + std::string(h) + "\"") != std::string_view::npos)) {
            f.arm_intrinsic =
                Sourced<std::string>{"#include <" + std::string(h) + ">", {shown, line}};
          }
        }
      } else {
        for (std::size_t i = 0; i < code.size() && !f.arm_intrinsic;) {
          if (!identifier_char(code[i]) || (i > 0 && identifier_char(code[i - 1]))) {
            ++i;
            continue;
          }
          std::size_t j = i;
          while (j < code.size() && identifier_char(code[j])) ++j;
          const std::string_view w = code.substr(i, j - i);
          std::size_t k = code.find_first_not_of(" \t", j);
          if (k != std::string_view::npos && code[k] == '(' && arm_intrinsic_name(w)) {
            f.arm_intrinsic = Sourced<std::string>{std::string(w), {shown, line}};
          }
          i = j;
        }
      }
    }
    if (f.tvm_target && f.arm_intrinsic) return;
    at = end + 1;
    ++line;
  }
}

}  // namespace

SourceFacts read_sources(const Archive& mlf, const std::string& module, Report& report) {
  SourceFacts s;
  const std::string src = "codegen/host/src/";
  const std::string lib = "codegen/host/lib/";
  for (const auto& [path, text] : mlf.files) {
    const bool in_src = path.rfind(src, 0) == 0 && path.find('/', src.size()) == std::string::npos;
    const bool in_lib = path.rfind(lib, 0) == 0 && path.find('/', lib.size()) == std::string::npos;
    if (in_lib && path.size() > 2 && path.compare(path.size() - 2, 2, ".o") == 0) {
      s.objects.push_back(path);
      if (auto o = read_object(path, mlf.shown(path), text, module, report))
        s.object_files.push_back(std::move(*o));
    } else if (in_src && is_source(path)) {
      const std::string name = path.substr(src.size());
      const bool own = name.rfind(module + "_", 0) == 0 || name.find("_lib") == std::string::npos;
      s.files.push_back(
          {path, mlf.shown(path), c::scan(text, "tvmgen_", "kTvmgenMetadata"), own, {}, {}});
      scan_target(s.files.back().shown, text, s.files.back());
      if (own && !s.metadata_module)
        s.metadata_module = read_metadata_module(s.files.back(), report);
    }
  }
  return s;
}

}  // namespace aot_gen
