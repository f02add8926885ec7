// SPDX-License-Identifier: Apache-2.0
// The profiler policy: told of every run, free when it is NoProfiler.
#include <aot/executor.hpp>
#include <aot/profiler.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>

#include "failing_model.hpp"
#include "seed_model.hpp"

namespace {

// A clock that advances 10 ticks per reading: run times are known exactly.
struct TickClock {
  static inline std::int64_t ticks = 0;
  static std::int64_t now() { return ticks += 10; }
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
