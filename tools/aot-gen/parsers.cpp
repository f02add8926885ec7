// Parsers for the sources of truth in an MLF: the generated header, metadata.json, the Relay
// text and the C sources. Each records what it finds and where; resolve() cross-checks them.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

#include "aot_gen.hpp"

namespace aot_gen {

std::string sanitize(const std::string& raw) {
  std::string out = raw;
  for (char& c : out) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return out;
}

std::optional<std::int64_t> parse_int(const std::string& text) {
  std::size_t used = 0;
  long long v = 0;
  try {
    v = std::stoll(text, &used);
  } catch (...) {
    return std::nullopt;
  }
  if (used != text.size()) return std::nullopt;
  return v;
}

std::size_t dtype_bytes(const std::string& dtype) {
  static const std::map<std::string, std::size_t> bytes = {
      {"int8", 1},    {"int16", 2},    {"int32", 4},  {"int64", 8},   {"uint8", 1},
      {"uint16", 2},  {"uint32", 4},   {"uint64", 8}, {"float16", 2}, {"float32", 4},
      {"float64", 8}, {"bfloat16", 2}, {"bool", 1}};
  auto it = bytes.find(dtype);
  return it == bytes.end() ? 0 : it->second;
}

std::string cpp_element_type(const std::string& dtype) {
  static const std::map<std::string, std::string> types = {{"int8", "std::int8_t"},
                                                           {"int16", "std::int16_t"},
                                                           {"int32", "std::int32_t"},
                                                           {"int64", "std::int64_t"},
                                                           {"uint8", "std::uint8_t"},
                                                           {"uint16", "std::uint16_t"},
                                                           {"uint32", "std::uint32_t"},
                                                           {"uint64", "std::uint64_t"},
                                                           {"float16", "aot::Float16"},
                                                           {"float32", "float"},
                                                           {"float64", "double"},
                                                           {"bfloat16", "aot::BFloat16"},
                                                           {"bool", "bool"}};
  auto it = types.find(dtype);
  return it == types.end() ? "" : it->second;
}

namespace {

std::size_t line_of(const std::string& text, std::size_t offset) {
  return static_cast<std::size_t>(std::count(
             text.begin(),
             text.begin() + static_cast<std::ptrdiff_t>(std::min(offset, text.size())), '\n')) +
         1;
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string strip_comments(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "/*") == 0) {
      const std::size_t end = text.find("*/", i + 2);
      // Keep newlines so that line numbers still hold.
      const std::size_t stop = end == std::string::npos ? text.size() : end + 2;
      for (std::size_t j = i; j < stop; ++j) {
        if (text[j] == '\n') out += '\n';
      }
      out += ' ';
      i = stop - 1;
    } else if (text.compare(i, 2, "//") == 0) {
      while (i < text.size() && text[i] != '\n') ++i;
      if (i < text.size()) out += '\n';
    } else {
      out += text[i];
    }
  }
  return out;
}

/// Members `void* name;` of `struct <name> { ... };`, or nullopt when the struct is absent.
std::optional<std::vector<std::string>> struct_members(const std::string& text,
                                                       const std::string& name,
                                                       const std::string& path) {
  const std::regex open("struct\\s+" + name + "\\s*\\{");
  std::smatch m;
  if (!std::regex_search(text, m, open)) return std::nullopt;
  const std::size_t begin = static_cast<std::size_t>(m.position(0) + m.length(0));
  const std::size_t end = text.find('}', begin);
  if (end == std::string::npos) {
    throw Error(path, line_of(text, begin), "struct " + name + " is not closed");
  }
  std::vector<std::string> members;
  const std::string body = text.substr(begin, end - begin);
  std::istringstream lines(body);
  std::string line;
  std::size_t n = line_of(text, begin);
  const std::regex member("^\\s*void\\s*\\*\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*;\\s*$");
  for (; std::getline(lines, line); ++n) {
    if (trim(line).empty()) continue;
    std::smatch mm;
    if (!std::regex_match(line, mm, member)) {
      throw Error(
          path, n,
          "struct " + name + " has a member that is not 'void* <name>;': '" + trim(line) + "'");
    }
    members.push_back(mm[1]);
  }
  return members;
}

std::vector<std::string> split_params(const std::string& params) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : params) {
    if (c == ',') {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!trim(cur).empty()) out.push_back(trim(cur));
  if (out.size() == 1 && out[0] == "void") out.clear();
  return out;
}

/// "struct x* inputs" -> "struct x*"; "uint8_t* a_buffer_var" -> "uint8_t*".
std::string param_type(const std::string& param) {
  const std::size_t star = param.rfind('*');
  if (star != std::string::npos) return trim(param.substr(0, star + 1));
  const std::size_t space = param.rfind(' ');
  return space == std::string::npos ? param : trim(param.substr(0, space));
}

}  // namespace

HeaderFacts parse_header(const std::string& path, const std::string& raw_text,
                         const std::string& module) {
  HeaderFacts h;
  h.path = path;
  const std::string text = strip_comments(raw_text);
  const std::string prefix = "tvmgen_" + module + "_";
  auto in = struct_members(text, prefix + "inputs", path);
  auto out = struct_members(text, prefix + "outputs", path);
  if (!in || !out) {
    throw Error(path, 0,
                "no 'struct " + prefix + (in ? "outputs" : "inputs") +
                    "': not the header of TVM module '" + module + "'");
  }
  h.inputs = *in;
  h.outputs = *out;
  if (auto pools = struct_members(text, prefix + "workspace_pools", path)) {
    h.pools = *pools;
  }
  if (auto devices = struct_members(text, prefix + "devices", path)) {
    h.devices = *devices;
  }
  h.has_map_inputs = text.find(prefix + "map_inputs") != std::string::npos;

  const std::string macro_prefix = "TVMGEN_" + upper(module) + "_";
  const std::regex define("#define\\s+" + macro_prefix + "([A-Za-z0-9_]+)_SIZE\\s+([0-9]+)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), define);
       it != std::sregex_iterator(); ++it) {
    const std::string key = (*it)[1];
    const std::size_t value = std::stoull((*it)[2]);
    const std::size_t line = line_of(text, static_cast<std::size_t>(it->position(0)));
    if (key == "WORKSPACE") {
      h.workspace_size = value;
    } else {
      h.size_macros[key] = {value, line};
    }
  }

  const std::regex run("int32_t\\s+" + prefix + "run\\s*\\(([^)]*)\\)\\s*;");
  std::smatch m;
  if (!std::regex_search(text, m, run)) {
    throw Error(path, 0, "no declaration of " + prefix + "run");
  }
  for (const std::string& p : split_params(m[1])) h.run_params.push_back(param_type(p));
  return h;
}

MetadataFacts parse_metadata(const std::string& path, const std::string& text) {
  using nlohmann::json;
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    const std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    const std::size_t colon = what.rfind(": ");
    throw Error(path, line_of(text, byte),
                "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
  }
  auto need = [&](const json& obj, const char* key, json::value_t type,
                  const char* type_name) -> const json& {
    if (!obj.is_object() || !obj.contains(key))
      throw Error(path, 0, std::string("missing key '") + key + "'");
    const json& v = obj.at(key);
    if (v.type() != type && !(type == json::value_t::number_unsigned && v.is_number_integer() &&
                              v.get<long long>() >= 0)) {
      throw Error(path, 0,
                  std::string("'") + key + "' must be " + type_name + ", is " + v.type_name());
    }
    return v;
  };
  if (!j.is_object())
    throw Error(path, 0, std::string("top level must be an object, is ") + j.type_name());
  MetadataFacts md;
  md.version = need(j, "version", json::value_t::number_unsigned, "a number").get<int>();
  if (md.version < 5 || md.version > 7) {
    throw Error(path, 0,
                "metadata version " + std::to_string(md.version) +
                    " is not one TVM 0.8-0.18 wrote (5, 6, 7)");
  }
  const json* mod = &j;
  if (j.contains("modules")) {
    const json& modules = need(j, "modules", json::value_t::object, "an object");
    if (modules.size() != 1) {
      throw Error(path, 0,
                  "metadata has " + std::to_string(modules.size()) +
                      " modules; aot-gen reads one (the model's)");
    }
    md.model_name = modules.begin().key();
    mod = &modules.begin().value();
    if (!mod->is_object()) throw Error(path, 0, "module '" + md.model_name + "' must be an object");
  } else {
    md.model_name = need(j, "model_name", json::value_t::string, "a string").get<std::string>();
  }
  if (mod->contains("memory")) {
    const json& memory = need(*mod, "memory", json::value_t::object, "an object");
    const json& functions = need(memory, "functions", json::value_t::object, "an object");
    if (functions.contains("main")) {
      const json& main = need(functions, "main", json::value_t::array, "an array");
      for (const json& dev : main) {
        if (!dev.is_object()) throw Error(path, 0, "memory.functions.main entries must be objects");
        if (dev.contains("device") && dev.at("device").is_number() &&
            dev.at("device").get<int>() != 1)
          continue;
        md.workspace_size = need(dev, "workspace_size_bytes", json::value_t::number_unsigned,
                                 "a non-negative number")
                                .get<std::size_t>();
        for (const char* role : {"inputs", "outputs"}) {
          if (!dev.contains(role)) continue;
          md.has_io = true;
          const json& io = need(dev, role, json::value_t::object, "an object");
          for (auto it = io.begin(); it != io.end(); ++it) {
            TensorFacts t;
            t.raw_name = it.key();
            t.sanitized = sanitize(t.raw_name);
            t.dtype =
                need(it.value(), "dtype", json::value_t::string, "a string").get<std::string>();
            t.size_bytes =
                need(it.value(), "size", json::value_t::number_unsigned, "a non-negative number")
                    .get<std::size_t>();
            (std::string(role) == "inputs" ? md.inputs : md.outputs).push_back(t);
          }
        }
        break;
      }
    }
  }
  return md;
}

namespace {

/// "Tensor[(1, 49, 10, 1), int8]" at text[pos...]; fills shape and dtype.
std::size_t parse_tensor_type(const std::string& text, std::size_t pos, TensorFacts& t,
                              const std::string& path) {
  const std::size_t start = text.find("Tensor[", pos);
  if (start != pos) throw Error(path, line_of(text, pos), "expected 'Tensor[' in the signature");
  std::size_t i = start + 7;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  if (i >= text.size() || text[i] != '(')
    throw Error(path, line_of(text, i), "expected '(' after 'Tensor['");
  const std::size_t close = text.find(')', i);
  if (close == std::string::npos) throw Error(path, line_of(text, i), "unterminated shape");
  std::vector<std::int64_t> shape;
  for (const std::string& d : split_params(text.substr(i + 1, close - i - 1))) {
    if (d.empty()) continue;
    const std::optional<std::int64_t> v = parse_int(d);
    if (!v)
      throw Error(path, line_of(text, i),
                  "dimension '" + d + "' is not a number (dynamic shapes are not supported)");
    shape.push_back(*v);
  }
  std::size_t j = close + 1;
  while (j < text.size() && (std::isspace(static_cast<unsigned char>(text[j])) || text[j] == ','))
    ++j;
  std::size_t k = j;
  while (k < text.size() && (std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_'))
    ++k;
  if (k == j || k >= text.size() || text[k] != ']')
    throw Error(path, line_of(text, j), "expected a dtype and ']' in the tensor type");
  t.shape = shape;
  t.dtype = text.substr(j, k - j);
  return k + 1;
}

}  // namespace

RelayFacts parse_relay(const std::string& path, const std::string& raw_text) {
  RelayFacts r;
  r.path = path;
  const std::string text = strip_comments(raw_text);
  const std::size_t def = text.find("def @main(");
  if (def == std::string::npos) throw Error(path, 0, "no 'def @main(' signature");
  std::size_t i = def + 10;
  // Split the parameter list at top-level commas.
  std::vector<std::pair<std::string, std::size_t>> items;
  std::string cur;
  std::size_t cur_at = i;
  int depth = 0;
  bool in_string = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '"') in_string = false;
      cur += c;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') {
      if (depth == 0) break;
      --depth;
    }
    if (c == ',' && depth == 0) {
      items.emplace_back(trim(cur), cur_at);
      cur.clear();
      cur_at = i + 1;
      continue;
    }
    cur += c;
  }
  if (i >= text.size())
    throw Error(path, line_of(text, def), "the signature of @main is not closed");
  if (!trim(cur).empty()) items.emplace_back(trim(cur), cur_at);
  const std::regex bound("^v_param_[0-9]+$");
  for (const auto& [item, at] : items) {
    if (item.empty()) continue;
    if (item[0] == '%') {
      TensorFacts t;
      const std::size_t colon = item.find(": Tensor[");
      const std::size_t untyped = item.find_first_of(" \t\n");
      t.raw_name = item.substr(1, colon != std::string::npos     ? colon - 1
                                  : untyped == std::string::npos ? std::string::npos
                                                                 : untyped - 1);
      if (t.raw_name.size() > 1 && t.raw_name.front() == '"' && t.raw_name.back() == '"') {
        t.raw_name = t.raw_name.substr(1, t.raw_name.size() - 2);
      }
      t.sanitized = sanitize(t.raw_name);
      if (colon != std::string::npos) {
        try {
          parse_tensor_type(item, colon + 2, t, path);
        } catch (const Error& e) {
          throw Error(path, line_of(text, at) + e.line() - 1, e.what());
        }
      }
      if (!std::regex_match(t.raw_name, bound)) r.inputs.push_back(t);
    } else if (item.rfind("output_tensor_names", 0) == 0) {
      const std::regex name("\"([^\"]*)\"");
      for (auto it = std::sregex_iterator(item.begin(), item.end(), name);
           it != std::sregex_iterator(); ++it) {
        r.output_names.push_back((*it)[1]);
      }
    } else if (item.find('=') == std::string::npos) {
      throw Error(path, line_of(text, at),
                  "unexpected parameter '" + item.substr(0, 40) + "' in the signature of @main");
    }
  }
  // Optional "-> Tensor[...]" or "-> (Tensor[...], ...)".
  std::size_t j = i + 1;
  while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
  if (text.compare(j, 2, "->") == 0) {
    r.has_return_type = true;
    j += 2;
    while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    const bool tuple = j < text.size() && text[j] == '(';
    if (tuple) ++j;
    while (true) {
      while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      TensorFacts t;
      j = parse_tensor_type(text, j, t, path);
      r.outputs.push_back(t);
      while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (!tuple || j >= text.size() || text[j] != ',') break;
      ++j;
    }
    if (tuple) {
      while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j >= text.size() || text[j] != ')')
        throw Error(path, line_of(text, j), "unterminated tuple return type");
    }
  }
  return r;
}

SourceFacts scan_sources(const Archive& mlf, const std::string& module) {
  SourceFacts s;
  const std::string prefix = "tvmgen_" + module + "_";
  const std::regex run_def(prefix + "run\\s*\\(([^)]*)\\)\\s*\\{");
  const std::regex main_def(prefix + "__tvm_main__\\s*\\(([^)]*)\\)\\s*\\{");
  const std::regex model_def(prefix + "run_model\\s*\\(([^)]*)\\)\\s*\\{");
  const std::regex static_pool("static\\s+uint8_t\\s+[A-Za-z_0-9]*workspace[A-Za-z_0-9]*\\s*\\[");
  for (const auto& [path, text] : mlf.files) {
    if (path.rfind("codegen/host/lib/", 0) == 0 && path.size() > 2 &&
        path.substr(path.size() - 2) == ".o") {
      s.object_files.push_back(path);
      continue;
    }
    if (path.rfind("codegen/host/src/", 0) != 0 || path.size() < 2 ||
        path.substr(path.size() - 2) != ".c")
      continue;
    const std::string code = strip_comments(text);
    std::smatch m;
    if (std::regex_search(code, m, run_def)) {
      const std::vector<std::string> params = split_params(m[1]);
      const bool packed = !params.empty() && (param_type(params[0]) == "void*" ||
                                              param_type(params[0]) == "TVMValue*");
      (packed ? s.run_packed : s.run_c_interface) = true;
    }
    if (std::regex_search(code, m, main_def)) {
      s.tvm_main = true;
      s.tvm_main_params.clear();
      for (const std::string& p : split_params(m[1])) s.tvm_main_params.push_back(param_type(p));
    }
    if (std::regex_search(code, m, model_def)) {
      s.run_model = true;
      s.run_model_params.clear();
      for (const std::string& p : split_params(m[1])) s.run_model_params.push_back(param_type(p));
    }
    for (std::size_t at = code.find("TVMBackendAllocWorkspace("); at != std::string::npos;
         at = code.find("TVMBackendAllocWorkspace(", at + 1)) {
      ++s.alloc_call_sites;
    }
    if (code.find("TVMAPISetLastError(") != std::string::npos) s.sets_last_error = true;
    if (std::regex_search(code, static_pool)) s.internal_pools = true;
  }
  return s;
}

}  // namespace aot_gen
