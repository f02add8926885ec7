// SPDX-License-Identifier: Apache-2.0
// Per-operator profiling of models built with aot_add_model(... PROFILE). The operators and
// their order are read by hand from the fixtures' __tvm_main__: twomods/det_lib1.c:84-87 calls
// fused_cast_cast_subtract, fused_reshape_sum, fused_subtract and fused_argmax once each;
// noplan_lib1.c:59-60 calls fused_multiply_add and fused_cumsum_subtract once each.
#include <aot/executor.hpp>
#include <aot/fmt.hpp>
#include <aot/operator_timer.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "mlf_det_profiled.hpp"
#include "mlf_noplan_profiled.hpp"

namespace {

// Advances 10 ticks per reading: every time the profiler measures is known exactly.
struct TickClock {
  static inline std::int64_t ticks = 0;
  static constexpr std::string_view unit = "ticks";
  static std::int64_t now() { return ticks += 10; }
};

// Returns the readings it is given, in order: a clock that may go back, as a SysTick clock
// that misses a wrap does.
struct ScriptedClock {
  static inline std::vector<std::uint64_t> readings;
  static inline std::size_t next = 0;
  static constexpr std::string_view unit = "ticks";
  static std::uint64_t now() { return readings.at(next++); }
};

template <class Model, class Profiler>
using Profiled = aot::AotExecutor<Model, 64, aot::OwnBuffers, aot::OwnMemory, Profiler>;

}  // namespace

TEST_CASE("the operator table lists what __tvm_main__ calls, in call order") {
  constexpr auto& ops = det_profiled::operators;
  STATIC_REQUIRE(ops.size() == 4);
  STATIC_REQUIRE(ops[0].name == "tvmgen_det_fused_cast_cast_subtract");
  STATIC_REQUIRE(ops[1].name == "tvmgen_det_fused_reshape_sum");
  STATIC_REQUIRE(ops[2].name == "tvmgen_det_fused_subtract");
  STATIC_REQUIRE(ops[3].name == "tvmgen_det_fused_argmax");
  for (const aot::OperatorInfo& op : ops) REQUIRE(op.call_sites == 1);
  REQUIRE(ops[3].address() == reinterpret_cast<const void*>(&tvmgen_det_fused_argmax));  // NOLINT
  STATIC_REQUIRE(noplan_profiled::operators.size() == 2);
  STATIC_REQUIRE(noplan_profiled::operators[0].name == "tvmgen_noplan_fused_multiply_add");
  STATIC_REQUIRE(noplan_profiled::operators[1].name == "tvmgen_noplan_fused_cumsum_subtract");
}

TEST_CASE("OperatorTimer: calls and times per operator with an exact clock") {
  static Profiled<det_profiled, aot::OperatorTimer<det_profiled, TickClock>> exec;
  const std::array<std::uint8_t, 8> frame{9, 8, 7, 6, 5, 4, 3, 2}, bg{1, 1, 1, 1, 1, 1, 1, 1};
  for (int i = 0; i < 3; ++i) REQUIRE(exec.infer(frame, bg).ok());
  const auto& p = exec.profiler();
  REQUIRE(p.runs() == 3);
  for (std::size_t i = 0; i < 4; ++i) {
    REQUIRE(p.calls(i) == 3);
    // Each call: one reading on entry, the next on exit.
    REQUIRE(p.total(i) == 30);
  }
  // A run reads the clock at its start, twice per operator and at its end: 9 readings.
  REQUIRE(p.run_total() == std::int64_t{3} * 90);
  REQUIRE(p.operators_total() == 120);
  REQUIRE(p.operators_total() <= p.run_total());
  // Outside a run no operator sink is bound: the hooks do nothing.
  REQUIRE(aot::detail::current_operator_sink == nullptr);

  const std::string table = fmt::format("{}", p);
  CHECK(table ==
        "operators of det: 3 runs, times in ticks\n"
        "operator                     calls         total        mean   share\n"
        "fused_cast_cast_subtract         3            30          10   11.1%\n"
        "fused_reshape_sum                3            30          10   11.1%\n"
        "fused_subtract                   3            30          10   11.1%\n"
        "fused_argmax                     3            30          10   11.1%\n"
        "all operators                   12           120          10   44.4%\n"
        "whole runs                       3           270          90  100.0%\n");
  // The firmware's form writes the same lines.
  std::string lines;
  p.write_table([&](const char* line) { lines += line; });
  REQUIRE(lines == table);

  exec.profiler().reset();
  REQUIRE(exec.profiler().runs() == 0);
  REQUIRE(exec.profiler().calls(0) == 0);
}

TEST_CASE("operators and the workspace arena's runtime context in one run") {
  static Profiled<noplan_profiled, aot::OperatorTimer<noplan_profiled, TickClock>> exec;
  std::array<std::int32_t, 256> x{};
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<std::int32_t>(i);
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == -765);  // noplan/EXPECTED.md
  REQUIRE(r.get<0>()[255] == 98175);
  REQUIRE(exec.profiler().calls(0) == 1);
  REQUIRE(exec.profiler().calls(1) == 1);
  REQUIRE(exec.profiler().total(1) == 10);
}

TEST_CASE("the operators' time is within the runs' and most of it when they dominate") {
  static Profiled<noplan_profiled, aot::OperatorTimer<noplan_profiled, std::chrono::steady_clock>>
      exec;
  std::array<std::int32_t, 256> x{};
  for (int run = 0; run < 200; ++run) REQUIRE(exec.infer(x).ok());
  const auto& p = exec.profiler();
  REQUIRE(p.calls(0) == 200);
  REQUIRE(p.operators_total() <= p.run_total());
  // Two loops over 256 elements each against __tvm_main__'s three runtime calls.
  CHECK(p.operators_total().count() * 10 >= p.run_total().count() * 5);
  UNSCOPED_INFO(fmt::format("{}", p));
}

TEST_CASE("a profiler that does not ask for operators leaves the hooks unbound") {
  struct Spy {
    std::uintptr_t seen = 1;
    void on_run_begin() noexcept {}
    void on_run_end() noexcept {
      seen = reinterpret_cast<std::uintptr_t>(aot::detail::current_operator_sink);
    }
  };
  static Profiled<det_profiled, Spy> exec;
  REQUIRE(exec.run().ok());
  REQUIRE(exec.profiler().seen == 0);
}

TEST_CASE("OperatorTimer: an interval the clock reads backwards is no time, counted and shown") {
  // A run of det reads the clock 9 times: run start, each operator's start and end, run end.
  // fused_reshape_sum's end reads 5 ticks before its start: with unsigned ticks that
  // difference is 2^64 - 5, which the table used to print.
  ScriptedClock::readings = {0, 10, 20, 30, 25, 40, 50, 60, 70, 80};
  ScriptedClock::next = 0;
  static Profiled<det_profiled, aot::OperatorTimer<det_profiled, ScriptedClock>> exec;
  const std::array<std::uint8_t, 8> frame{}, bg{};
  REQUIRE(exec.infer(frame, bg).ok());
  const auto& p = exec.profiler();
  REQUIRE(p.total(0) == 10);
  REQUIRE(p.total(1) == 0);
  REQUIRE(p.calls(1) == 1);
  REQUIRE(p.total(2) == 10);
  REQUIRE(p.total(3) == 10);
  REQUIRE(p.run_total() == 80);
  REQUIRE(p.clock_went_back() == 1);
  CHECK(fmt::format("{}", p) ==
        "operators of det: 1 run, times in ticks\n"
        "operator                     calls         total        mean   share\n"
        "fused_cast_cast_subtract         1            10          10   12.5%\n"
        "fused_reshape_sum                1             0           0    0.0%\n"
        "fused_subtract                   1            10          10   12.5%\n"
        "fused_argmax                     1            10          10   12.5%\n"
        "all operators                    4            30           8   37.5%\n"
        "whole runs                       1            80          80  100.0%\n"
        "the clock went back 1 time: those intervals count as 0\n");
  exec.profiler().reset();
  REQUIRE(exec.profiler().clock_went_back() == 0);
}
