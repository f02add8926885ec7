// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "aot/arena.hpp"
#include "aot/buffers.hpp"
#include "aot/config.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/detail/dl_checks.hpp"
#include "aot/detail/entry.hpp"
#include "aot/detail/model_status.hpp"
#include "aot/detail/model_traits.hpp"
#include "aot/detail/runtime_context.hpp"
#include "aot/detail/storage.hpp"
#include "aot/memory_report.hpp"
#include "aot/model.hpp"
#include "aot/operators.hpp"
#include "aot/profiler.hpp"
#include "aot/status.hpp"
#include "aot/typed_io.hpp"
#include "aot/workspace.hpp"

namespace aot {

namespace detail {

/// Set while a singleton model (internal pools) runs; checked in debug builds.
template <class Model>
inline std::atomic<bool> singleton_running{false};

/// Every byte of an executor but its profiler's, each policy's state where it packs best: the
/// aligned buffers first (inputs and outputs, then pools), then the words, which the last
/// buffer's padding may hold. A part a model or policy does not need is an empty base.
template <class Model, std::size_t Align, class Buffers, class Memory>
struct ExecutorState : OwnIo<Model, Align, Buffers>,          // aot/buffers.hpp
                       OwnPools<Model, Align, Memory>,        // aot/arena.hpp
                       Bindings<Model, Buffers::binds>,       // aot/buffers.hpp
                       MissingCount<Model, Buffers, Memory>,  // detail/storage.hpp
                       CallerPools<Model, Memory>,            // aot/arena.hpp
                       WorkspacePart<Model, Memory>,          // aot/arena.hpp
                       ErrorPart<Model>,                      // detail/storage.hpp
                       DeviceHandles<Model>,                  // detail/storage.hpp
                       PackedArgsPart<Model> {                // detail/storage.hpp
  constexpr ExecutorState() noexcept {
    if constexpr (Buffers::binds && kOwnsIo<Model, Buffers>) {
      this->bind_all(this->own_inputs(), this->own_outputs());
    }
  }
  // Bindings may point into this object.
  ExecutorState(const ExecutorState&) = delete;
  ExecutorState& operator=(const ExecutorState&) = delete;
};

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
///
/// The typed calls come from TypedIo, binding from ExecutorBuffers, set_workspace and
/// set_pool from ExecutorMemory, profiler() from ExecutorProfiler; this class adds run(), the
/// run-time interface (TVM's names) and the memory report.
template <class Model, std::size_t Alignment = AOT_DEFAULT_ALIGNMENT, class Buffers = OwnBuffers,
          class Memory = OwnMemory, class Profiler = NoProfiler>
class AotExecutor
    : private detail::ExecutorState<Model, Alignment, Buffers, Memory>,
      public TypedIo<AotExecutor<Model, Alignment, Buffers, Memory, Profiler>>,
      public ExecutorBuffers<AotExecutor<Model, Alignment, Buffers, Memory, Profiler>>,
      public ExecutorMemory<AotExecutor<Model, Alignment, Buffers, Memory, Profiler>>,
      public ExecutorProfiler<Profiler> {
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
  using Typed = TypedIo<AotExecutor>;

  // The parts reach the state and each other through this class.
  friend Typed;
  friend ExecutorBuffers<AotExecutor>;
  friend ExecutorMemory<AotExecutor>;

 public:
  /// The model description this executor runs.
  using model_type = Model;
  /// Number of inputs, known at compile time.
  static constexpr std::size_t num_inputs = InTraits::size;
  /// Number of outputs, known at compile time.
  static constexpr std::size_t num_outputs = OutTraits::size;
  /// Alignment in bytes of every buffer the executor owns.
  static constexpr std::size_t alignment = Alignment;

  /// For the packed convention, fills the argument arrays (which point at the executor's
  /// memory); any other is constant-initialised.
  constexpr AotExecutor() noexcept {
    if constexpr (Model::convention == Convention::kPacked) {
      this->fill_packed_args(this->input_pointers(), this->output_pointers(),
                             this->pool_pointers());
    }
  }
  AotExecutor(const AotExecutor&) = delete;
  AotExecutor& operator=(const AotExecutor&) = delete;

  /// The module name the model was built with ("default" unless given).
  static constexpr const char* model_name() noexcept { return Traits::name(); }

  // The typed calls share their names with the run-time ones below.
  using Typed::get_output;
  using Typed::set_input;

  /// Calls the generated entry function with the executor's buffers. For a model with a
  /// TVMBackendAllocWorkspace arena, opens this thread's runtime context over this executor's
  /// arena for the call; a failed run takes the message the code gave TVMAPISetLastError. Otherwise
  /// the call is all there is (and the profiler's two calls, empty by default). A profiler with
  /// `per_operator` (aot::OperatorTimer) is also told of each operator call, through the hooks
  /// a model built with PROFILE calls.
  [[nodiscard]] Status run() noexcept {
    this->profiler().on_run_begin();
    if constexpr (detail::kPerOperator<Profiler>) {
      // Its own branch, so that every other profiler's run() stays exactly the bare one.
      Status s;
      {
        const detail::OperatorSinkBinding<Model, Profiler> bind(this->profiler());
        s = run_checked();
      }
      this->profiler().on_run_end();
      return s;
    } else {
      const Status s = run_checked();
      this->profiler().on_run_end();
      return s;
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
    if (index >= num_inputs) return detail::out_of_range<Model>(Role::kInput, index, num_inputs);
    return InTraits::infos[index].name;
  }
  /// Sanitised name of output `index`.
  static constexpr Result<std::string_view> get_output_name(std::size_t index) noexcept {
    if (index >= num_outputs) {
      return detail::out_of_range<Model>(Role::kOutput, index, num_outputs);
    }
    return OutTraits::infos[index].name;
  }

  /// Names, dtype, shape and sizes of input `index`.
  static constexpr Result<TensorInfo> get_input_info(std::size_t index) noexcept {
    if (index >= num_inputs) return detail::out_of_range<Model>(Role::kInput, index, num_inputs);
    return InTraits::infos[index];
  }
  /// Names, dtype, shape and sizes of output `index`.
  static constexpr Result<TensorInfo> get_output_info(std::size_t index) noexcept {
    if (index >= num_outputs) {
      return detail::out_of_range<Model>(Role::kOutput, index, num_outputs);
    }
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
      if (index >= num_inputs) return detail::out_of_range<Model>(Role::kInput, index, num_inputs);
      const TensorInfo& info = InTraits::infos[index];
      const Status s = detail::check_dl_tensor(Traits::name(), Role::kInput, index, info, tensor);
      if (!s) return s;
      void* const to = this->input_pointers()[index];
      if constexpr (!Buffers::owns) {
        if (to == nullptr) return detail::unbound<Model>(Role::kInput, index);
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
      if (index == npos) return detail::unknown_name<Model>(Role::kInput);
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
      if (index >= num_inputs) return detail::out_of_range<Model>(Role::kInput, index, num_inputs);
      void* const data = this->input_pointers()[index];
      if constexpr (!Buffers::owns) {
        if (data == nullptr) return detail::unbound<Model>(Role::kInput, index);
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
      if (index >= num_outputs) {
        return detail::out_of_range<Model>(Role::kOutput, index, num_outputs);
      }
      void* const data = this->output_pointers()[index];
      if constexpr (!Buffers::owns) {
        if (data == nullptr) return detail::unbound<Model>(Role::kOutput, index);
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
      if (index >= num_outputs) {
        return detail::out_of_range<Model>(Role::kOutput, index, num_outputs);
      }
      const TensorInfo& info = OutTraits::infos[index];
      const Status s = detail::check_dl_tensor(Traits::name(), Role::kOutput, index, info, out);
      if (!s) return s;
      const void* const from = this->output_pointers()[index];
      if constexpr (!Buffers::owns) {
        if (from == nullptr) return detail::unbound<Model>(Role::kOutput, index);
      }
      detail::copy_tensor_bytes(detail::dl_first_byte(out), from, info.size_bytes);
      return Status{};
    }
  }

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

  /// CallerMemory: the arena and every pool given; CallerBuffers: every tensor bound.
  Status check_bound() const noexcept {
    if (const Status s = this->check_memory_given(); !s) return s;
    return this->check_buffers_bound();
  }

  std::int32_t call_entry() noexcept {
    return Caller::call(this->input_pointers(), this->output_pointers(), this->pool_pointers(),
                        this->device_pointers(), this->packed_args());
  }

  // The only cost over the bare call, and only for models that call the TVM runtime. A
  // model that reports messages (TVMAPISetLastError) clears the thread's message buffer: one
  // store. A model with a TVMBackendAllocWorkspace arena opens this thread's runtime context
  // over its executor's arena and closes it after (a few stores a run); each allocation and
  // free then costs what a C bump allocator's does (benchmarks/overhead.sh). A C driver
  // needs no opening: its one global arena, which every executor would then share, is open
  // all the time.
  Status run_bound() noexcept {
    if constexpr (Traits::uses_last_error) detail::last_error_text[0] = '\0';
    std::int32_t rc = 0;
    if constexpr (Traits::needs_runtime) {
      detail::RuntimeContext& ctx = detail::current_context;
      if (ctx.arena.is_open()) return run_nested();
      SharedArena* shared = nullptr;
      if constexpr (!Memory::owns) {
        shared = this->shared_arena_;
        if (shared != nullptr && !shared->try_claim()) {
          return Status(Errc::kWorkspaceBusy, Traits::name());
        }
      }
      // Every run starts from an empty arena, whatever a previous one left.
      ctx.arena.open(this->workspace_base(), this->workspace_capacity(),
                     Traits::workspace_alignment);
      rc = call_entry();
#if AOT_WORKSPACE_AUDIT
      const std::size_t high = ctx.arena.high_water();
      if (high > this->workspace_peak_) this->workspace_peak_ = high;
      constexpr bool audited = true;
#else
      constexpr bool audited = false;
#endif
      ctx.arena.close();
      if (shared != nullptr) shared->release();
      // A refused allocation makes TVM's code return non-zero, so an unaudited run looks at
      // the failure only then; an audited free may fail where the code goes on. The failure
      // is cleared where it is read, so a run sets nothing up for it.
      if ((audited || rc != 0) && ctx.failure.code != Errc::kOk) {
        const Status s = Status(ctx.failure.code, Traits::name())
                             .with_values(ctx.failure.expected, ctx.failure.got);
        ctx.failure.code = Errc::kOk;
        return s;
      }
    } else {
      rc = call_entry();
    }
    if (rc != 0) return entry_failed(rc);
    return Status{};
  }

  // A run begun inside another on this thread (a model's callback runs a second model): the
  // outer run's context is set aside and given back, so each sees its own arena.
  AOT_COLD Status run_nested() noexcept {
    const detail::RuntimeContext outer = detail::current_context;
    detail::current_context.arena.close();
    const Status s = run_bound();
    detail::current_context = outer;
    return s;
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

  template <class ListTraitsT>
  static constexpr Result<std::size_t> find_index(std::string_view name, Role role) noexcept {
    const std::size_t i = ListTraitsT::find(name);
    if (i == npos) return detail::unknown_name<Model>(role);
    return i;
  }
};

}  // namespace aot
