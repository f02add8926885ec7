// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

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

}  // namespace aot
