// SPDX-License-Identifier: Apache-2.0
// Firmware for QEMU's mps2-an386: models built for a Cortex-M4 (Arm DSP intrinsics and inline
// asm in their C) on the real instructions. The two fixtures run the input sets the host runs
// through its portable intrinsics, each output checked against the host reference's checksum;
// the per-model checksum lines are compared with the host program's by the test. armnet, the
// real-size model, is timed: under `-icount shift=0` QEMU's clock advances 1 ns per instruction,
// so SysTick's 25 MHz ticks count instructions 40 at a time, the same in every run
// (systick_clock.h).
#include <aot/executor.hpp>

#include <cstdint>

#include "arm_conv.hpp"
#include "arm_dense.hpp"
#include "arm_models.h"
#include "armnet.hpp"
#include "board.h"
#include "expected.h"
#include "systick_clock.h"

aot::AotExecutor<arm_dense> fw_arm_dense_exec;
aot::AotExecutor<arm_conv> fw_arm_conv_exec;
aot::AotExecutor<armnet> fw_armnet_exec;

namespace {

int failures = 0;

void print_line(const char* a, std::uint32_t n, const char* b) {
  board_print(a);
  board_print_int(static_cast<std::int32_t>(n));
  board_print(b);
}

template <class Exec>
void run_sets(const char* name, Exec& exec, std::uint32_t sets, const std::uint32_t* want) {
  std::uint32_t all = ARM_FNV_INIT, differ = 0;
  for (std::uint32_t set = 0; set < sets; ++set) {
    auto in = exec.template input<0>();
    arm_fill_input(set, in.data(), static_cast<std::uint32_t>(in.size()));
    if (!exec.run()) ++differ;
    const auto out = exec.template get_output<0>();
    const auto n = static_cast<std::uint32_t>(out.size());
    differ += arm_fnv1a(out.data(), n, ARM_FNV_INIT) != want[set] ? 1u : 0u;
    all = arm_fnv1a(out.data(), n, all);
  }
  board_print(name);
  print_line(": ", sets, " input sets, outputs fnv1a ");
  board_print_hex(all);
  board_print("\n");
  board_print(name);
  print_line(": ", differ, " sets differ from the host reference\n");
  failures += static_cast<int>(differ);
}

}  // namespace

extern "C" void SysTick_Handler() { SysTickClock::on_wrap(); }

int main() {
  run_sets("arm_dense", fw_arm_dense_exec, ARM_DENSE_SETS, kArmDenseFnv);
  run_sets("arm_conv", fw_arm_conv_exec, ARM_CONV_SETS, kArmConvFnv);

  SysTickClock::start(1u << 24);
  for (std::uint32_t set = 0; set < ARMNET_SETS; ++set) {
    arm_fill_input(ARMNET_INPUT_SET(set), fw_armnet_exec.input<0>().data(), ARMNET_IN);
    const std::uint64_t t0 = SysTickClock::now();
    const aot::Status s = fw_armnet_exec.run();
    const auto ns = static_cast<std::uint32_t>(SysTickClock::now() - t0);
    const auto out = fw_armnet_exec.get_output<0>();
    std::uint32_t differ = s ? 0u : 1u;
    for (std::uint32_t i = 0; i < ARMNET_OUT; ++i) differ += out[i] != kArmnetOut[set][i] ? 1u : 0u;
    print_line("armnet: inference ", set, ": ");
    print_line("", ns, " instructions (SysTick ");
    print_line("", ns / 40u, " ticks x 40), outputs differing from the host reference ");
    print_line("", differ, "\n");
    failures += static_cast<int>(differ);
  }
  SysTickClock::stop();

  constexpr aot::MemoryReport m = decltype(fw_armnet_exec)::memory();
  print_line("armnet memory: workspace (internal pool) ", m.internal_pools - m.internal_constants,
             " B, constants ");
  print_line("", m.internal_constants, " B, executor ");
  print_line("", m.executor, " B\n");
  board_print(failures == 0 ? "arm: all outputs match the host\n" : "arm: SOME OUTPUTS DIFFER\n");
  return failures == 0 ? 0 : 1;
}
