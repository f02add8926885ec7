// SPDX-License-Identifier: Apache-2.0
// SysTick (25 MHz on mps2-an386: 40 ns a tick) extended by its wraps into a 64-bit clock that
// never goes back, for aot::RunTimer, aot::OperatorTimer or by hand. Under `-icount shift=0`
// QEMU's clock advances 1 ns per instruction, so it counts instructions, the same in every run;
// without it, time, as a board's does. The firmware's SysTick_Handler calls on_wrap().
#ifndef AOT_EXAMPLE_SYSTICK_CLOCK_H_
#define AOT_EXAMPLE_SYSTICK_CLOCK_H_

#include <cstdint>
#include <string_view>

#include "board.h"

// SysTick counts down from the reload value to 0, then loads the reload value again: a period
// is `period` ticks, the last of them spent at 0. Reaching 0 pends the interrupt, whose handler
// counts the wrap, but later: while interrupts are masked, or until QEMU delivers it (without
// -icount, some instructions on; and QEMU shows 0 until its timer has fired). Reading the count
// and the counter naively, they disagree around a wrap, and the clock goes back a whole period.
// So the tick at 0, which belongs to no period consistently, is waited out; a pending interrupt
// (ICSR.PENDSTSET) is a wrap the handler has not counted yet, after which the counter is read
// again, certainly in the new period; and a handler that ran meanwhile changed the count: all
// is read again.
struct SysTickClock {
  static constexpr std::string_view unit = "ns";

  /// Starts SysTick from 0 with a period of `ticks` (at most 2^24).
  static void start(std::uint32_t ticks) noexcept {
    period = ticks;
    wraps = 0;
    board_systick_start(ticks);
  }
  static void stop() noexcept { board_systick_stop(); }
  /// What SysTick_Handler does.
  static void on_wrap() noexcept { wraps = wraps + 1u; }

  /// Nanoseconds since start().
  static std::uint64_t now() noexcept {
    std::uint32_t before = 0, counted = 0, c = 0;
    do {
      before = wraps;
      counted = before;
      c = counter();
      if ((read(kIcsr) & kPendStSet) != 0u) {
        ++counted;
        c = counter();
      }
    } while (before != wraps);
    // Whole periods, and this one's ticks (period - c, from 1 to period - 1).
    return (std::uint64_t{counted} * period + (period - c)) * 40u;
  }

 private:
  static constexpr std::uintptr_t kSystCvr = 0xE000E018u;  // the counter, counting down
  static constexpr std::uintptr_t kIcsr = 0xE000ED04u;     // the SCB's interrupt control
  static constexpr std::uint32_t kPendStSet = 1u << 26;    // ICSR: SysTick pending

  static std::uint32_t read(std::uintptr_t address) noexcept {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
  }
  static std::uint32_t counter() noexcept {
    std::uint32_t c = 0;
    do {
      c = read(kSystCvr);
    } while (c == 0u);
    return c;
  }

  static inline volatile std::uint32_t wraps = 0;
  static inline std::uint32_t period = 1u << 24;
};

#endif
