// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the Python extension of one model needs from the model: its facts as run-time data, and
// an executor behind a small virtual interface. The Python side (aot_python.cpp, all of the
// pybind11 code) is then compiled once for every model, and the source aot_add_python_module
// writes per model instantiates only what is below. Nothing here includes Python.

#include <aot/aot.hpp>
#include <aot/operator_timer.hpp>
#include <aot/operators.hpp>
#include <aot/quant.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace aot::python {

/// DLTensor's layout: the executor's checked set_input(index, tensor) takes any struct with
/// its members, so numpy arrays reach the C++ API's own dtype and shape checks and messages.
struct DlDevice {
  std::int32_t device_type;
  std::int32_t device_id;
};
struct DlDataType {
  std::uint8_t code;
  std::uint8_t bits;
  std::uint16_t lanes;
};
struct DlTensor {
  void* data;
  DlDevice device;
  std::int32_t ndim;
  DlDataType dtype;
  std::int64_t* shape;
  std::int64_t* strides;
  std::uint64_t byte_offset;
};

/// A tensor's quantization as the model type states it.
struct Quantization {
  enum Kind { kNone, kPerTensor, kPerAxis };
  Kind kind = kNone;
  std::vector<float> scales;              ///< one (per tensor) or one per index of `axis`
  std::vector<std::int32_t> zero_points;  ///< as scales
  int axis = -1;                          ///< per axis: the dimension
};

/// One input or output, from the model type.
struct TensorDesc {
  std::string name;      ///< sanitised, as in the C header
  std::string raw_name;  ///< as in the source model
  DataType dtype;
  std::vector<std::int64_t> shape;
  std::size_t size = 0;        ///< elements
  std::size_t size_bytes = 0;  ///< bytes
  Quantization quant;
  /// `n` real values to the tensor's integers with its parameters (aot::quantize); false when
  /// per-axis parameters need the whole tensor and `n` is not its element count.
  bool (*quantize)(const float* in, void* out, std::size_t n) = nullptr;
  /// The tensor's integers back to real values (aot::dequantize), as quantize.
  bool (*dequantize)(const void* in, float* out, std::size_t n) = nullptr;
};

/// The model type's facts.
struct ModelDesc {
  std::string name;       ///< the TVM module name (Model::name)
  std::string type_name;  ///< the C++ type
  bool has_target = false;
  std::string target;  ///< the TVM target, when the description has one
  std::vector<TensorDesc> inputs;
  std::vector<TensorDesc> outputs;
  MemoryReport memory;
  /// Internal pools: the generated code's memory is static, one executor per process.
  bool singleton = false;
  /// Operator short names, in the order of the operator table; empty without PROFILE.
  std::vector<std::string> operators;
  std::vector<std::size_t> call_sites;  ///< calls per run, as operators
};

/// What the operator table holds, times in nanoseconds.
struct OperatorTimes {
  std::vector<std::uint64_t> calls;
  std::vector<std::uint64_t> total_ns;
  std::uint64_t runs = 0;
  std::uint64_t run_total_ns = 0;
  std::uint64_t operators_total_ns = 0;
  std::uint64_t clock_went_back = 0;
  std::string table;  ///< OperatorTimer::write_table's lines
};

/// One executor, through what Python calls.
class Runner {
 public:
  Runner() = default;
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;
  virtual ~Runner() = default;
  /// The executor's checked copy: dtype, ndim, dims, strides, data.
  virtual Status set_input(std::size_t index, const DlTensor& tensor) noexcept = 0;
  virtual Status run() noexcept = 0;
  virtual void* input_data(std::size_t index) noexcept = 0;
  virtual const void* output_data(std::size_t index) noexcept = 0;
  /// The arena's high-water mark; kPeakNotKept where runs do not keep it (AOT_WORKSPACE_AUDIT=0).
  virtual std::size_t workspace_peak() const noexcept = 0;
  static constexpr std::size_t kPeakNotKept = static_cast<std::size_t>(-1);
  /// Per-operator profiling (models built with PROFILE): forget, and read the table.
  virtual void reset_profile() noexcept = 0;
  virtual OperatorTimes operator_times() const = 0;
};

namespace detail {

template <class T, class = void>
inline constexpr bool kHasTarget = false;
template <class T>
inline constexpr bool kHasTarget<T, std::void_t<decltype(T::target)>> = true;

template <class Model>
inline constexpr bool kHasOperators = aot::detail::HasOperators<Model>::value;

/// Quantized, per tensor or per axis, with integers (what aot::quantize takes).
template <class Tag>
inline constexpr bool kQuantized = std::is_integral_v<typename Tag::element_type> &&
                                   (is_per_axis_v<Tag> || aot::detail::kHasQuantization<Tag>);

/// Per axis, aot's whole-tensor quantize (which needs `n` to be the tensor's element count);
/// per tensor, element by element, in any shape.
template <class Tag>
bool quantize_tensor(const float* in, void* out, std::size_t n) {
  using T = typename Tag::element_type;
  if constexpr (is_per_axis_v<Tag>) {
    return aot::quantize(Span<const float>(in, n), TensorView<T, Tag>(static_cast<T*>(out)));
  } else {
    for (std::size_t i = 0; i < n; ++i) static_cast<T*>(out)[i] = aot::quantize<Tag>(in[i]);
    return true;
  }
}

template <class Tag>
bool dequantize_tensor(const void* in, float* out, std::size_t n) {
  using T = typename Tag::element_type;
  if constexpr (is_per_axis_v<Tag>) {
    return aot::dequantize(TensorView<const T, Tag>(static_cast<const T*>(in)),
                           Span<float>(out, n));
  } else {
    for (std::size_t i = 0; i < n; ++i) out[i] = aot::dequantize<Tag>(static_cast<const T*>(in)[i]);
    return true;
  }
}

template <class Tag>
TensorDesc describe_tensor(const TensorInfo& info) {
  TensorDesc d;
  d.name = std::string(info.name);
  d.raw_name = std::string(info.raw_name);
  d.dtype = info.dtype;
  d.shape.assign(info.shape.begin(), info.shape.end());
  d.size = info.size;
  d.size_bytes = info.size_bytes;
  if constexpr (kQuantized<Tag>) {
    if constexpr (is_per_axis_v<Tag>) {
      d.quant.kind = Quantization::kPerAxis;
      d.quant.axis = static_cast<int>(Tag::quant_axis);
      for (std::size_t c = 0; c < Tag::scales.size(); ++c) {
        d.quant.scales.push_back(scale_of<Tag>(c));
        d.quant.zero_points.push_back(zero_point_of<Tag>(c));
      }
    } else {
      d.quant.kind = Quantization::kPerTensor;
      d.quant.scales.push_back(scale_of<Tag>());
      d.quant.zero_points.push_back(zero_point_of<Tag>());
    }
    d.quantize = &quantize_tensor<Tag>;
    d.dequantize = &dequantize_tensor<Tag>;
  }
  return d;
}

template <class Model, class Exec, std::size_t... I>
std::vector<TensorDesc> describe_inputs(std::index_sequence<I...>) {
  return {describe_tensor<input_t<Model, I>>(*Exec::get_input_info(I))...};
}
template <class Model, class Exec, std::size_t... I>
std::vector<TensorDesc> describe_outputs(std::index_sequence<I...>) {
  return {describe_tensor<output_t<Model, I>>(*Exec::get_output_info(I))...};
}

}  // namespace detail

/// The executor a Model object owns: the default one, timed per operator when the model has
/// an operator table (PROFILE), whose hooks every run then goes through.
template <class Model>
using ExecutorFor =
    std::conditional_t<detail::kHasOperators<Model>,
                       AotExecutor<Model, AOT_DEFAULT_ALIGNMENT, OwnBuffers, OwnMemory,
                                   OperatorTimer<Model, std::chrono::steady_clock>>,
                       AotExecutor<Model>>;

/// The facts of `Model`, whose C++ type is spelt `type_name`.
template <class Model>
ModelDesc describe(const char* type_name) {
  using Exec = ExecutorFor<Model>;
  ModelDesc d;
  d.name = std::string(std::string_view(Model::name));
  d.type_name = type_name;
  if constexpr (detail::kHasTarget<Model>) {
    d.has_target = true;
    d.target = std::string(std::string_view(Model::target));
  }
  d.inputs = detail::describe_inputs<Model, Exec>(std::make_index_sequence<Exec::num_inputs>{});
  d.outputs = detail::describe_outputs<Model, Exec>(std::make_index_sequence<Exec::num_outputs>{});
  d.memory = Exec::memory();
  d.singleton = aot::detail::ModelTraits<Model>::internal_pools;
  if constexpr (detail::kHasOperators<Model>) {
    for (std::size_t i = 0; i < Model::operators.size(); ++i) {
      d.operators.emplace_back(aot::detail::operator_short_name<Model>(i));
      d.call_sites.push_back(Model::operators[i].call_sites);
    }
  }
  return d;
}

/// The Runner of `Model`.
template <class Model>
class Backend final : public Runner {
  using Exec = ExecutorFor<Model>;

 public:
  Status set_input(std::size_t index, const DlTensor& tensor) noexcept override {
    return exec_.set_input(index, tensor);
  }
  Status run() noexcept override { return exec_.run(); }
  void* input_data(std::size_t index) noexcept override {
    const Result<DlTensor> t = exec_.template get_input<DlTensor>(index);
    return t ? t->data : nullptr;
  }
  const void* output_data(std::size_t index) noexcept override {
    const Result<DlTensor> t = exec_.template get_output<DlTensor>(index);
    return t ? t->data : nullptr;
  }
  std::size_t workspace_peak() const noexcept override {
#if AOT_WORKSPACE_AUDIT
    return exec_.workspace_peak();
#else
    return aot::detail::ModelTraits<Model>::uses_backend_workspace ? kPeakNotKept : 0;
#endif
  }
  void reset_profile() noexcept override {
    if constexpr (detail::kHasOperators<Model>) exec_.profiler().reset();
  }
  OperatorTimes operator_times() const override {
    OperatorTimes t;
    if constexpr (detail::kHasOperators<Model>) {
      const auto& p = exec_.profiler();
      for (std::size_t i = 0; i < Model::operators.size(); ++i) {
        t.calls.push_back(p.calls(i));
        t.total_ns.push_back(p.ticks(p.total(i)));
      }
      t.runs = p.runs();
      t.run_total_ns = p.ticks(p.run_total());
      t.operators_total_ns = p.ticks(p.operators_total());
      t.clock_went_back = p.clock_went_back();
      p.write_table([&](const char* line) { t.table += line; });
    }
    return t;
  }

 private:
  Exec exec_;
};

}  // namespace aot::python
