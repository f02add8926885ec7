#pragma once
// aot-gen: reads a TVM Model Library Format archive (folder or .tar) and writes the C++
// model description aot::AotExecutor needs, cross-checking every source that is present.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace aot_gen {

/// A failure in one input file: reported as "<file>:<line>: <message>" (line 0: no line).
class Error : public std::runtime_error {
 public:
  Error(std::string file, std::size_t line, const std::string& message)
      : std::runtime_error(message), file_(std::move(file)), line_(line) {}
  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }
  std::string where() const { return line_ > 0 ? file_ + ":" + std::to_string(line_) : file_; }

 private:
  std::string file_;
  std::size_t line_;
};

/// The files of an MLF, by path relative to its root ("codegen/host/src/default_lib0.c").
struct Archive {
  std::string origin;  ///< the folder or .tar it came from
  std::map<std::string, std::string> files;

  const std::string* find(const std::string& path) const {
    auto it = files.find(path);
    return it == files.end() ? nullptr : &it->second;
  }
};

Archive read_archive(const std::string& path);
Archive read_tar(const std::string& path);

/// Facts about one tensor; each may be missing, and each source fills what it knows.
struct TensorFacts {
  std::string raw_name;   ///< as in the source model
  std::string sanitized;  ///< as in the C header
  std::optional<std::string> dtype;
  std::optional<std::vector<std::int64_t>> shape;
  std::optional<std::size_t> size_bytes;
  std::string size_macro;  ///< TVMGEN_<M>_<NAME>_SIZE when the header has it
};

struct PoolFacts {
  std::string name;
  std::optional<std::size_t> size_bytes;
  std::string size_macro;
};

/// What tvmgen_<m>.h says.
struct HeaderFacts {
  std::string path;
  std::vector<std::string> inputs, outputs, pools, devices;  // struct members, in order
  bool has_map_inputs = false;
  std::map<std::string, std::pair<std::size_t, std::size_t>> size_macros;  // name -> value, line
  std::optional<std::size_t> workspace_size;
  std::vector<std::string> run_params;  // parameter types of tvmgen_<m>_run
};

/// What metadata.json says.
struct MetadataFacts {
  int version = 0;
  std::string model_name;
  std::optional<std::size_t> workspace_size;
  std::vector<TensorFacts> inputs, outputs;  // only from v0.11's inputs/outputs (unordered)
  bool has_io = false;
};

/// What the Relay text's main signature says.
struct RelayFacts {
  std::string path;
  std::vector<TensorFacts> inputs;
  std::vector<TensorFacts> outputs;  ///< only when the return type is present
  bool has_return_type = false;
  std::vector<std::string> output_names;  ///< output_tensor_names when present
};

/// What the generated C sources define and call.
struct SourceFacts {
  bool run_c_interface = false;  ///< tvmgen_<m>_run(struct ..._inputs*, ...) defined
  bool run_packed = false;       ///< tvmgen_<m>_run(void* args, ...) defined
  bool tvm_main = false;         ///< tvmgen_<m>___tvm_main__ defined
  bool run_model = false;        ///< v0.8's tvmgen_<m>_run_model defined
  std::vector<std::string> tvm_main_params, run_model_params;
  std::size_t alloc_call_sites = 0;
  bool sets_last_error = false;
  bool internal_pools = false;
  std::vector<std::string> object_files;  ///< llvm target: code we cannot read
};

/// What the user said on the command line.
struct Options {
  std::string input, output;
  std::optional<std::string> module;  ///< module name when the MLF has several or none
  std::string type_name;              ///< C++ struct name (default: the module name)
  std::string name_space;             ///< C++ namespace (default: none)
  std::map<std::string, std::vector<std::int64_t>> shapes;  ///< by raw or sanitised name
  std::map<std::string, std::string> dtypes;
  std::optional<std::string> entry;                    ///< c, packed, unpacked
  std::vector<std::string> input_order, output_order;  ///< names, when no source orders them
};

enum class Convention { kCInterface, kUnpacked, kPacked };

/// The resolved, cross-checked model.
struct Model {
  std::string module;  ///< module name
  std::string type_name, name_space;
  std::vector<TensorFacts> inputs, outputs;
  std::vector<PoolFacts> pools;
  std::vector<std::string> devices;
  std::optional<std::size_t> workspace_size;
  bool workspace_size_from_header = false;
  Convention convention = Convention::kCInterface;
  std::string entry_symbol;
  std::vector<std::string> entry_params;  ///< unpacked: parameter types
  bool has_header = false;
  std::string header_name;  ///< tvmgen_<m>.h
  bool workspace_io = false;
  bool internal_pools = false;
  bool uses_backend_workspace = false;
  std::size_t workspace_allocations = 0;
  bool uses_last_error = false;
  std::vector<std::string> notes;  ///< facts filled in by fallback, printed as warnings
};

HeaderFacts parse_header(const std::string& path, const std::string& text,
                         const std::string& module);
MetadataFacts parse_metadata(const std::string& path, const std::string& text);
RelayFacts parse_relay(const std::string& path, const std::string& text);
SourceFacts scan_sources(const Archive& mlf, const std::string& module);

Model resolve(const Archive& mlf, const Options& options);
std::string emit(const Model& model, const Options& options);

std::string sanitize(const std::string& raw);
/// Whether a C++ type may have this name in a model description.
bool is_usable_type_name(const std::string& name);
std::size_t dtype_bytes(const std::string& dtype);
/// The whole of `text` as an integer, or nullopt.
std::optional<std::int64_t> parse_int(
    const std::string& text);                            ///< bytes per element, 0 if unknown
std::string cpp_element_type(const std::string& dtype);  ///< "" if unsupported

}  // namespace aot_gen
