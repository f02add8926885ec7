// SPDX-License-Identifier: Apache-2.0
// CallerMemory: the workspace arena and pools in memory the caller places, SharedArena, and
// the overlap checks. Expected outputs come from the fixtures' operations, computed here.
#include <aot/arena.hpp>
#include <aot/executor.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "arena_model.hpp"
#include "blur_model.hpp"
#include "extpool_model.hpp"
#include "seed_model.hpp"

namespace {

std::string text(const aot::Status& s) { return std::string(s.to_string().c_str()); }

// arena: s = 3x + 1, output[i] = prefix_sum(s)[i] - s[255 - i].
std::array<std::int32_t, 256> arena_reference(const std::array<std::int32_t, 256>& x) {
  std::array<std::int32_t, 256> s{};
  for (std::size_t i = 0; i < 256; ++i) s[i] = 3 * x[i] + 1;
  std::array<std::int32_t, 256> want{};
  std::int32_t sum = 0;
  for (std::size_t i = 0; i < 256; ++i) {
    sum += s[i];
    want[i] = sum - s[255 - i];
  }
  return want;
}

std::array<std::int32_t, 256> arena_input(std::size_t seed) {
  std::array<std::int32_t, 256> x{};
  for (std::size_t i = 0; i < 256; ++i)
    x[i] = static_cast<std::int32_t>((i * 7 + seed) % 201) - 100;
  return x;
}

// blur: output[i] = (x[i-1] + x[i] + x[i+1]) / 3 with zero padding, in that order.
bool blur_matches(const std::array<float, 300>& x, const float* y) {
  for (std::size_t i = 0; i < 300; ++i) {
    const float left = i > 0 ? x[i - 1] : 0.f;
    const float right = i + 1 < 300 ? x[i + 1] : 0.f;
    if (y[i] != ((left + x[i]) + right) * 3.333333e-01f) return false;
  }
  return true;
}

using CallerArena = aot::AotExecutor<arena, 64, aot::OwnBuffers, aot::CallerMemory>;
using CallerBlur = aot::AotExecutor<blur, 64, aot::OwnBuffers, aot::CallerMemory>;

alignas(16) std::uint8_t placed[2048];  // stands for a DTCM or .noinit section

}  // namespace

TEST_CASE("CallerMemory: the arena lives where the caller placed it, exactly the model's size") {
  static CallerArena exec;
  STATIC_REQUIRE(CallerArena::memory().workspace == 0);
  STATIC_REQUIRE(sizeof(CallerArena) + 2048 <= sizeof(aot::AotExecutor<arena>));

  const aot::Status unset = exec.infer(arena_input(0)).status();
  REQUIRE(unset.code() == aot::Errc::kUnbound);
  REQUIRE(text(unset) == "arena: no workspace arena given (set_workspace before run)");

  REQUIRE(exec.set_workspace(placed).ok());
  for (int round = 0; round < 3; ++round) {
    const auto x = arena_input(static_cast<std::size_t>(round));
    auto r = exec.infer(x);
    REQUIRE(r.ok());
    const auto want = arena_reference(x);
    for (std::size_t i = 0; i < 256; ++i) REQUIRE(r.get<0>()[i] == want[i]);
  }
  REQUIRE(exec.workspace_peak() == 2048);
}

TEST_CASE("CallerMemory: bad arenas are refused and change nothing") {
  static CallerArena exec;
  SECTION("null") { REQUIRE(exec.set_workspace(nullptr, 4096).code() == aot::Errc::kNullData); }
  SECTION("too small") {
    const aot::Status s = exec.set_workspace(placed, 2047);
    REQUIRE(s.code() == aot::Errc::kWorkspaceOverflow);
    REQUIRE(text(s) == "arena: workspace overflow: 2048 bytes needed, the arena holds 2047");
  }
  SECTION("misaligned for the model's 16-byte blocks") {
    alignas(16) static std::uint8_t bytes[2048 + 16];
    const aot::Status s = exec.set_workspace(bytes + 8, 2048);
    REQUIRE(s.code() == aot::Errc::kMisalignedData);
    REQUIRE(s.expected() == 16);
    REQUIRE(s.got() == 8);
  }
  SECTION("overlapping the executor's own input") {
    auto* in = reinterpret_cast<std::uint8_t*>(exec.input_buffer<arena::x>());
    const aot::Status s = exec.set_workspace(in, 2048);
    REQUIRE(s.code() == aot::Errc::kOverlap);
    REQUIRE(text(s) == "arena: memory overlaps an input's memory");
  }
  REQUIRE(exec.run().code() == aot::Errc::kUnbound);
}

TEST_CASE("SharedArena: models that run one after the other share one arena") {
  alignas(16) static std::uint8_t bytes[2048];
  static aot::SharedArena shared(bytes);
  static CallerArena first;
  static CallerBlur second;
  REQUIRE(first.set_workspace(shared).ok());
  REQUIRE(second.set_workspace(shared).ok());
  std::array<float, 300> x{};
  for (std::size_t i = 0; i < 300; ++i) x[i] = static_cast<float>(i % 9) - 4.25f;
  for (int round = 0; round < 3; ++round) {
    const auto in = arena_input(static_cast<std::size_t>(round));
    auto a = first.infer(in);
    REQUIRE(a.ok());
    REQUIRE(a.get<0>()[7] == arena_reference(in)[7]);
    auto b = second.infer(x);
    REQUIRE(b.ok());
    REQUIRE(blur_matches(x, b.get<0>().data()));
  }
  REQUIRE(first.workspace_peak() == 2048);
  REQUIRE(second.workspace_peak() == 1216);
  REQUIRE(!shared.busy());

  SECTION("a run while another holds it is refused, not interleaved") {
    REQUIRE(shared.try_claim());  // as a run of another executor would
    const aot::Status s = second.infer(x).status();
    REQUIRE(s.code() == aot::Errc::kWorkspaceBusy);
    REQUIRE(text(s) ==
            "blur: the shared arena is in use by another run (models sharing one must not run "
            "at once)");
    shared.release();
    REQUIRE(second.infer(x).ok());
  }
  SECTION("an arena too small for one of the models") {
    alignas(16) static std::uint8_t small[1216];
    static aot::SharedArena small_shared(small);
    REQUIRE(second.set_workspace(small_shared).ok());
    REQUIRE(first.set_workspace(small_shared).code() == aot::Errc::kWorkspaceOverflow);
  }
}

TEST_CASE("CallerMemory: external pools the caller gives") {
  using Exec = aot::AotExecutor<extpool, 64, aot::BindableBuffers, aot::CallerMemory>;
  Exec exec;  // a new one for each section
  STATIC_REQUIRE(Exec::memory().pools == 0);
  std::array<std::int32_t, 64> x{};
  for (std::size_t i = 0; i < 64; ++i) x[i] = static_cast<std::int32_t>(i * i) - 500;

  const aot::Status unset = exec.infer(x).status();
  REQUIRE(unset.code() == aot::Errc::kUnbound);
  REQUIRE(text(unset) ==
          "extpool: pool 'my_pool' (index 0): no memory given (set_pool before run)");

  alignas(16) static std::uint8_t pool[TVMGEN_EXTPOOL_MY_POOL_WORKSPACE_POOL_SIZE];
  REQUIRE(exec.set_pool<extpool::my_pool>(pool).ok());
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  for (std::size_t i = 0; i < 64; ++i) {
    const auto s = [&](std::size_t k) { return x[k] + static_cast<std::int32_t>(k); };
    REQUIRE(r.get<0>()[i] == 2 * s(i) + s(63 - i));
  }

  SECTION("a pool over a bound input is refused") {
    alignas(16) static std::uint8_t region[TVMGEN_EXTPOOL_MY_POOL_WORKSPACE_POOL_SIZE];
    REQUIRE(exec.bind_input<extpool::x>(reinterpret_cast<std::int32_t*>(region), 64).ok());
    const aot::Status s = exec.set_pool<0>(region, sizeof region);
    REQUIRE(s.code() == aot::Errc::kOverlap);
    REQUIRE(text(s) == "extpool: pool 'my_pool' (index 0): memory overlaps an input's memory");
    exec.unbind_input<0>();
  }
  SECTION("and an input bound over the pool") {
    const aot::Status s = exec.bind_input<0>(reinterpret_cast<std::int32_t*>(pool), 64);
    REQUIRE(s.code() == aot::Errc::kOverlap);
    REQUIRE(text(s) == "extpool: input 'x' (index 0): memory overlaps a pool's memory");
  }
  SECTION("a pool smaller than the model's") {
    REQUIRE(exec.set_pool<0>(pool, sizeof pool - 1).code() == aot::Errc::kWorkspaceOverflow);
  }
}

TEST_CASE("bindings may not overlap each other or the executor's own buffers") {
  aot::AotExecutor<seed, 64, aot::BindableBuffers> exec;
  // Input a bound over input b's own buffer: the model would read one buffer as two inputs.
  const aot::Status s = exec.bind_input<seed::a>(exec.input_buffer<seed::b>());
  REQUIRE(s.code() == aot::Errc::kOverlap);
  REQUIRE(text(s) == "default: input 'a' (index 0): memory overlaps an input's memory");
  alignas(16) std::uint8_t shared[2] = {};
  REQUIRE(exec.bind_input<seed::a>(shared).ok());
  REQUIRE(exec.bind_output<0>(shared).code() == aot::Errc::kOverlap);
  // Rebinding a tensor to its own current buffer is no overlap.
  REQUIRE(exec.bind_input<seed::a>(shared).ok());
}

namespace {
struct blur64 : blur {
  static constexpr std::size_t workspace_alignment = 64;
};
}  // namespace

TEST_CASE("blocks are aligned as the model was built") {
  // blur's one block of 1208 bytes rounds to 1216 for 16 and for 64 alike (19 x 64).
  aot::AotExecutor<blur64> exec;
  std::array<float, 300> x{};
  for (std::size_t i = 0; i < 300; ++i) x[i] = static_cast<float>(i) * 0.5f;
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  REQUIRE(blur_matches(x, r.get<0>().data()));
  REQUIRE(exec.workspace_peak() == 1216);
  // A caller's arena must then be 64-byte aligned.
  static aot::AotExecutor<blur64, 64, aot::OwnBuffers, aot::CallerMemory> placed_exec;
  alignas(64) static std::uint8_t bytes[1216 + 64];
  REQUIRE(placed_exec.set_workspace(bytes + 16, 1216).code() == aot::Errc::kMisalignedData);
  REQUIRE(placed_exec.set_workspace(bytes, 1216).ok());
}
