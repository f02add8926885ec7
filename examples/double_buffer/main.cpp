// SPDX-License-Identifier: Apache-2.0
// Double-buffered input: a producer thread (standing in for a camera, a microphone, a DMA
// engine) fills sequence-numbered frames into an aot::DoubleBuffer while the main thread runs
// the model on each, reading the producer's buffer in place. Exits non-zero if a frame is
// lost, repeated, torn or gives other outputs than a plain loop computing the same operation.
#include <aot/double_buffer.hpp>
#include <aot/executor.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <thread>

#include "arena_model.hpp"  // int32[256] -> int32[256]: s = 3x + 1, out[i] = prefix(s)[i] - s[255 - i]

namespace {

constexpr std::uint32_t kFrames = 1000;
constexpr std::size_t kSamples = 256;

// Sample i of frame k: the frame's number in every sample (a torn frame shows anywhere),
// the low byte varying with i so that a reordered frame gives other outputs. Below 2^18:
// the model's 3x + 1 summed over 256 samples stays within int32.
std::int32_t sample(std::uint32_t frame, std::size_t i) {
  const std::size_t low = (i * 37 + std::size_t{frame} * 11) & 0xFF;
  return static_cast<std::int32_t>((std::size_t{frame} << 8) | low);
}

// The model's operation, written out: what its outputs must be.
std::array<std::int32_t, kSamples> reference(std::uint32_t frame) {
  std::array<std::int32_t, kSamples> s{}, out{};
  for (std::size_t i = 0; i < kSamples; ++i) s[i] = 3 * sample(frame, i) + 1;
  std::int32_t prefix = 0;
  for (std::size_t i = 0; i < kSamples; ++i) {
    prefix += s[i];
    out[i] = prefix - s[kSamples - 1 - i];
  }
  return out;
}

// The executor's own buffer for x is never used: each run reads the front of `frames`.
aot::AotExecutor<arena, 64, aot::BindableBuffers> exec;
aot::DoubleBuffer<arena::x> frames;

}  // namespace

int main() {
  std::uint32_t producer_waits = 0;  // the producer's own: read after join()
  std::atomic<bool> stop{false};     // the main thread gives up (a failed run)
  std::thread producer([&producer_waits, &stop] {
    for (std::uint32_t k = 0; k < kFrames && !stop.load(std::memory_order_relaxed);) {
      std::int32_t* back = frames.producer_buffer();
      if (back == nullptr) {  // the last frame is not taken yet; a thread can wait for it
        ++producer_waits;
        std::this_thread::yield();
        continue;
      }
      for (std::size_t i = 0; i < kSamples; ++i) back[i] = sample(k, i);
      frames.publish();
      ++k;
    }
  });

  std::uint32_t processed = 0, next = 0, lost = 0, repeated = 0, torn = 0, wrong = 0;
  bool run_failed = false;
  while (next < kFrames && !run_failed) {
    if (!frames.swap_into(exec)) {
      std::this_thread::yield();
      continue;
    }
    const auto x = frames.front();
    const std::uint32_t k = static_cast<std::uint32_t>(x[0]) >> 8;
    if (k < next) ++repeated;
    if (k > next) lost += k - next;
    next = k + 1;
    if (const aot::Status s = exec.run(); !s) {
      std::fprintf(stderr, "run failed: %s\n", s.to_string().c_str());
      run_failed = true;
    }
    // After the run: a producer writing into the front meanwhile shows up here.
    for (std::size_t i = 0; i < kSamples; ++i) {
      if (x[i] != sample(k, i)) {
        ++torn;
        break;
      }
    }
    const auto y = exec.get_output<arena::output>();
    const auto want = reference(k);
    for (std::size_t i = 0; i < kSamples; ++i) {
      if (y[i] != want[i]) {
        ++wrong;
        break;
      }
    }
    ++processed;
  }
  stop.store(true, std::memory_order_relaxed);
  producer.join();

  std::printf("frames produced %u, processed %u: lost %u, repeated %u, torn %u, wrong %u\n",
              kFrames, processed, lost, repeated, torn, wrong);
  std::printf("the producer waited %u times for the main thread to take a frame\n", producer_waits);
  const bool ok =
      !run_failed && processed == kFrames && lost == 0 && repeated == 0 && torn == 0 && wrong == 0;
  std::printf(ok ? "every frame once, in order, outputs match the reference\n" : "FAILED\n");
  return ok ? 0 : 1;
}
