// SPDX-License-Identifier: Apache-2.0
#include <aot/dlpack.hpp>
#include <aot/executor.hpp>
#include <aot/pools.hpp>

#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <thread>
#include <vector>

#include "arena_model.hpp"
#include "extpool_model.hpp"
#include "intpool_model.hpp"
#include "npu_model.hpp"
#include "seed_model.hpp"
#include "wsio_model.hpp"

namespace {

std::array<std::int32_t, 64> extpool_reference(const std::array<std::int32_t, 64>& x) {
  std::array<std::int32_t, 64> s{};
  std::array<std::int32_t, 64> out{};
  for (std::size_t i = 0; i < 64; ++i) s[i] = x[i] + static_cast<std::int32_t>(i);
  for (std::size_t i = 0; i < 64; ++i) out[i] = 2 * s[i] + s[63 - i];
  return out;
}

std::array<std::int32_t, 64> extpool_input(int seed) {
  std::array<std::int32_t, 64> x{};
  for (std::size_t i = 0; i < 64; ++i) x[i] = seed * 1000 + static_cast<std::int32_t>(i * i % 97);
  return x;
}

}  // namespace

TEST_CASE("external pool: inside the executor, aligned, passed on every run") {
  aot::AotExecutor<extpool> exec;
  for (int round = 0; round < 3; ++round) {
    const auto x = extpool_input(round);
    auto r = exec.infer(x);
    REQUIRE(r.ok());
    const auto want = extpool_reference(x);
    for (std::size_t i = 0; i < 64; ++i) REQUIRE(r.get<0>()[i] == want[i]);
  }
  STATIC_REQUIRE(aot::AotExecutor<extpool>::memory().pools == 512);
}

TEST_CASE("many executors of an external-pool model run at once on several threads") {
  constexpr int kThreads = 4;
  constexpr int kRuns = 300;
  std::vector<aot::AotExecutor<extpool>> execs(kThreads);
  std::atomic<int> wrong{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto& exec = execs[static_cast<std::size_t>(t)];
      for (int run = 0; run < kRuns; ++run) {
        const auto x = extpool_input(t * kRuns + run);
        auto r = exec.infer(x);
        if (!r.ok()) ++failed;
        const auto want = extpool_reference(x);
        for (std::size_t i = 0; i < 64; ++i) {
          if (r.get<0>()[i] != want[i]) ++wrong;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  REQUIRE(failed == 0);
  REQUIRE(wrong == 0);
}

#if AOT_ENABLE_ASSERTS
namespace {
aot::AotExecutor<intpool>* second = nullptr;
aot::Status second_status;
void run_second() {
  second_status = second->infer(std::array<float, 4>{1.f, 1.f, 1.f, 1.f}).status();
}
}  // namespace
#endif

TEST_CASE("internal pools: the generated code's static workspace, one run at a time") {
  aot::AotExecutor<intpool> first;
  auto r = first.infer(std::array<float, 4>{1.f, 2.f, 3.f, 4.f});
  REQUIRE(r.ok());
  const float weights[4] = {2.f, -1.f, 0.5f, 3.f};
  for (std::size_t i = 0; i < 4; ++i) {
    REQUIRE(r.get<0>()[i] == static_cast<float>(i + 1) * weights[i] + 1.f);
  }
  // 16 bytes of static workspace (RAM) and 16 of constants (read-only), both in lib0.
  STATIC_REQUIRE(aot::AotExecutor<intpool>::memory().internal_pools == 32);
  STATIC_REQUIRE(aot::AotExecutor<intpool>::memory().internal_constants == 16);

#if AOT_ENABLE_ASSERTS
  aot::AotExecutor<intpool> other;
  // A second executor started while the first is inside the model is refused, not run over
  // the shared static pool.
  second = &other;
  aot_fixture_vendor_callback = run_second;
  auto overlapped = first.infer(std::array<float, 4>{1.f, 2.f, 3.f, 4.f});
  aot_fixture_vendor_callback = nullptr;
  REQUIRE(overlapped.ok());
  REQUIRE(overlapped.get<0>()[3] == 4.f * 3.f + 1.f);
  REQUIRE(second_status.code() == aot::Errc::kConcurrentRun);
  REQUIRE(std::string(second_status.to_string().c_str()) ==
          "intpool: another executor of this model is running; its memory pools are "
          "process-wide");
  // Once the first is done, the second runs.
  REQUIRE(other.infer(std::array<float, 4>{1.f, 1.f, 1.f, 1.f}).ok());
#endif
}

TEST_CASE("devices: the user's handle reaches the generated code") {
  aot::AotExecutor<npu> exec;
  const std::array<std::int8_t, 8> x{-8, -4, -2, 0, 1, 3, 5, 100};
  // No handle yet: the driver refuses, the run reports it.
  REQUIRE(exec.infer(x).status().code() == aot::Errc::kEntryFailed);
  std::int8_t bias = 7;
  exec.set_device<npu::ethos_u>(&bias);
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  for (std::size_t i = 0; i < 8; ++i) REQUIRE(r.get<0>()[i] == static_cast<std::int8_t>(x[i] + 7));
  std::int8_t other = -1;
  exec.set_device<0>(&other);
  REQUIRE(exec.infer(x).get<0>()[3] == -1);
}

TEST_CASE("memory reports, by hand") {
  constexpr aot::MemoryReport seed_mem = aot::AotExecutor<seed>::memory();
  STATIC_REQUIRE(seed_mem.inputs == 4);
  STATIC_REQUIRE(seed_mem.outputs == 2);
  STATIC_REQUIRE(seed_mem.workspace == 0);
  STATIC_REQUIRE(seed_mem.pools == 0);
  STATIC_REQUIRE(seed_mem.total == 6);
  STATIC_REQUIRE(seed_mem.executor == std::size_t{3} * 64);

  constexpr aot::MemoryReport arena_mem = aot::AotExecutor<arena>::memory();
  STATIC_REQUIRE(arena_mem.inputs == 1024);
  STATIC_REQUIRE(arena_mem.outputs == 1024);
  STATIC_REQUIRE(arena_mem.workspace == 2048);  // TVMGEN_ARENA_WORKSPACE_SIZE, no slack
  STATIC_REQUIRE(arena_mem.total == 1024 + 1024 + 2048);
  // The buffers and one word (the peak), padded to the buffers' 64-byte alignment.
  STATIC_REQUIRE(arena_mem.executor == 4096 + 64);

  constexpr aot::MemoryReport ext = aot::AotExecutor<extpool>::memory();
  STATIC_REQUIRE(ext.total == 256 + 256 + 512);
  constexpr aot::MemoryReport in = aot::AotExecutor<intpool>::memory();
  STATIC_REQUIRE(in.inputs == 16);
  STATIC_REQUIRE(in.outputs == 16);
  STATIC_REQUIRE(in.internal_constants == 16);
  STATIC_REQUIRE(in.internal_pools == 16 + 16);  // workspace + constants
  STATIC_REQUIRE(in.total == 16 + 16 + 16 + 16);
  STATIC_REQUIRE(in.total - in.internal_constants == 48);  // RAM
  STATIC_REQUIRE(in.executor == std::size_t{2} * 64);      // the pools are not inside the executor
  STATIC_REQUIRE(seed_mem.internal_constants == 0);
  STATIC_REQUIRE(ext.internal_constants == 0);
}

namespace {
/// seed with constants its code keeps itself but no internal workspace: they still count.
struct seed_with_constants : seed {
  static constexpr std::size_t constants_size = 100;
};
}  // namespace

TEST_CASE("constants are reported without an internal workspace too") {
  constexpr aot::MemoryReport m = aot::AotExecutor<seed_with_constants>::memory();
  STATIC_REQUIRE(m.internal_constants == 100);
  STATIC_REQUIRE(m.internal_pools == 100);
  STATIC_REQUIRE(m.total == 4 + 2 + 100);
  STATIC_REQUIRE(aot::detail::ModelTraits<seed_with_constants>::constants_size == 100);
  STATIC_REQUIRE(aot::detail::ModelTraits<seed>::constants_size == 0);
}

TEST_CASE("pool and device lists in the description") {
  using Traits = aot::detail::ModelTraits<extpool>;
  STATIC_REQUIRE(Traits::num_pools == 1);
  STATIC_REQUIRE(Traits::num_devices == 0);
  STATIC_REQUIRE(aot::detail::ModelTraits<npu>::num_devices == 1);
  STATIC_REQUIRE(extpool::my_pool::alignment == 16);
  STATIC_REQUIRE(aot::detail::TensorTraits<extpool::my_pool>::bytes == 512);
}

TEST_CASE("workspace I/O: views point into the pool, mapped by the generated code") {
  aot::AotExecutor<wsio> exec;
  auto x = exec.input<wsio::x>();
  const auto out = exec.get_output<wsio::output>();
  // tvmgen_wsio_map_inputs/outputs place x at byte 0 and output at byte 16 of the pool.
  const auto* x_bytes = reinterpret_cast<const unsigned char*>(x.data());
  const auto* out_bytes = reinterpret_cast<const unsigned char*>(out.data());
  REQUIRE(out_bytes - x_bytes == 16);
  REQUIRE(exec.get_input(0)->data == x.data());
  REQUIRE(exec.get_output(0)->data == out.data());
  const std::int16_t in[4] = {-3, 0, 5, 100};
  auto r = exec.infer(in);
  REQUIRE(r.ok());
  for (std::size_t i = 0; i < 4; ++i) REQUIRE(r.get<0>()[i] == in[i] * in[i] - in[i]);
  // No I/O buffers of its own: the executor is the 48-byte pool (on a 64-byte line).
  STATIC_REQUIRE(sizeof(aot::AotExecutor<wsio>) == 64);
  STATIC_REQUIRE(aot::AotExecutor<wsio>::memory().inputs == 0);
  STATIC_REQUIRE(aot::AotExecutor<wsio>::memory().pools == 48);
}

TEST_CASE("input_buffer and output_buffer are the executor's own arrays") {
  aot::AotExecutor<seed> exec;
  std::uint8_t(&a)[2] = exec.input_buffer<seed::a>();
  STATIC_REQUIRE(sizeof(exec.input_buffer<seed::b>()) == 2);
  REQUIRE(a == exec.input<seed::a>().data());
  a[0] = 40;
  a[1] = 50;
  exec.input_buffer<seed::b>()[0] = 2;
  exec.input_buffer<seed::b>()[1] = 3;
  REQUIRE(exec.run().ok());
  REQUIRE(exec.output_buffer<seed::output>()[0] == 42);
  REQUIRE(exec.output_buffer<seed::output>()[1] == 53);
}

namespace {

// An unpacked entry with an external constant pool, as TVM's C would use it: it reads the
// weights from the pool it is given, and records which memory that was.
const std::uint8_t* seen_constant_pool = nullptr;

extern "C" std::int32_t test_constpool_main(std::int8_t* x, std::int32_t* y,
                                            std::uint8_t* weights) {
  seen_constant_pool = weights;
  for (std::size_t i = 0; i < 4; ++i) y[i] = x[i] * static_cast<std::int8_t>(weights[i]);
  return 0;
}

struct constpool {
  static constexpr std::string_view name = "constpool";
  struct x : aot::TensorSpec<std::int8_t, 4> {
    static constexpr std::string_view raw_name = "x";
  };
  struct y : aot::TensorSpec<std::int32_t, 4> {
    static constexpr std::string_view raw_name = "y";
  };
  struct weights : aot::ConstantPoolSpec<4> {
    static constexpr std::string_view raw_name = "weights";
    alignas(alignment) static constexpr std::uint8_t data[] = {2, 0xff, 0, 5};  // 2, -1, 0, 5
  };
  using inputs = aot::TensorList<x>;
  using outputs = aot::TensorList<y>;
  using pools = aot::PoolList<weights>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &test_constpool_main;
};

}  // namespace

TEST_CASE("external constant pool: the description's data, one copy for every executor") {
  STATIC_REQUIRE(aot::AotExecutor<constpool>::memory().pools == 0);
  STATIC_REQUIRE(aot::AotExecutor<constpool>::memory().constant_pools == 4);
  aot::AotExecutor<constpool> a;
  aot::AotExecutor<constpool> b;
  auto ra = a.infer(std::array<std::int8_t, 4>{10, 20, 30, 40});
  REQUIRE(ra.ok());
  REQUIRE(seen_constant_pool == constpool::weights::data);
  REQUIRE(ra.get<0>()[0] == 20);
  REQUIRE(ra.get<0>()[1] == -20);
  REQUIRE(ra.get<0>()[2] == 0);
  REQUIRE(ra.get<0>()[3] == 200);
  seen_constant_pool = nullptr;
  REQUIRE(b.infer(std::array<std::int8_t, 4>{1, 1, 1, 1}).ok());
  REQUIRE(seen_constant_pool == constpool::weights::data);
}
