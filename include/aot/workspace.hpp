// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

#include "aot/config.hpp"
#include "aot/status.hpp"

namespace aot {

/// Alignment of TVMBackendAllocWorkspace blocks for a model that does not say otherwise
/// (`workspace_alignment`): TVM's default workspace byte alignment, for which it computes
/// `TVMGEN_<M>_WORKSPACE_SIZE`.
inline constexpr std::size_t kDefaultWorkspaceAlignment = 16;

namespace detail {

/// The first failure a runtime call saw during a run. Only `code` is initialised: the rest is
/// written with it, and a run that reads it clears it, so opening a context writes none of it.
struct RuntimeFailure {  // NOLINT(cppcoreguidelines-pro-type-member-init): see above
  Errc code = Errc::kOk;
  std::int64_t expected;
  std::int64_t got;

  void set(Errc c, std::int64_t e, std::int64_t g) noexcept {
    if (code != Errc::kOk) return;  // keep the first
    code = c;
    expected = e;
    got = g;
  }
};

/// The arena of one run: a bump allocator over memory owned elsewhere, blocks aligned as the
/// model was built, frees in reverse order of allocation as TVM's generated code makes them.
/// It needs exactly the model's workspace size, as TVM's own stack allocator does, and keeps
/// no per-block record: a free sets the top back to the block, so a free out of order is
/// seen at the next free of a block above it. Each thread holds one in its context, so an
/// allocation reaches these fields as a C driver reaches its global arena and does only what
/// a C bump allocator does. With AOT_WORKSPACE_AUDIT the highest mark is taken where the top comes
/// down, at a free (and once after the run), not at every allocation.
// peak and the masks are set by open(); closed (limit == top == 0) nothing reads them.
struct Arena {  // NOLINT(cppcoreguidelines-pro-type-member-init): see above
  // Addresses as integers: a closed arena has none, and the bounds test is one subtraction.
  std::uintptr_t base = 0;
  std::uintptr_t top = 0;    ///< next block; always aligned
  std::uintptr_t limit = 0;  ///< one past the last usable byte, +1 (0: no arena): see allocate
  std::uintptr_t peak;       ///< highest top seen at a free
  std::uintptr_t mask;       ///< block alignment - 1
  std::uintptr_t not_mask;

  /// An arena open over `capacity` bytes at `memory` (tests build one by hand).
  static Arena over(std::uint8_t* memory, std::size_t capacity, std::size_t alignment) noexcept {
    Arena a{};
    a.open(memory, capacity, alignment);
    return a;
  }

  /// Opens the arena over `capacity` bytes at `memory` (nullptr and 0: a model with no
  /// arena, which refuses every request).
  void open(std::uint8_t* memory, std::size_t capacity, std::size_t alignment) noexcept {
    const std::uintptr_t m = alignment - 1;
    const auto b = reinterpret_cast<std::uintptr_t>(memory);  // NOLINT: see above
    base = b;
    top = b;
    limit = b + (capacity & ~m) + 1;
    mask = m;
    not_mask = ~m;
#if AOT_WORKSPACE_AUDIT
    peak = b;
#endif
  }
  /// Outside a run: nothing may be handed out (limit == top == 0).
  void close() noexcept {
    top = 0;
    limit = 0;
#if AOT_WORKSPACE_AUDIT
    base = 0;  // so that no free passes for a live block's
#endif
  }
  /// Whether a run on this thread has it open (limit is at least 1 while open).
  bool is_open() const noexcept { return limit != 0; }

  /// A block of `nbytes` rounded up to the alignment, or nullptr with `failure` filled in.
  void* allocate(std::uint64_t nbytes, RuntimeFailure& failure) noexcept {
    // top and the end are aligned, so the rounded size fits exactly when nbytes does, and
    // the rounding cannot wrap once nbytes is known to fit. limit is the end + 1, so that
    // the test is one comparison that also refuses every request, even of 0 bytes, when
    // there is no arena (limit == top == 0) and nothing may be written.
    const std::uintptr_t block = top;
    if (nbytes >= limit - block) return overflow(*this, failure, nbytes);
    top = block + ((static_cast<std::uintptr_t>(nbytes) + mask) & not_mask);
    return reinterpret_cast<void*>(block);  // NOLINT: an address inside the arena
  }

  /// 0, or (audited) -1 with `failure` filled in when `ptr` is not a live block's start.
  int release(const void* ptr, RuntimeFailure& failure) noexcept {
    const std::uintptr_t at = reinterpret_cast<std::uintptr_t>(ptr);  // NOLINT
#if AOT_WORKSPACE_AUDIT
    // A live block starts at or above base and below top (one unsigned test: below base
    // wraps past it), on the alignment.
    if (at - base < top - base && (at & mask) == 0) {
      if (top > peak) peak = top;
      top = at;
      return 0;
    }
    if (limit == 0) return -1;  // no arena: nothing to record into
    const std::uintptr_t offset = at - base;
    if (offset < limit - 1 - base && (offset & mask) == 0) {
      failure.set(Errc::kWorkspaceFreeOrder, static_cast<std::int64_t>(used()),
                  static_cast<std::int64_t>(offset));
    } else {
      failure.set(Errc::kWorkspaceForeignFree, 0, 0);
    }
    return -1;
#else
    // TVM's code frees its blocks last first: the top goes back to the block, as in TVM's
    // own stack allocator and a C driver's bump allocator, with no test (the audited build
    // tests every free). The context is this thread's own, so even a stray free outside a
    // run writes nothing another thread or the next run reads: run() opens it afresh.
    static_cast<void>(failure);
    top = at;
    return 0;
#endif
  }

  std::size_t used() const noexcept { return static_cast<std::size_t>(top - base); }
  /// The highest mark, the blocks still alive included.
  std::size_t high_water() const noexcept {
    return static_cast<std::size_t>((top > peak ? top : peak) - base);
  }

 private:
  // Out of line, with nbytes last: TVMBackendAllocWorkspace receives it third, so the common
  // path never moves it (one instruction less than a C bump allocator's, measured).
  AOT_COLD static void* overflow(Arena& a, RuntimeFailure& failure, std::uint64_t nbytes) noexcept {
    if (a.limit == 0) return nullptr;                        // no arena: nothing to record into
    if (nbytes == 0) return reinterpret_cast<void*>(a.top);  // NOLINT: fits, takes no room
    failure.set(Errc::kWorkspaceOverflow, static_cast<std::int64_t>(a.limit - 1 - a.base),
                static_cast<std::int64_t>(a.used() + nbytes));
    return nullptr;
  }
};

}  // namespace detail
}  // namespace aot
