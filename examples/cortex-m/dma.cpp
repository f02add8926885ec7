// SPDX-License-Identifier: Apache-2.0
// Firmware for QEMU's mps2-an386: a timer interrupt plays a DMA engine, writing a sample
// stream into an aot::DoubleBuffer one sample per tick, while the main loop runs the arena
// model on each completed frame. Proves on the core the double buffer targets that every
// frame is processed exactly once, in order, whole, with the outputs the host computed; and
// that an overrun is seen, by a drill that makes one on purpose. Exits 0 only if all holds.
#include <aot/double_buffer.hpp>
#include <aot/executor.hpp>

#include <atomic>
#include <cstdint>

#include "arena_model.hpp"
#include "board.h"
#include "dma_stream.h"
#include "expected.h"

static_assert(sizeof(kDmaFnv) / sizeof(kDmaFnv[0]) == DMA_FRAMES,
              "expected.h was generated for another stream");

// One sample every kTickCycles processor clocks (25 MHz): 16 kHz, a 16 ms frame. The test
// runs QEMU with -icount, so time is counted in instructions and every run is the same.
constexpr std::uint32_t kTickCycles = 25000000 / 16000;
constexpr std::uint32_t kSamples = DMA_FRAMES * DMA_FRAME_SAMPLES;

aot::AotExecutor<arena, 64, aot::BindableBuffers> fw_dma_exec;
aot::DoubleBuffer<arena::x> fw_dma_frames;

namespace {

// Written only by the interrupt; the main loop reads them.
std::atomic<std::uint32_t> samples_sent{0};
std::atomic<std::uint32_t> overruns{0};
std::atomic<std::uint32_t> first_dropped{UINT32_MAX};

// The interrupt's own state: the buffer of the frame in flight, nullptr while dropping one.
std::int32_t* filling = nullptr;

}  // namespace

extern "C" void SysTick_Handler() {
  const std::uint32_t n = samples_sent.load(std::memory_order_relaxed);
  const std::uint32_t i = n % DMA_FRAME_SAMPLES;
  if (i == 0) {
    // A DMA engine cannot wait: with no free buffer the frame's samples are lost, and said so.
    filling = fw_dma_frames.producer_buffer();
    if (filling == nullptr) {
      if (overruns.load(std::memory_order_relaxed) == 0) {
        first_dropped.store(n / DMA_FRAME_SAMPLES, std::memory_order_relaxed);
      }
      overruns.store(overruns.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
  }
  if (filling != nullptr) {
    filling[i] = dma_sample(n);
    if (i == DMA_FRAME_SAMPLES - 1) {
      fw_dma_frames.publish();
      filling = nullptr;
    }
  }
  if (n + 1 == kSamples) board_systick_stop();
  samples_sent.store(n + 1, std::memory_order_release);
}

namespace {

bool stream_done() { return samples_sent.load(std::memory_order_acquire) == kSamples; }

// Sleeps until an interrupt unless there is work. Interrupts are masked around the test so a
// tick between the test and WFI cannot be missed (WFI still wakes on a pending interrupt).
void wait_for_frame() {
  __asm__ volatile("cpsid i" ::: "memory");
  if (!fw_dma_frames.ready() && !stream_done()) __asm__ volatile("wfi" ::: "memory");
  __asm__ volatile("cpsie i" ::: "memory");
}

// Text, then a number in decimal.
void print(const char* text, std::uint32_t value) {
  board_print(text);
  board_print_int(static_cast<std::int32_t>(value));
}

}  // namespace

int main() {
  std::uint32_t processed = 0, next = 0, lost = 0, repeated = 0, torn = 0, wrong = 0, errors = 0,
                missing = UINT32_MAX, busiest = 0;
  std::uint32_t first_fnv = 0, last_fnv = 0;
  bool held = false;

  board_systick_start(kTickCycles);
  for (;;) {
    // The drill: hold the last frame taken until the producer drops one.
    if (next == DMA_HOLD_AFTER_FRAME + 1 && !held) {
      if (overruns.load(std::memory_order_relaxed) == 0) {
        // Ticks keep coming, so a wake-up missed here costs one tick, not a hang.
        __asm__ volatile("wfi" ::: "memory");
        continue;
      }
      held = true;
    }
    if (!fw_dma_frames.swap_into(fw_dma_exec)) {
      if (stream_done() && !fw_dma_frames.ready()) break;
      wait_for_frame();
      continue;
    }
    const std::uint32_t start = samples_sent.load(std::memory_order_relaxed);
    const auto x = fw_dma_frames.front();
    const std::uint32_t seq = dma_frame_of(x[0]);
    if (seq < next) {
      ++repeated;
    } else if (seq > next) {
      if (missing == UINT32_MAX) missing = next;
      lost += seq - next;
    }
    next = seq + 1;
    if (!fw_dma_exec.run()) ++errors;
    // Checked after the run: a producer writing into the front during it shows up here.
    for (std::uint32_t i = 0; i < DMA_FRAME_SAMPLES; ++i) {
      if (x[i] != dma_sample(seq * DMA_FRAME_SAMPLES + i)) {
        ++torn;
        break;
      }
    }
    const std::uint32_t fnv =
        dma_fnv1a(fw_dma_exec.get_output<arena::output>().data(), DMA_FRAME_SAMPLES);
    if (seq >= DMA_FRAMES || fnv != kDmaFnv[seq]) ++wrong;
    if (processed == 0) first_fnv = fnv;
    last_fnv = fnv;
    ++processed;
    const std::uint32_t ticks = samples_sent.load(std::memory_order_relaxed) - start;
    if (ticks > busiest) busiest = ticks;
  }

  // Frames dropped at the end of the stream leave no gap behind them: count them too, so
  // that lost frames and overruns agree whatever the timing.
  if (next < DMA_FRAMES) lost += DMA_FRAMES - next;

  // The drill must cost exactly one frame, the one after the held frame's successor, seen by
  // the producer as one overrun and by the consumer as one gap; nothing else may go missing.
  const std::uint32_t dropped = DMA_HOLD_AFTER_FRAME + 2;
  const bool drill_ok =
      overruns.load() == 1 && first_dropped.load() == dropped && lost == 1 && missing == dropped;
  const bool ok = drill_ok && processed == DMA_FRAMES - 1 && next == DMA_FRAMES && repeated == 0 &&
                  torn == 0 && wrong == 0 && errors == 0;

  print("dma: frames of 256 samples, one sample per SysTick interrupt: ", DMA_FRAMES);
  print("\nprocessed ", processed);
  print(", lost ", lost);
  print(", repeated ", repeated);
  print(", torn ", torn);
  print(", outputs differing from the host ", wrong);
  print(", run errors ", errors);
  print("\noverruns ", overruns.load());
  print(" (the drill: frame ", dropped);
  board_print(drill_ok ? " dropped by the producer, missed by the consumer, as planned)\n"
                       : " the only one lost: IT WAS NOT)\n");
  board_print("output fnv1a: first frame ");
  board_print_hex(first_fnv);
  board_print(", last ");
  board_print_hex(last_fnv);
  print("\nlongest run ", busiest);
  board_print(" sample ticks of a 256-tick frame\n");
  board_print(
      ok ? "dma: pass: all frames but the drill's processed once, in order, whole; outputs match\n"
         : "dma: FAILED\n");
  return ok ? 0 : 1;
}
