// SPDX-License-Identifier: Apache-2.0
// Firmware for QEMU's mps2-an386: arm_conv built with aot_add_model(... PROFILE), timed per
// operator by aot::OperatorTimer and its table written through semihosting. Under
// `-icount shift=0` QEMU's clock advances 1 ns per instruction, so SysTick's 25 MHz ticks count
// instructions 40 at a time: the clock below counts instructions, the same in every run. Each
// output is checked against the host reference's, so the instrumented model still computes
// what the plain one does.
#include <aot/executor.hpp>
#include <aot/operator_timer.hpp>

#include <cstdint>

#include "arm_conv_profiled.hpp"
#include "arm_models.h"
#include "board.h"
#include "expected.h"

namespace {

volatile std::uint32_t systick_wraps = 0;
constexpr std::uint32_t kReload = 1u << 24;  // SysTick's largest period

struct InstructionClock {
  static constexpr std::string_view unit = "instructions";
  static std::uint64_t now() noexcept {
    std::uint32_t wraps = 0, cvr = 0;
    do {  // a wrap between the two reads would be miscounted: read again
      wraps = systick_wraps;
      cvr = *reinterpret_cast<volatile std::uint32_t*>(0xE000E018u);
    } while (wraps != systick_wraps);
    return (std::uint64_t{wraps} * kReload + (kReload - 1u - cvr)) * 40u;
  }
};

using Timer = aot::OperatorTimer<arm_conv_profiled, InstructionClock>;

}  // namespace

aot::AotExecutor<arm_conv_profiled, 64, aot::OwnBuffers, aot::OwnMemory, Timer> fw_profile_exec;

extern "C" void SysTick_Handler() { systick_wraps = systick_wraps + 1u; }

int main() {
  board_systick_start(kReload);
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
  board_systick_stop();

  const Timer& t = fw_profile_exec.profiler();
  t.write_table([](const char* line) { board_print(line); });
  const std::uint64_t ops = t.ticks(t.operators_total()), run = t.ticks(t.run_total());
  bool ok = differ == 0 && t.runs() == ARM_CONV_SETS;
  for (std::size_t i = 0; i < Timer::kOperators; ++i) {
    ok = ok && t.calls(i) == ARM_CONV_SETS * arm_conv_profiled::operators[i].call_sites;
  }
  // The operators do the work: all but __tvm_main__'s calls and the clock's readings.
  ok = ok && ops <= run && ops * 10u >= run * 9u;
  board_print("outputs differing from the host reference ");
  board_print_int(static_cast<std::int32_t>(differ));
  board_print(ok ? "\nprofile: pass\n" : "\nprofile: FAIL\n");
  return ok ? 0 : 1;
}
