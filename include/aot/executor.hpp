#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "aot/buffers.hpp"
#include "aot/config.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/detail/dl_checks.hpp"
#include "aot/detail/entry.hpp"
#include "aot/detail/runtime_context.hpp"
#include "aot/model.hpp"
#include "aot/span.hpp"
#include "aot/status.hpp"
#include "aot/tensor_view.hpp"
#include "aot/workspace.hpp"

namespace aot {

/// Memory a model needs, in bytes, known at compile time (AotExecutor<M>::memory()).
/// Everything is RAM except `internal_constants` and `constant_pools`, which are read-only
/// data (flash on a microcontroller): RAM = total - internal_constants - constant_pools.
struct MemoryReport {
  std::size_t inputs = 0;     ///< input buffers inside the executor (RAM)
  std::size_t outputs = 0;    ///< output buffers inside the executor (RAM)
  std::size_t workspace = 0;  ///< TVMBackendAllocWorkspace arena, alignment slack included (RAM)
  std::size_t pools = 0;      ///< external workspace pools inside the executor (RAM)
  /// External constant pools: the description's read-only data, one copy for all executors.
  std::size_t constant_pools = 0;
  /// Pools inside the generated code, not the executor: its static workspace (RAM, when the
  /// description sets internal_pools) plus internal_constants.
  std::size_t internal_pools = 0;
  std::size_t internal_constants = 0;  ///< the generated code's constant pool (read-only data)
  /// inputs + outputs + workspace + pools + constant_pools + internal_pools
  std::size_t total = 0;
  std::size_t executor = 0;  ///< sizeof the executor, alignment padding included
};

namespace detail {
/// Set while a singleton model (internal pools) runs; checked in debug builds.
template <class Model>
inline std::atomic<bool> singleton_running{false};
}  // namespace detail

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

template <class Tensor, class = void>
inline constexpr std::size_t kOwnAlignment = 1;
template <class Tensor>
inline constexpr std::size_t kOwnAlignment<Tensor, std::void_t<decltype(Tensor::alignment)>> =
    Tensor::alignment;

template <int Role, std::size_t I, class Tensor, std::size_t Align,
          bool Constant = kConstantPool<Tensor>>
struct Slot {
  static constexpr std::size_t kAlign =
      Align > kOwnAlignment<Tensor> ? Align : kOwnAlignment<Tensor>;
  alignas(kAlign) typename Tensor::element_type
      data[TensorTraits<Tensor>::count > 0 ? TensorTraits<Tensor>::count : 1]{};
};

/// A constant pool has no buffer in the executor: its data is the description's. The
/// generated code takes uint8_t* for every pool but only reads a constant one.
template <int Role, std::size_t I, class Tensor, std::size_t Align>
struct Slot<Role, I, Tensor, Align, true> {
  static constexpr std::uint8_t* data = const_cast<std::uint8_t*>(Tensor::data);  // NOLINT
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
  template <std::size_t I>
  constexpr auto& array() noexcept {
    return static_cast<Slot<Role, I, TypeAtT<I, TensorList<Ts...>>, Align>&>(*this).data;
  }
  std::array<void*, sizeof...(Ts)> pointers() const noexcept {
    // The buffers are the executor's own; const only guards the accessor.
    auto& self = const_cast<Slots&>(*this);  // NOLINT
    return {{static_cast<void*>(self.template data<Is>())...}};
  }
};

template <int Role, class List, std::size_t Align>
using SlotsFor = Slots<Role, std::make_index_sequence<List::size>, List, Align>;

/// Inputs and outputs with buffers of their own: none when they live inside the workspace,
/// or when the caller provides every buffer (CallerBuffers).
template <class Model, class Buffers>
inline constexpr bool kOwnsIo = !ModelTraits<Model>::workspace_io && Buffers::owns;
template <class Model, class Buffers>
using OwnInputs = std::conditional_t<kOwnsIo<Model, Buffers>, typename Model::inputs, TensorList<>>;
template <class Model, class Buffers>
using OwnOutputs =
    std::conditional_t<kOwnsIo<Model, Buffers>, typename Model::outputs, TensorList<>>;

// Each part is an empty base when the model does not need it.
template <class Model, std::size_t Align, class Buffers>
struct IoBuffers : SlotsFor<0, OwnInputs<Model, Buffers>, Align>,
                   SlotsFor<1, OwnOutputs<Model, Buffers>, Align>,
                   SlotsFor<2, typename ModelTraits<Model>::PoolList, Align> {
  using InSlots = SlotsFor<0, OwnInputs<Model, Buffers>, Align>;
  using OutSlots = SlotsFor<1, OwnOutputs<Model, Buffers>, Align>;
  using PoolSlots = SlotsFor<2, typename ModelTraits<Model>::PoolList, Align>;
};

/// The caller's buffers bound to inputs and outputs; nullptr: not bound (the executor's own
/// buffer, or for CallerBuffers an error at run()).
template <class Model, bool Binds>
struct Bindings {};
template <class Model>
struct Bindings<Model, true> {
  void* bound_in_[Model::inputs::size > 0 ? Model::inputs::size : 1]{};
  void* bound_out_[Model::outputs::size]{};
};

template <class Model, bool = ModelTraits<Model>::uses_backend_workspace>
struct WorkspacePart {};
template <class Model>
struct WorkspacePart<Model, true> {
  alignas(kWorkspaceAlignment) std::uint8_t workspace_[ModelTraits<Model>::arena_bytes]{};
  std::size_t workspace_offsets_[ModelTraits<Model>::workspace_allocations]{};
  ArenaCounters workspace_counters_{};
};

template <class Model, bool = ModelTraits<Model>::uses_last_error>
struct ErrorPart {};
template <class Model>
struct ErrorPart<Model, true> {
  char last_error_[AOT_LAST_ERROR_CAPACITY]{};
};

template <class Model>
struct NoDevices {};
template <class Model>
struct DeviceHandles {
  void* devices_[ModelTraits<Model>::num_devices]{};
};

template <class Model, std::size_t Align, class Buffers>
struct StorageParts : IoBuffers<Model, Align, Buffers>,
                      Bindings<Model, Buffers::binds>,
                      WorkspacePart<Model>,
                      ErrorPart<Model>,
                      std::conditional_t<(ModelTraits<Model>::num_devices > 0),
                                         DeviceHandles<Model>, NoDevices<Model>> {
  using Io = IoBuffers<Model, Align, Buffers>;
  using Traits = ModelTraits<Model>;
  static constexpr std::size_t kNumIn = Model::inputs::size;
  static constexpr std::size_t kNumOut = Model::outputs::size;

  std::array<void*, Traits::num_pools> pool_pointers() const noexcept {
    return static_cast<const typename Io::PoolSlots&>(*this).pointers();
  }
  std::array<void*, Traits::num_devices> device_pointers() const noexcept {
    if constexpr (Traits::num_devices > 0) {
      std::array<void*, Traits::num_devices> out{};
      for (std::size_t i = 0; i < Traits::num_devices; ++i) out[i] = this->devices_[i];
      return out;
    } else {
      return {};
    }
  }
  std::array<void*, kNumIn> input_pointers() const noexcept {
    if constexpr (Traits::workspace_io) {
      auto pools = pools_struct(std::make_index_sequence<Traits::num_pools>{});
      return struct_pointers<kNumIn>(Model::map_inputs(&pools));
    } else if constexpr (Buffers::binds) {
      return bound_or_own<kNumIn>(this->bound_in_, own_inputs());
    } else {
      return own_inputs();
    }
  }
  std::array<void*, kNumOut> output_pointers() const noexcept {
    if constexpr (Traits::workspace_io) {
      auto pools = pools_struct(std::make_index_sequence<Traits::num_pools>{});
      return struct_pointers<kNumOut>(Model::map_outputs(&pools));
    } else if constexpr (Buffers::binds) {
      return bound_or_own<kNumOut>(this->bound_out_, own_outputs());
    } else {
      return own_outputs();
    }
  }
  /// The executor's own buffers (all nullptr for CallerBuffers).
  std::array<void*, kNumIn> own_inputs() const noexcept {
    if constexpr (kOwnsIo<Model, Buffers>) {
      return static_cast<const typename Io::InSlots&>(*this).pointers();
    } else {
      return {};
    }
  }
  std::array<void*, kNumOut> own_outputs() const noexcept {
    if constexpr (kOwnsIo<Model, Buffers>) {
      return static_cast<const typename Io::OutSlots&>(*this).pointers();
    } else {
      return {};
    }
  }

 private:
  template <std::size_t N>
  static std::array<void*, N> bound_or_own(void* const* bound,
                                           const std::array<void*, N>& own) noexcept {
    std::array<void*, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = bound[i] != nullptr ? bound[i] : own[i];
    return out;
  }

  template <std::size_t... P>
  auto pools_struct(std::index_sequence<P...>) const noexcept {
    const auto p = pool_pointers();
    return typename Model::c_pools{p[P]...};
  }
};

/// Buffers and parts, plus the packed convention's argument arrays when the model needs
/// them. Only the packed form has a constructor with work to do; the others are
/// constant-initialised.
template <class Model, std::size_t Align, class Buffers,
          bool Packed = Model::convention == Convention::kPacked>
class ExecutorStorage : public StorageParts<Model, Align, Buffers> {
 protected:
  static constexpr std::nullptr_t packed_args() noexcept { return nullptr; }
  static constexpr void set_packed_data(std::size_t, void*) noexcept {}
};

template <class Model, std::size_t Align, class Buffers>
class ExecutorStorage<Model, Align, Buffers, true> : public StorageParts<Model, Align, Buffers> {
  using Traits = ModelTraits<Model>;
  static constexpr std::size_t kNumIn = Model::inputs::size;
  static constexpr std::size_t kNumOut = Model::outputs::size;
  static constexpr std::size_t kNumArgs = kNumIn + kNumOut + Traits::num_pools;

 protected:
  ExecutorStorage() noexcept {
    const auto in = this->input_pointers();
    const auto out = this->output_pointers();
    const auto pools = this->pool_pointers();
    for (std::size_t i = 0; i < kNumArgs; ++i) {
      const TensorInfo& info = i < kNumIn             ? Traits::Inputs::infos[i]
                               : i < kNumIn + kNumOut ? Traits::Outputs::infos[i - kNumIn]
                                                      : pool_info(i - kNumIn - kNumOut);
      PackedTensor& t = packed_.tensors[i];
      t.data = i < kNumIn             ? in[i]
               : i < kNumIn + kNumOut ? out[i - kNumIn]
                                      : pools[i - kNumIn - kNumOut];
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

  PackedArgs<kNumArgs>* packed_args() noexcept { return &packed_; }
  /// A binding changes only the DLTensor's data (argument `arg`: inputs, then outputs).
  void set_packed_data(std::size_t arg, void* data) noexcept { packed_.tensors[arg].data = data; }

 private:
  static const TensorInfo& pool_info(std::size_t i) noexcept {
    if constexpr (Traits::num_pools > 0) {
      return Traits::Pools::infos[i];
    } else {
      return Traits::Inputs::infos[i];  // unreachable: no pool arguments
    }
  }

  PackedArgs<kNumArgs> packed_;
};

/// Whether a Buffers policy fits the model: a model whose I/O lives in its workspace pool
/// cannot take the caller's buffers.
template <class Model, class Buffers>
constexpr bool check_buffers() {
  if constexpr (Buffers::binds && ModelTraits<Model>::workspace_io) {
    compile_error::caller_buffers_with_workspace_io<Model>();
    return false;
  } else {
    return true;
  }
}

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
/// constructor fills the argument arrays) and its buffers lie in .bss. `Buffers` says where
/// inputs and outputs live: OwnBuffers (the default), BindableBuffers (own, and any may be
/// bound to the caller's memory instead), CallerBuffers (only the caller's memory).
template <class Model, std::size_t Alignment = AOT_DEFAULT_ALIGNMENT, class Buffers = OwnBuffers>
class AotExecutor : private detail::ExecutorStorage<Model, Alignment, Buffers> {
  static_assert(Alignment > 0 && (Alignment & (Alignment - 1)) == 0,
                "aot: AotExecutor's Alignment must be a power of two");
  static_assert(detail::validate_model<Model>(),
                "aot: invalid model description (the aot::compile_error above says why)");
  static_assert(detail::check_buffers<Model, Buffers>(),
                "aot: these Buffers do not fit Model (the aot::compile_error above says why)");

  using Traits = detail::ModelTraits<Model>;
  using InTraits = typename Traits::Inputs;
  using OutTraits = typename Traits::Outputs;
  using Caller = detail::EntryCaller<Model, InTraits::size, OutTraits::size, Traits::num_pools,
                                     Traits::num_devices, Traits::workspace_io>;

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
        // The source may be this very buffer (input_buffer<Tag>(), input<Tag>()); one of the
        // tensor's exact size cannot overlap it in part. The test costs one compare at most,
        // nothing where the compiler sees two distinct objects.
        void* const to = input_data<index>();
        const void* const from = S::data(src);
        if (to != from) std::memcpy(to, from, detail::TensorTraits<Tag>::bytes);
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
      return TensorView<typename Tag::element_type, Tag>(input_data<index>());
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

  /// The executor's own storage of input `Tag` as a C array (`sizeof`, placement, DMA set-up).
  /// A model whose I/O lives inside its workspace pool has no such buffer: compile error.
  template <class Tag>
  auto& input_buffer() noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
      return *this;
    } else if constexpr (Traits::workspace_io) {
      compile_error::io_lives_in_workspace_pool<Model, Tag>();
      return *this;
    } else if constexpr (!Buffers::owns) {
      compile_error::executor_has_no_buffers<Model, Tag>();
      return *this;
    } else {
      return static_cast<typename detail::IoBuffers<Model, Alignment, Buffers>::InSlots&>(*this)
          .template array<index>();
    }
  }
  /// As input_buffer, for output `Tag` (read-only).
  template <class Tag>
  const auto& output_buffer() noexcept {
    constexpr std::size_t index = output_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_output_of_model<Model, Tag>();
      return *this;
    } else if constexpr (Traits::workspace_io) {
      compile_error::io_lives_in_workspace_pool<Model, Tag>();
      return *this;
    } else if constexpr (!Buffers::owns) {
      compile_error::executor_has_no_buffers<Model, Tag>();
      return *this;
    } else {
      return static_cast<typename detail::IoBuffers<Model, Alignment, Buffers>::OutSlots&>(*this)
          .template array<index>();
    }
  }

  /// A read-only view of output `Tag`, valid as long as the executor; run() overwrites it.
  template <class Tag>
  auto get_output() const noexcept {
    constexpr std::size_t index = output_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_output_of_model<Model, Tag>();
    } else {
      return TensorView<const typename Tag::element_type, Tag>(output_data<index>());
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

  // ---- Caller-owned buffers (BindableBuffers, CallerBuffers): zero copy -----------------

  /// Binds input `Tag` to the caller's buffer: a C array or std::array of the tensor's element
  /// type and count (checked at compile time), or an aot::Span (count checked at run time).
  /// From now on run() passes that buffer, views show it and set_input writes into it; it
  /// must stay valid until it is unbound or rebound. The address must be aligned to
  /// kIoAlignment (kMisalignedData otherwise; nothing changes).
  template <class Tag, class Buf>
  Status bind_input(Buf& buf) noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
      return Status{};
    } else {
      return bind_typed<true, index, Tag>(buf);
    }
  }
  template <std::size_t I, class Buf>
  Status bind_input(Buf& buf) noexcept {
    if constexpr (I >= num_inputs) {
      compile_error::input_index_out_of_range<Model, I, num_inputs>();
      return Status{};
    } else {
      return bind_typed<true, I, InputAt<I>>(buf);
    }
  }
  /// Pointer and element count.
  template <class Tag, class T>
  Status bind_input(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_input<Tag>(span);
  }
  template <std::size_t I, class T>
  Status bind_input(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_input<I>(span);
  }
  /// As bind_input, for output `Tag`: run() writes into the caller's buffer.
  template <class Tag, class Buf>
  Status bind_output(Buf& buf) noexcept {
    constexpr std::size_t index = output_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_output_of_model<Model, Tag>();
      return Status{};
    } else {
      return bind_typed<false, index, Tag>(buf);
    }
  }
  template <std::size_t I, class Buf>
  Status bind_output(Buf& buf) noexcept {
    if constexpr (I >= num_outputs) {
      compile_error::output_index_out_of_range<Model, I, num_outputs>();
      return Status{};
    } else {
      return bind_typed<false, I, OutputAt<I>>(buf);
    }
  }
  template <class Tag, class T>
  Status bind_output(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_output<Tag>(span);
  }
  template <std::size_t I, class T>
  Status bind_output(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_output<I>(span);
  }
  /// Back to the executor's own buffer (BindableBuffers) or to no buffer (CallerBuffers).
  template <std::size_t I>
  void unbind_input() noexcept {
    static_cast<void>(bind_index(Role::kInput, I, nullptr));
  }
  template <std::size_t I>
  void unbind_output() noexcept {
    static_cast<void>(bind_index(Role::kOutput, I, nullptr));
  }

  /// TVM's names (declared in its AotExecutor, never implemented there): bind input or output
  /// `index` (or `name`) to a caller's DLTensor after set_input's checks; only `data` is kept.
  template <class DL>
  Status set_input_zero_copy(std::size_t index, const DL& tensor) noexcept {
    return bind_dl(Role::kInput, index, tensor);
  }
  template <class DL>
  Status set_input_zero_copy(std::string_view name, const DL& tensor) noexcept {
    const Result<std::size_t> index = get_input_index(name);
    if (!index) return index.status();
    return bind_dl(Role::kInput, *index, tensor);
  }
  template <class DL>
  Status set_output_zero_copy(std::size_t index, const DL& tensor) noexcept {
    return bind_dl(Role::kOutput, index, tensor);
  }
  template <class DL>
  Status set_output_zero_copy(std::string_view name, const DL& tensor) noexcept {
    const Result<std::size_t> index = get_output_index(name);
    if (!index) return index.status();
    return bind_dl(Role::kOutput, *index, tensor);
  }

  /// Calls the generated entry function with the executor's buffers. For models that call
  /// the TVM runtime (workspace, last error), binds this executor's arena and message buffer
  /// for the duration of the call; otherwise the call is all there is.
  Status run() noexcept {
    if constexpr (!Buffers::owns) {
      if (const Status s = check_bound(); !s) return s;
    }
    if constexpr (Traits::internal_pools && AOT_ENABLE_ASSERTS) {
      // Debug builds catch overlapping runs of a model whose pools are process-wide.
      if (detail::singleton_running<Model>.exchange(true, std::memory_order_acquire)) {
        return Status(Errc::kConcurrentRun, Traits::name());
      }
      const Status s = run_bound();
      detail::singleton_running<Model>.store(false, std::memory_order_release);
      return s;
    } else {
      return run_bound();
    }
  }

  /// Bytes of the workspace arena in use at the highest point since construction (0 for
  /// models that do not allocate through TVMBackendAllocWorkspace).
  std::size_t workspace_peak() const noexcept {
    if constexpr (Traits::uses_backend_workspace) {
      return this->workspace_counters_.peak;
    } else {
      return 0;
    }
  }

  /// Sets the handle of device `Tag` (or index I), passed to the entry on every run.
  template <class Tag>
  void set_device(void* handle) noexcept {
    constexpr std::size_t index = detail::IndexOf<Tag, typename Traits::DeviceList>::value;
    if constexpr (index == npos) {
      compile_error::not_a_device_of_model<Model, Tag>();
    } else {
      this->devices_[index] = handle;
    }
  }
  template <std::size_t I>
  void set_device(void* handle) noexcept {
    if constexpr (I >= Traits::num_devices) {
      compile_error::device_index_out_of_range<Model, I, Traits::num_devices>();
    } else {
      this->devices_[I] = handle;
    }
  }

  /// Memory the model needs, known at compile time.
  static constexpr MemoryReport memory() noexcept {
    MemoryReport r;
    r.inputs = detail::kOwnsIo<Model, Buffers> ? InTraits::total_bytes : 0;
    r.outputs = detail::kOwnsIo<Model, Buffers> ? OutTraits::total_bytes : 0;
    r.workspace = Traits::arena_bytes;
    r.constant_pools = Traits::constant_pool_bytes;
    r.pools = Traits::Pools::total_bytes - r.constant_pools;
    r.internal_constants = Traits::constants_size;
    r.internal_pools = (Traits::internal_pools ? Traits::workspace_size : 0) + r.internal_constants;
    r.total = r.inputs + r.outputs + r.workspace + r.pools + r.constant_pools + r.internal_pools;
    r.executor = sizeof(AotExecutor);
    return r;
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
  /// byte_offset, device and data; on any error the buffer is left untouched. The tensor may
  /// be a view of this executor's buffers, even of input `index` itself.
  template <class DL>
  Status set_input(std::size_t index, const DL& tensor) noexcept {
    if (index >= num_inputs) return out_of_range(Role::kInput, index, num_inputs);
    const TensorInfo& info = InTraits::infos[index];
    const Status s = detail::check_dl_tensor(Traits::name(), Role::kInput, index, info, tensor);
    if (!s) return s;
    detail::copy_tensor_bytes(this->input_pointers()[index], detail::dl_first_byte(tensor),
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
      return detail::make_dl_view<DL>(this->input_pointers()[index], InTraits::infos[index]);
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
      return detail::make_dl_view<DL>(this->output_pointers()[index], OutTraits::infos[index]);
    }
  }

  /// Copies output `index` into a caller's DLTensor after the same checks as set_input.
  template <class DL>
  Status get_output(std::size_t index, DL& out) noexcept {
    if (index >= num_outputs) return out_of_range(Role::kOutput, index, num_outputs);
    const TensorInfo& info = OutTraits::infos[index];
    const Status s = detail::check_dl_tensor(Traits::name(), Role::kOutput, index, info, out);
    if (!s) return s;
    detail::copy_tensor_bytes(detail::dl_first_byte(out), this->output_pointers()[index],
                              info.size_bytes);
    return Status{};
  }

 private:
  template <std::size_t I>
  auto* input_data() noexcept {
    using T = typename InputAt<I>::element_type;
    if constexpr (Traits::workspace_io) {
      return static_cast<T*>(this->input_pointers()[I]);
    } else if constexpr (Buffers::binds) {
      void* const bound = this->bound_in_[I];
      return bound != nullptr ? static_cast<T*>(bound) : static_cast<T*>(this->own_inputs()[I]);
    } else {
      return static_cast<typename detail::IoBuffers<Model, Alignment, Buffers>::InSlots&>(*this)
          .template data<I>();
    }
  }
  template <std::size_t I>
  const auto* output_data() const noexcept {
    using T = typename OutputAt<I>::element_type;
    if constexpr (Traits::workspace_io) {
      return static_cast<const T*>(this->output_pointers()[I]);
    } else if constexpr (Buffers::binds) {
      const void* const bound = this->bound_out_[I];
      return bound != nullptr ? static_cast<const T*>(bound)
                              : static_cast<const T*>(this->own_outputs()[I]);
    } else {
      return static_cast<const typename detail::IoBuffers<Model, Alignment, Buffers>::OutSlots&>(
                 *this)
          .template data<I>();
    }
  }

  /// Binds argument `arg` (inputs, then outputs) to `data`, or back to the executor's own
  /// buffer (nullptr), after checking the alignment the generated code assumes.
  Status bind(Role role, std::size_t index, void* data, const char* raw_name) noexcept {
    const auto address = reinterpret_cast<std::uintptr_t>(data);  // NOLINT: alignment test
    if (address % kIoAlignment != 0) {
      return Status(Errc::kMisalignedData, Traits::name())
          .with_tensor(role, index, raw_name)
          .with_values(static_cast<std::int64_t>(kIoAlignment),
                       static_cast<std::int64_t>(address % kIoAlignment));
    }
    const bool input = role == Role::kInput;
    (input ? this->bound_in_ : this->bound_out_)[index] = data;
    this->set_packed_data(input ? index : num_inputs + index,
                          input ? this->input_pointers()[index] : this->output_pointers()[index]);
    return Status{};
  }

  /// bind_input / bind_output: `Buf` a C array or std::array of the tensor's element type and
  /// count (compile-time checked), or an aot::Span (count checked at run time).
  template <bool Input, std::size_t Index, class Tag, class Buf>
  Status bind_typed(Buf& buf) noexcept {
    using T = typename Tag::element_type;
    using S = detail::SourceTraits<std::remove_cv_t<Buf>>;
    const Role role = Input ? Role::kInput : Role::kOutput;
    if constexpr (!Buffers::binds) {
      compile_error::executor_does_not_bind<Model, Buffers>();
      return Status{};
    } else if constexpr (!S::supported) {
      compile_error::unsupported_source<Model, Tag, Buf>();
      return Status{};
    } else if constexpr (!std::is_same_v<typename S::element, T> || std::is_const_v<Buf>) {
      compile_error::element_type_mismatch<Model, Tag, T, typename S::element>();
      return Status{};
    } else if constexpr (!S::sized) {
      if (buf.size() != detail::TensorTraits<Tag>::count) {
        return Status(Errc::kSizeMismatch, Traits::name())
            .with_tensor(role, Index, detail::TensorTraits<Tag>::raw_name())
            .with_values(static_cast<std::int64_t>(detail::TensorTraits<Tag>::count),
                         static_cast<std::int64_t>(buf.size()));
      }
      if (buf.data() == nullptr) {
        return Status(Errc::kNullData, Traits::name())
            .with_tensor(role, Index, detail::TensorTraits<Tag>::raw_name());
      }
      return bind(role, Index, const_cast<T*>(buf.data()),  // NOLINT: the caller's memory
                  detail::TensorTraits<Tag>::raw_name());
    } else if constexpr (S::count != detail::TensorTraits<Tag>::count) {
      compile_error::element_count_mismatch<Model, Tag, detail::TensorTraits<Tag>::count,
                                            S::count>();
      return Status{};
    } else {
      return bind(role, Index, const_cast<void*>(S::data(buf)),  // NOLINT: non-const Buf
                  detail::TensorTraits<Tag>::raw_name());
    }
  }

  /// set_input_zero_copy / set_output_zero_copy: the DLTensor checks of set_input, then a
  /// binding to its data.
  template <class DL>
  Status bind_dl(Role role, std::size_t index, const DL& tensor) noexcept {
    if constexpr (!Buffers::binds) {
      compile_error::executor_does_not_bind<Model, Buffers>();
      return Status{};
    } else {
      const bool input = role == Role::kInput;
      const std::size_t count = input ? num_inputs : num_outputs;
      if (index >= count) return out_of_range(role, index, count);
      const TensorInfo& info = input ? InTraits::infos[index] : OutTraits::infos[index];
      const Status s = detail::check_dl_tensor(Traits::name(), role, index, info, tensor);
      if (!s) return s;
      return bind(role, index, const_cast<void*>(detail::dl_first_byte(tensor)),  // NOLINT
                  info.raw_name.data());
    }
  }

  Status bind_index(Role role, std::size_t index, void* data) noexcept {
    if constexpr (!Buffers::binds) {
      compile_error::executor_does_not_bind<Model, Buffers>();
      return Status{};
    } else {
      return bind(role, index, data, nullptr);
    }
  }

  /// CallerBuffers: every tensor must be bound before a run.
  Status check_bound() const noexcept {
    if constexpr (!Buffers::owns) {
      for (std::size_t i = 0; i < num_inputs; ++i) {
        if (this->bound_in_[i] == nullptr) {
          return Status(Errc::kUnbound, Traits::name())
              .with_tensor(Role::kInput, i, InTraits::raw_names[i]);
        }
      }
      for (std::size_t i = 0; i < num_outputs; ++i) {
        if (this->bound_out_[i] == nullptr) {
          return Status(Errc::kUnbound, Traits::name())
              .with_tensor(Role::kOutput, i, OutTraits::raw_names[i]);
        }
      }
    }
    return Status{};
  }

  std::int32_t call_entry() noexcept {
    return Caller::call(this->input_pointers(), this->output_pointers(), this->pool_pointers(),
                        this->device_pointers(), this->packed_args());
  }

  // The only cost over the bare call, and only for models that call the TVM runtime: the
  // runtime symbols must find this executor's arena and message buffer, so run() saves and
  // restores a thread-local pointer and sets up a small context (about 10 instructions per
  // run), and each TVMBackend*Workspace call loads it (about 12 more per call, measured by
  // benchmarks/overhead.sh). A C driver avoids both with one global arena, which every
  // executor would then share.
  Status run_bound() noexcept {
    if constexpr (Traits::needs_runtime) {
      detail::RuntimeContext ctx;  // NOLINT(cppcoreguidelines-pro-type-member-init): see type
      if constexpr (Traits::uses_last_error) {
        this->last_error_[0] = '\0';
        ctx.error_text = this->last_error_;
        ctx.error_capacity = sizeof(this->last_error_);
      }
      std::int32_t rc = 0;
      if constexpr (Traits::uses_backend_workspace) {
        // Every run starts from an empty arena, whatever a previous one left.
        this->workspace_counters_.depth = 0;
        this->workspace_counters_.top = 0;
        detail::ArenaView arena(this->workspace_, sizeof(this->workspace_),
                                this->workspace_offsets_, Traits::workspace_allocations,
                                &this->workspace_counters_);
        ctx.arena = &arena;
        const detail::ContextBinding bind(&ctx);
        rc = call_entry();
      } else {
        const detail::ContextBinding bind(&ctx);
        rc = call_entry();
      }
      if (ctx.failure.code != Errc::kOk) {
        return Status(ctx.failure.code, Traits::name())
            .with_values(ctx.failure.expected, ctx.failure.got);
      }
      if (rc != 0) {
        Status s = Status(Errc::kEntryFailed, Traits::name()).with_entry_code(rc);
        if constexpr (Traits::uses_last_error) s.with_text(this->last_error_);
        return s;
      }
      return Status{};
    } else {
      const std::int32_t rc = call_entry();
      if (rc != 0) return Status(Errc::kEntryFailed, Traits::name()).with_entry_code(rc);
      return Status{};
    }
  }

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
    detail::copy_tensor_bytes(input_data<Index>(), data, detail::TensorTraits<Tag>::bytes);
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
