// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <type_traits>
#include <utility>

#include "aot/detail/elapsed.hpp"

namespace aot {

/// What an AotExecutor tells its profiler, its fifth template argument: `on_run_begin()` and
/// `on_run_end()` around every run(). This one does nothing, and run() compiles to exactly
/// what it is without a profiler (benchmarks/overhead.sh).
struct NoProfiler {
  /// Called first thing in run().
  void on_run_begin() noexcept {}
  /// Called last thing in run(), whatever the outcome.
  void on_run_end() noexcept {}
};

/// Times every run with a clock of the caller's choosing: any type with a static `now()`
/// whose results subtract, such as `std::chrono::steady_clock`, or on a Cortex-M a struct
/// whose `now()` reads DWT->CYCCNT or SysTick. Keeps the last run's time, the total and the
/// number of runs; no heap, no locks (one executor runs on one thread at a time). A run whose
/// end the clock reads as earlier than its start (a clock that went back; for an unsigned
/// count, a difference past half its range) takes no time and is counted by
/// clock_went_back(), never shown as a huge duration.
template <class Clock>
class RunTimer {
 public:
  /// What the clock's now() returns.
  using time_point = decltype(Clock::now());
  /// The clock's difference type: a std::chrono duration, or a count of ticks.
  using duration = decltype(std::declval<time_point>() - std::declval<time_point>());

  /// Reads the clock: the run starts.
  void on_run_begin() noexcept { start_ = Clock::now(); }
  /// Reads the clock again: the run's time is the difference.
  void on_run_end() noexcept {
    last_ = detail::elapsed(start_, Clock::now(), went_back_);
    total_ = total_ + last_;
    ++runs_;
  }

  /// The last run's time.
  duration last() const noexcept { return last_; }
  /// All runs' time.
  duration total() const noexcept { return total_; }
  /// Number of runs timed.
  std::uint64_t runs() const noexcept { return runs_; }
  /// Runs whose clock went back (each counted as taking no time).
  std::uint64_t clock_went_back() const noexcept { return went_back_; }

 private:
  time_point start_{};
  duration last_{};
  duration total_{};
  std::uint64_t runs_ = 0;
  std::uint64_t went_back_ = 0;
};

namespace detail {

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

}  // namespace detail

/// What an AotExecutor takes from its Profiler (its fifth template argument): the profiler,
/// held in the executor (no bytes for one without state, such as NoProfiler). run() calls its
/// on_run_begin() and on_run_end(); a per-operator profiler also hears the hooks of
/// aot/operators.hpp. A base of AotExecutor.
template <class Profiler>
class ExecutorProfiler : private detail::ProfilerPart<Profiler> {
 public:
  /// The profiler this executor tells of its runs.
  Profiler& profiler() noexcept { return this->profiler_ref(); }
  /// As above, read-only.
  const Profiler& profiler() const noexcept { return this->profiler_ref(); }

 protected:
  constexpr ExecutorProfiler() noexcept = default;
};

}  // namespace aot
