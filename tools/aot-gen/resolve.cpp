// Merging the sources of truth into one model, and refusing when they disagree.
#include <algorithm>
#include <numeric>
#include <regex>

#include "aot_gen.hpp"

namespace aot_gen {
namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string join_shape(const std::vector<std::int64_t>& shape) {
  std::string out = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + ")";
}

const TensorFacts* by_name(const std::vector<TensorFacts>& list, const std::string& sanitized) {
  for (const TensorFacts& t : list) {
    if (t.sanitized == sanitized) return &t;
  }
  return nullptr;
}

template <class T>
const T* option_for(const std::map<std::string, T>& options, const TensorFacts& t) {
  auto it = options.find(t.raw_name);
  if (it == options.end()) it = options.find(t.sanitized);
  return it == options.end() ? nullptr : &it->second;
}

/// Folds one source's value into a fact; two sources that disagree are an error.
template <class T, class Show>
void merge(std::optional<T>& fact, std::string& fact_from, const std::optional<T>& value,
           const std::string& from, const std::string& what, const std::string& tensor, Show show) {
  if (!value) return;
  if (!fact) {
    fact = value;
    fact_from = from;
  } else if (*fact != *value) {
    throw Error(from, 0,
                what + " of '" + tensor + "' is " + show(*value) + " here but " + show(*fact) +
                    " in " + fact_from);
  }
}

std::string module_from_files(const Archive& mlf) {
  const std::regex header("^codegen/host/include/tvmgen_([a-z0-9_]+)\\.h$");
  const std::regex lib("^codegen/host/src/([A-Za-z0-9_]+)_lib[0-9]+\\.c$");
  for (const auto& [path, text] : mlf.files) {
    std::smatch m;
    if (std::regex_match(path, m, header)) return m[1];
  }
  for (const auto& [path, text] : mlf.files) {
    std::smatch m;
    if (std::regex_match(path, m, lib)) return lower(m[1]);
  }
  return "";
}

}  // namespace

Model resolve(const Archive& mlf, const Options& opt) {
  const bool any_codegen = std::any_of(mlf.files.begin(), mlf.files.end(), [](const auto& f) {
    return f.first.rfind("codegen/", 0) == 0;
  });
  if (!any_codegen) {
    throw Error(mlf.origin, 0, "not a Model Library Format archive: no codegen/ folder");
  }

  Model model;
  std::optional<MetadataFacts> md;
  if (const std::string* text = mlf.find("metadata.json")) {
    md = parse_metadata(mlf.origin + "/metadata.json", *text);
  }
  model.module = opt.module ? *opt.module : md ? md->model_name : module_from_files(mlf);
  if (model.module.empty()) {
    throw Error(mlf.origin, 0,
                "cannot tell the module name (no metadata.json, no tvmgen_<m>.h, no <m>_lib0.c): "
                "give --module");
  }
  if (md && md->model_name != model.module) {
    throw Error(mlf.origin + "/metadata.json", 0,
                "model_name is '" + md->model_name + "' but --module says '" + model.module + "'");
  }
  const std::string m = model.module;
  model.type_name = opt.type_name.empty() ? m : opt.type_name;
  if (!is_usable_type_name(model.type_name)) {
    throw Error(opt.type_name.empty() ? "module name" : "--name", 0,
                "'" + model.type_name +
                    "' cannot name the C++ type (a keyword, not an identifier, or a member every "
                    "model description has): give --name");
  }
  model.name_space = opt.name_space;

  std::optional<HeaderFacts> header;
  const std::string header_path = "codegen/host/include/tvmgen_" + m + ".h";
  if (const std::string* text = mlf.find(header_path)) {
    header = parse_header(mlf.origin + "/" + header_path, *text, m);
    model.has_header = true;
    model.header_name = "tvmgen_" + m + ".h";
  }
  std::optional<RelayFacts> relay;
  for (const std::string& p : {"src/" + m + ".relay", std::string("src/relay.txt")}) {
    if (const std::string* text = mlf.find(p)) {
      relay = parse_relay(mlf.origin + "/" + p, *text);
      break;
    }
  }
  const SourceFacts src = scan_sources(mlf, m);
  const std::string md_path = mlf.origin + "/metadata.json";
  const std::string header_file = header ? header->path : "";

  // Names and order: the header's structs, else Relay's signature, else metadata.json.
  auto names = [&](bool inputs) {
    std::vector<TensorFacts> out;
    if (header) {
      for (const std::string& member : inputs ? header->inputs : header->outputs) {
        TensorFacts t;
        t.sanitized = member;
        t.raw_name = member;
        out.push_back(t);
      }
      return out;
    }
    const std::vector<std::string>& order = inputs ? opt.input_order : opt.output_order;
    if (!order.empty()) {
      for (const std::string& n : order) {
        TensorFacts t;
        t.raw_name = n;
        t.sanitized = sanitize(n);
        out.push_back(t);
      }
      return out;
    }
    if (relay && inputs) return relay->inputs;
    if (relay && !inputs && relay->has_return_type) {
      out = relay->outputs;
      for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].raw_name = i < relay->output_names.size() ? relay->output_names[i]
                          : out.size() == 1              ? "output"
                                                         : "output" + std::to_string(i);
        out[i].sanitized = sanitize(out[i].raw_name);
      }
      return out;
    }
    if (md && md->has_io) {
      out = inputs ? md->inputs : md->outputs;
      if (out.size() > 1) {
        // JSON key order is not the argument order; TVM's own output names sort by number.
        const std::regex numbered("^output([0-9]+)$");
        const bool all_numbered = std::all_of(out.begin(), out.end(), [&](const TensorFacts& t) {
          return std::regex_match(t.raw_name, numbered);
        });
        if (inputs || !all_numbered) {
          throw Error(md_path, 0,
                      std::string("the order of the ") + (inputs ? "inputs" : "outputs") +
                          " is unknown (no header, no Relay text): give --" +
                          (inputs ? "inputs" : "outputs") + " a,b,...");
        }
        std::sort(out.begin(), out.end(), [](const TensorFacts& a, const TensorFacts& b) {
          return std::stoul(a.raw_name.substr(6)) < std::stoul(b.raw_name.substr(6));
        });
      }
      return out;
    }
    throw Error(mlf.origin, 0,
                std::string("no source names the model's ") + (inputs ? "inputs" : "outputs") +
                    " (no header, Relay text or metadata inputs/outputs)");
  };
  model.inputs = names(true);
  model.outputs = names(false);

  // Relay's raw input names, and v0.12's output_tensor_names, restore names the header sanitised.
  if (relay) {
    for (TensorFacts& t : model.inputs) {
      if (const TensorFacts* r = by_name(relay->inputs, t.sanitized)) t.raw_name = r->raw_name;
    }
    if (relay->output_names.size() == model.outputs.size()) {
      for (std::size_t i = 0; i < model.outputs.size(); ++i) {
        if (sanitize(relay->output_names[i]) == model.outputs[i].sanitized)
          model.outputs[i].raw_name = relay->output_names[i];
      }
    }
  }
  if (md) {
    for (auto* list : {&model.inputs, &model.outputs}) {
      for (TensorFacts& t : *list) {
        const TensorFacts* f =
            by_name(list == &model.inputs ? md->inputs : md->outputs, t.sanitized);
        if (f != nullptr && t.raw_name == t.sanitized) t.raw_name = f->raw_name;
      }
    }
  }

  // Facts per tensor, each from every source that has it.
  auto fill = [&](TensorFacts& t, bool is_input, std::size_t index) {
    std::string dtype_from, shape_from, size_from;
    if (relay) {
      const TensorFacts* r = nullptr;
      if (is_input) {
        r = by_name(relay->inputs, t.sanitized);
      } else if (relay->has_return_type && index < relay->outputs.size()) {
        r = &relay->outputs[index];
      }
      if (r != nullptr) {
        merge(t.dtype, dtype_from, r->dtype, relay->path, "dtype", t.raw_name,
              [](const std::string& s) { return s; });
        merge(t.shape, shape_from, r->shape, relay->path, "shape", t.raw_name, join_shape);
      }
    }
    if (md) {
      if (const TensorFacts* f = by_name(is_input ? md->inputs : md->outputs, t.sanitized)) {
        merge(t.dtype, dtype_from, f->dtype, md_path, "dtype", t.raw_name,
              [](const std::string& s) { return s; });
        merge(t.size_bytes, size_from, f->size_bytes, md_path, "byte size", t.raw_name,
              [](std::size_t v) { return std::to_string(v); });
      }
    }
    if (header) {
      auto it = header->size_macros.find(upper(t.sanitized));
      if (it != header->size_macros.end()) {
        t.size_macro = "TVMGEN_" + upper(m) + "_" + upper(t.sanitized) + "_SIZE";
        merge(t.size_bytes, size_from, std::optional<std::size_t>(it->second.first),
              header->path + ":" + std::to_string(it->second.second), "byte size", t.raw_name,
              [](std::size_t v) { return std::to_string(v); });
      }
    }
    if (const std::string* d = option_for(opt.dtypes, t)) {
      merge(t.dtype, dtype_from, std::optional<std::string>(*d), "--dtype", "dtype", t.raw_name,
            [](const std::string& s) { return s; });
    }
    if (const auto* s = option_for(opt.shapes, t)) {
      merge(t.shape, shape_from, std::optional<std::vector<std::int64_t>>(*s), "--shape", "shape",
            t.raw_name, join_shape);
    }
    const std::string role = is_input ? "input" : "output";
    if (!t.dtype) {
      throw Error(mlf.origin, 0,
                  role + " '" + t.raw_name + "' has no dtype in any source: give --dtype " +
                      t.sanitized + "=<int8|float32|...>");
    }
    const std::size_t elem = dtype_bytes(*t.dtype);
    if (elem == 0 || cpp_element_type(*t.dtype).empty()) {
      throw Error(dtype_from, 0,
                  role + " '" + t.raw_name + "' has dtype '" + *t.dtype +
                      "', which aot has no C++ type for");
    }
    if (!t.shape) {
      if (!t.size_bytes) {
        throw Error(mlf.origin, 0,
                    role + " '" + t.raw_name +
                        "' has no shape and no byte size in any source: give --shape " +
                        t.sanitized + "=d0,d1,...");
      }
      if (*t.size_bytes % elem != 0) {
        throw Error(size_from, 0,
                    role + " '" + t.raw_name + "' is " + std::to_string(*t.size_bytes) +
                        " bytes, not a whole number of " + *t.dtype);
      }
      t.shape = std::vector<std::int64_t>{static_cast<std::int64_t>(*t.size_bytes / elem)};
      model.notes.push_back(role + " '" + t.raw_name + "': no shape in any source, using (" +
                            std::to_string(*t.size_bytes / elem) +
                            ") from its byte size; --shape " + t.sanitized +
                            "=... gives the real one");
    }
    std::size_t count = 1;
    for (std::int64_t d : *t.shape) {
      if (d <= 0)
        throw Error(shape_from, 0,
                    role + " '" + t.raw_name + "' has dimension " + std::to_string(d));
      count *= static_cast<std::size_t>(d);
    }
    const std::size_t bytes = count * elem;
    if (t.size_bytes && *t.size_bytes != bytes) {
      throw Error(size_from, 0,
                  role + " '" + t.raw_name + "' is " + std::to_string(*t.size_bytes) +
                      " bytes here, but shape " + join_shape(*t.shape) + " x " + *t.dtype +
                      " (from " + shape_from + ") is " + std::to_string(bytes));
    }
    t.size_bytes = bytes;
  };
  for (std::size_t i = 0; i < model.inputs.size(); ++i) fill(model.inputs[i], true, i);
  for (std::size_t i = 0; i < model.outputs.size(); ++i) fill(model.outputs[i], false, i);
  if (relay && relay->has_return_type && relay->outputs.size() != model.outputs.size()) {
    throw Error(relay->path, 0,
                "@main returns " + std::to_string(relay->outputs.size()) +
                    " tensors but the model has " + std::to_string(model.outputs.size()) +
                    " outputs");
  }
  if (relay && header) {
    for (const TensorFacts& r : relay->inputs) {
      if (!by_name(model.inputs, r.sanitized)) {
        throw Error(relay->path, 0,
                    "input '" + r.raw_name + "' of @main is not in " + header->path +
                        " (bound parameters are named %v_param_<k>)");
      }
    }
  }

  // Workspace: the header's macro and metadata.json must agree.
  if (header && header->workspace_size) {
    model.workspace_size = header->workspace_size;
    model.workspace_size_from_header = true;
  }
  if (md && md->workspace_size) {
    if (model.workspace_size && *model.workspace_size != *md->workspace_size) {
      throw Error(md_path, 0,
                  "workspace_size_bytes is " + std::to_string(*md->workspace_size) + " but " +
                      header_file + " says TVMGEN_" + upper(m) + "_WORKSPACE_SIZE " +
                      std::to_string(*model.workspace_size));
    }
    model.workspace_size = md->workspace_size;
  }

  // Pools and devices from the header.
  if (header) {
    for (const std::string& p : header->pools) {
      PoolFacts pool;
      pool.name = p;
      auto it = header->size_macros.find(upper(p) + "_WORKSPACE_POOL");
      if (it == header->size_macros.end()) {
        throw Error(
            header->path, 0,
            "pool '" + p + "' has no TVMGEN_" + upper(m) + "_" + upper(p) + "_WORKSPACE_POOL_SIZE");
      }
      pool.size_bytes = it->second.first;
      pool.size_macro = "TVMGEN_" + upper(m) + "_" + upper(p) + "_WORKSPACE_POOL_SIZE";
      model.pools.push_back(pool);
    }
    model.devices = header->devices;
    model.workspace_io = header->has_map_inputs;
  }

  // The entry function: what the sources define decides.
  const std::string choice = opt.entry             ? *opt.entry
                             : src.run_c_interface ? "c"
                             : src.run_packed      ? "packed"
                             : src.tvm_main        ? "unpacked"
                             : src.run_model       ? "unpacked"
                             : header              ? "c"
                                                   : "";
  if (choice == "c") {
    if (!header)
      throw Error(mlf.origin, 0, "the C interface needs codegen/host/include/tvmgen_" + m + ".h");
    model.convention = Convention::kCInterface;
    model.entry_symbol = "tvmgen_" + m + "_run";
  } else if (choice == "packed") {
    model.convention = Convention::kPacked;
    model.entry_symbol = "tvmgen_" + m + "_run";
  } else if (choice == "unpacked") {
    model.convention = Convention::kUnpacked;
    const bool use_main = src.tvm_main || !src.run_model;
    model.entry_symbol = "tvmgen_" + m + (use_main ? "___tvm_main__" : "_run_model");
    model.entry_params = use_main ? src.tvm_main_params : src.run_model_params;
    const std::size_t want =
        model.inputs.size() + model.outputs.size() + model.pools.size() + model.devices.size();
    if (model.entry_params.size() != want) {
      throw Error(mlf.origin, 0,
                  model.entry_symbol + " takes " + std::to_string(model.entry_params.size()) +
                      " arguments, the model has " + std::to_string(want) + " tensors" +
                      (src.internal_pools ? " (internal pools: use the C interface)" : ""));
    }
  } else {
    throw Error(mlf.origin, 0,
                "no entry function: no tvmgen_" + m +
                    "_run, __tvm_main__ or run_model in codegen/host/src and no header");
  }

  model.internal_pools = src.internal_pools;
  model.uses_last_error = src.sets_last_error;
  if (src.alloc_call_sites > 0) {
    model.uses_backend_workspace = true;
    model.workspace_allocations = src.alloc_call_sites;
    if (!model.workspace_size) {
      throw Error(mlf.origin, 0,
                  "the code calls TVMBackendAllocWorkspace but no source gives the workspace size "
                  "(TVMGEN_" +
                      upper(m) + "_WORKSPACE_SIZE or metadata.json)");
    }
  }
  return model;
}

}  // namespace aot_gen
