// SPDX-License-Identifier: Apache-2.0
// Firmware for QEMU's mps2-an386: arm_conv built with aot_add_model(... PROFILE), timed per
// operator by aot::OperatorTimer and its table written through semihosting. The clock is
// SysTick extended by its wraps (systick_clock.h): under `-icount shift=0` the table counts
// instructions, the same in every run; without it (as a board runs: the timer fires whenever
// it likes) it counts time. Each output is checked against the host reference's, so the
// instrumented model still computes what the plain one does, and the clock is read a hundred
// thousand times across many wraps first: it must never go back.
#include <aot/executor.hpp>
#include <aot/operator_timer.hpp>

#include <cstdint>

#include "arm_conv_profiled.hpp"
#include "arm_models.h"
#include "board.h"
#include "expected.h"
#include "systick_clock.h"

namespace {

// Reads the clock `n` times with SysTick wrapping every `period` ticks; returns how often a
// reading was below the one before, and the wraps in `wraps`.
std::uint32_t clock_steps_back(std::uint32_t period, std::uint32_t n, std::uint32_t* wraps) {
  SysTickClock::start(period);
  std::uint32_t back = 0;
  std::uint64_t last = SysTickClock::now();
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint64_t t = SysTickClock::now();
    back += t < last ? 1u : 0u;
    last = t;
  }
  SysTickClock::stop();
  *wraps = static_cast<std::uint32_t>(last / 40u / period);
  return back;
}

using Timer = aot::OperatorTimer<arm_conv_profiled, SysTickClock>;

}  // namespace

aot::AotExecutor<arm_conv_profiled, 64, aot::OwnBuffers, aot::OwnMemory, Timer> fw_profile_exec;

extern "C" void SysTick_Handler() { SysTickClock::on_wrap(); }

int main() {
  // A period of 2000 ticks (80,000 instructions under -icount): a wrap every few hundred
  // readings.
  std::uint32_t wraps = 0;
  const std::uint32_t back = clock_steps_back(2000u, 100000u, &wraps);
  board_print("clock: 100000 readings over ");
  board_print_int(static_cast<std::int32_t>(wraps));
  board_print(" wraps, went back ");
  board_print_int(static_cast<std::int32_t>(back));
  board_print(" times\n");

  SysTickClock::start(1u << 24);
  std::uint32_t differ = 0;
  for (std::uint32_t set = 0; set < ARM_CONV_SETS; ++set) {
    auto in = fw_profile_exec.input<0>();
    arm_fill_input(set, in.data(), static_cast<std::uint32_t>(in.size()));
    if (!fw_profile_exec.run()) ++differ;
    const auto out = fw_profile_exec.get_output<0>();
    differ += arm_fnv1a(out.data(), static_cast<std::uint32_t>(out.size()), ARM_FNV_INIT) !=
                      kArmConvFnv[set]
                  ? 1u
                  : 0u;
  }
  SysTickClock::stop();

  const Timer& t = fw_profile_exec.profiler();
  t.write_table([](const char* line) { board_print(line); });
  const std::uint64_t ops = t.ticks(t.operators_total()), run = t.ticks(t.run_total());
  bool ok = differ == 0 && t.runs() == ARM_CONV_SETS && back == 0 && wraps > 10u &&
            t.clock_went_back() == 0;
  for (std::size_t i = 0; i < Timer::kOperators; ++i) {
    ok = ok && t.calls(i) == ARM_CONV_SETS * arm_conv_profiled::operators[i].call_sites;
  }
  // Within the runs, always; most of them (all but __tvm_main__'s calls and the clock's
  // readings) where time is instructions: the test checks that under -icount, since a busy
  // host stops QEMU anywhere.
  ok = ok && ops <= run;
  board_print("operators: ");
  board_print_int(run == 0 ? 0 : static_cast<std::int32_t>(ops * 1000u / run));
  board_print(" permille of the runs' time\n");
  board_print("outputs differing from the host reference ");
  board_print_int(static_cast<std::int32_t>(differ));
  board_print(ok ? "\nprofile: pass\n" : "\nprofile: FAIL\n");
  return ok ? 0 : 1;
}
