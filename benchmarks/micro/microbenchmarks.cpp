// SPDX-License-Identifier: Apache-2.0
// Google Benchmark: the typed copy against memcpy (64 B to 4 MiB), run() against the direct
// call, the run-time checked DLTensor path against the typed one, and the zero-copy fill.
#include <aot/dlpack.hpp>
#include <aot/executor.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "seed_model.hpp"

namespace {

std::int32_t first_byte(void* in, void* out) {
  *static_cast<std::uint8_t*>(out) = *static_cast<const std::uint8_t*>(in);
  return 0;
}

/// An N-byte input, a one-byte output: the entry does nothing the benchmarks would measure.
template <std::int64_t N>
struct copy_model {
  static constexpr std::string_view name = "copy";
  struct x : aot::TensorSpec<std::uint8_t, N> {
    static constexpr std::string_view raw_name = "x";
  };
  struct y : aot::TensorSpec<std::uint8_t, 1> {
    static constexpr std::string_view raw_name = "y";
  };
  using inputs = aot::TensorList<x>;
  using outputs = aot::TensorList<y>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &first_byte;
};

template <std::int64_t N>
aot::AotExecutor<copy_model<N>> exec;
template <std::int64_t N>
std::array<std::uint8_t, N> source;
template <std::int64_t N>
alignas(64) std::uint8_t target[N];

template <std::int64_t N>
void BM_set_input_typed(benchmark::State& state) {
  for (auto _ : state) {
    exec<N>.template set_input<0>(source<N>);
    benchmark::DoNotOptimize(exec<N>.template input<0>().data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * N);
}

template <std::int64_t N>
void BM_memcpy(benchmark::State& state) {
  for (auto _ : state) {
    std::memcpy(target<N>, source<N>.data(), N);
    benchmark::DoNotOptimize(target<N>);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * N);
}

template <std::int64_t N>
void BM_set_input_dltensor(benchmark::State& state) {
  std::int64_t shape[1] = {N};
  DLTensor t{
      source<N>.data(), DLDevice{kDLCPU, 0}, 1, DLDataType{kDLUInt, 8, 1}, shape, nullptr, 0};
  for (auto _ : state) {
    const aot::Status s = exec<N>.set_input("x", t);
    benchmark::DoNotOptimize(s);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * N);
}

/// Filling the input in place (e.g. a sensor driver writing into it) instead of a copy.
template <std::int64_t N>
void BM_fill_in_place(benchmark::State& state) {
  std::uint8_t v = 0;
  for (auto _ : state) {
    auto in = exec<N>.template input<0>();
    std::memset(in.data(), ++v, in.bytes());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * N);
}

template <std::int64_t N>
void BM_fill_then_copy(benchmark::State& state) {
  std::uint8_t v = 0;
  for (auto _ : state) {
    std::memset(source<N>.data(), ++v, N);
    exec<N>.template set_input<0>(source<N>);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * N);
}

aot::AotExecutor<seed> seed_exec;
alignas(64) std::uint8_t seed_a[2], seed_b[2], seed_out[2];

void BM_run(benchmark::State& state) {
  for (auto _ : state) {
    const aot::Status s = seed_exec.run();
    benchmark::DoNotOptimize(s);
  }
}

void BM_direct_call(benchmark::State& state) {
  for (auto _ : state) {
    tvmgen_default_inputs in{seed_a, seed_b};
    tvmgen_default_outputs out{seed_out};
    benchmark::DoNotOptimize(tvmgen_default_run(&in, &out));
  }
}

}  // namespace

#define AOT_SIZES(bm)             \
  BENCHMARK_TEMPLATE(bm, 64);     \
  BENCHMARK_TEMPLATE(bm, 4096);   \
  BENCHMARK_TEMPLATE(bm, 262144); \
  BENCHMARK_TEMPLATE(bm, 4194304)

AOT_SIZES(BM_set_input_typed);
AOT_SIZES(BM_memcpy);
AOT_SIZES(BM_set_input_dltensor);
AOT_SIZES(BM_fill_in_place);
AOT_SIZES(BM_fill_then_copy);
BENCHMARK(BM_run);
BENCHMARK(BM_direct_call);

BENCHMARK_MAIN();
