// SPDX-License-Identifier: Apache-2.0
#include <aot/executor.hpp>
#include <aot/workspace.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "arena_model.hpp"
#include "blur_model.hpp"
#include "failing_runtime_models.hpp"
#include "kwsnet_model.hpp"

namespace {

// 256 bytes, blocks aligned to 16 as TVM builds models by default.
struct TestArena {
  alignas(16) std::uint8_t bytes[256] = {};
  aot::detail::Arena arena = aot::detail::Arena::over(bytes, sizeof bytes, 16);
};

std::string text(const aot::Status& s) { return s.to_string().c_str(); }

}  // namespace

TEST_CASE("LIFO allocation: blocks rounded to the model's alignment, exact accounting, peak") {
  TestArena a;
  aot::detail::RuntimeFailure failure;
  void* p1 = a.arena.allocate(10, failure);  // 10 -> 16
  void* p2 = a.arena.allocate(64, failure);  // 64
  void* p3 = a.arena.allocate(65, failure);  // 65 -> 80
  REQUIRE(failure.code == aot::Errc::kOk);
  REQUIRE(p1 == a.bytes);
  REQUIRE(p2 == a.bytes + 16);
  REQUIRE(p3 == a.bytes + 80);
  REQUIRE(a.arena.used() == 160);
  REQUIRE(a.arena.release(p3, failure) == 0);
  REQUIRE(a.arena.release(p2, failure) == 0);
  void* again = a.arena.allocate(1, failure);
  REQUIRE(again == a.bytes + 16);
  REQUIRE(a.arena.release(again, failure) == 0);
  REQUIRE(a.arena.release(p1, failure) == 0);
  REQUIRE(a.arena.used() == 0);
  REQUIRE(a.arena.high_water() == 160);
  REQUIRE(failure.code == aot::Errc::kOk);
}

TEST_CASE("the whole capacity is usable: no slack per block") {
  TestArena a;
  aot::detail::RuntimeFailure failure;
  for (int i = 0; i < 16; ++i) REQUIRE(a.arena.allocate(16, failure) != nullptr);
  REQUIRE(a.arena.used() == 256);
  REQUIRE(a.arena.allocate(1, failure) == nullptr);
  REQUIRE(failure.code == aot::Errc::kWorkspaceOverflow);
}

TEST_CASE("other alignments: 1 packs blocks, 64 rounds them up") {
  alignas(64) std::uint8_t bytes[256] = {};
  aot::detail::RuntimeFailure failure;
  aot::detail::Arena packed = aot::detail::Arena::over(bytes, sizeof bytes, 1);
  REQUIRE(packed.allocate(3, failure) == bytes);
  REQUIRE(packed.allocate(5, failure) == bytes + 3);
  aot::detail::Arena wide = aot::detail::Arena::over(bytes, sizeof bytes, 64);
  REQUIRE(wide.allocate(3, failure) == bytes);
  REQUIRE(wide.allocate(5, failure) == bytes + 64);
  REQUIRE(wide.used() == 128);
  REQUIRE(failure.code == aot::Errc::kOk);
}

TEST_CASE("arena failures are values, never UB") {
  SECTION("overflow") {
    TestArena a;
    aot::detail::RuntimeFailure failure;
    REQUIRE(a.arena.allocate(250, failure) != nullptr);  // 256 with rounding: all of it
    REQUIRE(a.arena.release(a.bytes, failure) == 0);
    REQUIRE(a.arena.allocate(257, failure) == nullptr);
    REQUIRE(failure.code == aot::Errc::kWorkspaceOverflow);
    REQUIRE(failure.expected == 256);
    REQUIRE(failure.got == 257);
    REQUIRE(a.arena.used() == 0);
  }
  SECTION("a request that fits only before rounding") {
    alignas(16) std::uint8_t bytes[250] = {};
    aot::detail::Arena arena = aot::detail::Arena::over(bytes, sizeof bytes, 16);
    aot::detail::RuntimeFailure failure;
    REQUIRE(arena.allocate(240, failure) == bytes);
    REQUIRE(arena.allocate(9, failure) == nullptr);  // 10 bytes left, 9 rounds to 16
    REQUIRE(failure.code == aot::Errc::kWorkspaceOverflow);
    REQUIRE(arena.used() == 240);
  }
  SECTION("a size that would wrap around") {
    TestArena a;
    aot::detail::RuntimeFailure failure;
    REQUIRE(a.arena.allocate(UINT64_MAX - 10, failure) == nullptr);
    REQUIRE(failure.code == aot::Errc::kWorkspaceOverflow);
    REQUIRE(a.arena.used() == 0);
  }
  SECTION("out of order: the free of the block above the new top fails") {
    TestArena a;
    aot::detail::RuntimeFailure failure;
    void* p1 = a.arena.allocate(8, failure);
    void* p2 = a.arena.allocate(8, failure);
    REQUIRE(a.arena.release(p1, failure) == 0);  // takes the top back to p1
    REQUIRE(a.arena.release(p2, failure) == -1);
    REQUIRE(failure.code == aot::Errc::kWorkspaceFreeOrder);
    REQUIRE(failure.got == 16);      // p2's offset
    REQUIRE(failure.expected == 0);  // the top
  }
  SECTION("double free") {
    TestArena a;
    aot::detail::RuntimeFailure failure;
    void* p1 = a.arena.allocate(8, failure);
    REQUIRE(a.arena.release(p1, failure) == 0);
    REQUIRE(a.arena.release(p1, failure) == -1);
    REQUIRE(failure.code == aot::Errc::kWorkspaceFreeOrder);
  }
  SECTION("foreign pointer, and a pointer inside a block") {
    TestArena a;
    aot::detail::RuntimeFailure failure;
    int elsewhere = 0;
    REQUIRE(a.arena.release(&elsewhere, failure) == -1);
    REQUIRE(failure.code == aot::Errc::kWorkspaceForeignFree);
    aot::detail::RuntimeFailure inside;
    REQUIRE(a.arena.allocate(32, inside) == a.bytes);
    REQUIRE(a.arena.release(a.bytes + 3, inside) == -1);
    REQUIRE(inside.code == aot::Errc::kWorkspaceForeignFree);
    REQUIRE(a.arena.used() == 32);
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

TEST_CASE("arena executors run at once on several threads and each keeps its own context") {
  // Each thread's runtime context is its own: no run sees another's arena or failure.
  constexpr int kThreads = 4;
  constexpr int kRuns = 50;
  std::vector<aot::AotExecutor<arena>> execs(kThreads);
  std::vector<int> wrong(kThreads, 0);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &execs, &wrong] {
      for (int run = 0; run < kRuns; ++run) {
        std::array<std::int32_t, 256> x{};
        for (std::size_t i = 0; i < 256; ++i) x[i] = static_cast<std::int32_t>(i) * (t + 1) - run;
        // s = 3x + 1, output[i] = prefix_sum(s)[i] - s[255 - i], as above.
        std::int32_t sum = 0;
        auto r = execs[static_cast<std::size_t>(t)].infer(x);
        if (!r.ok()) {
          ++wrong[static_cast<std::size_t>(t)];
          continue;
        }
        for (std::size_t i = 0; i < 256; ++i) {
          sum += 3 * x[i] + 1;
          if (r.get<0>()[i] != sum - (3 * x[255 - i] + 1)) ++wrong[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    REQUIRE(wrong[static_cast<std::size_t>(t)] == 0);
    REQUIRE(execs[static_cast<std::size_t>(t)].workspace_peak() == 2048);
  }
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
  REQUIRE(text(s) == "greedy: workspace overflow: 4096 bytes needed, the arena holds 1024");
  REQUIRE(exec.get_output<0>()[0] == 0);  // the model stopped before writing
}

TEST_CASE("frees out of order: a specific error, and the next run starts clean") {
  aot::AotExecutor<disorder> exec;
  for (int i = 0; i < 2; ++i) {
    const aot::Status s = exec.infer(std::array<std::int8_t, 4>{1, 2, 3, 4}).status();
    REQUIRE(s.code() == aot::Errc::kWorkspaceFreeOrder);
    // Block 1 (offset 0) freed first takes the top to 0; block 2 (offset 64) is then above it.
    REQUIRE(text(s) ==
            "disorder: workspace block at offset 64 freed when the top is at 0 (frees must be "
            "LIFO)");
  }
}

TEST_CASE("the arena is exactly the model's workspace size, as TVM's own allocator needs") {
  // The C driver gives TVM's stack allocator TVMGEN_<M>_WORKSPACE_SIZE bytes: so does the
  // executor, with no rounding slack and no per-block records.
  STATIC_REQUIRE(aot::AotExecutor<arena>::memory().workspace == TVMGEN_ARENA_WORKSPACE_SIZE);
  STATIC_REQUIRE(aot::AotExecutor<blur>::memory().workspace == 1216);
  STATIC_REQUIRE(aot::AotExecutor<greedy>::memory().workspace == 1024);
  aot::AotExecutor<blur> exec;
  REQUIRE(exec.infer(std::array<float, 300>{}).ok());
  REQUIRE(exec.workspace_peak() == exec.memory().workspace);  // used to the last byte
}

namespace {

std::int8_t clip8(std::int32_t v) {
  return static_cast<std::int8_t>(v < -128 ? -128 : v > 127 ? 127 : v);
}

// kwsnet, layer by layer as its description says (tests/fixtures/kwsnet/kwsnet_lib1.c's
// header comment and operator names): conv, depthwise, pointwise, depthwise, average pool,
// dense; activations int8, accumulators int32.
std::array<std::int8_t, 12> kwsnet_reference(const std::array<std::int8_t, 490>& x) {
  std::vector<std::int8_t> a(16000), b(16000);
  for (std::size_t k = 0; k < 16000; ++k) {
    const std::size_t j = k % 612;  // the input padded by one in front, zeros after
    const std::int32_t padded = (j >= 1 && j <= 490) ? x[j - 1] : 0;
    const auto acc =
        padded * (static_cast<std::int32_t>(k % 7) - 3) + static_cast<std::int32_t>(k % 128);
    a[k] = clip8(acc >> 2);
  }
  const auto depthwise = [](const std::vector<std::int8_t>& in, std::vector<std::int8_t>& out) {
    const auto at = [&](std::size_t j) -> std::int32_t {
      return (j >= 96 && j < 16096) ? in[j - 96] : 0;
    };
    for (std::size_t k = 0; k < 16000; ++k)
      out[k] = clip8((at(k) + 2 * at(k + 96) + at(k + 192)) >> 2);
  };
  depthwise(a, b);
  for (std::size_t k = 0; k < 16000; ++k) a[k] = clip8((5 * b[k] - b[(k + 1) % 16000]) >> 3);
  depthwise(a, b);
  std::array<std::int8_t, 128> pooled{};
  for (std::size_t c = 0; c < 128; ++c) {
    std::int32_t sum = 0;
    for (std::size_t p = 0; p < 125; ++p) sum += b[p * 128 + c];
    pooled[c] = clip8(sum / 125);
  }
  std::array<std::int8_t, 12> y{};
  for (std::size_t o = 0; o < 12; ++o) {
    std::int32_t acc = 0;
    for (std::size_t c = 0; c < 128; ++c)
      acc += pooled[c] * (static_cast<std::int32_t>((o + c) % 5) - 2);
    y[o] = clip8(acc >> 1);
  }
  return y;
}

}  // namespace

TEST_CASE("a keyword-spotting-sized model runs in exactly its 120320-byte workspace") {
  static aot::AotExecutor<kwsnet> exec;
  STATIC_REQUIRE(aot::AotExecutor<kwsnet>::memory().workspace == 120320);
  for (int round = 0; round < 4; ++round) {
    std::array<std::int8_t, 490> x{};
    for (std::size_t i = 0; i < 490; ++i) {
      x[i] = static_cast<std::int8_t>(
          static_cast<int>((i * 37 + static_cast<std::size_t>(round) * 101) % 256) - 128);
    }
    auto r = exec.infer(x);
    REQUIRE(r.ok());
    const auto want = kwsnet_reference(x);
    for (std::size_t o = 0; o < 12; ++o) REQUIRE(r.get<0>()[o] == want[o]);
  }
  // Three intermediates (16000 + 16000 + 128) and the depthwise layer's scratch
  // (24192 + 64000) alive at once: the whole arena.
  REQUIRE(exec.workspace_peak() == 16000 + 16000 + 128 + 24192 + 64000);
}

namespace {
// What aot_add_model(... WORKSPACE_SIZE) writes: the model's figure replaced by another.
struct kwsnet_shrunk : kwsnet {
  static constexpr std::size_t workspace_size = 100000;
};
}  // namespace

TEST_CASE("an arena shrunk below the peak: kWorkspaceOverflow, never a crash") {
  static aot::AotExecutor<kwsnet_shrunk> exec;
  STATIC_REQUIRE(aot::AotExecutor<kwsnet_shrunk>::memory().workspace == 100000);
  const aot::Status s = exec.infer(std::array<std::int8_t, 490>{}).status();
  REQUIRE(s.code() == aot::Errc::kWorkspaceOverflow);
  // 32128 bytes of intermediates, then the first layer's 612-byte padded input (624 rounded)
  // fits and its 64000-byte accumulator does not: 32128 + 624 + 64000 = 96752 <= 100000 fits;
  // the depthwise layer's 24192 + 64000 on top of 32128 = 120320 does not.
  REQUIRE(text(s) == "kwsnet: workspace overflow: 120320 bytes needed, the arena holds 100000");
  REQUIRE(exec.get_output<0>()[0] == 0);                  // stopped before the last layer
  REQUIRE(exec.workspace_peak() == 32128 + 624 + 64000);  // the first layer, which fitted
}
