// SPDX-License-Identifier: Apache-2.0
#pragma once

// The parts of an executor's state that no policy owns: aligned buffer slots (which the
// Buffers and Memory policies fill with their tensors), the count of memory still to be
// given, the last error's text, device handles and the packed convention's arguments; and
// what the policies' parts read of the executor they belong to.

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "aot/config.hpp"
#include "aot/detail/entry.hpp"
#include "aot/detail/model_traits.hpp"
#include "aot/detail/packed_abi.hpp"

namespace aot {

template <class Model, std::size_t Alignment, class Buffers, class Memory, class Profiler>
class AotExecutor;

namespace detail {

/// An executor's template arguments, known while it is still incomplete: the parts it
/// derives from (TypedIo, ExecutorBuffers, ExecutorMemory) take the executor as argument.
template <class Executor>
struct ExecutorArgs;
template <class M, std::size_t A, class B, class Mem, class P>
struct ExecutorArgs<AotExecutor<M, A, B, Mem, P>> {
  using Model = M;
  static constexpr std::size_t alignment = A;
  using Buffers = B;
  using Memory = Mem;
  using Profiler = P;
};

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

/// One buffer per tensor of `List`, each in its own slot aligned to `Align` (or the tensor's
/// own alignment, if larger); `Role` keeps the inputs', outputs' and pools' slots apart.
template <int Role, class List, std::size_t Align>
using SlotsFor = Slots<Role, std::make_index_sequence<List::size>, List, Align>;

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

/// The message a failed run's TVMAPISetLastError gave, kept for the Status that names it.
template <class Model, bool = ModelTraits<Model>::uses_last_error>
struct ErrorPart {};
template <class Model>
struct ErrorPart<Model, true> {
  char last_error_[AOT_LAST_ERROR_CAPACITY]{};
};

/// The accelerator handles set_device() gives, passed to every run.
template <class Model, bool = (ModelTraits<Model>::num_devices > 0)>
struct DeviceHandles {
  static constexpr std::array<void*, 0> device_pointers() noexcept { return {}; }
};
template <class Model>
struct DeviceHandles<Model, true> {
  static constexpr std::size_t kNum = ModelTraits<Model>::num_devices;
  void* devices_[kNum]{};
  std::array<void*, kNum> device_pointers() const noexcept {
    std::array<void*, kNum> out{};
    for (std::size_t i = 0; i < kNum; ++i) out[i] = devices_[i];
    return out;
  }
};

/// The packed convention's argument arrays: a DLTensor per input, output and pool, which
/// point at the executor's memory. Other conventions have none.
template <class Model, bool = Model::convention == Convention::kPacked>
struct PackedArgsPart {
  static constexpr std::nullptr_t packed_args() noexcept { return nullptr; }
  static constexpr void set_packed_data(std::size_t, void*) noexcept {}
};

template <class Model>
struct PackedArgsPart<Model, true> {
  using Traits = ModelTraits<Model>;
  static constexpr std::size_t kNumIn = Model::inputs::size;
  static constexpr std::size_t kNumOut = Model::outputs::size;
  static constexpr std::size_t kNumArgs = kNumIn + kNumOut + Traits::num_pools;

  PackedArgs<kNumArgs>* packed_args() noexcept { return &packed_; }
  /// A binding changes only the DLTensor's data (argument `arg`: inputs, then outputs).
  void set_packed_data(std::size_t arg, void* data) noexcept { packed_.tensors[arg].data = data; }

  /// Once, when the executor is constructed: every argument, pointing at its memory.
  void fill_packed_args(const std::array<void*, kNumIn>& in, const std::array<void*, kNumOut>& out,
                        const std::array<void*, Traits::num_pools>& pools) noexcept {
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

  // Written by fill_packed_args, in the executor's constructor.
  PackedArgs<kNumArgs> packed_;

 private:
  static const TensorInfo& pool_info(std::size_t i) noexcept {
    if constexpr (Traits::num_pools > 0) {
      return Traits::Pools::infos[i];
    } else {
      return Traits::Inputs::infos[i];  // unreachable: no pool arguments
    }
  }
};

}  // namespace detail
}  // namespace aot
