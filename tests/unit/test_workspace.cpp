// SPDX-License-Identifier: Apache-2.0
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

// 256 bytes, blocks aligned to 16 as TVM builds models by default.
struct TestArena {
  alignas(16) std::uint8_t bytes[256] = {};
  aot::detail::Arena arena{bytes, sizeof bytes, 0, 0, 15};
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
  REQUIRE(a.arena.top == 160);
  REQUIRE(a.arena.release(p3, failure) == 0);
  REQUIRE(a.arena.release(p2, failure) == 0);
  void* again = a.arena.allocate(1, failure);
  REQUIRE(again == a.bytes + 16);
  REQUIRE(a.arena.release(again, failure) == 0);
  REQUIRE(a.arena.release(p1, failure) == 0);
  REQUIRE(a.arena.top == 0);
  REQUIRE(a.arena.peak == 160);
  REQUIRE(failure.code == aot::Errc::kOk);
}

TEST_CASE("the whole capacity is usable: no slack per block") {
  TestArena a;
  aot::detail::RuntimeFailure failure;
  for (int i = 0; i < 16; ++i) REQUIRE(a.arena.allocate(16, failure) != nullptr);
  REQUIRE(a.arena.top == 256);
  REQUIRE(a.arena.allocate(1, failure) == nullptr);
  REQUIRE(failure.code == aot::Errc::kWorkspaceOverflow);
}

TEST_CASE("other alignments: 1 packs blocks, 64 rounds them up") {
  alignas(64) std::uint8_t bytes[256] = {};
  aot::detail::RuntimeFailure failure;
  aot::detail::Arena packed{bytes, sizeof bytes, 0, 0, 0};
  REQUIRE(packed.allocate(3, failure) == bytes);
  REQUIRE(packed.allocate(5, failure) == bytes + 3);
  aot::detail::Arena wide{bytes, sizeof bytes, 0, 0, 63};
  REQUIRE(wide.allocate(3, failure) == bytes);
  REQUIRE(wide.allocate(5, failure) == bytes + 64);
  REQUIRE(wide.top == 128);
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
    REQUIRE(a.arena.top == 0);
  }
  SECTION("a request that fits only before rounding") {
    alignas(16) std::uint8_t bytes[250] = {};
    aot::detail::Arena arena{bytes, sizeof bytes, 0, 0, 15};
    aot::detail::RuntimeFailure failure;
    REQUIRE(arena.allocate(240, failure) == bytes);
    REQUIRE(arena.allocate(9, failure) == nullptr);  // 10 bytes left, 9 rounds to 16
    REQUIRE(failure.code == aot::Errc::kWorkspaceOverflow);
    REQUIRE(arena.top == 240);
  }
  SECTION("a size that would wrap around") {
    TestArena a;
    aot::detail::RuntimeFailure failure;
    REQUIRE(a.arena.allocate(UINT64_MAX - 10, failure) == nullptr);
    REQUIRE(failure.code == aot::Errc::kWorkspaceOverflow);
    REQUIRE(a.arena.top == 0);
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
    REQUIRE(a.arena.top == 32);
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
