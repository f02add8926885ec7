#pragma once

#include <cstddef>
#include <cstdint>

#include "aot/status.hpp"

namespace aot {

/// Alignment of every block TVMBackendAllocWorkspace returns (what TVM promises).
inline constexpr std::size_t kWorkspaceAlignment = 64;

/// Bytes an arena needs for a model whose workspace is `workspace_size` bytes with at most
/// `max_live` blocks alive at once: each block may lose up to kWorkspaceAlignment - 1 bytes
/// to rounding.
constexpr std::size_t workspace_arena_bytes(std::size_t workspace_size,
                                            std::size_t max_live) noexcept {
  return workspace_size + max_live * (kWorkspaceAlignment - 1);
}

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

struct ArenaCounters {
  std::size_t depth;  ///< live blocks
  std::size_t top;    ///< bytes in use, from the base
  std::size_t peak;   ///< highest top since construction
};

/// A strict LIFO allocator over storage owned elsewhere, as TVM's generated code uses it:
/// frees come in reverse order of allocation. Holds no pointer into its owner between runs,
/// so an executor stays constant-initialised; run() builds one of these on the stack.
class ArenaView {
 public:
  constexpr ArenaView(std::uint8_t* base, std::size_t capacity, std::size_t* offsets,
                      std::size_t max_live, ArenaCounters* counters) noexcept
      : base_(base),
        capacity_(capacity),
        offsets_(offsets),
        max_live_(max_live),
        counters_(counters) {}

  /// A 64-byte aligned block, or nullptr with `failure` filled in.
  void* allocate(std::uint64_t nbytes, RuntimeFailure& failure) noexcept {
    ArenaCounters& c = *counters_;
    if (c.depth == max_live_) {
      failure.set(Errc::kWorkspaceTooManyBlocks, static_cast<std::int64_t>(max_live_),
                  static_cast<std::int64_t>(max_live_ + 1));
      return nullptr;
    }
    const std::uint64_t rounded =
        (nbytes + kWorkspaceAlignment - 1) / kWorkspaceAlignment * kWorkspaceAlignment;
    if (nbytes > capacity_ || rounded > capacity_ - c.top) {
      failure.set(Errc::kWorkspaceOverflow, static_cast<std::int64_t>(capacity_),
                  static_cast<std::int64_t>(c.top + nbytes));
      return nullptr;
    }
    offsets_[c.depth++] = c.top;
    void* block = base_ + c.top;
    c.top += static_cast<std::size_t>(rounded);
    if (c.top > c.peak) c.peak = c.top;
    return block;
  }

  /// 0, or -1 with `failure` filled in when `ptr` is not the newest live block.
  int release(const void* ptr, RuntimeFailure& failure) noexcept {
    ArenaCounters& c = *counters_;
    if (c.depth > 0 && ptr == base_ + offsets_[c.depth - 1]) {
      c.top = offsets_[--c.depth];
      return 0;
    }
    for (std::size_t i = 0; i + 1 < c.depth; ++i) {
      if (ptr == base_ + offsets_[i]) {
        failure.set(Errc::kWorkspaceFreeOrder, static_cast<std::int64_t>(c.depth - 1),
                    static_cast<std::int64_t>(i));
        return -1;
      }
    }
    failure.set(Errc::kWorkspaceForeignFree, 0, 0);
    return -1;
  }

 private:
  std::uint8_t* base_;
  std::size_t capacity_;
  std::size_t* offsets_;
  std::size_t max_live_;
  ArenaCounters* counters_;
};

}  // namespace detail
}  // namespace aot
