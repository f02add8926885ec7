// SPDX-License-Identifier: Apache-2.0
// The profiler policy: told of every run, free when it is NoProfiler.
#include <aot/executor.hpp>
#include <aot/profiler.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "failing_model.hpp"
#include "seed_model.hpp"

namespace {

// A clock that advances 10 ticks per reading: run times are known exactly.
struct TickClock {
  static inline std::int64_t ticks = 0;
  static std::int64_t now() { return ticks += 10; }
};

// Returns the readings it is given, in order: a clock that may go back.
template <class T>
struct ScriptedClock {
  static inline std::vector<T> readings;
  static inline std::size_t next = 0;
  static T now() { return readings.at(next++); }
  static void script(std::vector<T> r) {
    readings = std::move(r);
    next = 0;
  }
};

struct Counting {
  int begins = 0;
  int ends = 0;
  void on_run_begin() noexcept { ++begins; }
  void on_run_end() noexcept { ++ends; }
};

}  // namespace

namespace {
struct Silent {  // a user's profiler without state
  void on_run_begin() noexcept {}
  void on_run_end() noexcept {}
};
}  // namespace

TEST_CASE("NoProfiler costs no bytes") {
  // A profiler without state, the default or the user's own, is an empty base.
  STATIC_REQUIRE(sizeof(aot::AotExecutor<seed>) ==
                 sizeof(aot::AotExecutor<seed, 64, aot::OwnBuffers, aot::OwnMemory, Silent>));
  STATIC_REQUIRE(sizeof(aot::AotExecutor<seed>) == std::size_t{3} * 64);
}

TEST_CASE("the profiler hears of every run, failed ones included") {
  aot::AotExecutor<failing, 64, aot::OwnBuffers, aot::OwnMemory, Counting> exec;
  REQUIRE(exec.infer(std::array<float, 2>{1.f, 2.f}).ok());
  REQUIRE_FALSE(exec.infer(std::array<float, 2>{-1.f, 2.f}).ok());
  REQUIRE(exec.profiler().begins == 2);
  REQUIRE(exec.profiler().ends == 2);
}

TEST_CASE("RunTimer: last, total and count with the caller's clock") {
  aot::AotExecutor<seed, 64, aot::OwnBuffers, aot::OwnMemory, aot::RunTimer<TickClock>> exec;
  for (int i = 0; i < 3; ++i) REQUIRE(exec.run().ok());
  // Each run reads the clock twice, 10 ticks apart.
  REQUIRE(exec.profiler().last() == 10);
  REQUIRE(exec.profiler().total() == 30);
  REQUIRE(exec.profiler().runs() == 3);
  aot::AotExecutor<seed, 64, aot::OwnBuffers, aot::OwnMemory,
                   aot::RunTimer<std::chrono::steady_clock>>
      timed;
  REQUIRE(timed.run().ok());
  REQUIRE(timed.profiler().runs() == 1);
  REQUIRE(timed.profiler().last() >= std::chrono::steady_clock::duration::zero());
}

TEST_CASE("RunTimer: a clock that goes back counts no time and is counted, unsigned or signed") {
  // Runs of 50, -50 (the clock went back) and 60 ticks.
  using U = ScriptedClock<std::uint64_t>;
  U::script({100, 150, 300, 250, 400, 460});
  aot::AotExecutor<seed, 64, aot::OwnBuffers, aot::OwnMemory, aot::RunTimer<U>> exec;
  REQUIRE(exec.run().ok());
  REQUIRE(exec.profiler().last() == 50);
  REQUIRE(exec.run().ok());
  // Not 2^64 - 50: no time, and counted.
  REQUIRE(exec.profiler().last() == 0);
  REQUIRE(exec.profiler().clock_went_back() == 1);
  REQUIRE(exec.run().ok());
  REQUIRE(exec.profiler().last() == 60);
  REQUIRE(exec.profiler().total() == 110);
  REQUIRE(exec.profiler().runs() == 3);
  REQUIRE(exec.profiler().clock_went_back() == 1);

  using S = ScriptedClock<std::int64_t>;
  S::script({-5, 20, 20, 19});
  aot::AotExecutor<seed, 64, aot::OwnBuffers, aot::OwnMemory, aot::RunTimer<S>> signed_exec;
  REQUIRE(signed_exec.run().ok());
  REQUIRE(signed_exec.run().ok());
  REQUIRE(signed_exec.profiler().total() == 25);
  REQUIRE(signed_exec.profiler().last() == 0);
  REQUIRE(signed_exec.profiler().clock_went_back() == 1);
}

TEST_CASE("RunTimer: a wrapping 32-bit counter measures across its wrap") {
  // DWT->CYCCNT style: 0xFFFFFFF0 to 0x10 is 0x20 cycles; 100 to 50 went back.
  using W = ScriptedClock<std::uint32_t>;
  W::script({0xFFFFFFF0u, 0x10u, 100u, 50u, 0u, 0x7FFFFFFFu, 0u, 0x80000000u});
  aot::AotExecutor<seed, 64, aot::OwnBuffers, aot::OwnMemory, aot::RunTimer<W>> exec;
  REQUIRE(exec.run().ok());
  REQUIRE(exec.profiler().last() == 0x20u);
  REQUIRE(exec.run().ok());
  REQUIRE(exec.profiler().last() == 0u);
  REQUIRE(exec.profiler().clock_went_back() == 1);
  // Up to 2^31 - 1 ticks forward is time; 2^31 is past half the range: the clock went back.
  REQUIRE(exec.run().ok());
  REQUIRE(exec.profiler().last() == 0x7FFFFFFFu);
  REQUIRE(exec.run().ok());
  REQUIRE(exec.profiler().last() == 0u);
  REQUIRE(exec.profiler().clock_went_back() == 2);
}

TEST_CASE("RunTimer: a std::chrono clock that goes back") {
  // 600 ns to 1000 ns, then 1000 ns to 600 ns.
  using D = std::chrono::nanoseconds;
  using T = std::chrono::time_point<std::chrono::steady_clock, D>;
  using BackClock = ScriptedClock<T>;
  BackClock::script({T(D(600)), T(D(1000)), T(D(1000)), T(D(600))});
  aot::AotExecutor<seed, 64, aot::OwnBuffers, aot::OwnMemory, aot::RunTimer<BackClock>> exec;
  REQUIRE(exec.run().ok());
  REQUIRE(exec.profiler().last() == std::chrono::nanoseconds(400));
  REQUIRE(exec.run().ok());
  REQUIRE(exec.profiler().last() == std::chrono::nanoseconds::zero());
  REQUIRE(exec.profiler().total() == std::chrono::nanoseconds(400));
  REQUIRE(exec.profiler().clock_went_back() == 1);
}
