// SPDX-License-Identifier: Apache-2.0
#pragma once

// The Memory policy of an AotExecutor (its fourth template argument): where the workspace
// arena and the external pools live. The tags, the state each needs (the executor's own pools
// and arena, or the caller's addresses) and the members the executor takes from it
// (ExecutorMemory: set_workspace, set_pool and their checks, the pools run() passes).

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "aot/config.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/detail/model_traits.hpp"
#include "aot/detail/storage.hpp"
#include "aot/status.hpp"

namespace aot {

/// Where an AotExecutor's workspace arena and external workspace pools live; its fourth
/// template argument.

/// Inside the executor (the default): sized exactly from the model at compile time.
struct OwnMemory {
  /// The executor holds its arena and pools.
  static constexpr bool owns = true;
};

/// Supplied by the caller before the first run (set_workspace, set_pool): memory in a linker
/// section of its choosing (DTCM, .noinit), or a SharedArena. run() refuses (kUnbound)
/// while any is missing.
struct CallerMemory {
  /// The caller gives the arena and pools: set_workspace, set_pool.
  static constexpr bool owns = false;
};

/// One arena lent to several executors whose models never run at once (e.g. a detector and a
/// classifier that run one after the other). Checked, not trusted: each run claims it, and a
/// run of another executor while it is claimed fails with kWorkspaceBusy instead of
/// corrupting the first one's intermediates. The claim is one atomic exchange per run.
class SharedArena {
 public:
  /// `data` must stay valid as long as any executor uses the arena.
  constexpr SharedArena(std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}
  /// Lends the array `data`.
  template <std::size_t N>
  constexpr explicit SharedArena(std::uint8_t (&data)[N]) noexcept : data_(data), size_(N) {}
  SharedArena(const SharedArena&) = delete;
  SharedArena& operator=(const SharedArena&) = delete;

  /// The arena's first byte.
  std::uint8_t* data() const noexcept { return data_; }
  /// The arena's size in bytes.
  std::size_t size() const noexcept { return size_; }
  /// Whether a run holds it now.
  bool busy() const noexcept { return busy_.load(std::memory_order_acquire); }

  /// For the executor's run(): true when it got the arena.
  bool try_claim() noexcept { return !busy_.exchange(true, std::memory_order_acquire); }
  /// Ends a claim; run() calls it when it is done.
  void release() noexcept { busy_.store(false, std::memory_order_release); }

 private:
  std::uint8_t* data_;
  std::size_t size_;
  std::atomic<bool> busy_{false};
};

namespace detail {

/// Pools with buffers in the executor: all of them (constant ones cost nothing) unless the
/// caller supplies memory.
template <class Model, std::size_t Align, class Memory>
using OwnPools =
    SlotsFor<2,
             std::conditional_t<Memory::owns, typename ModelTraits<Model>::PoolList, TensorList<>>,
             Align>;

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
template <class Model, class Memory, bool = Memory::owns || !ModelTraits<Model>::num_pools>
struct CallerPools {
  std::array<void*, ModelTraits<Model>::num_pools> pools_ =
      InitialPools<typename ModelTraits<Model>::PoolList>::value;
};
template <class Model, class Memory>
struct CallerPools<Model, Memory, true> {};

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
#if AOT_WORKSPACE_AUDIT
  std::size_t workspace_peak_{};
#endif
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
#if AOT_WORKSPACE_AUDIT
  std::size_t workspace_peak_{};
#endif
  std::uint8_t* workspace_base() const noexcept { return workspace_; }
  std::size_t workspace_capacity() const noexcept { return workspace_size_; }
};

}  // namespace detail

/// What an AotExecutor takes from its Memory policy: set_workspace and set_pool with their
/// checks (CallerMemory; with OwnMemory each is a compile error that says so), the arena's
/// high-water mark, the pools run() passes, and what of the executor's memory a new buffer
/// would overlap. A base of AotExecutor, with no state of its
/// own: the state is the executor's (pools, CallerPools, WorkspacePart).
template <class Executor>
class ExecutorMemory {
  using Model = typename detail::ExecutorArgs<Executor>::Model;
  using Memory = typename detail::ExecutorArgs<Executor>::Memory;
  using Traits = detail::ModelTraits<Model>;
  using InTraits = typename Traits::Inputs;
  using OutTraits = typename Traits::Outputs;
  using Own = detail::OwnPools<Model, detail::ExecutorArgs<Executor>::alignment, Memory>;
  static constexpr std::size_t kNumIn = InTraits::size;
  static constexpr std::size_t kNumOut = OutTraits::size;
  static constexpr std::size_t kNumIo = kNumIn + kNumOut;
  static constexpr std::size_t kArenaArg = kNumIo + Traits::num_pools;

 public:
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
    return give_workspace(data, size, nullptr);
  }
  /// An arena lent to executors that never run at once: each run claims it, and a run while
  /// another holds it fails with kWorkspaceBusy.
  [[nodiscard]] Status set_workspace(SharedArena& arena) noexcept {
    return give_workspace(arena.data(), arena.size(), &arena);
  }

  /// Memory for external workspace pool `Tag` (or index I): at least the pool's size,
  /// aligned to the model's workspace_alignment, overlapping none of the executor's other
  /// memory. Constant pools are the description's and cannot be set.
  template <class Tag, std::size_t N>
  [[nodiscard]] Status set_pool(std::uint8_t (&pool)[N]) noexcept {
    constexpr std::size_t index = detail::IndexOf<Tag, typename Traits::PoolList>::value;
    if constexpr (index == detail::kNotFound) {
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
    if constexpr (index == detail::kNotFound) {
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
      constexpr std::size_t arg = kNumIo + I;
      if (const Status s = check_memory(data, size, detail::TensorTraits<Pool>::bytes, align, arg,
                                        Traits::Pools::raw_names[I]);
          !s) {
        return s;
      }
      if (self().pools_[I] == nullptr) --self().missing_;
      self().pools_[I] = data;
      self().set_packed_data(arg, data);
      return Status{};
    }
  }

  /// Bytes of the workspace arena in use at the highest point since construction (0 for
  /// models that do not allocate through TVMBackendAllocWorkspace). Kept only by audited runs
  /// (AOT_WORKSPACE_AUDIT); aot-gen writes the peak a run needs as `measured_workspace_peak`.
  std::size_t workspace_peak() const noexcept {
    if constexpr (!Traits::uses_backend_workspace) {
      return 0;
    } else {
#if AOT_WORKSPACE_AUDIT
      return self().workspace_peak_;
#else
      compile_error::workspace_peak_not_kept<Model>();
      return 0;
#endif
    }
  }

 protected:
  constexpr ExecutorMemory() noexcept = default;

  /// The pools run() passes: the executor's own, or the caller's (nullptr while not given).
  std::array<void*, Traits::num_pools> pool_pointers() const noexcept {
    if constexpr (Memory::owns || Traits::num_pools == 0) {
      return static_cast<const Own&>(self()).pointers();
    } else {
      return self().pools_;
    }
  }
  /// The pools as the generated struct (models whose I/O lives inside a pool map it).
  auto pools_struct() const noexcept {
    return pools_struct(std::make_index_sequence<Traits::num_pools>{});
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
      const auto in = self().input_pointers();
      for (std::size_t i = 0; i < kNumIn; ++i) {
        if (i != skip && meets(in[i], InTraits::infos[i].size_bytes)) return "an input's memory";
      }
      const auto out = self().output_pointers();
      for (std::size_t i = 0; i < kNumOut; ++i) {
        if (kNumIn + i != skip && meets(out[i], OutTraits::infos[i].size_bytes)) {
          return "an output's memory";
        }
      }
    }
    const auto pools = pool_pointers();
    for (std::size_t i = 0; i < Traits::num_pools; ++i) {
      if (kNumIo + i != skip && meets(pools[i], Traits::Pools::infos[i].size_bytes)) {
        return "a pool's memory";
      }
    }
    if constexpr (Traits::uses_backend_workspace) {
      if (kArenaArg != skip && meets(self().workspace_base(), self().workspace_capacity())) {
        return "the workspace arena";
      }
    }
    return nullptr;
  }

  /// CallerMemory: the arena or the first pool not given yet, or ok.
  Status check_memory_given() const noexcept {
    if constexpr (!Memory::owns) {
      if constexpr (Traits::uses_backend_workspace) {
        if (self().workspace_ == nullptr) return Status(Errc::kUnbound, Traits::name());
      }
      const auto pools = pool_pointers();
      for (std::size_t i = 0; i < Traits::num_pools; ++i) {
        if (pools[i] == nullptr) {
          return Status(Errc::kUnbound, Traits::name())
              .with_tensor(Role::kPool, i, Traits::Pools::raw_names[i]);
        }
      }
    }
    return Status{};
  }

 private:
  Executor& self() noexcept { return static_cast<Executor&>(*this); }
  const Executor& self() const noexcept { return static_cast<const Executor&>(*this); }

  template <std::size_t... P>
  auto pools_struct(std::index_sequence<P...>) const noexcept {
    const auto p = pool_pointers();
    return typename Model::c_pools{p[P]...};
  }

  Status give_workspace(std::uint8_t* data, std::size_t size, SharedArena* shared) noexcept {
    if constexpr (!check_caller_arena()) {
      return Status{};
    } else {
      if (const Status s = check_memory(data, size, Traits::arena_bytes,
                                        Traits::workspace_alignment, kArenaArg, nullptr);
          !s) {
        return s;
      }
      if (self().workspace_ == nullptr) --self().missing_;
      self().workspace_ = data;
      self().workspace_size_ = size;
      self().shared_arena_ = shared;
      return Status{};
    }
  }

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
      if (pool != nullptr) s.with_tensor(Role::kPool, arg - kNumIo, pool);
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
};

}  // namespace aot
