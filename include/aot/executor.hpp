// SPDX-License-Identifier: Apache-2.0
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

#include "aot/arena.hpp"
#include "aot/buffers.hpp"
#include "aot/config.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/detail/dl_checks.hpp"
#include "aot/detail/entry.hpp"
#include "aot/detail/runtime_context.hpp"
#include "aot/detail/sources.hpp"
#include "aot/detail/storage.hpp"
#include "aot/infer_result.hpp"
#include "aot/memory_report.hpp"
#include "aot/model.hpp"
#include "aot/operators.hpp"
#include "aot/profiler.hpp"
#include "aot/span.hpp"
#include "aot/status.hpp"
#include "aot/tensor_view.hpp"
#include "aot/workspace.hpp"

namespace aot {

namespace detail {
template <class Tag, class Hooks>
class DoubleBufferBase;

/// Set while a singleton model (internal pools) runs; checked in debug builds.
template <class Model>
inline std::atomic<bool> singleton_running{false};
}  // namespace detail

/// Runs one ahead-of-time compiled model. Owns every input and output buffer, each
/// `Alignment`-aligned and sized from the model at compile time; never allocates, never
/// throws. A global instance is constant-initialised (for the packed convention its
/// constructor fills the argument arrays) and its buffers lie in .bss. `Buffers` says where
/// inputs and outputs live: OwnBuffers (the default), BindableBuffers (own, and any may be
/// bound to the caller's memory instead), CallerBuffers (only the caller's memory).
/// `Memory` says where the workspace arena and external pools live: OwnMemory (the default,
/// exactly the model's sizes) or CallerMemory (set_workspace, set_pool). `Profiler` hears of
/// every run (NoProfiler, the default, costs nothing; aot::RunTimer times runs).
template <class Model, std::size_t Alignment = AOT_DEFAULT_ALIGNMENT, class Buffers = OwnBuffers,
          class Memory = OwnMemory, class Profiler = NoProfiler>
class AotExecutor : private detail::ExecutorStorage<Model, Alignment, Buffers, Memory>,
                    private detail::ProfilerPart<Profiler> {
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
  /// The model description this executor runs.
  using model_type = Model;
  /// Number of inputs, known at compile time.
  static constexpr std::size_t num_inputs = InTraits::size;
  /// Number of outputs, known at compile time.
  static constexpr std::size_t num_outputs = OutTraits::size;
  /// Alignment in bytes of every buffer the executor owns.
  static constexpr std::size_t alignment = Alignment;

  AotExecutor() = default;
  AotExecutor(const AotExecutor&) = delete;
  AotExecutor& operator=(const AotExecutor&) = delete;

  /// The module name the model was built with ("default" unless given).
  static constexpr const char* model_name() noexcept { return Traits::name(); }

  // ---- Typed, compile-time checked interface -------------------------------------------

  /// Copies `src` (C array, std::array, TensorView, fixed-extent std::span) into input `Tag`;
  /// element type and count are checked at compile time, so it cannot fail: the Status is
  /// always ok and costs nothing (only CallerBuffers can report kUnbound here).
  template <class Tag, class Src, std::enable_if_t<!detail::kRunTimeSized<Src>, int> = 0>
  Status set_input(const Src& src) noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
      return Status{};
    } else {
      using T = typename Tag::element_type;
      using S = detail::SourceTraits<Src>;
      if constexpr (!S::supported) {
        compile_error::unsupported_source<Model, Tag, Src>();
        return Status{};
      } else if constexpr (!std::is_same_v<typename S::element, T>) {
        compile_error::element_type_mismatch<Model, Tag, T, typename S::element>();
        return Status{};
      } else if constexpr (S::count != detail::TensorTraits<Tag>::count) {
        compile_error::element_count_mismatch<Model, Tag, detail::TensorTraits<Tag>::count,
                                              S::count>();
        return Status{};
      } else {
        // The source may be this very buffer (input_buffer<Tag>(), input<Tag>()); one of the
        // tensor's exact size cannot overlap it in part. The test costs one compare at most,
        // nothing where the compiler sees two distinct objects.
        void* const to = input_data<index>();
        const void* const from = S::data(src);
        if constexpr (!Buffers::owns) {
          // CallerBuffers: nothing to copy into before a bind.
          if (to == nullptr) return unbound(Role::kInput, index);
        }
        if (to != from) std::memcpy(to, from, detail::TensorTraits<Tag>::bytes);
        return Status{};
      }
    }
  }

  /// Copies a source whose length is known only at run time (std::vector, std::span,
  /// aot::Span, any contiguous range of the element type): a count other than the tensor's
  /// is an error and leaves the buffer unchanged.
  template <class Tag, class Src, std::enable_if_t<detail::kRunTimeSized<Src>, int> = 0>
  [[nodiscard]] Status set_input(const Src& src) noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
      return Status{};
    } else {
      using T = typename Tag::element_type;
      using S = detail::SourceTraits<Src>;
      if constexpr (!std::is_same_v<typename S::element, T>) {
        compile_error::element_type_mismatch<Model, Tag, T, typename S::element>();
        return Status{};
      } else {
        return copy_in<index>(src.data(), static_cast<std::size_t>(src.size()));
      }
    }
  }

  /// As above, by input index.
  template <std::size_t I, class Src, std::enable_if_t<!detail::kRunTimeSized<Src>, int> = 0>
  Status set_input(const Src& src) noexcept {
    if constexpr (I >= num_inputs) {
      compile_error::input_index_out_of_range<Model, I, num_inputs>();
      return Status{};
    } else {
      return set_input<InputAt<I>>(src);
    }
  }
  /// As above, by input index, from a source sized at run time (an aot::Span).
  template <std::size_t I, class Src, std::enable_if_t<detail::kRunTimeSized<Src>, int> = 0>
  [[nodiscard]] Status set_input(const Src& src) noexcept {
    if constexpr (I >= num_inputs) {
      compile_error::input_index_out_of_range<Model, I, num_inputs>();
      return Status{};
    } else {
      return set_input<InputAt<I>>(src);
    }
  }

  /// Copies `count` elements from `data`; a count other than the tensor's is an error and
  /// leaves the buffer unchanged.
  template <class Tag, class T>
  [[nodiscard]] Status set_input(const T* data, std::size_t count) noexcept {
    return set_input<Tag>(Span<const T>(data, count));
  }
  /// As above, by input index.
  template <std::size_t I, class T>
  [[nodiscard]] Status set_input(const T* data, std::size_t count) noexcept {
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
  /// As above, by input index.
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
      return static_cast<typename detail::IoBuffers<Model, Alignment, Buffers, Memory>::InSlots&>(
                 *this)
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
      return static_cast<typename detail::IoBuffers<Model, Alignment, Buffers, Memory>::OutSlots&>(
                 *this)
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
  /// As above, by output index.
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
  [[nodiscard]] Status bind_input(Buf& buf) noexcept {
    return bind_tag<true, Tag>(buf);
  }
  /// As above, by input index.
  template <std::size_t I, class Buf>
  [[nodiscard]] Status bind_input(Buf& buf) noexcept {
    return bind_at<true, I>(buf);
  }
  /// Pointer and element count.
  template <class Tag, class T>
  [[nodiscard]] Status bind_input(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_tag<true, Tag>(span);
  }
  /// Pointer and element count, by input index.
  template <std::size_t I, class T>
  [[nodiscard]] Status bind_input(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_at<true, I>(span);
  }
  /// As bind_input, for output `Tag`: run() writes into the caller's buffer.
  template <class Tag, class Buf>
  [[nodiscard]] Status bind_output(Buf& buf) noexcept {
    return bind_tag<false, Tag>(buf);
  }
  /// As above, by output index.
  template <std::size_t I, class Buf>
  [[nodiscard]] Status bind_output(Buf& buf) noexcept {
    return bind_at<false, I>(buf);
  }
  /// Pointer and element count.
  template <class Tag, class T>
  [[nodiscard]] Status bind_output(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_tag<false, Tag>(span);
  }
  /// Pointer and element count, by output index.
  template <std::size_t I, class T>
  [[nodiscard]] Status bind_output(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_at<false, I>(span);
  }
  /// Back to the executor's own buffer (BindableBuffers) or to no buffer (CallerBuffers).
  template <std::size_t I>
  void unbind_input() noexcept {
    static_cast<void>(bind_index(Role::kInput, I, nullptr));
  }
  /// As unbind_input, for output `I`.
  template <std::size_t I>
  void unbind_output() noexcept {
    static_cast<void>(bind_index(Role::kOutput, I, nullptr));
  }

  /// TVM's names (declared in its AotExecutor, never implemented there): bind input or output
  /// `index` (or `name`) to a caller's DLTensor after set_input's checks; only `data` is kept.
  template <class DL>
  [[nodiscard]] Status set_input_zero_copy(std::size_t index, const DL& tensor) noexcept {
    return bind_dl(Role::kInput, index, tensor);
  }
  /// As above, input by name.
  template <class DL>
  [[nodiscard]] Status set_input_zero_copy(std::string_view name, const DL& tensor) noexcept {
    const Result<std::size_t> index = get_input_index(name);
    if (!index) return index.status();
    return bind_dl(Role::kInput, *index, tensor);
  }
  /// As above, for output `index`: run() writes into the caller's tensor.
  template <class DL>
  [[nodiscard]] Status set_output_zero_copy(std::size_t index, const DL& tensor) noexcept {
    return bind_dl(Role::kOutput, index, tensor);
  }
  /// As above, output by name.
  template <class DL>
  [[nodiscard]] Status set_output_zero_copy(std::string_view name, const DL& tensor) noexcept {
    const Result<std::size_t> index = get_output_index(name);
    if (!index) return index.status();
    return bind_dl(Role::kOutput, *index, tensor);
  }

  // ---- Caller-supplied arena and pools (CallerMemory) ------------------------------------

  /// The arena TVMBackendAllocWorkspace hands blocks from, for this executor alone (a linker
  /// section, DTCM): at least the model's workspace_size bytes (checked at compile time for
  /// an array), aligned to its workspace_alignment, overlapping none of the executor's other
  /// memory. On any error nothing changes.
  template <std::size_t N>
  [[nodiscard]] Status set_workspace(std::uint8_t (&arena)[N]) noexcept {
    if constexpr (check_caller_arena() && N < Traits::arena_bytes) {
      compile_error::workspace_too_small<Model, Traits::arena_bytes, N>();
    }
    return set_workspace(static_cast<std::uint8_t*>(arena), N);
  }
  /// As above, `size` bytes at `data`, the size checked at run time.
  [[nodiscard]] Status set_workspace(std::uint8_t* data, std::size_t size) noexcept {
    if constexpr (!check_caller_arena()) {
      return Status{};
    } else {
      if (const Status s = check_memory(data, size, Traits::arena_bytes,
                                        Traits::workspace_alignment, kArenaArg, nullptr);
          !s) {
        return s;
      }
      if (this->workspace_ == nullptr) --this->missing_;
      this->workspace_ = data;
      this->workspace_size_ = size;
      this->shared_arena_ = nullptr;
      return Status{};
    }
  }
  /// An arena lent to executors that never run at once: each run claims it, and a run while
  /// another holds it fails with kWorkspaceBusy.
  [[nodiscard]] Status set_workspace(SharedArena& arena) noexcept {
    if constexpr (!check_caller_arena()) {
      return Status{};
    } else {
      if (const Status s = check_memory(arena.data(), arena.size(), Traits::arena_bytes,
                                        Traits::workspace_alignment, kArenaArg, nullptr);
          !s) {
        return s;
      }
      if (this->workspace_ == nullptr) --this->missing_;
      this->workspace_ = arena.data();
      this->workspace_size_ = arena.size();
      this->shared_arena_ = &arena;
      return Status{};
    }
  }

  /// Memory for external workspace pool `Tag` (or index I): at least the pool's size,
  /// aligned to the model's workspace_alignment, overlapping none of the executor's other
  /// memory. Constant pools are the description's and cannot be set.
  template <class Tag, std::size_t N>
  [[nodiscard]] Status set_pool(std::uint8_t (&pool)[N]) noexcept {
    constexpr std::size_t index = detail::IndexOf<Tag, typename Traits::PoolList>::value;
    if constexpr (index == npos) {
      compile_error::not_a_pool_of_model<Model, Tag>();
      return Status{};
    } else {
      return set_pool<index>(pool);
    }
  }
  /// As above, by pool index.
  template <std::size_t I, std::size_t N>
  [[nodiscard]] Status set_pool(std::uint8_t (&pool)[N]) noexcept {
    if constexpr (check_caller_pool<I>()) {
      using Pool = detail::TypeAtT<I, typename Traits::PoolList>;
      if constexpr (N < detail::TensorTraits<Pool>::bytes) {
        compile_error::pool_too_small<Model, Pool, detail::TensorTraits<Pool>::bytes, N>();
      }
    }
    return set_pool<I>(static_cast<std::uint8_t*>(pool), N);
  }
  /// As above, `size` bytes at `data`, the size checked at run time.
  template <class Tag>
  [[nodiscard]] Status set_pool(std::uint8_t* data, std::size_t size) noexcept {
    constexpr std::size_t index = detail::IndexOf<Tag, typename Traits::PoolList>::value;
    if constexpr (index == npos) {
      compile_error::not_a_pool_of_model<Model, Tag>();
      return Status{};
    } else {
      return set_pool<index>(data, size);
    }
  }
  /// As above, by pool index.
  template <std::size_t I>
  [[nodiscard]] Status set_pool(std::uint8_t* data, std::size_t size) noexcept {
    if constexpr (!check_caller_pool<I>()) {
      return Status{};
    } else {
      using Pool = detail::TypeAtT<I, typename Traits::PoolList>;
      // The pool's own alignment (PoolSpec), else the model's workspace alignment.
      constexpr std::size_t align = detail::kOwnAlignment < Pool >> 1 ? detail::kOwnAlignment<Pool>
                                                                      : Traits::workspace_alignment;
      constexpr std::size_t arg = num_inputs + num_outputs + I;
      if (const Status s = check_memory(data, size, detail::TensorTraits<Pool>::bytes, align, arg,
                                        Traits::Pools::raw_names[I]);
          !s) {
        return s;
      }
      if (this->pools_[I] == nullptr) --this->missing_;
      this->pools_[I] = data;
      this->set_packed_data(arg, data);
      return Status{};
    }
  }

  /// Calls the generated entry function with the executor's buffers. For a model with a
  /// TVMBackendAllocWorkspace arena, binds this executor's arena for the duration of the
  /// call; a failed run takes the message the code gave TVMAPISetLastError. Otherwise the
  /// call is all there is (and the profiler's two calls, empty by default). A profiler with
  /// `per_operator` (aot::OperatorTimer) is also told of each operator call, through the hooks
  /// a model built with PROFILE calls.
  [[nodiscard]] Status run() noexcept {
    this->profiler_ref().on_run_begin();
    if constexpr (detail::kPerOperator<Profiler>) {
      // Its own branch, so that every other profiler's run() stays exactly the bare one.
      Status s;
      {
        const detail::OperatorSinkBinding<Model, Profiler> bind(this->profiler_ref());
        s = run_checked();
      }
      this->profiler_ref().on_run_end();
      return s;
    } else {
      const Status s = run_checked();
      this->profiler_ref().on_run_end();
      return s;
    }
  }

  /// The profiler this executor tells of its runs.
  Profiler& profiler() noexcept { return this->profiler_ref(); }
  /// As above, read-only.
  const Profiler& profiler() const noexcept { return this->profiler_ref(); }

 private:
  Status run_checked() noexcept {
    if constexpr (!Buffers::owns || !Memory::owns) {
      if (this->missing_ != 0) return check_bound();
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

 public:
  /// Bytes of the workspace arena in use at the highest point since construction (0 for
  /// models that do not allocate through TVMBackendAllocWorkspace).
  std::size_t workspace_peak() const noexcept {
    if constexpr (Traits::uses_backend_workspace) {
      return this->workspace_peak_;
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
  /// As above, by device index.
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
    r.workspace = Memory::owns ? Traits::arena_bytes : 0;
    r.constant_pools = Traits::constant_pool_bytes;
    r.pools = Memory::owns ? Traits::Pools::total_bytes - r.constant_pools : 0;
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

  /// Number of inputs (TVM's get_num_inputs).
  static constexpr std::size_t get_num_inputs() noexcept { return num_inputs; }
  /// Number of outputs (TVM's get_num_outputs).
  static constexpr std::size_t get_num_outputs() noexcept { return num_outputs; }

  /// Index of the input named `name` (raw or sanitised; sanitised before comparing).
  static constexpr Result<std::size_t> get_input_index(std::string_view name) noexcept {
    return find_index<InTraits>(name, Role::kInput);
  }
  /// Index of the output named `name`, as get_input_index.
  static constexpr Result<std::size_t> get_output_index(std::string_view name) noexcept {
    return find_index<OutTraits>(name, Role::kOutput);
  }

  /// Sanitised name of input `index` (as TVM's get_input_name returns it).
  static constexpr Result<std::string_view> get_input_name(std::size_t index) noexcept {
    if (index >= num_inputs) return out_of_range(Role::kInput, index, num_inputs);
    return InTraits::infos[index].name;
  }
  /// Sanitised name of output `index`.
  static constexpr Result<std::string_view> get_output_name(std::size_t index) noexcept {
    if (index >= num_outputs) return out_of_range(Role::kOutput, index, num_outputs);
    return OutTraits::infos[index].name;
  }

  /// Names, dtype, shape and sizes of input `index`.
  static constexpr Result<TensorInfo> get_input_info(std::size_t index) noexcept {
    if (index >= num_inputs) return out_of_range(Role::kInput, index, num_inputs);
    return InTraits::infos[index];
  }
  /// Names, dtype, shape and sizes of output `index`.
  static constexpr Result<TensorInfo> get_output_info(std::size_t index) noexcept {
    if (index >= num_outputs) return out_of_range(Role::kOutput, index, num_outputs);
    return OutTraits::infos[index];
  }

  /// Copies a caller's DLTensor into input `index` after checking dtype, shape, strides,
  /// byte_offset, device and data; on any error the buffer is left untouched. The tensor may
  /// be a view of this executor's buffers, even of input `index` itself.
  template <class DL>
  [[nodiscard]] Status set_input(std::size_t index, const DL& tensor) noexcept {
    if constexpr (!detail::kIsDLTensor<DL>) {
      compile_error::not_a_dltensor<Model, DL>();
      return Status{};
    } else {
      if (index >= num_inputs) return out_of_range(Role::kInput, index, num_inputs);
      const TensorInfo& info = InTraits::infos[index];
      const Status s = detail::check_dl_tensor(Traits::name(), Role::kInput, index, info, tensor);
      if (!s) return s;
      void* const to = this->input_pointers()[index];
      if constexpr (!Buffers::owns) {
        if (to == nullptr) return unbound(Role::kInput, index);
      }
      detail::copy_tensor_bytes(to, detail::dl_first_byte(tensor), info.size_bytes);
      return Status{};
    }
  }
  /// By name: the index path plus one name comparison per tensor at most.
  template <class DL>
  [[nodiscard]] Status set_input(std::string_view name, const DL& tensor) noexcept {
    if constexpr (!detail::kIsDLTensor<DL>) {
      compile_error::not_a_dltensor<Model, DL>();
      return Status{};
    } else {
      const std::size_t index = InTraits::find(name);
      if (index == npos) return unknown_name(Role::kInput);
      return set_input(index, tensor);
    }
  }

  /// Zero-copy DLTensor view of input `index` (DLTensor from aot/dlpack.hpp).
  template <class DL = detail::DefaultDLTensor<Model>>
  Result<DL> get_input(std::size_t index) noexcept {
    if constexpr (std::is_same_v<DL, detail::DLPackNotIncluded>) {
      compile_error::dlpack_header_not_included<DL>();
      return DL{};
    } else {
      if (index >= num_inputs) return out_of_range(Role::kInput, index, num_inputs);
      void* const data = this->input_pointers()[index];
      if constexpr (!Buffers::owns) {
        if (data == nullptr) return unbound(Role::kInput, index);
      }
      return detail::make_dl_view<DL>(data, InTraits::infos[index]);
    }
  }
  /// As above, input by name.
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
      void* const data = this->output_pointers()[index];
      if constexpr (!Buffers::owns) {
        if (data == nullptr) return unbound(Role::kOutput, index);
      }
      return detail::make_dl_view<DL>(data, OutTraits::infos[index]);
    }
  }

  /// Copies output `index` into a caller's DLTensor after the same checks as set_input.
  template <class DL>
  [[nodiscard]] Status get_output(std::size_t index, DL& out) noexcept {
    if constexpr (!detail::kIsDLTensor<DL>) {
      compile_error::not_a_dltensor<Model, DL>();
      return Status{};
    } else {
      if (index >= num_outputs) return out_of_range(Role::kOutput, index, num_outputs);
      const TensorInfo& info = OutTraits::infos[index];
      const Status s = detail::check_dl_tensor(Traits::name(), Role::kOutput, index, info, out);
      if (!s) return s;
      const void* const from = this->output_pointers()[index];
      if constexpr (!Buffers::owns) {
        if (from == nullptr) return unbound(Role::kOutput, index);
      }
      detail::copy_tensor_bytes(detail::dl_first_byte(out), from, info.size_bytes);
      return Status{};
    }
  }

 private:
  template <class, class>
  friend class detail::DoubleBufferBase;

  /// A DoubleBuffer's swap: one of the two buffers bind_input accepted before, again.
  template <std::size_t I>
  void rebind_input(void* data) noexcept {
    this->bound_in_[I] = data;
    this->set_packed_data(I, data);
  }

  template <std::size_t I>
  auto* input_data() noexcept {
    using T = typename InputAt<I>::element_type;
    if constexpr (Traits::workspace_io) {
      return static_cast<T*>(this->input_pointers()[I]);
    } else if constexpr (Buffers::binds) {
      return static_cast<T*>(this->bound_in_[I]);
    } else {
      return static_cast<typename detail::IoBuffers<Model, Alignment, Buffers, Memory>::InSlots&>(
                 *this)
          .template data<I>();
    }
  }
  template <std::size_t I>
  const auto* output_data() const noexcept {
    using T = typename OutputAt<I>::element_type;
    if constexpr (Traits::workspace_io) {
      return static_cast<const T*>(this->output_pointers()[I]);
    } else if constexpr (Buffers::binds) {
      return static_cast<const T*>(this->bound_out_[I]);
    } else {
      return static_cast<
                 const typename detail::IoBuffers<Model, Alignment, Buffers, Memory>::OutSlots&>(
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
    if (data != nullptr) {
      const std::size_t arg = input ? index : num_inputs + index;
      const std::size_t bytes =
          input ? InTraits::infos[index].size_bytes : OutTraits::infos[index].size_bytes;
      if (const char* what = overlapping(data, bytes, arg); what != nullptr) {
        return Status(Errc::kOverlap, Traits::name())
            .with_tensor(role, index, raw_name)
            .with_text(what);
      }
    }
    void*& slot = (input ? this->bound_in_ : this->bound_out_)[index];
    if constexpr (Buffers::owns) {
      if (data == nullptr) data = input ? this->own_inputs()[index] : this->own_outputs()[index];
    } else {
      this->missing_ = this->missing_ + (slot != nullptr) - (data != nullptr);
    }
    slot = data;
    this->set_packed_data(input ? index : num_inputs + index, data);
    return Status{};
  }

  /// bind_input / bind_output by tag: the tensor's index, or a compile error naming it.
  template <bool Input, class Tag, class Buf>
  Status bind_tag(Buf& buf) noexcept {
    constexpr std::size_t index = Input ? input_index_v<Model, Tag> : output_index_v<Model, Tag>;
    if constexpr (index == npos) {
      if constexpr (Input) {
        compile_error::not_an_input_of_model<Model, Tag>();
      } else {
        compile_error::not_an_output_of_model<Model, Tag>();
      }
      return Status{};
    } else {
      return bind_typed<Input, index, Tag>(buf);
    }
  }
  /// bind_input / bind_output by index: in range, or a compile error.
  template <bool Input, std::size_t I, class Buf>
  Status bind_at(Buf& buf) noexcept {
    if constexpr (Input && I >= num_inputs) {
      compile_error::input_index_out_of_range<Model, I, num_inputs>();
      return Status{};
    } else if constexpr (!Input && I >= num_outputs) {
      compile_error::output_index_out_of_range<Model, I, num_outputs>();
      return Status{};
    } else if constexpr (Input) {
      return bind_typed<true, I, InputAt<I>>(buf);
    } else {
      return bind_typed<false, I, OutputAt<I>>(buf);
    }
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
    if constexpr (!detail::kIsDLTensor<DL>) {
      compile_error::not_a_dltensor<Model, DL>();
      return Status{};
    } else if constexpr (!Buffers::binds) {
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

  static constexpr std::size_t kArenaArg = num_inputs + num_outputs + Traits::num_pools;

  static constexpr bool check_caller_arena() noexcept {
    if constexpr (Memory::owns) {
      compile_error::executor_owns_its_memory<Model, Memory>();
      return false;
    } else if constexpr (!Traits::uses_backend_workspace) {
      compile_error::model_has_no_workspace_arena<Model>();
      return false;
    } else {
      return true;
    }
  }
  template <std::size_t I>
  static constexpr bool check_caller_pool() noexcept {
    if constexpr (Memory::owns) {
      compile_error::executor_owns_its_memory<Model, Memory>();
      return false;
    } else if constexpr (I >= Traits::num_pools) {
      compile_error::pool_index_out_of_range<Model, I, Traits::num_pools>();
      return false;
    } else if constexpr (detail::kConstantPool<detail::TypeAtT<I, typename Traits::PoolList>>) {
      compile_error::constant_pool_cannot_be_set<Model,
                                                 detail::TypeAtT<I, typename Traits::PoolList>>();
      return false;
    } else {
      return true;
    }
  }

  /// Memory the caller gives for the arena or a pool (argument `arg`): not null, large
  /// enough, aligned, overlapping nothing else of this executor's.
  Status check_memory(const std::uint8_t* data, std::size_t size, std::size_t needed,
                      std::size_t align, std::size_t arg, const char* pool) const noexcept {
    const auto fail = [&](Errc code) {
      Status s(code, Traits::name());
      if (pool != nullptr) s.with_tensor(Role::kPool, arg - num_inputs - num_outputs, pool);
      return s;
    };
    if (data == nullptr) return fail(Errc::kNullData);
    if (size < needed) {
      return fail(Errc::kWorkspaceOverflow)
          .with_values(static_cast<std::int64_t>(size), static_cast<std::int64_t>(needed));
    }
    const auto address = reinterpret_cast<std::uintptr_t>(data);  // NOLINT: alignment test
    if (address % align != 0) {
      return fail(Errc::kMisalignedData)
          .with_values(static_cast<std::int64_t>(align),
                       static_cast<std::int64_t>(address % align));
    }
    if (const char* what = overlapping(data, size, arg); what != nullptr) {
      return fail(Errc::kOverlap).with_text(what);
    }
    return Status{};
  }

  /// What of this executor's memory [data, data + bytes) overlaps, leaving out argument
  /// `skip` (inputs, outputs, pools, then the arena), or nullptr: no overlap.
  const char* overlapping(const void* data, std::size_t bytes, std::size_t skip) const noexcept {
    const auto begin = reinterpret_cast<std::uintptr_t>(data);  // NOLINT: address test
    const auto meets = [&](const void* other, std::size_t n) {
      const auto b = reinterpret_cast<std::uintptr_t>(other);  // NOLINT
      return other != nullptr && n > 0 && bytes > 0 && begin < b + n && b < begin + bytes;
    };
    if constexpr (!Traits::workspace_io) {
      const auto in = this->input_pointers();
      for (std::size_t i = 0; i < num_inputs; ++i) {
        if (i != skip && meets(in[i], InTraits::infos[i].size_bytes)) return "an input's memory";
      }
      const auto out = this->output_pointers();
      for (std::size_t i = 0; i < num_outputs; ++i) {
        if (num_inputs + i != skip && meets(out[i], OutTraits::infos[i].size_bytes)) {
          return "an output's memory";
        }
      }
    }
    const auto pools = this->pool_pointers();
    for (std::size_t i = 0; i < Traits::num_pools; ++i) {
      if (num_inputs + num_outputs + i != skip &&
          meets(pools[i], Traits::Pools::infos[i].size_bytes)) {
        return "a pool's memory";
      }
    }
    if constexpr (Traits::uses_backend_workspace) {
      if (num_inputs + num_outputs + Traits::num_pools != skip &&
          meets(this->workspace_base(), this->workspace_capacity())) {
        return "the workspace arena";
      }
    }
    return nullptr;
  }

  /// CallerBuffers: every tensor must be bound before a run; CallerMemory: the arena and
  /// every pool given.
  Status check_bound() const noexcept {
    if constexpr (!Memory::owns) {
      if constexpr (Traits::uses_backend_workspace) {
        if (this->workspace_ == nullptr) return Status(Errc::kUnbound, Traits::name());
      }
      const auto pools = this->pool_pointers();
      for (std::size_t i = 0; i < Traits::num_pools; ++i) {
        if (pools[i] == nullptr) {
          return Status(Errc::kUnbound, Traits::name())
              .with_tensor(Role::kPool, i, Traits::Pools::raw_names[i]);
        }
      }
    }
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

  // The only cost over the bare call, and only for models that call the TVM runtime. A
  // model that reports messages (TVMAPISetLastError) clears the thread's message buffer: one
  // store. A model with a TVMBackendAllocWorkspace arena must let the runtime symbols find
  // this executor's arena: run() saves and restores a thread-local pointer and sets up a
  // small context (about 10 instructions per run); each allocation then costs what a C bump
  // allocator's does (benchmarks/overhead.sh). A C driver avoids the context with one global
  // arena, which every executor would then share.
  Status run_bound() noexcept {
    if constexpr (Traits::uses_last_error) detail::last_error_text[0] = '\0';
    std::int32_t rc = 0;
    if constexpr (Traits::needs_runtime) {
      detail::RuntimeContext ctx;  // NOLINT(cppcoreguidelines-pro-type-member-init): see type
      // Every run starts from an empty arena, whatever a previous one left.
      SharedArena* shared = nullptr;
      if constexpr (!Memory::owns) {
        shared = this->shared_arena_;
        if (shared != nullptr && !shared->try_claim()) {
          return Status(Errc::kWorkspaceBusy, Traits::name());
        }
      }
      ctx.arena = detail::Arena::over(this->workspace_base(), this->workspace_capacity(),
                                      Traits::workspace_alignment);
      {
        const detail::ContextBinding bind(&ctx);
        rc = call_entry();
      }
      const std::size_t high = ctx.arena.high_water();
      if (high > this->workspace_peak_) this->workspace_peak_ = high;
      if (shared != nullptr) shared->release();
      if (ctx.failure.code != Errc::kOk) {
        return Status(ctx.failure.code, Traits::name())
            .with_values(ctx.failure.expected, ctx.failure.got);
      }
    } else {
      rc = call_entry();
    }
    if (rc != 0) return entry_failed(rc);
    return Status{};
  }

  Status entry_failed(std::int32_t rc) noexcept {
    Status s = Status(Errc::kEntryFailed, Traits::name()).with_entry_code(rc);
    if constexpr (Traits::uses_last_error) {
      // The thread's buffer is the next failing run's: the Status keeps this executor's copy.
      std::memcpy(this->last_error_, detail::last_error_text, sizeof(this->last_error_));
      detail::last_error_text[0] = '\0';
      s.with_text(this->last_error_);
    }
    return s;
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
    void* const to = input_data<Index>();
    if constexpr (!Buffers::owns) {
      if (to == nullptr) return unbound(Role::kInput, Index);
    }
    detail::copy_tensor_bytes(to, data, detail::TensorTraits<Tag>::bytes);
    return Status{};
  }

  template <std::size_t... O>
  auto output_views(std::index_sequence<O...>) const noexcept {
    return std::make_tuple(get_output<O>()...);
  }

  template <std::size_t... I, class... Srcs>
  auto infer_impl(std::index_sequence<I...>, const Srcs&... srcs) noexcept {
    auto views = output_views(std::make_index_sequence<num_outputs>{});
    Status s;
    const bool filled = ((s = set_input<I>(srcs), s.ok()) && ...);
    if (filled) s = run();
    return std::apply(
        [&](auto... v) { return InferResult<decltype(v)...>(s, std::make_tuple(v...)); }, views);
  }

  template <class ListTraitsT>
  static constexpr Result<std::size_t> find_index(std::string_view name, Role role) noexcept {
    const std::size_t i = ListTraitsT::find(name);
    if (i == npos) return unknown_name(role);
    return i;
  }

  static constexpr Status unknown_name(Role role) noexcept {
    return Status(Errc::kUnknownName, Traits::name()).with_role(role);
  }

  static constexpr Status unbound(Role role, std::size_t index) noexcept {
    return Status(Errc::kUnbound, Traits::name())
        .with_tensor(
            role, index,
            role == Role::kInput ? InTraits::raw_names[index] : OutTraits::raw_names[index]);
  }

  static constexpr Status out_of_range(Role role, std::size_t index, std::size_t count) noexcept {
    return Status(Errc::kIndexOutOfRange, Traits::name())
        .with_role(role)
        .with_values(static_cast<std::int64_t>(count), static_cast<std::int64_t>(index));
  }
};

}  // namespace aot
