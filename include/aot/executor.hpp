#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "aot/config.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/detail/dl_checks.hpp"
#include "aot/detail/entry.hpp"
#include "aot/model.hpp"
#include "aot/span.hpp"
#include "aot/status.hpp"
#include "aot/tensor_view.hpp"

namespace aot {

/// What infer() returns: the run's Status and a read-only view per output. Destructures:
/// `auto r = exec.infer(a, b); if (!r) ...; auto [y] = r;`
template <class... Views>
class [[nodiscard]] InferResult {
 public:
  constexpr InferResult(Status status, std::tuple<Views...> views) noexcept
      : status_(status), views_(views) {}

  constexpr bool ok() const noexcept { return status_.ok(); }
  constexpr explicit operator bool() const noexcept { return ok(); }
  constexpr const Status& status() const noexcept { return status_; }
  template <std::size_t I>
  constexpr auto get() const noexcept {
    return std::get<I>(views_);
  }

 private:
  Status status_;
  std::tuple<Views...> views_;
};

namespace detail {

template <int Role, std::size_t I, class Tensor, std::size_t Align>
struct Slot {
  alignas(Align) typename Tensor::element_type
      data[TensorTraits<Tensor>::count > 0 ? TensorTraits<Tensor>::count : 1]{};
};

template <int Role, class Seq, class List, std::size_t Align>
struct Slots;

template <int Role, std::size_t... Is, class... Ts, std::size_t Align>
struct Slots<Role, std::index_sequence<Is...>, TensorList<Ts...>, Align>
    : Slot<Role, Is, Ts, Align>... {
  template <std::size_t I>
  constexpr auto* data() noexcept {
    return static_cast<Slot<Role, I, TypeAtT<I, TensorList<Ts...>>, Align>&>(*this).data;
  }
  template <std::size_t I>
  constexpr const auto* data() const noexcept {
    return static_cast<const Slot<Role, I, TypeAtT<I, TensorList<Ts...>>, Align>&>(*this).data;
  }
  std::array<void*, sizeof...(Ts)> pointers() noexcept {
    return {{static_cast<void*>(data<Is>())...}};
  }
};

template <int Role, class List, std::size_t Align>
using SlotsFor = Slots<Role, std::make_index_sequence<List::size>, List, Align>;

/// Buffers, plus the packed convention's argument arrays when the model needs them. Only
/// the packed form has a constructor with work to do; the others are constant-initialised.
template <class Model, std::size_t Align, bool Packed = Model::convention == Convention::kPacked>
class ExecutorStorage {
 protected:
  SlotsFor<0, typename Model::inputs, Align> in_;
  SlotsFor<1, typename Model::outputs, Align> out_;
  static constexpr std::nullptr_t packed_args() noexcept { return nullptr; }
};

template <class Model, std::size_t Align>
class ExecutorStorage<Model, Align, true> {
  static constexpr std::size_t kNumIn = Model::inputs::size;
  static constexpr std::size_t kNumOut = Model::outputs::size;

 protected:
  ExecutorStorage() noexcept {
    const auto in = in_.pointers();
    const auto out = out_.pointers();
    const auto& in_info = ListTraits<typename Model::inputs>::infos;
    const auto& out_info = ListTraits<typename Model::outputs>::infos;
    for (std::size_t i = 0; i < kNumIn + kNumOut; ++i) {
      const bool is_in = i < kNumIn;
      const TensorInfo& info = is_in ? in_info[i] : out_info[i - kNumIn];
      PackedTensor& t = packed_.tensors[i];
      t.data = is_in ? in[i] : out[i - kNumIn];
      t.device = PackedDevice{kDLCPU, 0};
      t.ndim = static_cast<std::int32_t>(info.shape.size());
      t.dtype = PackedDataType{info.dtype.code, info.dtype.bits, info.dtype.lanes};
      t.shape = const_cast<std::int64_t*>(info.shape.data());  // NOLINT: read-only by contract
      t.strides = nullptr;
      t.byte_offset = 0;
      packed_.values[i].v_handle = &t;
      packed_.type_codes[i] = kTVMDLTensorHandle;
    }
  }
  // The argument arrays point into this object.
  ExecutorStorage(const ExecutorStorage&) = delete;
  ExecutorStorage& operator=(const ExecutorStorage&) = delete;

  PackedArgs<kNumIn + kNumOut>* packed_args() noexcept { return &packed_; }

  SlotsFor<0, typename Model::inputs, Align> in_;
  SlotsFor<1, typename Model::outputs, Align> out_;

 private:
  PackedArgs<kNumIn + kNumOut> packed_;
};

/// What can fill an input: element type and count, known at compile time or not.
template <class Src, class = void>
struct SourceTraits {
  static constexpr bool supported = false;
};

template <class Src>
struct SourceTraits<Src, std::enable_if_t<std::is_array_v<Src>>> {
  static constexpr bool supported = true;
  static constexpr bool sized = true;
  using element = std::remove_cv_t<std::remove_all_extents_t<Src>>;
  static constexpr std::size_t count = sizeof(Src) / sizeof(element);
  static const void* data(const Src& s) noexcept { return &s; }
};

template <class T, std::size_t N>
struct SourceTraits<std::array<T, N>> {
  static constexpr bool supported = true;
  static constexpr bool sized = true;
  using element = std::remove_cv_t<T>;
  static constexpr std::size_t count = N;
  static const void* data(const std::array<T, N>& s) noexcept { return s.data(); }
};

template <class T, class Tensor>
struct SourceTraits<TensorView<T, Tensor>> {
  static constexpr bool supported = true;
  static constexpr bool sized = true;
  using element = std::remove_cv_t<T>;
  static constexpr std::size_t count = TensorTraits<Tensor>::count;
  static const void* data(const TensorView<T, Tensor>& s) noexcept { return s.data(); }
};

template <class T>
struct SourceTraits<Span<T>> {
  static constexpr bool supported = true;
  static constexpr bool sized = false;
  using element = std::remove_cv_t<T>;
};

}  // namespace detail

/// Runs one ahead-of-time compiled model. Owns every input and output buffer, each
/// `Alignment`-aligned and sized from the model at compile time; never allocates, never
/// throws. A global instance is constant-initialised (for the packed convention its
/// constructor fills the argument arrays) and its buffers lie in .bss.
template <class Model, std::size_t Alignment = AOT_DEFAULT_ALIGNMENT>
class AotExecutor : private detail::ExecutorStorage<Model, Alignment> {
  static_assert(Alignment > 0 && (Alignment & (Alignment - 1)) == 0,
                "aot: AotExecutor's Alignment must be a power of two");
  static_assert(detail::validate_model<Model>(),
                "aot: invalid model description (the aot::compile_error above says why)");

  using Traits = detail::ModelTraits<Model>;
  using InTraits = typename Traits::Inputs;
  using OutTraits = typename Traits::Outputs;
  using Caller = detail::EntryCaller<Model, InTraits::size, OutTraits::size>;

  template <std::size_t I>
  using InputAt = input_t<Model, I>;
  template <std::size_t I>
  using OutputAt = output_t<Model, I>;

 public:
  using model_type = Model;
  static constexpr std::size_t num_inputs = InTraits::size;
  static constexpr std::size_t num_outputs = OutTraits::size;
  static constexpr std::size_t alignment = Alignment;

  AotExecutor() = default;
  AotExecutor(const AotExecutor&) = delete;
  AotExecutor& operator=(const AotExecutor&) = delete;

  /// The module name the model was built with ("default" unless given).
  static constexpr const char* model_name() noexcept { return Traits::name(); }

  // ---- Typed, compile-time checked interface -------------------------------------------

  /// Copies `src` (C array, std::array, TensorView) into input `Tag`; element type and count
  /// are checked at compile time. With an aot::Span the count is checked at run time and a
  /// Status is returned.
  template <class Tag, class Src>
  auto set_input(const Src& src) noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
    } else {
      using T = typename Tag::element_type;
      using S = detail::SourceTraits<Src>;
      if constexpr (!S::supported) {
        compile_error::unsupported_source<Model, Tag, Src>();
      } else if constexpr (!std::is_same_v<typename S::element, T>) {
        compile_error::element_type_mismatch<Model, Tag, T, typename S::element>();
      } else if constexpr (!S::sized) {
        return copy_in<index>(src.data(), src.size());
      } else if constexpr (S::count != detail::TensorTraits<Tag>::count) {
        compile_error::element_count_mismatch<Model, Tag, detail::TensorTraits<Tag>::count,
                                              S::count>();
      } else {
        std::memcpy(this->in_.template data<index>(), S::data(src),
                    detail::TensorTraits<Tag>::bytes);
      }
    }
  }

  /// As above, by input index.
  template <std::size_t I, class Src>
  auto set_input(const Src& src) noexcept {
    if constexpr (I >= num_inputs) {
      compile_error::input_index_out_of_range<Model, I, num_inputs>();
    } else {
      return set_input<InputAt<I>>(src);
    }
  }

  /// Copies `count` elements from `data`; a count other than the tensor's is an error and
  /// leaves the buffer unchanged.
  template <class Tag, class T>
  Status set_input(const T* data, std::size_t count) noexcept {
    return set_input<Tag>(Span<const T>(data, count));
  }
  template <std::size_t I, class T>
  Status set_input(const T* data, std::size_t count) noexcept {
    return set_input<I>(Span<const T>(data, count));
  }

  /// A writable view of input `Tag`'s buffer, to fill in place (e.g. as a DMA target).
  template <class Tag>
  auto input() noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
    } else {
      return TensorView<typename Tag::element_type, Tag>(this->in_.template data<index>());
    }
  }
  template <std::size_t I>
  auto input() noexcept {
    if constexpr (I >= num_inputs) {
      compile_error::input_index_out_of_range<Model, I, num_inputs>();
    } else {
      return input<InputAt<I>>();
    }
  }

  /// A read-only view of output `Tag`, valid as long as the executor; run() overwrites it.
  template <class Tag>
  auto get_output() const noexcept {
    constexpr std::size_t index = output_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_output_of_model<Model, Tag>();
    } else {
      return TensorView<const typename Tag::element_type, Tag>(this->out_.template data<index>());
    }
  }
  template <std::size_t I>
  auto get_output() const noexcept {
    if constexpr (I >= num_outputs) {
      compile_error::output_index_out_of_range<Model, I, num_outputs>();
    } else {
      return get_output<OutputAt<I>>();
    }
  }

  /// Calls the generated entry function with the executor's buffers; nothing else.
  Status run() noexcept {
    const std::int32_t rc =
        Caller::call(this->in_.pointers(), this->out_.pointers(), this->packed_args());
    if (rc != 0) return Status(Errc::kEntryFailed, Traits::name()).with_entry_code(rc);
    return Status{};
  }

  /// set_input for every input in order, run(), and a view of every output.
  template <class... Srcs>
  auto infer(const Srcs&... srcs) noexcept {
    if constexpr (sizeof...(Srcs) != num_inputs) {
      compile_error::infer_argument_count_mismatch<Model, num_inputs, sizeof...(Srcs)>();
    } else {
      return infer_impl(std::index_sequence_for<Srcs...>{}, srcs...);
    }
  }

  // ---- Module-based runtime interface (TVM's names; everything checked at run time) ------

  static constexpr std::size_t get_num_inputs() noexcept { return num_inputs; }
  static constexpr std::size_t get_num_outputs() noexcept { return num_outputs; }

  /// Index of the input named `name` (raw or sanitised; sanitised before comparing).
  static constexpr Result<std::size_t> get_input_index(std::string_view name) noexcept {
    return find_index<InTraits>(name, Role::kInput);
  }
  static constexpr Result<std::size_t> get_output_index(std::string_view name) noexcept {
    return find_index<OutTraits>(name, Role::kOutput);
  }

  /// Sanitised name of input `index` (as TVM's get_input_name returns it).
  static constexpr Result<std::string_view> get_input_name(std::size_t index) noexcept {
    if (index >= num_inputs) return out_of_range(Role::kInput, index, num_inputs);
    return InTraits::infos[index].name;
  }
  static constexpr Result<std::string_view> get_output_name(std::size_t index) noexcept {
    if (index >= num_outputs) return out_of_range(Role::kOutput, index, num_outputs);
    return OutTraits::infos[index].name;
  }

  /// Names, dtype, shape and sizes of input `index`.
  static constexpr Result<TensorInfo> get_input_info(std::size_t index) noexcept {
    if (index >= num_inputs) return out_of_range(Role::kInput, index, num_inputs);
    return InTraits::infos[index];
  }
  static constexpr Result<TensorInfo> get_output_info(std::size_t index) noexcept {
    if (index >= num_outputs) return out_of_range(Role::kOutput, index, num_outputs);
    return OutTraits::infos[index];
  }

  /// Copies a caller's DLTensor into input `index` after checking dtype, shape, strides,
  /// byte_offset, device and data; on any error the buffer is left untouched.
  template <class DL>
  Status set_input(std::size_t index, const DL& tensor) noexcept {
    if (index >= num_inputs) return out_of_range(Role::kInput, index, num_inputs);
    const TensorInfo& info = InTraits::infos[index];
    const Status s = detail::check_dl_tensor(Traits::name(), Role::kInput, index, info, tensor);
    if (!s) return s;
    std::memcpy(this->in_.pointers()[index],
                static_cast<const unsigned char*>(tensor.data) + tensor.byte_offset,
                info.size_bytes);
    return Status{};
  }
  template <class DL>
  Status set_input(std::string_view name, const DL& tensor) noexcept {
    const Result<std::size_t> index = get_input_index(name);
    if (!index) return index.status();
    return set_input(*index, tensor);
  }

  /// Zero-copy DLTensor view of input `index` (DLTensor from aot/dlpack.hpp).
  template <class DL = detail::DefaultDLTensor<Model>>
  Result<DL> get_input(std::size_t index) noexcept {
    if constexpr (std::is_same_v<DL, detail::DLPackNotIncluded>) {
      compile_error::dlpack_header_not_included<DL>();
      return DL{};
    } else {
      if (index >= num_inputs) return out_of_range(Role::kInput, index, num_inputs);
      return detail::make_dl_view<DL>(this->in_.pointers()[index], InTraits::infos[index]);
    }
  }
  template <class DL = detail::DefaultDLTensor<Model>>
  Result<DL> get_input(std::string_view name) noexcept {
    const Result<std::size_t> index = get_input_index(name);
    if (!index) return index.status();
    return get_input<DL>(*index);
  }

  /// Zero-copy DLTensor view of output `index`. Write through it only between runs.
  template <class DL = detail::DefaultDLTensor<Model>>
  Result<DL> get_output(std::size_t index) noexcept {
    if constexpr (std::is_same_v<DL, detail::DLPackNotIncluded>) {
      compile_error::dlpack_header_not_included<DL>();
      return DL{};
    } else {
      if (index >= num_outputs) return out_of_range(Role::kOutput, index, num_outputs);
      return detail::make_dl_view<DL>(this->out_.pointers()[index], OutTraits::infos[index]);
    }
  }

  /// Copies output `index` into a caller's DLTensor after the same checks as set_input.
  template <class DL>
  Status get_output(std::size_t index, DL& out) noexcept {
    if (index >= num_outputs) return out_of_range(Role::kOutput, index, num_outputs);
    const TensorInfo& info = OutTraits::infos[index];
    const Status s = detail::check_dl_tensor(Traits::name(), Role::kOutput, index, info, out);
    if (!s) return s;
    std::memcpy(static_cast<unsigned char*>(out.data) + out.byte_offset,
                this->out_.pointers()[index], info.size_bytes);
    return Status{};
  }

 private:
  template <std::size_t Index, class T>
  Status copy_in(const T* data, std::size_t count) noexcept {
    using Tag = InputAt<Index>;
    constexpr std::size_t expected = detail::TensorTraits<Tag>::count;
    if (count != expected) {
      return Status(Errc::kSizeMismatch, Traits::name())
          .with_tensor(Role::kInput, Index, detail::TensorTraits<Tag>::raw_name())
          .with_values(static_cast<std::int64_t>(expected), static_cast<std::int64_t>(count));
    }
    if (data == nullptr) {
      return Status(Errc::kNullData, Traits::name())
          .with_tensor(Role::kInput, Index, detail::TensorTraits<Tag>::raw_name());
    }
    std::memcpy(this->in_.template data<Index>(), data, detail::TensorTraits<Tag>::bytes);
    return Status{};
  }

  template <std::size_t I, class Src>
  Status set_input_status(const Src& src) noexcept {
    if constexpr (std::is_void_v<decltype(set_input<I>(src))>) {
      set_input<I>(src);
      return Status{};
    } else {
      return set_input<I>(src);
    }
  }

  template <std::size_t... O>
  auto output_views(std::index_sequence<O...>) const noexcept {
    return std::make_tuple(get_output<O>()...);
  }

  template <std::size_t... I, class... Srcs>
  auto infer_impl(std::index_sequence<I...>, const Srcs&... srcs) noexcept {
    auto views = output_views(std::make_index_sequence<num_outputs>{});
    Status s;
    const bool filled = ((s = set_input_status<I>(srcs), s.ok()) && ...);
    if (filled) s = run();
    return std::apply(
        [&](auto... v) { return InferResult<decltype(v)...>(s, std::make_tuple(v...)); }, views);
  }

  template <class ListTraitsT>
  static constexpr Result<std::size_t> find_index(std::string_view name, Role role) noexcept {
    const std::size_t i = ListTraitsT::find(name);
    if (i == npos) return Status(Errc::kUnknownName, Traits::name()).with_role(role);
    return i;
  }

  static constexpr Status out_of_range(Role role, std::size_t index, std::size_t count) noexcept {
    return Status(Errc::kIndexOutOfRange, Traits::name())
        .with_role(role)
        .with_values(static_cast<std::int64_t>(count), static_cast<std::int64_t>(index));
  }
};

}  // namespace aot

namespace std {
template <class... Views>
struct tuple_size<aot::InferResult<Views...>> : integral_constant<size_t, sizeof...(Views)> {};
template <size_t I, class... Views>
struct tuple_element<I, aot::InferResult<Views...>> {
  using type = tuple_element_t<I, tuple<Views...>>;
};
}  // namespace std
