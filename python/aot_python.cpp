// SPDX-License-Identifier: Apache-2.0
// The Python side of a model's extension (aot_add_python_module): the Model class over a
// Runner, numpy arrays in and out, aot's Status turned into Python's exceptions. Compiled once
// per build and linked into every model's module; each module's classes are its own
// (py::module_local), so any number of models load into one interpreter.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "aot_python.hpp"

namespace py = pybind11;

namespace aot::python {

PyObject* init_module(const char* module, ModelDesc (*describe)(),
                      std::unique_ptr<Runner> (*make)());

namespace {

// One model per shared object: the module's state is the library's.
struct State {
  std::string module;
  ModelDesc desc;
  std::unique_ptr<Runner> (*make)() = nullptr;
  int live = 0;                     // Model objects alive
  PyObject* record_type = nullptr;  // OperatorRecord, kept for the process's life
};

State& state() {
  static State s;
  return s;
}

const char* model_name() { return state().desc.name.c_str(); }

std::string text_of(py::handle h) { return py::str(h).cast<std::string>(); }

/// TVM's name of a dtype (int8, float32, bool, ...), as aot's messages write it.
std::string dtype_name(DataType t) {
  char buf[32];
  ::aot::detail::TextWriter(buf, sizeof buf).put_dtype(t);
  return buf;
}

/// The numpy dtype of a tensor's elements; bfloat16, which numpy lacks, as its uint16 bits.
py::dtype numpy_dtype(DataType t) {
  if (t.lanes == 1) {
    if ((t.code == kUInt && t.bits == 1) || (t.code == kBool && t.bits == 8)) {
      return py::dtype("bool");
    }
    if (t.code == kBfloat && t.bits == 16) return py::dtype("uint16");
    const bool sized = t.bits == 8 || t.bits == 16 || t.bits == 32 || t.bits == 64;
    if (sized && (t.code == kInt || t.code == kUInt || (t.code == kFloat && t.bits != 8))) {
      return py::dtype(dtype_name(t));
    }
  }
  return py::dtype("V" + std::to_string((std::size_t{t.bits} * t.lanes + 7) / 8));
}

std::string shape_text(const std::vector<std::int64_t>& shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i != 0) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + (shape.size() == 1 ? ",)" : ")");
}

std::string tensor_text(const TensorDesc& t) {
  std::string s = dtype_name(t.dtype) + "[";
  for (std::size_t i = 0; i < t.shape.size(); ++i) {
    if (i != 0) s += ", ";
    s += std::to_string(t.shape[i]);
  }
  return s + "]";
}

const char* role_word(Role role) { return role == Role::kInput ? "input" : "output"; }

const std::vector<TensorDesc>& tensors(Role role) {
  return role == Role::kInput ? state().desc.inputs : state().desc.outputs;
}

/// The message of a Status; a failed run's whole text (to_string's storage is fixed).
std::string message(const Status& s) {
  if (s.code() == Errc::kEntryFailed) {
    std::string m = std::string(s.model() != nullptr ? s.model() : "model") +
                    ": the entry function returned " + std::to_string(s.entry_code());
    if (s.text() != nullptr && *s.text() != '\0') m += std::string(": ") + s.text();
    return m;
  }
  return s.to_string().c_str();
}

/// Raises the Python exception for a failed Status: TypeError for a dtype, ValueError for a
/// shape or a count, KeyError for a name, IndexError for an index, RuntimeError for a run.
[[noreturn]] void raise(const Status& s, const std::string& more = {}) {
  const std::string m = message(s) + more;
  switch (s.code()) {
    case Errc::kDtypeMismatch:
      throw py::type_error(m);
    case Errc::kNdimMismatch:
    case Errc::kShapeMismatch:
    case Errc::kSizeMismatch:
    case Errc::kStridesNotCompact:
    case Errc::kByteOffsetMisaligned:
    case Errc::kByteOffsetOverflow:
    case Errc::kNullData:
      throw py::value_error(m);
    case Errc::kUnknownName:
      throw py::key_error(m);
    case Errc::kIndexOutOfRange:
      throw py::index_error(m);
    default:
      throw std::runtime_error(m);
  }
}

/// "model: input 'x' (index 0): " as aot's messages begin.
std::string tensor_prefix(Role role, std::size_t index) {
  return std::string(model_name()) + ": " + role_word(role) + " '" + tensors(role)[index].raw_name +
         "' (index " + std::to_string(index) + "): ";
}

std::string names_of(Role role) {
  std::string s;
  for (const TensorDesc& t : tensors(role)) s += (s.empty() ? "" : ", ") + t.raw_name;
  return s.empty() ? "none" : s;
}

std::size_t find_name(Role role, const std::string& name) {
  const auto& list = tensors(role);
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (sanitized_equal(name, list[i].name)) return i;
  }
  return npos;
}

/// Input or output `key`: an index or a name (raw or sanitised).
std::size_t index_of(py::handle key, Role role) {
  const std::size_t n = tensors(role).size();
  if (py::isinstance<py::str>(key)) {
    const auto name = key.cast<std::string>();
    const std::size_t i = find_name(role, name);
    if (i == npos) {
      raise(Status(Errc::kUnknownName, model_name()).with_role(role),
            ": '" + name + "' (" + role_word(role) + "s: " + names_of(role) + ")");
    }
    return i;
  }
  if (!py::isinstance<py::bool_>(key) && PyIndex_Check(key.ptr()) != 0) {
    const auto i = key.cast<long long>();
    if (i < 0 || static_cast<unsigned long long>(i) >= n) {
      raise(Status(Errc::kIndexOutOfRange, model_name())
                .with_role(role)
                .with_values(static_cast<std::int64_t>(n), static_cast<std::int64_t>(i)));
    }
    return static_cast<std::size_t>(i);
  }
  throw py::type_error(std::string(model_name()) + ": an " + role_word(role) +
                       " is named by its index or its name, not by a " +
                       text_of(key.get_type().attr("__name__")));
}

/// `value` as an array the executor can copy from: the same values in C order. Only `cast`
/// changes the element type.
py::array input_array(py::handle value, std::size_t index, bool cast) {
  const TensorDesc& t = state().desc.inputs[index];
  py::array a = py::array::ensure(value);
  if (!a) {
    throw py::type_error(tensor_prefix(Role::kInput, index) + "expected an array of " +
                         tensor_text(t) + ", got " + text_of(value.get_type().attr("__name__")));
  }
  if (cast) {
    if (t.dtype.code == kBfloat) {
      throw py::type_error(tensor_prefix(Role::kInput, index) +
                           "numpy has no bfloat16 to cast to: give the bits as uint16");
    }
    a = py::array::ensure(a.attr("astype")(numpy_dtype(t.dtype), py::arg("copy") = false));
  }
  if ((a.flags() & py::array::c_style) == 0) {
    a = py::array::ensure(a, py::array::c_style);
  }
  return a;
}

/// The DLTensor dtype of a numpy dtype, or a TypeError in aot's words for one that has none.
DataType dl_dtype(const py::array& a, std::size_t index) {
  const TensorDesc& t = state().desc.inputs[index];
  const py::dtype dt = a.dtype();
  const auto bits = static_cast<std::uint8_t>(dt.itemsize() * 8);
  const char kind = dt.kind();
  const bool native = dt.attr("isnative").cast<bool>();
  std::uint8_t code = kOpaqueHandle;
  if (kind == 'i') code = kInt;
  if (kind == 'u') code = kUInt;
  if (kind == 'f') code = kFloat;
  if (kind == 'c') code = kComplex;
  if (kind == 'b') code = kBool;
  if (!native || code == kOpaqueHandle || dt.itemsize() > 32) {
    throw py::type_error(tensor_prefix(Role::kInput, index) + "dtype is " + text_of(dt) +
                         (native ? "" : " (not native byte order)") + ", expected " +
                         dtype_name(t.dtype));
  }
  // bfloat16 travels as its uint16 bits; numpy's bool is TVM's (uint1, a byte each).
  if (t.dtype.code == kBfloat && t.dtype.bits == 16 && code == kUInt && bits == 16) return t.dtype;
  if (code == kBool) return DataType{kUInt, 1, 1};
  return DataType{code, bits, 1};
}

void set_one(Runner& runner, std::size_t index, py::handle value, bool cast) {
  const py::array a = input_array(value, index, cast);
  const DataType dtype = dl_dtype(a, index);
  std::vector<std::int64_t> shape(a.shape(), a.shape() + a.ndim());
  const DlTensor tensor{const_cast<void*>(a.data()),  // NOLINT: the executor only reads it
                        DlDevice{1, 0},
                        static_cast<std::int32_t>(a.ndim()),
                        DlDataType{dtype.code, dtype.bits, dtype.lanes},
                        shape.data(),
                        nullptr,
                        0};
  const Status s = runner.set_input(index, tensor);
  if (!s) raise(s, s.code() == Errc::kDtypeMismatch && !cast ? " (cast=True converts)" : "");
}

py::array output_array(const TensorDesc& t, const void* data, bool copy, py::handle base) {
  const std::vector<py::ssize_t> shape(t.shape.begin(), t.shape.end());
  if (copy) {
    py::array a(numpy_dtype(t.dtype), shape);
    if (t.size_bytes != 0) std::memcpy(a.mutable_data(), data, t.size_bytes);
    return a;
  }
  // A view of the executor's buffer: read-only, and keeping the Model alive.
  py::array a(numpy_dtype(t.dtype), shape, std::vector<py::ssize_t>{}, data, base);
  py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return a;
}

class Tensor {
 public:
  Tensor(Role role, std::size_t index) : role_(role), index_(index) {}
  const TensorDesc& desc() const { return tensors(role_)[index_]; }
  std::size_t index() const { return index_; }
  Role role() const { return role_; }

 private:
  Role role_;
  std::size_t index_;
};

py::list tensor_list(Role role) {
  py::list l;
  for (std::size_t i = 0; i < tensors(role).size(); ++i) l.append(Tensor(role, i));
  return l;
}

py::object scale_of(const TensorDesc& t) {
  if (t.quant.kind == Quantization::kNone) return py::none();
  if (t.quant.kind == Quantization::kPerTensor) return py::float_(t.quant.scales[0]);
  return py::array(py::dtype("float32"), {static_cast<py::ssize_t>(t.quant.scales.size())},
                   t.quant.scales.data());
}

py::object zero_point_of(const TensorDesc& t) {
  if (t.quant.kind == Quantization::kNone) return py::none();
  if (t.quant.kind == Quantization::kPerTensor) return py::int_(t.quant.zero_points[0]);
  return py::array(py::dtype("int32"), {static_cast<py::ssize_t>(t.quant.zero_points.size())},
                   t.quant.zero_points.data());
}

std::string tensor_repr(const Tensor& tensor) {
  const TensorDesc& t = tensor.desc();
  std::string s = "Tensor(" + std::string(role_word(tensor.role())) + " " +
                  std::to_string(tensor.index()) + ", name='" + t.name + "'";
  if (t.raw_name != t.name) s += ", raw_name='" + t.raw_name + "'";
  s += ", shape=" + shape_text(t.shape) + ", dtype=" + dtype_name(t.dtype);
  if (t.quant.kind == Quantization::kPerTensor) {
    s += ", scale=" + py::repr(scale_of(t)).cast<std::string>() +
         ", zero_point=" + std::to_string(t.quant.zero_points[0]);
  } else if (t.quant.kind == Quantization::kPerAxis) {
    s += ", per-axis quantization along axis " + std::to_string(t.quant.axis);
  }
  return s + ")";
}

py::dict memory_dict() {
  const MemoryReport& m = state().desc.memory;
  py::dict d;
  d["inputs"] = m.inputs;
  d["outputs"] = m.outputs;
  d["workspace"] = m.workspace;
  d["pools"] = m.pools;
  d["constant_pools"] = m.constant_pools;
  d["internal_pools"] = m.internal_pools;
  d["internal_constants"] = m.internal_constants;
  d["total"] = m.total;
  d["executor"] = m.executor;
  return d;
}

py::object target_of() {
  const ModelDesc& d = state().desc;
  return d.has_target ? py::object(py::str(d.target)) : py::object(py::none());
}

/// A tensor named `name` among the inputs, else the outputs.
std::pair<Role, std::size_t> find_any(const std::string& name) {
  for (const Role role : {Role::kInput, Role::kOutput}) {
    const std::size_t i = find_name(role, name);
    if (i != npos) return {role, i};
  }
  raise(Status(Errc::kUnknownName, model_name()),
        ": '" + name + "' (inputs: " + names_of(Role::kInput) +
            "; outputs: " + names_of(Role::kOutput) + ")");
}

const TensorDesc& quantized(const std::string& name, Role* role, std::size_t* index) {
  std::tie(*role, *index) = find_any(name);
  const TensorDesc& t = tensors(*role)[*index];
  if (t.quant.kind == Quantization::kNone) {
    throw py::value_error(tensor_prefix(*role, *index) +
                          "has no scale and zero point (the model type gives none; "
                          "aot_add_model's QUANT can)");
  }
  return t;
}

void check_per_axis_shape(const TensorDesc& t, const py::array& a, Role role, std::size_t i) {
  if (t.quant.kind != Quantization::kPerAxis) return;
  const std::vector<std::int64_t> shape(a.shape(), a.shape() + a.ndim());
  if (shape != t.shape) {
    throw py::value_error(tensor_prefix(role, i) +
                          "per-axis parameters need the whole tensor: shape " + shape_text(shape) +
                          ", expected " + shape_text(t.shape));
  }
}

/// Real values to tensor `name`'s integers with its scale and zero point (aot::quantize).
py::array quantize(const std::string& name, py::handle values) {
  Role role{};
  std::size_t index = 0;
  const TensorDesc& t = quantized(name, &role, &index);
  py::array in = py::array::ensure(values);
  const char kind = in ? in.dtype().kind() : 'O';
  if (kind != 'f' && kind != 'i' && kind != 'u' && kind != 'b') {
    throw py::type_error(tensor_prefix(role, index) + "quantize takes real numbers, got " +
                         (in ? text_of(in.dtype()) : std::string("no array")));
  }
  in = py::array::ensure(in.attr("astype")(py::dtype("float32")), py::array::c_style);
  check_per_axis_shape(t, in, role, index);
  const std::vector<py::ssize_t> shape(in.shape(), in.shape() + in.ndim());
  py::array out(numpy_dtype(t.dtype), shape);
  t.quantize(static_cast<const float*>(in.data()), out.mutable_data(),
             static_cast<std::size_t>(in.size()));
  return out;
}

/// Tensor `name`'s integers to real values (aot::dequantize), float32.
py::array dequantize(const std::string& name, py::handle values) {
  Role role{};
  std::size_t index = 0;
  const TensorDesc& t = quantized(name, &role, &index);
  py::array in = py::array::ensure(values);
  const char kind = in ? in.dtype().kind() : 'O';
  if (kind != 'i' && kind != 'u') {
    throw py::type_error(tensor_prefix(role, index) + "dequantize takes the tensor's integers (" +
                         dtype_name(t.dtype) + "), got " +
                         (in ? text_of(in.dtype()) : std::string("no array")));
  }
  // Any integer type whose values the tensor's type holds: nothing is changed by converting.
  const py::dtype want = numpy_dtype(t.dtype);
  if (in.size() != 0) {
    const py::module_ np = py::module_::import("numpy");
    const py::object info = np.attr("iinfo")(want);
    const py::object lo = in.attr("min")();
    const py::object hi = in.attr("max")();
    if (lo < info.attr("min") || hi > info.attr("max")) {
      const py::object bad = lo < info.attr("min") ? lo : hi;
      throw py::value_error(tensor_prefix(role, index) + "value " + text_of(bad) + " is outside " +
                            dtype_name(t.dtype) + "'s range");
    }
  }
  in = py::array::ensure(in.attr("astype")(want), py::array::c_style);
  check_per_axis_shape(t, in, role, index);
  const std::vector<py::ssize_t> shape(in.shape(), in.shape() + in.ndim());
  py::array out(py::dtype("float32"), shape);
  t.dequantize(in.data(), static_cast<float*>(out.mutable_data()),
               static_cast<std::size_t>(in.size()));
  return out;
}

class Model {
 public:
  Model() {
    State& st = state();
    if (st.desc.singleton && st.live > 0) {
      throw std::runtime_error(
          st.desc.name +
          ": one Model at a time: the generated code keeps its memory pools in static storage "
          "(internal pools, one set per process), and a Model of it is alive: delete it first");
    }
    runner_ = st.make();
    ++st.live;
  }
  ~Model() { --state().live; }
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  Runner& runner() { return *runner_; }

  /// run(*args, **kwargs): the inputs by position, in a dict or by name; all or none.
  py::list run(py::handle self, const py::args& args, const py::kwargs& kwargs) {
    bool cast = false;
    bool copy = true;
    const std::size_t n = state().desc.inputs.size();
    std::vector<py::handle> given(n);
    std::size_t count = 0;
    const auto give = [&](std::size_t i, py::handle v) {
      if (given[i]) {
        throw py::type_error(std::string(model_name()) + ": run() got input '" +
                             state().desc.inputs[i].raw_name + "' twice");
      }
      given[i] = v;
      ++count;
    };
    py::tuple positional = args;
    if (args.size() == 1 && py::isinstance<py::dict>(args[0])) {
      for (const auto item : args[0].cast<py::dict>())
        give(index_of(item.first, Role::kInput), item.second);
      positional = py::tuple();
    }
    if (positional.size() > n) {
      throw py::type_error(std::string(model_name()) + ": run() takes " + std::to_string(n) +
                           " input" + (n == 1 ? "" : "s") + " (" + names_of(Role::kInput) + "), " +
                           std::to_string(positional.size()) + " given");
    }
    for (std::size_t i = 0; i < positional.size(); ++i) give(i, positional[i]);
    for (const auto item : kwargs) {
      const auto key = item.first.cast<std::string>();
      // The options, unless an input has the name and this is not a bool but its array.
      const bool option =
          (key == "cast" || key == "copy") &&
          (find_name(Role::kInput, key) == npos || py::isinstance<py::bool_>(item.second));
      if (option) {
        (key == "cast" ? cast : copy) = item.second.cast<bool>();
      } else {
        give(index_of(item.first, Role::kInput), item.second);
      }
    }
    if (count != 0 && count != n) {
      std::string missing;
      for (std::size_t i = 0; i < n; ++i) {
        if (!given[i])
          missing += (missing.empty() ? "'" : ", '") + state().desc.inputs[i].raw_name + "'";
      }
      throw py::type_error(std::string(model_name()) + ": run() takes all " + std::to_string(n) +
                           " inputs or none (none: the inputs set before); missing " + missing);
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (given[i]) set_one(*runner_, i, given[i], cast);
    }
    run_once();
    return outputs(self, copy);
  }

  /// Ctrl-C stops a long time() or profile() between runs.
  static void interruptible() {
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  }

  void run_once() {
    const Status s = runner_->run();
    if (!s) raise(s);
  }

  py::list outputs(py::handle self, bool copy) {
    py::list l;
    const auto& outs = state().desc.outputs;
    for (std::size_t i = 0; i < outs.size(); ++i) {
      l.append(output_array(outs[i], runner_->output_data(i), copy, self));
    }
    return l;
  }

  void set_input(py::handle key, py::handle value, bool cast) {
    set_one(*runner_, index_of(key, Role::kInput), value, cast);
  }

  py::array get_input(py::handle self, py::handle key, bool copy) {
    const std::size_t i = index_of(key, Role::kInput);
    return output_array(state().desc.inputs[i], runner_->input_data(i), copy, self);
  }

  py::array get_output(py::handle self, py::handle key, bool copy) {
    const std::size_t i = index_of(key, Role::kOutput);
    return output_array(state().desc.outputs[i], runner_->output_data(i), copy, self);
  }

  py::array time(long long repeat, long long number) {
    if (repeat < 1 || number < 1) {
      throw py::value_error(std::string(model_name()) +
                            ": time() needs repeat >= 1 and number >= 1");
    }
    py::array_t<double> out(static_cast<py::ssize_t>(repeat));
    auto w = out.mutable_unchecked<1>();
    for (long long r = 0; r < repeat; ++r) {
      const auto start = std::chrono::steady_clock::now();
      for (long long k = 0; k < number; ++k) run_once();
      interruptible();
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      w(r) = took.count() / static_cast<double>(number);
    }
    return std::move(out);
  }

  void require_operators() const {
    if (state().desc.operators.empty()) {
      throw std::runtime_error(state().desc.name +
                               ": no operator table: build the model with PROFILE "
                               "(aot_add_model(... PROFILE)) to time its operators");
    }
  }

  py::object profile(long long runs) {
    require_operators();
    if (runs < 1) throw py::value_error(std::string(model_name()) + ": profile() needs runs >= 1");
    runner_->reset_profile();
    for (long long k = 0; k < runs; ++k) {
      run_once();
      interruptible();
    }
    const OperatorTimes t = runner_->operator_times();
    const auto& ops = state().desc.operators;
    const py::handle record(state().record_type);
    py::list rows;
    for (std::size_t k = 0; k < ops.size(); ++k) {
      const double total = static_cast<double>(t.total_ns[k]) * 1e-9;
      const double mean = t.calls[k] == 0 ? 0.0 : total / static_cast<double>(t.calls[k]);
      const double share = t.run_total_ns == 0 ? 0.0
                                               : 100.0 * static_cast<double>(t.total_ns[k]) /
                                                     static_cast<double>(t.run_total_ns);
      rows.append(record(ops[k], t.calls[k], total, mean, share));
    }
    return std::move(rows);
  }

  py::dict profile_summary() {
    require_operators();
    const OperatorTimes t = runner_->operator_times();
    py::dict d;
    d["runs"] = t.runs;
    d["run_total"] = static_cast<double>(t.run_total_ns) * 1e-9;
    d["operators_total"] = static_cast<double>(t.operators_total_ns) * 1e-9;
    d["clock_went_back"] = t.clock_went_back;
    return d;
  }

  std::string profile_table() {
    require_operators();
    return runner_->operator_times().table;
  }

 private:
  std::unique_ptr<Runner> runner_;
};

py::str st_module() { return py::str(state().module); }

std::string model_repr() {
  const ModelDesc& d = state().desc;
  std::string s = "<" + state().module + ".Model of " + d.name + ": ";
  for (const Role role : {Role::kInput, Role::kOutput}) {
    const auto& list = tensors(role);
    if (role == Role::kOutput) s += " -> ";
    for (std::size_t i = 0; i < list.size(); ++i) {
      s += (i == 0 ? "" : ", ") + list[i].raw_name + " " + tensor_text(list[i]);
    }
  }
  return s + ">";
}

constexpr const char* kRunDoc = R"(Sets the inputs, runs the model, returns its outputs.

run(x, y), run(a=x, b=y), run({"a": x, "b": y}): every input, by position, by name (raw or
sanitised) or in a dict; run() with none runs on the inputs set before. Each array must have
the input's dtype and shape exactly: a wrong dtype raises TypeError, a wrong shape ValueError,
an unknown name KeyError, a wrong count TypeError. Nothing is converted unless cast=True
(numpy's astype to the input's dtype). A failed run raises RuntimeError with the model's
message.

Returns a list of numpy arrays, one per output, copies the caller owns; copy=False returns
read-only views of the executor's buffers instead, valid until the next run.
(For a model with an input named cast or copy, True or False is the option, an array the input.))";

void define(py::module_& m) {
  const ModelDesc& d = state().desc;
  m.doc() = "The model " + d.name + " (C++ type " + d.type_name +
            ") compiled ahead of time by TVM, run by aot::AotExecutor: the C that ships.";

  py::class_<Tensor>(m, "Tensor", py::module_local(), "One input or output of the model.")
      .def_property_readonly(
          "name", [](const Tensor& t) { return t.desc().name; }, "Sanitised, as in the C header.")
      .def_property_readonly(
          "raw_name", [](const Tensor& t) { return t.desc().raw_name; }, "As in the source model.")
      .def_property_readonly(
          "index", [](const Tensor& t) { return t.index(); },
          "Position among the inputs or outputs.")
      .def_property_readonly(
          "shape", [](const Tensor& t) { return py::tuple(py::cast(t.desc().shape)); },
          "Dimensions.")
      .def_property_readonly(
          "dtype", [](const Tensor& t) { return numpy_dtype(t.desc().dtype); },
          "numpy dtype of the elements (bfloat16 as uint16 bits).")
      .def_property_readonly(
          "dtype_name", [](const Tensor& t) { return dtype_name(t.desc().dtype); },
          "TVM's name of the element type.")
      .def_property_readonly(
          "size", [](const Tensor& t) { return t.desc().size; }, "Elements.")
      .def_property_readonly(
          "nbytes", [](const Tensor& t) { return t.desc().size_bytes; }, "Bytes.")
      .def_property_readonly(
          "scale", [](const Tensor& t) { return scale_of(t.desc()); },
          "Quantization scale (float), per-axis scales (array), or None.")
      .def_property_readonly(
          "zero_point", [](const Tensor& t) { return zero_point_of(t.desc()); },
          "Quantization zero point (int), per-axis zero points (array), or None.")
      .def_property_readonly(
          "axis",
          [](const Tensor& t) {
            return t.desc().quant.kind == Quantization::kPerAxis
                       ? py::object(py::int_(t.desc().quant.axis))
                       : py::object(py::none());
          },
          "Per-axis quantization: the dimension; else None.")
      .def("__repr__", &tensor_repr);

  py::class_<Model>(m, "Model", py::module_local(),
                    "One executor of the model: its own input, output and workspace memory.")
      .def(py::init<>())
      .def_property_readonly_static(
          "name", [](const py::object&) { return state().desc.name; }, "The TVM module name.")
      .def_property_readonly_static(
          "target", [](const py::object&) { return target_of(); },
          "The TVM target the C was built for, or None.")
      .def_property_readonly_static(
          "inputs", [](const py::object&) { return tensor_list(Role::kInput); }, "The inputs.")
      .def_property_readonly_static(
          "outputs", [](const py::object&) { return tensor_list(Role::kOutput); }, "The outputs.")
      .def_property_readonly_static(
          "profiled", [](const py::object&) { return !state().desc.operators.empty(); },
          "Whether the model was built with PROFILE (profile() works).")
      .def_static("memory", &memory_dict,
                  "Bytes the model needs, known at compile time (aot::MemoryReport).")
      .def(
          "workspace_peak",
          [](Model& self) {
            const std::size_t peak = self.runner().workspace_peak();
            if (peak == Runner::kPeakNotKept) {
              throw std::runtime_error(
                  "workspace_peak(): the module was built without AOT_WORKSPACE_AUDIT=ON, so no "
                  "run keeps the arena's high-water mark");
            }
            return peak;
          },
          "Workspace arena bytes in use at the highest point so far (modules built with "
          "AOT_WORKSPACE_AUDIT=ON).")
      .def(
          "run",
          [](const py::object& self, const py::args& args, const py::kwargs& kwargs) {
            return self.cast<Model&>().run(self, args, kwargs);
          },
          kRunDoc)
      .def(
          "__call__",
          [](const py::object& self, const py::args& args, const py::kwargs& kwargs) {
            return self.cast<Model&>().run(self, args, kwargs);
          },
          "Same as run().")
      .def(
          "set_input",
          [](Model& self, const py::object& key, const py::object& value, bool cast,
             const py::kwargs& params) {
            if (!key.is_none()) self.set_input(key, value, cast);
            for (const auto item : params) self.set_input(item.first, item.second, cast);
          },
          py::arg("key") = py::none(), py::arg("value") = py::none(), py::kw_only(),
          py::arg("cast") = false,
          "Copies an array into input `key` (index or name), checked as run() checks; or "
          "set_input(name=array, ...).")
      .def(
          "get_input",
          [](const py::object& self, const py::object& key, bool copy) {
            return self.cast<Model&>().get_input(self, key, copy);
          },
          py::arg("key"), py::arg("copy") = true, "Input `key` (index or name) as it is now.")
      .def(
          "get_output",
          [](const py::object& self, const py::object& key, bool copy) {
            return self.cast<Model&>().get_output(self, key, copy);
          },
          py::arg("key"), py::arg("copy") = true,
          "Output `key` (index or name) of the last run: a copy, or with copy=False a "
          "read-only view valid until the next run.")
      .def(
          "get_outputs",
          [](const py::object& self, bool copy) { return self.cast<Model&>().outputs(self, copy); },
          py::arg("copy") = true, "Every output of the last run, as run() returns them.")
      .def_static("get_num_inputs", [] { return state().desc.inputs.size(); })
      .def_static("get_num_outputs", [] { return state().desc.outputs.size(); })
      .def_static(
          "get_input_index", [](const py::object& name) { return index_of(name, Role::kInput); },
          py::arg("name"), "Index of the input named `name` (raw or sanitised); KeyError if none.")
      .def_static(
          "get_output_index", [](const py::object& name) { return index_of(name, Role::kOutput); },
          py::arg("name"), "Index of the output named `name`; KeyError if none.")
      .def_static("quantize", &quantize, py::arg("name"), py::arg("values"),
                  "Real values to the integers of tensor `name` with its scale and zero point, as "
                  "TFLite's Quantize (aot::quantize: x / scale in float32, rounded half away from "
                  "zero, plus the zero point, saturated).")
      .def_static("dequantize", &dequantize, py::arg("name"), py::arg("values"),
                  "Integers of tensor `name` to float32: scale * (q - zero_point) "
                  "(aot::dequantize).")
      .def("time", &Model::time, py::arg("repeat") = 1, py::arg("number") = 1,
           "Runs the model repeat x number times on the inputs set; returns the mean time of a "
           "run in each repeat, in seconds (numpy float64), as TVM's time_evaluator.")
      .def("profile", &Model::profile, py::arg("runs") = 1,
           "Runs the model `runs` times and returns its operator table, one OperatorRecord per "
           "operator in the order __tvm_main__ first calls them: name, calls, total and mean "
           "per call (seconds), share (percent of the runs' time). Needs a model built with "
           "PROFILE.")
      .def("profile_summary", &Model::profile_summary,
           "The last profile's runs, run_total and operators_total (seconds) and how often the "
           "clock went back.")
      .def("profile_table", &Model::profile_table,
           "The last profile's table as the C++ OperatorTimer writes it (times in ns).")
      .def("__repr__", [](const Model&) { return model_repr(); });

  py::object record = py::module_::import("collections")
                          .attr("namedtuple")("OperatorRecord", "name calls total mean share",
                                              py::arg("module") = st_module());
  m.attr("OperatorRecord") = record;
  state().record_type = record.release().ptr();
  m.attr("name") = d.name;
  m.attr("target") = target_of();
  m.attr("inputs") = tensor_list(Role::kInput);
  m.attr("outputs") = tensor_list(Role::kOutput);
}

}  // namespace

/// The module's init: what PYBIND11_MODULE expands to, with the name and the model given.
PyObject* init_module(const char* module, ModelDesc (*describe)(),
                      std::unique_ptr<Runner> (*make)()) {
  PYBIND11_CHECK_PYTHON_VERSION
  PYBIND11_ENSURE_INTERNALS_READY
  static py::module_::module_def def;
  State& st = state();
  st.module = module;
  st.desc = describe();
  st.make = make;
  auto m = py::module_::create_extension_module(st.module.c_str(), nullptr, &def);
  try {
    define(m);
    return m.ptr();
  }
  PYBIND11_CATCH_INIT_EXCEPTIONS
}

}  // namespace aot::python
