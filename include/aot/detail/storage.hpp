// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "aot/arena.hpp"
#include "aot/buffers.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/detail/entry.hpp"
#include "aot/detail/model_traits.hpp"
#include "aot/detail/packed_abi.hpp"
#include "aot/workspace.hpp"

namespace aot::detail {

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
  constexpr std::array<void*, sizeof...(Ts)> pointers() const noexcept {
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

/// Pools with buffers in the executor: all of them (constant ones cost nothing) unless the
/// caller supplies memory.
template <class Model, class Memory>
using OwnPools =
    std::conditional_t<Memory::owns, typename ModelTraits<Model>::PoolList, TensorList<>>;

// Each part is an empty base when the model does not need it.
template <class Model, std::size_t Align, class Buffers, class Memory>
struct IoBuffers : SlotsFor<0, OwnInputs<Model, Buffers>, Align>,
                   SlotsFor<1, OwnOutputs<Model, Buffers>, Align>,
                   SlotsFor<2, OwnPools<Model, Memory>, Align> {
  using InSlots = SlotsFor<0, OwnInputs<Model, Buffers>, Align>;
  using OutSlots = SlotsFor<1, OwnOutputs<Model, Buffers>, Align>;
  using PoolSlots = SlotsFor<2, OwnPools<Model, Memory>, Align>;
};

/// A constant pool's address (its description's data), else nullptr: a pool the caller
/// has not given yet.
template <class Pool>
constexpr void* initial_pool_pointer() noexcept {
  if constexpr (kConstantPool<Pool>) {
    return const_cast<std::uint8_t*>(Pool::data);  // NOLINT: the generated code only reads it
  } else {
    return nullptr;
  }
}
template <class List>
struct InitialPools;
template <class... Ps>
struct InitialPools<TensorList<Ps...>> {
  static constexpr std::array<void*, sizeof...(Ps)> value{{initial_pool_pointer<Ps>()...}};
};

/// CallerMemory: the pools' addresses, as the caller gave them.
template <class Model, bool = !ModelTraits<Model>::PoolList::size>
struct CallerPools {
  std::array<void*, ModelTraits<Model>::num_pools> pools_ =
      InitialPools<typename ModelTraits<Model>::PoolList>::value;
};
template <class Model>
struct CallerPools<Model, true> {};
template <class Model>
struct NoCallerPools {};

/// The buffer each input and output uses now: the caller's, or the executor's own
/// (BindableBuffers starts with those), or nullptr (CallerBuffers, not bound yet). run()
/// passes them as they are: binding costs nothing per run.
template <class Model, bool Binds>
struct Bindings {};
template <class Model>
struct Bindings<Model, true> {
  void* bound_in_[Model::inputs::size > 0 ? Model::inputs::size : 1]{};
  void* bound_out_[Model::outputs::size]{};
};

/// CallerBuffers and CallerMemory: how many tensors, pools and arenas still have no memory,
/// so that run() tests one word; check_bound() says which.
template <class Model, class Buffers, class Memory, bool = !Buffers::owns || !Memory::owns>
struct MissingCount {};
template <class Model, class Buffers, class Memory>
struct MissingCount<Model, Buffers, Memory, true> {
  using Traits = ModelTraits<Model>;
  std::size_t missing_ = (Buffers::owns ? 0 : Model::inputs::size + Model::outputs::size) +
                         (Memory::owns ? 0
                                       : (Traits::uses_backend_workspace ? 1 : 0) +
                                             Traits::num_pools - Traits::Pools::constant_count);
};

template <std::size_t A>
inline constexpr std::size_t kArenaBaseAlignment = A > 16 ? A : 16;

/// The TVMBackendAllocWorkspace arena: exactly the model's workspace size, as TVM's own
/// allocator needs, and the highest mark a run reached.
template <class Model, class Memory, bool = ModelTraits<Model>::uses_backend_workspace>
struct WorkspacePart {};
template <class Model>
struct WorkspacePart<Model, OwnMemory, true> {
  using Traits = ModelTraits<Model>;
  alignas(kArenaBaseAlignment<Traits::workspace_alignment>) std::uint8_t
      workspace_[Traits::arena_bytes > 0 ? Traits::arena_bytes : 1]{};
  std::size_t workspace_peak_{};
  std::uint8_t* workspace_base() const noexcept {
    return const_cast<std::uint8_t*>(workspace_);  // NOLINT: the executor's own arena
  }
  static constexpr std::size_t workspace_capacity() noexcept { return Traits::arena_bytes; }
};
template <class Model>
struct WorkspacePart<Model, CallerMemory, true> {
  std::uint8_t* workspace_{};
  std::size_t workspace_size_{};
  SharedArena* shared_arena_{};
  std::size_t workspace_peak_{};
  std::uint8_t* workspace_base() const noexcept { return workspace_; }
  std::size_t workspace_capacity() const noexcept { return workspace_size_; }
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

template <class Model, std::size_t Align, class Buffers, class Memory>
struct StorageParts : IoBuffers<Model, Align, Buffers, Memory>,
                      Bindings<Model, Buffers::binds>,
                      MissingCount<Model, Buffers, Memory>,
                      std::conditional_t<Memory::owns, NoCallerPools<Model>, CallerPools<Model>>,
                      WorkspacePart<Model, Memory>,
                      ErrorPart<Model>,
                      std::conditional_t<(ModelTraits<Model>::num_devices > 0),
                                         DeviceHandles<Model>, NoDevices<Model>> {
  using Io = IoBuffers<Model, Align, Buffers, Memory>;
  using Traits = ModelTraits<Model>;
  static constexpr std::size_t kNumIn = Model::inputs::size;
  static constexpr std::size_t kNumOut = Model::outputs::size;

  constexpr StorageParts() noexcept {
    if constexpr (Buffers::binds && kOwnsIo<Model, Buffers>) {
      const auto in = own_inputs();
      for (std::size_t i = 0; i < kNumIn; ++i) this->bound_in_[i] = in[i];
      const auto out = own_outputs();
      for (std::size_t i = 0; i < kNumOut; ++i) this->bound_out_[i] = out[i];
    }
  }
  // Bindings may point into this object.
  StorageParts(const StorageParts&) = delete;
  StorageParts& operator=(const StorageParts&) = delete;

  std::array<void*, Traits::num_pools> pool_pointers() const noexcept {
    if constexpr (Memory::owns || Traits::num_pools == 0) {
      return static_cast<const typename Io::PoolSlots&>(*this).pointers();
    } else {
      return this->pools_;
    }
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
      return copy<kNumIn>(this->bound_in_);
    } else {
      return own_inputs();
    }
  }
  std::array<void*, kNumOut> output_pointers() const noexcept {
    if constexpr (Traits::workspace_io) {
      auto pools = pools_struct(std::make_index_sequence<Traits::num_pools>{});
      return struct_pointers<kNumOut>(Model::map_outputs(&pools));
    } else if constexpr (Buffers::binds) {
      return copy<kNumOut>(this->bound_out_);
    } else {
      return own_outputs();
    }
  }
  /// The executor's own buffers (all nullptr for CallerBuffers).
  constexpr std::array<void*, kNumIn> own_inputs() const noexcept {
    if constexpr (kOwnsIo<Model, Buffers>) {
      return static_cast<const typename Io::InSlots&>(*this).pointers();
    } else {
      return {};
    }
  }
  constexpr std::array<void*, kNumOut> own_outputs() const noexcept {
    if constexpr (kOwnsIo<Model, Buffers>) {
      return static_cast<const typename Io::OutSlots&>(*this).pointers();
    } else {
      return {};
    }
  }

 private:
  template <std::size_t N>
  static std::array<void*, N> copy(void* const* bound) noexcept {
    std::array<void*, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = bound[i];
    return out;
  }

  template <std::size_t... P>
  auto pools_struct(std::index_sequence<P...>) const noexcept {
    const auto p = pool_pointers();
    return typename Model::c_pools{p[P]...};
  }
};

/// The executor's profiler: an empty base when it has no state (NoProfiler), so it costs
/// no bytes; a member otherwise (a final class cannot be a base).
template <class P, bool = std::is_empty_v<P> && !std::is_final_v<P>>
struct ProfilerPart : private P {
  P& profiler_ref() noexcept { return *this; }
  const P& profiler_ref() const noexcept { return *this; }
};
template <class P>
struct ProfilerPart<P, false> {
  P profiler_{};
  P& profiler_ref() noexcept { return profiler_; }
  const P& profiler_ref() const noexcept { return profiler_; }
};

/// Buffers and parts, plus the packed convention's argument arrays when the model needs
/// them. Only the packed form has a constructor with work to do; the others are
/// constant-initialised.
template <class Model, std::size_t Align, class Buffers, class Memory,
          bool Packed = Model::convention == Convention::kPacked>
class ExecutorStorage : public StorageParts<Model, Align, Buffers, Memory> {
 protected:
  static constexpr std::nullptr_t packed_args() noexcept { return nullptr; }
  static constexpr void set_packed_data(std::size_t, void*) noexcept {}
};

template <class Model, std::size_t Align, class Buffers, class Memory>
class ExecutorStorage<Model, Align, Buffers, Memory, true>
    : public StorageParts<Model, Align, Buffers, Memory> {
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

}  // namespace aot::detail
