// SPDX-License-Identifier: Apache-2.0
// An executor's bytes, worked out by hand from the layout rule, for each policy and model
// feature: the parts an executor is composed of add nothing of their own.
//
// The rule: the executor's own buffers come first, inputs, then outputs, then pools, each at
// the next multiple of the executor's alignment (64 here unless given). The words follow in
// order (bound pointers, the count of memory still missing, the caller's pool addresses, the
// arena or its address, size, shared arena and peak, the last error's text, device handles,
// the packed convention's arguments, the profiler), each at the next multiple of its own
// alignment after the last byte used so far, so they fill the last buffer's padding first.
// The whole is rounded up to the largest alignment.
#include <aot/dlpack.hpp>
#include <aot/executor.hpp>

#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "arena_model.hpp"
#include "extpool_model.hpp"
#include "legacy_model.hpp"
#include "mixed_model.hpp"
#include "npu_model.hpp"
#include "seed_model.hpp"
#include "wsio_model.hpp"

namespace {

constexpr std::size_t up(std::size_t n, std::size_t align) {
  return (n + align - 1) / align * align;
}

constexpr std::size_t kWord = sizeof(void*);
constexpr std::size_t kLine = 64;  // the executors' alignment below
// TVM's packed arguments for N tensors: a DLTensor, a TVMValue (8 bytes) and an int32 type
// code each.
constexpr std::size_t packed_args(std::size_t n) { return up(n * (sizeof(DLTensor) + 8 + 4), 8); }

struct TickClock {
  static std::int64_t now() { return 0; }
};

template <class Model, class Buffers = aot::OwnBuffers, class Memory = aot::OwnMemory,
          class Profiler = aot::NoProfiler>
using Exec = aot::AotExecutor<Model, 64, Buffers, Memory, Profiler>;

}  // namespace

TEST_CASE("the figures below assume 8-byte words") {
  // On another host the rule holds, the numbers differ.
  STATIC_REQUIRE(kWord == 8);
  STATIC_REQUIRE(sizeof(std::size_t) == 8);
  STATIC_REQUIRE(sizeof(DLTensor) == 48);
}

TEST_CASE("own buffers take whole lines; words fill the last one's padding") {
  // seed: a, b and output, 2 bytes each.
  STATIC_REQUIRE(sizeof(Exec<seed>) == 3 * kLine);
  STATIC_REQUIRE(sizeof(aot::AotExecutor<seed, 256>) == std::size_t{3} * 256);
  // Three bound pointers after output's 2 bytes: 136 + 24 = 160, inside the third line.
  STATIC_REQUIRE(up(128 + 2, kWord) + 3 * kWord == 160);
  STATIC_REQUIRE(sizeof(Exec<seed, aot::BindableBuffers>) == 3 * kLine);
  // A RunTimer of int64 ticks (start, last, total, runs, clock_went_back): 136 + 40 = 176,
  // same line.
  STATIC_REQUIRE(sizeof(aot::RunTimer<TickClock>) == 5 * sizeof(std::int64_t));
  STATIC_REQUIRE(sizeof(Exec<seed, aot::OwnBuffers, aot::OwnMemory, aot::RunTimer<TickClock>>) ==
                 3 * kLine);
  // npu: x and output, 8 bytes each, then its device handle at 72.
  STATIC_REQUIRE(sizeof(Exec<npu>) == up(64 + 8 + kWord, 64));
}

TEST_CASE("caller's buffers: no lines, only the pointers and the missing count") {
  STATIC_REQUIRE(sizeof(Exec<seed, aot::CallerBuffers>) == 3 * kWord + kWord);
  // seed has neither arena nor pools: CallerMemory adds nothing.
  STATIC_REQUIRE(sizeof(Exec<seed, aot::CallerBuffers, aot::CallerMemory>) == 4 * kWord);
  STATIC_REQUIRE(sizeof(Exec<legacy, aot::CallerBuffers>) == 2 * kWord + kWord);
  STATIC_REQUIRE(alignof(Exec<legacy, aot::CallerBuffers>) == alignof(void*));
}

TEST_CASE("the packed convention and a message buffer come after the buffers") {
  // mixed: x (24 B), y (4 B), output0 (24 B), output1 (4 B), output2 (4 B at 256); the last
  // error's 128 bytes from 260, the packed arguments of 5 tensors from the next word.
  constexpr std::size_t args = packed_args(5);
  STATIC_REQUIRE(args == 304);
  STATIC_REQUIRE(sizeof(Exec<mixed>) == up(up(260 + AOT_LAST_ERROR_CAPACITY, 8) + args, 64));
  STATIC_REQUIRE(sizeof(Exec<mixed>) == 704);
  // Five bound pointers first: 264 + 40 = 304.
  STATIC_REQUIRE(sizeof(Exec<mixed, aot::BindableBuffers>) ==
                 up(304 + AOT_LAST_ERROR_CAPACITY + args, 64));
  STATIC_REQUIRE(sizeof(Exec<mixed, aot::BindableBuffers>) == 768);
  // No lines: pointers, the count, the message, the arguments.
  STATIC_REQUIRE(sizeof(Exec<mixed, aot::CallerBuffers>) ==
                 5 * kWord + kWord + AOT_LAST_ERROR_CAPACITY + args);
  STATIC_REQUIRE(sizeof(Exec<mixed, aot::CallerBuffers>) == 480);
}

TEST_CASE("the arena and the pools: the executor's own, or the caller's addresses") {
  // arena: x and output, 1024 B each; the arena, TVMGEN_ARENA_WORKSPACE_SIZE bytes, from 2048;
  // its peak after it.
  STATIC_REQUIRE(sizeof(Exec<arena>) == up(2048 + TVMGEN_ARENA_WORKSPACE_SIZE + kWord, 64));
  STATIC_REQUIRE(sizeof(Exec<arena, aot::BindableBuffers>) == sizeof(Exec<arena>));
  // CallerMemory: the count, then the arena's address, size, shared arena and peak.
  STATIC_REQUIRE(sizeof(Exec<arena, aot::OwnBuffers, aot::CallerMemory>) ==
                 up(2048 + kWord + 4 * kWord, 64));
  // extpool: x and output, 256 B each, the pool's 512 B.
  STATIC_REQUIRE(sizeof(Exec<extpool>) == 256 + 256 + TVMGEN_EXTPOOL_MY_POOL_WORKSPACE_POOL_SIZE);
  // Bound pointers, the count and the pool's address after the 512 bytes of I/O.
  STATIC_REQUIRE(sizeof(Exec<extpool, aot::BindableBuffers, aot::CallerMemory>) ==
                 up(512 + 2 * kWord + kWord + kWord, 64));
  // wsio: inputs and outputs live inside its one 48-byte pool.
  STATIC_REQUIRE(sizeof(Exec<wsio>) == up(TVMGEN_WSIO_GLOBAL_WORKSPACE_WORKSPACE_POOL_SIZE, 64));
}

TEST_CASE("the parts an executor derives from hold nothing") {
  using E = Exec<mixed, aot::BindableBuffers, aot::CallerMemory>;
  STATIC_REQUIRE(std::is_empty_v<aot::TypedIo<E>>);
  STATIC_REQUIRE(std::is_empty_v<aot::ExecutorBuffers<E>>);
  STATIC_REQUIRE(std::is_empty_v<aot::ExecutorMemory<E>>);
  STATIC_REQUIRE(std::is_empty_v<aot::ExecutorProfiler<aot::NoProfiler>>);
  STATIC_REQUIRE(sizeof(aot::ExecutorProfiler<aot::RunTimer<TickClock>>) ==
                 sizeof(aot::RunTimer<TickClock>));
}
