// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

#include "aot/status.hpp"

namespace aot {

/// Alignment of TVMBackendAllocWorkspace blocks for a model that does not say otherwise
/// (`workspace_alignment`): TVM's default workspace byte alignment, for which it computes
/// `TVMGEN_<M>_WORKSPACE_SIZE`.
inline constexpr std::size_t kDefaultWorkspaceAlignment = 16;

namespace detail {

/// The first failure a runtime call saw during a run. Only `code` is initialised: the rest is
/// written with it, so binding a context costs one store, not a whole Status.
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
/// seen at the next free of a block above it. A run holds it by value in its context: an
/// allocation is one thread-local load away from these fields.
struct Arena {
  std::uint8_t* base;
  std::size_t capacity;
  std::size_t top;   ///< bytes in use, from base
  std::size_t peak;  ///< highest top
  std::size_t mask;  ///< block alignment - 1

  /// A block of `nbytes` rounded up to the alignment, or nullptr with `failure` filled in.
  void* allocate(std::uint64_t nbytes, RuntimeFailure& failure) noexcept {
    const std::size_t room = capacity - top;
    // Rounding first could wrap; a request larger than the room cannot fit rounded either.
    const std::uint64_t rounded = (nbytes + mask) & ~static_cast<std::uint64_t>(mask);
    if (nbytes > room || rounded > room) {
      failure.set(Errc::kWorkspaceOverflow, static_cast<std::int64_t>(capacity),
                  static_cast<std::int64_t>(top + nbytes));
      return nullptr;
    }
    void* const block = base + top;
    top += static_cast<std::size_t>(rounded);
    if (top > peak) peak = top;
    return block;
  }

  /// 0, or -1 with `failure` filled in when `ptr` is not a live block's start.
  int release(const void* ptr, RuntimeFailure& failure) noexcept {
    // Offsets, not pointer comparisons: pointers into different objects do not compare.
    const std::uintptr_t offset =
        reinterpret_cast<std::uintptr_t>(ptr) -  // NOLINT: address arithmetic
        reinterpret_cast<std::uintptr_t>(base);  // NOLINT
    if (offset < top && (offset & mask) == 0) {
      top = static_cast<std::size_t>(offset);
      return 0;
    }
    if (offset < capacity && (offset & mask) == 0) {
      failure.set(Errc::kWorkspaceFreeOrder, static_cast<std::int64_t>(top),
                  static_cast<std::int64_t>(offset));
    } else {
      failure.set(Errc::kWorkspaceForeignFree, 0, 0);
    }
    return -1;
  }
};

}  // namespace detail
}  // namespace aot
