// SPDX-License-Identifier: Apache-2.0
// One sample of TVM's own output run through aot, its outputs compared with what TVM computed:
// through the typed interface (set_input / get_output by tag, infer by index) and through
// DLTensors (set_input(index, DLTensor), run(), get_output(index, DLTensor)), each on its own
// executor. Integers must be equal, floats within 1e-5 relative. Prints one line; exits 0
// when both agree. Compiled once per sample: CONFORMANCE_HEADER, CONFORMANCE_MODEL,
// CONFORMANCE_FACTS (TVM's names, dtypes and shapes) and CONFORMANCE_SAMPLE.
#include <aot/dlpack.hpp>
#include <aot/executor.hpp>
#include <aot/tvm_metadata.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include CONFORMANCE_HEADER
#include CONFORMANCE_FACTS

// The head of TVM's TVMMetadata (tvm/runtime/metadata_types.h, version 1), whose own header
// does not compile as C++ against Debian's DLPack.
struct TVMMetadata {
  std::int64_t version;
  const void* inputs;
  std::int64_t num_inputs;
  const void* outputs;
  std::int64_t num_outputs;
};

namespace {

using Model = CONFORMANCE_MODEL;
using Exec = aot::AotExecutor<Model>;
constexpr std::size_t kIn = Exec::num_inputs;
constexpr std::size_t kOut = Exec::num_outputs;
constexpr double kFloatTolerance = 1e-5;

template <std::size_t I>
using In = aot::input_t<Model, I>;
template <std::size_t I>
using Out = aot::output_t<Model, I>;

template <class Tag>
constexpr std::size_t count_of() {
  std::size_t n = 1;
  for (const std::int64_t d : Tag::shape) n *= static_cast<std::size_t>(d);
  return n;
}
template <std::size_t I>
using InArray = std::array<typename In<I>::element_type, count_of<In<I>>()>;

std::string format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string shape_text(const std::int64_t* dims, std::size_t rank) {
  std::string s = "(";
  for (std::size_t d = 0; d < rank; ++d) {
    if (d > 0) s += ", ";
    s += std::to_string(dims[d]);
  }
  return s + ")";
}

/// What the sample's checks found: problems make it fail, notes are said and pass.
struct Findings {
  std::vector<std::string> problems;
  std::vector<std::string> notes;
  double max_rel_err = 0;
  bool any_float = false;
  bool any_integer = false;
};

bool read_file(const char* path, std::vector<unsigned char>& out) {
  std::FILE* f = std::fopen(path, "rb");
  if (f == nullptr) return false;
  unsigned char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.insert(out.end(), buf, buf + n);
  const bool ok = std::ferror(f) == 0;
  std::fclose(f);
  return ok;
}

/// TVM's dtype string ("float32", "int8", "uint8", "bool") as a DataType.
bool parse_dtype(std::string_view s, aot::DataType& out) {
  std::uint8_t code = 0;
  std::string_view bits;
  if (s == "bool") {
    out = aot::DataType{aot::kUInt, 1, 1};
    return true;
  }
  if (s.substr(0, 4) == "uint") {
    code = aot::kUInt;
    bits = s.substr(4);
  } else if (s.substr(0, 3) == "int") {
    code = aot::kInt;
    bits = s.substr(3);
  } else if (s.substr(0, 5) == "float") {
    code = aot::kFloat;
    bits = s.substr(5);
  } else {
    return false;
  }
  unsigned b = 0;
  for (const char c : bits) {
    if (c < '0' || c > '9') return false;
    b = b * 10 + static_cast<unsigned>(c - '0');
  }
  if (b == 0 || b > 64) return false;
  out = aot::DataType{code, static_cast<std::uint8_t>(b), 1};
  return true;
}

/// A little-endian integer element of `bytes` bytes, as a number (up to 8 bytes).
std::string integer_text(const unsigned char* p, std::size_t bytes, bool is_signed) {
  if (bytes == 0 || bytes > 8) return "?";
  std::uint64_t v = 0;
  for (std::size_t k = bytes; k-- > 0;) v = (v << 8) | p[k];
  if (is_signed && bytes < 8 && (v >> (bytes * 8 - 1)) != 0) v |= ~std::uint64_t{0} << (bytes * 8);
  return is_signed ? std::to_string(static_cast<std::int64_t>(v)) : std::to_string(v);
}

std::string error_text(double err) { return err == 0 ? std::string("0") : format("%.1e", err); }

/// TVM's output `index` (its file, read once).
struct Expected {
  std::vector<unsigned char> bytes;
  bool read = false;
};
std::array<Expected, kOut> expected;

/// Compares output `index` as aot produced it (`got`, the model's size) with TVM's file.
void compare(const char* path, std::size_t index, const void* got, Findings& f) {
  const aot::TensorInfo info = *Exec::get_output_info(index);
  const std::vector<unsigned char>& want = expected[index].bytes;
  const std::string where = std::string(path) + ": output " + std::to_string(index) + " '" +
                            std::string(info.raw_name) + "'";
  if (want.size() != info.size_bytes) {
    f.problems.push_back(where + ": " + std::to_string(info.size_bytes) + " bytes here, TVM's " +
                         std::to_string(want.size()));
    return;
  }
  const auto* g = static_cast<const unsigned char*>(got);
  if (info.dtype.code == aot::kFloat && (info.dtype.bits == 32 || info.dtype.bits == 64)) {
    f.any_float = true;
    for (std::size_t i = 0; i < info.size; ++i) {
      double a = 0;
      double b = 0;
      if (info.dtype.bits == 32) {
        float x = 0;
        float y = 0;
        std::memcpy(&x, g + i * 4, 4);
        std::memcpy(&y, want.data() + i * 4, 4);
        a = x;
        b = y;
      } else {
        std::memcpy(&a, g + i * 8, 8);
        std::memcpy(&b, want.data() + i * 8, 8);
      }
      double rel = 0;
      if (std::isnan(a) || std::isnan(b)) {
        rel = std::isnan(a) && std::isnan(b) ? 0 : INFINITY;
      } else if (a != b) {
        rel = std::fabs(a - b) / std::max(std::fabs(a), std::fabs(b));
      }
      f.max_rel_err = std::max(f.max_rel_err, rel);
      if (!(rel <= kFloatTolerance)) {
        f.problems.push_back(where + " [" + std::to_string(i) + "]: " + format("%.9g", a) +
                             ", TVM's " + format("%.9g", b) + " (rel err " + format("%.1e", rel) +
                             ")");
        return;
      }
    }
  } else {
    // Integers (and any other dtype): byte for byte.
    f.any_integer = true;
    const std::size_t element = info.size == 0 ? 1 : info.size_bytes / info.size;
    for (std::size_t i = 0; i < info.size; ++i) {
      const unsigned char* a = g + i * element;
      const unsigned char* b = want.data() + i * element;
      if (std::memcmp(a, b, element) != 0) {
        f.problems.push_back(where + " [" + std::to_string(i) +
                             "]: " + integer_text(a, element, info.dtype.code == aot::kInt) +
                             ", TVM's " + integer_text(b, element, info.dtype.code == aot::kInt));
        return;
      }
    }
  }
}

// ---- Typed: set_input by tag, run, get_output by tag; then infer by position ------------

template <std::size_t I>
bool load_input(InArray<I>& to, Findings& f) {
  const aot::TensorInfo info = *Exec::get_input_info(I);
  for (const facts::Tensor& t : facts::kinputs) {
    if (info.raw_name != t.name) continue;
    std::vector<unsigned char> bytes;
    if (!read_file(t.file, bytes)) {
      f.problems.push_back(std::string("cannot read ") + t.file);
      return false;
    }
    if (bytes.size() != sizeof to) {
      f.problems.push_back(std::string(t.file) + ": " + std::to_string(bytes.size()) +
                           " bytes, input " + std::to_string(I) + " '" + t.name + "' takes " +
                           std::to_string(sizeof to));
      return false;
    }
    std::memcpy(to.data(), bytes.data(), sizeof to);
    return true;
  }
  f.problems.push_back("input " + std::to_string(I) + " '" + std::string(info.raw_name) +
                       "' is not among TVM's inputs");
  return false;
}

Exec typed_exec;

template <std::size_t... I, std::size_t... O>
void run_typed(Findings& f, std::index_sequence<I...>, std::index_sequence<O...>) {
  std::tuple<InArray<I>...> inputs{};
  if (!(load_input<I>(std::get<I>(inputs), f) && ...)) return;
  (typed_exec.template set_input<In<I>>(std::get<I>(inputs)), ...);
  const aot::Status s = typed_exec.run();
  if (!s) {
    f.problems.push_back(std::string("typed: run() failed: ") + s.to_string().c_str());
    return;
  }
  (compare("typed get_output<tag>", O, typed_exec.template get_output<Out<O>>().data(), f), ...);

  const auto r = typed_exec.infer(std::get<I>(inputs)...);
  if (!r) {
    f.problems.push_back(std::string("typed: infer() failed: ") + r.status().to_string().c_str());
    return;
  }
  (compare("typed infer", O, r.template get<O>().data(), f), ...);
}

// ---- DLTensor: set_input(index, DLTensor), run(), get_output(index, DLTensor) -------------

Exec dl_exec;

DLTensor make_tensor(void* data, aot::DataType dtype, int ndim, std::int64_t* shape) {
  DLTensor t{};
  t.data = data;
  t.device.device_type = kDLCPU;
  t.device.device_id = 0;
  t.ndim = ndim;
  t.dtype = aot::to_dlpack(dtype);
  t.shape = shape;
  t.strides = nullptr;
  t.byte_offset = 0;
  return t;
}

void run_dltensor(Findings& f) {
  // Inputs as TVM describes them: its dtype and shape.
  std::array<std::vector<unsigned char>, kIn> inputs;
  std::array<std::array<std::int64_t, 8>, kIn> shapes{};
  for (std::size_t i = 0; i < kIn; ++i) {
    const aot::TensorInfo info = *Exec::get_input_info(i);
    const facts::Tensor* tvm = nullptr;
    for (const facts::Tensor& t : facts::kinputs) {
      if (info.raw_name == t.name) tvm = &t;
    }
    aot::DataType dtype{};
    if (tvm == nullptr || !parse_dtype(tvm->dtype, dtype) || !read_file(tvm->file, inputs[i])) {
      f.problems.push_back("DLTensor: no usable TVM input for '" + std::string(info.raw_name) +
                           "'");
      return;
    }
    std::copy(tvm->shape, tvm->shape + 8, shapes[i].begin());
    const DLTensor t = make_tensor(inputs[i].data(), dtype, tvm->ndim, shapes[i].data());
    const aot::Status s = dl_exec.set_input(i, t);
    if (!s) {
      f.problems.push_back(std::string("DLTensor: set_input(") + std::to_string(i) +
                           ") refused TVM's tensor: " + s.to_string().c_str());
      return;
    }
  }
  // Outputs start as a pattern no model writes by chance, so a run that writes nothing fails.
  for (std::size_t o = 0; o < kOut; ++o) {
    const aot::Result<DLTensor> view = dl_exec.get_output(o);
    std::memset(view->data, 0xA5, Exec::get_output_info(o)->size_bytes);
  }
  const aot::Status s = dl_exec.run();
  if (!s) {
    f.problems.push_back(std::string("DLTensor: run() failed: ") + s.to_string().c_str());
    return;
  }
  for (std::size_t o = 0; o < kOut; ++o) {
    const aot::TensorInfo info = *Exec::get_output_info(o);
    const facts::Tensor& tvm = facts::koutputs[o];
    aot::DataType dtype{};
    if (!parse_dtype(tvm.dtype, dtype)) {
      f.problems.push_back(std::string("TVM's dtype '") + tvm.dtype + "' is not one aot knows");
      return;
    }
    std::vector<unsigned char> out(info.size_bytes);
    std::array<std::int64_t, 8> shape{};
    std::copy(tvm.shape, tvm.shape + 8, shape.begin());
    DLTensor t = make_tensor(out.data(), dtype, tvm.ndim, shape.data());
    aot::Status got = dl_exec.get_output(o, t);
    // A shape no file of the MLF states is aot's flat guess: said, then read with it.
    const bool same_shape = static_cast<std::size_t>(tvm.ndim) == info.shape.size() &&
                            std::equal(info.shape.begin(), info.shape.end(), tvm.shape);
    if (!same_shape) {
      f.notes.push_back("output " + std::to_string(o) + " '" + std::string(info.raw_name) +
                        "' has shape " + shape_text(info.shape.data(), info.shape.size()) +
                        " here, " + shape_text(tvm.shape, static_cast<std::size_t>(tvm.ndim)) +
                        " in TVM" + (got ? "" : " (a DLTensor of TVM's shape is refused)"));
      std::copy(info.shape.begin(), info.shape.end(), shape.begin());
      t = make_tensor(out.data(), dtype, static_cast<int>(info.shape.size()), shape.data());
      got = dl_exec.get_output(o, t);
    }
    if (!got) {
      f.problems.push_back(std::string("DLTensor: get_output(") + std::to_string(o) +
                           ") refused: " + got.to_string().c_str());
      return;
    }
    compare("DLTensor get_output", o, out.data(), f);
  }
}

const char* convention() {
  switch (Model::convention) {
    case aot::Convention::kCInterface:
      return "C interface";
    case aot::Convention::kPacked:
      return "packed";
    case aot::Convention::kUnpacked:
      return "unpacked";
  }
  return "?";
}

std::string verdict(const Findings& f) {
  if (!f.problems.empty()) return "FAILED: " + f.problems.front();
  return "ok";
}

}  // namespace

int main() {
  bool usable = true;
  std::string head;
  // What TVM says of the outputs that no run can change: their number, dtypes and sizes.
  Findings facts_check;
  if (std::size(facts::koutputs) != kOut) {
    facts_check.problems.push_back(std::to_string(kOut) + " outputs here, TVM's " +
                                   std::to_string(std::size(facts::koutputs)));
    usable = false;
  }
  for (std::size_t o = 0; usable && o < kOut; ++o) {
    const aot::TensorInfo info = *Exec::get_output_info(o);
    aot::DataType dtype{};
    if (!parse_dtype(facts::koutputs[o].dtype, dtype) || dtype != info.dtype) {
      facts_check.problems.push_back("output " + std::to_string(o) + " '" +
                                     std::string(info.raw_name) + "': dtype differs from TVM's " +
                                     facts::koutputs[o].dtype);
      usable = false;
    }
    if (!read_file(facts::koutputs[o].file, expected[o].bytes)) {
      facts_check.problems.push_back(std::string("cannot read ") + facts::koutputs[o].file);
      usable = false;
    }
  }

  // TVM's metadata module, where the C has one: the counts TVM's own runtime would see.
  std::string tvm_metadata;
  if constexpr (aot::has_tvm_metadata<Model>) {
    const TVMMetadata* md = aot::tvm_metadata<Model>();
    if (md == nullptr || md->version != 1 || md->num_inputs != static_cast<std::int64_t>(kIn) ||
        md->num_outputs != static_cast<std::int64_t>(kOut)) {
      facts_check.problems.push_back("aot::tvm_metadata: not TVMMetadata version 1 with " +
                                     std::to_string(kIn) + " inputs and " + std::to_string(kOut) +
                                     " outputs");
      usable = false;
    } else {
      tvm_metadata = ", TVMMetadata ok";
    }
  }

  Findings typed;
  Findings dl;
  if (usable) {
    run_typed(typed, std::make_index_sequence<kIn>{}, std::make_index_sequence<kOut>{});
    run_dltensor(dl);
  }

  std::string line = std::string("conformance: ") + CONFORMANCE_SAMPLE + ": " + convention() +
                     ", " + std::to_string(kIn) + " in " + std::to_string(kOut) + " out: ";
  if (!usable) {
    line += "FAILED: " + facts_check.problems.front();
  } else {
    line += "typed " + verdict(typed) + ", DLTensor " + verdict(dl) + tvm_metadata;
  }
  const bool ok = usable && typed.problems.empty() && dl.problems.empty();
  if (ok) {
    const double err = std::max(typed.max_rel_err, dl.max_rel_err);
    const bool floats = typed.any_float || dl.any_float;
    const bool integers = typed.any_integer || dl.any_integer;
    if (floats && integers) {
      line += " (integers exact, max rel err " + error_text(err) + ")";
    } else if (floats) {
      line += " (max rel err " + error_text(err) + ")";
    } else {
      line += " (exact)";
    }
  }
  for (const std::string& note : dl.notes) line += "; note: " + note;
  std::printf("%s\n", line.c_str());
  // Every problem, after the line, for whoever reads a failure.
  for (const Findings* f : {&facts_check, &typed, &dl}) {
    for (const std::string& p : f->problems) std::printf("  %s\n", p.c_str());
  }
  return ok ? 0 : 1;
}
