// SPDX-License-Identifier: Apache-2.0
// The model-specific half of the probe, as C: the buffers' table and the call of the entry in
// each calling convention (the C interface through the header's structs, filled in order as
// the executor fills them; the unpacked entry with one pointer per parameter; the packed one
// with DLTensors laid out as DLPack's).
#include <sstream>

#include "names.hpp"
#include "probe.hpp"

namespace aot_gen::probe {

namespace {

const char* kind_of(const std::string& dtype) {
  if (dtype == "float16") return "PROBE_FLOAT16";
  if (dtype == "bfloat16") return "PROBE_BFLOAT16";
  if (dtype.rfind("float", 0) == 0) return "PROBE_FLOAT";
  return "PROBE_INT";
}

/// DLPack's type code of a dtype: kDLInt 0, kDLUInt 1, kDLFloat 2, kDLBfloat 4.
int dl_code(const std::string& dtype) {
  if (dtype == "bfloat16") return 4;
  if (dtype.rfind("float", 0) == 0) return 2;
  if (dtype.rfind("uint", 0) == 0 || dtype == "bool") return 1;
  return 0;
}

}  // namespace

std::string model_source(const Spec& spec) {
  std::ostringstream o;
  const std::string p = "tvmgen_" + spec.module + "_";
  const std::size_t n_in = spec.inputs.size();
  const std::size_t n_out = spec.outputs.size();
  const std::size_t n_pools = spec.pools.size();
  bool constant_pools = false;
  for (const Spec::Pool& pool : spec.pools)
    constant_pools = constant_pools || !pool.data_macro.empty();
  o << "/* The probe's model-specific half, written by aot-gen for module " << spec.module
    << ". */\n#include <string.h>\n\n#include \"probe.h\"\n";
  // The header for the C interface's structs and the constant pools' data; the other
  // conventions declare their entry here, and the header might declare it otherwise.
  const bool header =
      !spec.header_name.empty() && (spec.convention == Convention::kCInterface || constant_pools);
  if (header) o << "#include \"" << spec.header_name << "\"\n";
  o << "\nconst size_t probe_num_inputs = " << n_in
    << ";\nconst size_t probe_num_outputs = " << n_out
    << ";\nconst struct probe_buffer probe_buffers[] = {\n";
  for (const auto* list : {&spec.inputs, &spec.outputs}) {
    for (const Spec::Buffer& b : *list) {
      const std::size_t elem = dtype_bytes(b.dtype) == 0 ? 1 : dtype_bytes(b.dtype);
      o << "    {" << c_string_literal(b.name) << ", " << elem << ", " << kind_of(b.dtype)
        << "},\n";
    }
  }
  if (n_in + n_out == 0) o << "    {\"\", 1, PROBE_INT},\n";
  o << "};\nconst size_t probe_workspace_alignment = " << spec.workspace_alignment << ";\n\n";
  // External pools: workspace pools as scratch, constant pools reset from their data before
  // each call (the code must not write them, but the next run must not see it if it did).
  for (std::size_t i = 0; i < n_pools; ++i) {
    const Spec::Pool& pool = spec.pools[i];
    const std::uint64_t size = pool.size == 0 ? 1 : pool.size;
    o << "static unsigned char pool_" << i << "[" << size << "] __attribute__((aligned(64)));\n";
    if (!pool.data_macro.empty()) {
      o << "static const unsigned char pool_" << i << "_data[" << size << "] = {" << pool.data_macro
        << "};\n";
    }
  }
  if (spec.convention == Convention::kUnpacked) {
    o << "int32_t " << spec.entry_symbol << "(";
    for (std::size_t i = 0; i < spec.entry_params; ++i) o << (i ? ", " : "") << "void*";
    if (spec.entry_params == 0) o << "void";
    o << ");\n";
  } else if (spec.convention == Convention::kPacked) {
    o << "int32_t " << spec.entry_symbol
      << "(void* args, int32_t* type_codes, int32_t num_args, void* out_ret_value, int32_t* "
         "out_ret_tcode, void* resource_handle);\n"
      << "struct probe_dltensor {\n  void* data;\n  int32_t device_type, device_id;\n  int32_t "
         "ndim;\n  uint8_t code, bits;\n  uint16_t lanes;\n  int64_t* shape;\n  int64_t* "
         "strides;\n  uint64_t byte_offset;\n};\n"
      << "union probe_value {\n  int64_t v_int64;\n  double v_float64;\n  void* v_handle;\n};\n";
    std::size_t k = 0;
    for (const auto* list : {&spec.inputs, &spec.outputs}) {
      for (const Spec::Buffer& b : *list) {
        o << "static int64_t shape_" << k++ << "[] = {";
        if (b.shape.empty()) o << "0";
        for (std::size_t d = 0; d < b.shape.size(); ++d) o << (d ? ", " : "") << b.shape[d];
        o << "};\n";
      }
    }
    for (std::size_t i = 0; i < n_pools; ++i) {
      o << "static int64_t shape_" << n_in + n_out + i << "[] = {" << spec.pools[i].size << "};\n";
    }
  }
  o << "\nint32_t probe_call(void* const* b) {\n";
  for (std::size_t i = 0; i < n_pools; ++i) {
    if (!spec.pools[i].data_macro.empty())
      o << "  memcpy(pool_" << i << ", pool_" << i << "_data, sizeof pool_" << i << ");\n";
  }
  auto pointers = [&](const char* name, std::size_t from, std::size_t count) {
    o << "  void* " << name << "_p[" << (count == 0 ? 1 : count) << "] = {";
    for (std::size_t i = 0; i < count; ++i) o << (i ? ", " : "") << "b[" << from + i << "]";
    if (count == 0) o << "0";
    o << "};\n";
  };
  if (spec.convention == Convention::kCInterface) {
    // Filled in order, as the executor does: the header's structs hold only void* members.
    auto fill = [&](const char* name, const std::string& type, std::size_t count,
                    const std::string& from) {
      o << "  struct " << type << " " << name << ";\n"
        << "  typedef char " << name << "_is_pointers[sizeof " << name << " == sizeof(void*) * "
        << count << " ? 1 : -1];\n"
        << "  memcpy(&" << name << ", " << from << ", sizeof " << name << ");\n";
    };
    pointers("in", 0, n_in);
    pointers("out", n_in, n_out);
    fill("inputs", p + "inputs", n_in, "in_p");
    fill("outputs", p + "outputs", n_out, "out_p");
    if (n_pools > 0) {
      o << "  void* pools_p[" << n_pools << "] = {";
      for (std::size_t i = 0; i < n_pools; ++i) o << (i ? ", " : "") << "pool_" << i;
      o << "};\n";
      fill("pools", p + "workspace_pools", n_pools, "pools_p");
      o << "  return " << spec.entry_symbol << "(&inputs, &outputs, &pools);\n";
    } else {
      o << "  return " << spec.entry_symbol << "(&inputs, &outputs);\n";
    }
  } else if (spec.convention == Convention::kUnpacked) {
    o << "  return " << spec.entry_symbol << "(";
    std::size_t k = 0;
    for (std::size_t i = 0; i < n_in + n_out; ++i) o << (k++ ? ", " : "") << "b[" << i << "]";
    for (std::size_t i = 0; i < n_pools; ++i) o << (k++ ? ", " : "") << "pool_" << i;
    for (; k < spec.entry_params; ++k) o << (k ? ", " : "") << "0";
    o << ");\n";
  } else {
    const std::size_t n = n_in + n_out + n_pools;
    o << "  struct probe_dltensor t[" << n << "];\n  union probe_value v[" << n
      << "];\n  int32_t codes[" << n << "];\n  memset(t, 0, sizeof t);\n";
    std::size_t k = 0;
    for (const auto* list : {&spec.inputs, &spec.outputs}) {
      for (const Spec::Buffer& b : *list) {
        const std::size_t bits = dtype_bytes(b.dtype) * 8;
        o << "  t[" << k << "].data = b[" << k << "];\n  t[" << k
          << "].ndim = " << (b.shape.empty() ? 1 : b.shape.size()) << ";\n  t[" << k
          << "].code = " << dl_code(b.dtype) << ";\n  t[" << k
          << "].bits = " << (bits == 0 ? 8 : bits) << ";\n";
        ++k;
      }
    }
    for (std::size_t i = 0; i < n_pools; ++i, ++k) {
      o << "  t[" << k << "].data = pool_" << i << ";\n  t[" << k << "].ndim = 1;\n  t[" << k
        << "].code = 1;\n  t[" << k << "].bits = 8;\n";
    }
    o << "  for (int i = 0; i < " << n << "; ++i) {\n    t[i].device_type = 1;\n"
      << "    t[i].lanes = 1;\n    t[i].shape = 0;\n    v[i].v_handle = &t[i];\n"
      << "    codes[i] = 7; /* kTVMDLTensorHandle */\n  }\n";
    for (std::size_t i = 0; i < n; ++i) o << "  t[" << i << "].shape = shape_" << i << ";\n";
    o << "  union probe_value ret;\n  int32_t ret_code = 0;\n  return " << spec.entry_symbol
      << "(v, codes, " << n << ", &ret, &ret_code, 0);\n";
  }
  o << "}\n";
  return o.str();
}

std::string functions_source(const Spec& spec) {
  std::ostringstream o;
  o << "/* The functions the entry calls, for naming (written by aot-gen). */\n"
    << "#include \"probe.h\"\n\n";
  // Declared with any type: only their addresses are taken, in a file that sees no other
  // declaration of them.
  for (const std::string& f : spec.functions) o << "void " << f << "(void);\n";
  o << "const size_t probe_num_functions = " << spec.functions.size() << ";\n"
    << "const struct probe_function probe_functions[] = {\n";
  for (const std::string& f : spec.functions)
    o << "    {" << c_string_literal(f) << ", " << f << "},\n";
  if (spec.functions.empty()) o << "    {\"\", 0},\n";
  o << "};\n";
  return o.str();
}

}  // namespace aot_gen::probe
