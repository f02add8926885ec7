// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include "aot/detail/elapsed.hpp"
#include "aot/operators.hpp"

namespace aot {

namespace detail {

template <class C, class = void>
struct ClockUnit {
  static constexpr std::string_view value = "ticks";
};
template <class C>
struct ClockUnit<C, std::void_t<decltype(C::unit)>> {
  static constexpr std::string_view value = C::unit;
};

template <class D, class = void>
struct IsChronoDuration : std::false_type {};
template <class D>
struct IsChronoDuration<D, std::void_t<typename D::period, decltype(std::declval<D>().count())>>
    : std::true_type {};

/// n / d (d != 0) by shifts and subtractions. The table's 64-bit divisions would otherwise call
/// the C library's helper, which on a Cortex-M links abort() and the rest of a hosted libc for
/// its division-by-zero path.
constexpr std::uint64_t divide(std::uint64_t n, std::uint64_t d) noexcept {
  std::uint64_t q = 0, r = 0;
  for (int bit = 63; bit >= 0; --bit) {
    r = (r << 1) | ((n >> bit) & 1u);
    if (r >= d) {
      r -= d;
      q |= std::uint64_t{1} << bit;
    }
  }
  return q;
}

/// Fixed-width columns into a line buffer, without stdio: the firmware has none.
class LineWriter {
 public:
  LineWriter(char* buf, std::size_t cap) noexcept : buf_(buf), cap_(cap) {}
  void text(std::string_view s) noexcept {
    for (char c : s) put(c);
  }
  void pad_to(std::size_t column) noexcept {
    while (len_ < column) put(' ');
  }
  /// `v` right-aligned so that it ends at `column`; with `tenths`, v/10 "." v%10.
  void number(std::uint64_t v, std::size_t column, bool tenths = false) noexcept {
    char digits[24];
    std::size_t n = 0;
    auto digit = [&] {
      const std::uint64_t q = divide(v, 10);
      digits[n++] = static_cast<char>('0' + (v - q * 10));
      v = q;
    };
    if (tenths) {
      digit();
      digits[n++] = '.';
    }
    do {
      digit();
    } while (v != 0);
    if (len_ + n < column) pad_to(column - n);
    while (n != 0) put(digits[--n]);
  }
  const char* finish() noexcept {
    put('\n');
    buf_[len_ < cap_ ? len_ : cap_ - 1] = '\0';
    return buf_;
  }

 private:
  void put(char c) noexcept {
    if (len_ + 1 < cap_) buf_[len_++] = c;
  }
  char* buf_;
  std::size_t cap_;
  std::size_t len_ = 0;
};

/// An operator's symbol without the `tvmgen_<module>_` every operator of the model shares.
template <class Model>
constexpr std::string_view operator_short_name(std::size_t i) noexcept {
  // Compared by hand: string_view::substr may throw, which firmware cannot link.
  std::string_view n = Model::operators[i].name;
  constexpr std::string_view tvmgen = "tvmgen_";
  const std::string_view module = Model::name;
  const std::size_t prefix = tvmgen.size() + module.size() + 1;
  if (n.size() <= prefix || n[prefix - 1] != '_') return n;
  for (std::size_t k = 0; k < tvmgen.size(); ++k) {
    if (n[k] != tvmgen[k]) return n;
  }
  for (std::size_t k = 0; k < module.size(); ++k) {
    if (n[tvmgen.size() + k] != module[k]) return n;
  }
  n.remove_prefix(prefix);
  return n;
}

/// The operator column: the longest short name or row label, and two spaces.
template <class Model>
constexpr std::size_t operator_name_width() noexcept {
  std::size_t w = sizeof("all operators") - 1;
  for (std::size_t i = 0; i < Model::operators.size(); ++i) {
    if (operator_short_name<Model>(i).size() > w) w = operator_short_name<Model>(i).size();
  }
  return w + 2;
}

}  // namespace detail

/// A per-operator profiler for an executor of a model built with aot_add_model(... PROFILE):
/// for each operator `__tvm_main__` calls, the number of calls and their total time, and the
/// time of whole runs, with a Clock of the caller's choosing (as for RunTimer: any type with a
/// static `now()` whose results subtract; a `static constexpr std::string_view unit` names its
/// ticks in the table, "ticks" otherwise; std::chrono clocks print in ns). No heap, no locks.
/// An interval the clock reads as negative (a clock that went back; for an unsigned count, one
/// past half its range) counts as no time and is counted by clock_went_back(), which the
/// table shows: never a huge duration.
///
///   aot::AotExecutor<kws, 64, aot::OwnBuffers, aot::OwnMemory,
///                    aot::OperatorTimer<kws, std::chrono::steady_clock>> exec;
///   exec.run(); ...
///   fmt::print("{}", exec.profiler());                     // aot/fmt.hpp
///   exec.profiler().write_table([](const char* line) { uart_puts(line); });
template <class Model, class Clock>
class OperatorTimer {
  static_assert(detail::HasOperators<Model>::value,
                "aot: OperatorTimer needs the model's operator table: build it with "
                "aot_add_model(... PROFILE) (aot-gen --profile)");

 public:
  /// run() binds this profiler to the operator hooks.
  static constexpr bool per_operator = true;
  /// What the clock's now() returns.
  using time_point = decltype(Clock::now());
  /// The clock's difference type: a std::chrono duration, or a count of ticks.
  using duration = decltype(std::declval<time_point>() - std::declval<time_point>());
  /// Number of operators in the table (Model::operators).
  static constexpr std::size_t kOperators = Model::operators.size();

  /// Reads the clock: a run starts.
  void on_run_begin() noexcept { run_start_ = Clock::now(); }
  /// Reads the clock: the run's time goes to the run total.
  void on_run_end() noexcept {
    run_total_ = run_total_ + detail::elapsed(run_start_, Clock::now(), went_back_);
    ++runs_;
  }
  /// Reads the clock: operator `i` (an index into Model::operators) starts.
  void on_operator_begin(std::size_t i) noexcept { start_[i] = Clock::now(); }
  /// Reads the clock: operator `i`'s time and call count go to its row.
  void on_operator_end(std::size_t i) noexcept {
    total_[i] = total_[i] + detail::elapsed(start_[i], Clock::now(), went_back_);
    ++calls_[i];
  }

  /// Calls of operator i (Model::operators[i]) timed so far.
  std::uint64_t calls(std::size_t i) const noexcept { return calls_[i]; }
  /// Their total time.
  duration total(std::size_t i) const noexcept { return total_[i]; }
  /// All operators' time: never more than run_total(), which also holds __tvm_main__'s own
  /// work and the hooks' cost.
  duration operators_total() const noexcept {
    duration sum{};
    for (std::size_t i = 0; i < kOperators; ++i) sum = sum + total_[i];
    return sum;
  }
  /// Whole runs' time.
  duration run_total() const noexcept { return run_total_; }
  /// Runs timed.
  std::uint64_t runs() const noexcept { return runs_; }
  /// Intervals, of runs and operator calls, whose clock went back (each counted as no time).
  std::uint64_t clock_went_back() const noexcept { return went_back_; }
  /// The operator's C symbol.
  static constexpr std::string_view name(std::size_t i) noexcept {
    return Model::operators[i].name;
  }
  /// Forgets everything timed so far.
  void reset() noexcept { *this = OperatorTimer{}; }

  /// A duration as a whole number in the table's unit (ns for std::chrono durations).
  static std::uint64_t ticks(duration d) noexcept {
    if constexpr (detail::IsChronoDuration<duration>::value) {
      using P = typename duration::period;
      const auto c = d.count();
      const auto ns = static_cast<std::int64_t>(c) * static_cast<std::int64_t>(P::num) *
                      1000000000 / static_cast<std::int64_t>(P::den);
      return ns < 0 ? 0 : static_cast<std::uint64_t>(ns);
    } else {
      return d < duration{} ? 0 : static_cast<std::uint64_t>(d);
    }
  }
  /// The table's unit: "ns", Clock::unit or "ticks".
  static constexpr std::string_view unit() noexcept {
    if constexpr (detail::IsChronoDuration<duration>::value) {
      return "ns";
    } else {
      return detail::ClockUnit<Clock>::value;
    }
  }

  /// The table, one NUL-terminated line (ending in '\n') per call of `write(const char*)`:
  /// a title, a header, one row per operator (calls, total, mean per call, share of the runs'
  /// time), the operators' sum and the runs, then, if the clock went back, how often. For
  /// firmware: no stdio, no heap; each line is built in a buffer on the stack.
  template <class Write>
  void write_table(Write&& write) const {
    char buf[kLine];
    {
      detail::LineWriter w(buf, sizeof buf);
      w.text("operators of ");
      w.text(Model::name);
      w.text(": ");
      w.number(runs_, 0);
      w.text(runs_ == 1 ? " run" : " runs");
      w.text(", times in ");
      w.text(unit());
      write(w.finish());
    }
    {
      detail::LineWriter w(buf, sizeof buf);
      w.text("operator");
      w.pad_to(kName + kCalls - 5);
      w.text("calls");
      w.pad_to(kName + kCalls + kTotal - 5);
      w.text("total");
      w.pad_to(kName + kCalls + kTotal + kMean - 4);
      w.text("mean");
      w.pad_to(kName + kCalls + kTotal + kMean + kShare - 5);
      w.text("share");
      write(w.finish());
    }
    const std::uint64_t run = ticks(run_total_);
    std::uint64_t sum_calls = 0;
    for (std::size_t i = 0; i < kOperators; ++i) {
      write(row(buf, detail::operator_short_name<Model>(i), calls_[i], ticks(total_[i]), run));
      sum_calls += calls_[i];
    }
    write(row(buf, "all operators", sum_calls, ticks(operators_total()), run));
    write(row(buf, "whole runs", runs_, run, run));
    if (went_back_ != 0) {
      detail::LineWriter w(buf, sizeof buf);
      w.text("the clock went back ");
      w.number(went_back_, 0);
      w.text(went_back_ == 1 ? " time" : " times");
      w.text(": those intervals count as 0");
      write(w.finish());
    }
  }

 private:
  static constexpr std::size_t kName = detail::operator_name_width<Model>();
  static constexpr std::size_t kCalls = 8, kTotal = 14, kMean = 12, kShare = 8;
  static constexpr std::size_t kLine = kName + kCalls + kTotal + kMean + kShare + 64;

  static const char* row(char* buf, std::string_view name, std::uint64_t calls, std::uint64_t total,
                         std::uint64_t run) noexcept {
    detail::LineWriter w(buf, kLine);
    w.text(name);
    w.pad_to(kName);
    w.number(calls, kName + kCalls);
    w.number(total, kName + kCalls + kTotal);
    w.number(calls == 0 ? 0 : detail::divide(total + calls / 2, calls),
             kName + kCalls + kTotal + kMean);
    // Tenths of a percent, rounded; a total past 2^64/1000 ticks is scaled down first.
    std::uint64_t permille = 0;
    if (run != 0) {
      permille = total <= UINT64_MAX / 1000
                     ? detail::divide(total * 1000 + run / 2, run)
                     : detail::divide(total, run < 1000 ? 1 : detail::divide(run, 1000));
    }
    w.number(permille, kName + kCalls + kTotal + kMean + kShare - 1, true);
    w.text("%");
    return w.finish();
  }

  time_point run_start_{};
  duration run_total_{};
  std::uint64_t runs_ = 0;
  std::uint64_t went_back_ = 0;
  time_point start_[kOperators]{};
  duration total_[kOperators]{};
  std::uint64_t calls_[kOperators]{};
};

}  // namespace aot
