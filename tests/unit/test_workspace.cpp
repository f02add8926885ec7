#include <aot/executor.hpp>
#include <aot/workspace.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "arena_model.hpp"
#include "blur_model.hpp"
#include "failing_runtime_models.hpp"

namespace {

struct Arena {
  alignas(64) std::uint8_t bytes[256 + 3 * 63] = {};
  std::size_t offsets[3] = {};
  aot::detail::ArenaCounters counters{};
  aot::detail::ArenaView view{bytes, sizeof bytes, offsets, 3, &counters};
};

bool aligned64(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % 64 == 0; }

std::string text(const aot::Status& s) { return s.to_string().c_str(); }

}  // namespace

TEST_CASE("arena size: workspace plus up to 63 bytes of rounding per live block") {
  STATIC_REQUIRE(aot::workspace_arena_bytes(2048, 2) == 2048 + 126);
  STATIC_REQUIRE(aot::workspace_arena_bytes(0, 0) == 0);
}

TEST_CASE("LIFO allocation: aligned blocks, exact accounting, peak") {
  Arena a;
  aot::detail::RuntimeFailure failure;
  void* p1 = a.view.allocate(10, failure);
  void* p2 = a.view.allocate(64, failure);
  void* p3 = a.view.allocate(65, failure);
  REQUIRE(failure.code == aot::Errc::kOk);
  REQUIRE(p1 == a.bytes);
  REQUIRE(p2 == a.bytes + 64);
  REQUIRE(p3 == a.bytes + 128);
  REQUIRE((aligned64(p1) && aligned64(p2) && aligned64(p3)));
  REQUIRE(a.counters.top == 128 + 128);
  REQUIRE(a.view.release(p3, failure) == 0);
  REQUIRE(a.view.release(p2, failure) == 0);
  void* again = a.view.allocate(1, failure);
  REQUIRE(again == a.bytes + 64);
  REQUIRE(a.view.release(again, failure) == 0);
  REQUIRE(a.view.release(p1, failure) == 0);
  REQUIRE(a.counters.depth == 0);
  REQUIRE(a.counters.top == 0);
  REQUIRE(a.counters.peak == 256);
  REQUIRE(failure.code == aot::Errc::kOk);
}

TEST_CASE("arena failures are values, never UB") {
  SECTION("overflow") {
    Arena a;
    aot::detail::RuntimeFailure failure;
    REQUIRE(a.view.allocate(400, failure) == nullptr);
    REQUIRE(failure.code == aot::Errc::kWorkspaceOverflow);
    REQUIRE(failure.expected == 256 + 3 * 63);
    REQUIRE(failure.got == 400);
    REQUIRE(a.counters.top == 0);
  }
  SECTION("a size that would wrap around") {
    Arena a;
    aot::detail::RuntimeFailure failure;
    REQUIRE(a.view.allocate(UINT64_MAX - 10, failure) == nullptr);
    REQUIRE(failure.code == aot::Errc::kWorkspaceOverflow);
  }
  SECTION("out of order") {
    Arena a;
    aot::detail::RuntimeFailure failure;
    void* p1 = a.view.allocate(8, failure);
    void* p2 = a.view.allocate(8, failure);
    REQUIRE(a.view.release(p1, failure) == -1);
    REQUIRE(failure.code == aot::Errc::kWorkspaceFreeOrder);
    REQUIRE(a.counters.depth == 2);
    REQUIRE(a.view.release(p2, failure) == 0);
  }
  SECTION("foreign pointer") {
    Arena a;
    aot::detail::RuntimeFailure failure;
    int elsewhere = 0;
    REQUIRE(a.view.release(&elsewhere, failure) == -1);
    REQUIRE(failure.code == aot::Errc::kWorkspaceForeignFree);
  }
  SECTION("more live blocks than declared") {
    Arena a;
    aot::detail::RuntimeFailure failure;
    for (int i = 0; i < 3; ++i) REQUIRE(a.view.allocate(1, failure) != nullptr);
    REQUIRE(a.view.allocate(1, failure) == nullptr);
    REQUIRE(failure.code == aot::Errc::kWorkspaceTooManyBlocks);
    REQUIRE(failure.expected == 3);
  }
}

TEST_CASE("arena fixture: nested LIFO workspace through the backend calls") {
  aot::AotExecutor<arena> exec;
  std::array<std::int32_t, 256> x{};
  for (std::size_t i = 0; i < 256; ++i) x[i] = static_cast<std::int32_t>(i % 201) - 100;
  // Reference: s = 3x + 1, output[i] = prefix_sum(s)[i] - s[255 - i].
  std::array<std::int32_t, 256> s{};
  for (std::size_t i = 0; i < 256; ++i) s[i] = 3 * x[i] + 1;
  std::array<std::int32_t, 256> want{};
  std::int32_t sum = 0;
  for (std::size_t i = 0; i < 256; ++i) {
    sum += s[i];
    want[i] = sum - s[255 - i];
  }

  auto r = exec.infer(x);
  REQUIRE(r.ok());
  for (std::size_t i = 0; i < 256; ++i) REQUIRE(r.get<0>()[i] == want[i]);
  // The intermediate (1 KiB) and one operator's scratch (1 KiB) were alive together.
  REQUIRE(exec.workspace_peak() == 2048);
  REQUIRE(exec.infer(x).ok());
  REQUIRE(exec.workspace_peak() == 2048);
}

TEST_CASE("a second module in the same binary has its own workspace") {
  aot::AotExecutor<arena> a;
  aot::AotExecutor<blur> b;
  aot::AotExecutor<arena> untouched;
  std::array<float, 300> x{};
  for (std::size_t i = 0; i < 300; ++i) x[i] = static_cast<float>(i % 7) - 2.5f;
  for (int round = 0; round < 3; ++round) {
    REQUIRE(a.infer(std::array<std::int32_t, 256>{}).ok());
    auto r = b.infer(x);
    REQUIRE(r.ok());
    for (std::size_t i = 0; i < 300; ++i) {
      const float left = i > 0 ? x[i - 1] : 0.f;
      const float right = i + 1 < 300 ? x[i + 1] : 0.f;
      REQUIRE(r.get<0>()[i] == ((left + x[i]) + right) * 3.333333e-01f);
    }
  }
  REQUIRE(a.workspace_peak() == 2048);
  REQUIRE(b.workspace_peak() == 1216);  // 1208 rounded up to 64
  REQUIRE(untouched.workspace_peak() == 0);
}

TEST_CASE("more workspace than declared: a specific error, no crash") {
  aot::AotExecutor<greedy> exec;
  const aot::Status s = exec.infer(std::array<std::int8_t, 4>{1, 2, 3, 4}).status();
  REQUIRE(s.code() == aot::Errc::kWorkspaceOverflow);
  REQUIRE(text(s) == "greedy: workspace overflow: 4096 bytes needed, the arena holds 1087");
  REQUIRE(exec.get_output<0>()[0] == 0);  // the model stopped before writing
}

TEST_CASE("frees out of order: a specific error, and the next run starts clean") {
  aot::AotExecutor<disorder> exec;
  for (int i = 0; i < 2; ++i) {
    const aot::Status s = exec.infer(std::array<std::int8_t, 4>{1, 2, 3, 4}).status();
    REQUIRE(s.code() == aot::Errc::kWorkspaceFreeOrder);
    REQUIRE(text(s) ==
            "disorder: workspace block 0 freed while block 1 is the newest (frees must be LIFO)");
  }
}

namespace {
struct disorder_tight : disorder {
  static constexpr std::size_t workspace_allocations = 1;
};
}  // namespace

TEST_CASE("more live blocks than the description declares") {
  aot::AotExecutor<disorder_tight> exec;
  const aot::Status s = exec.infer(std::array<std::int8_t, 4>{}).status();
  REQUIRE(s.code() == aot::Errc::kWorkspaceTooManyBlocks);
  REQUIRE(text(s) ==
          "disorder: more than 1 workspace blocks alive at once (the model's "
          "workspace_allocations)");
}
