// SPDX-License-Identifier: Apache-2.0
// Firmware for QEMU's mps2-an386: three models through aot::AotExecutor, every output
// checked against values computed on the host; exits 0 only if all match.
#include <aot/executor.hpp>

#include <cstdint>

#include "arena_model.hpp"
#include "board.h"
#include "expected.h"
#include "mlf_v011.hpp"
#include "seed_model.hpp"

// Global, constant-initialised, in .bss: the freestanding test reads their sizes with nm.
aot::AotExecutor<seed> fw_seed_exec;
aot::AotExecutor<arena> fw_arena_exec;
aot::AotExecutor<mlf_v011> fw_mlf_exec;

namespace {

int failures = 0;

template <class View, class T, std::size_t N>
void check(const char* what, const View& got, const T (&want)[N]) {
  static_assert(View::size() == N, "reference and model disagree on the element count");
  int wrong = 0;
  for (std::size_t i = 0; i < N; ++i) wrong += got[i] != want[i] ? 1 : 0;
  board_print(what);
  board_print(wrong == 0 ? ": ok\n" : ": MISMATCH\n");
  failures += wrong;
}

void report(const char* what, const aot::MemoryReport& m) {
  board_print(what);
  board_print(" executor bytes ");
  board_print_int(static_cast<std::int32_t>(m.executor));
  board_print(" (inputs ");
  board_print_int(static_cast<std::int32_t>(m.inputs));
  board_print(", outputs ");
  board_print_int(static_cast<std::int32_t>(m.outputs));
  board_print(", workspace ");
  board_print_int(static_cast<std::int32_t>(m.workspace));
  board_print(")\n");
}

void expect_ok(const char* what, const aot::Status& s) {
  if (!s) {
    board_print(what);
    board_print(": ");
    board_print(s.to_string().c_str());
    board_print("\n");
    ++failures;
  }
}

}  // namespace

int main() {
  auto seed_result = fw_seed_exec.infer(kSeedA, kSeedB);
  expect_ok("seed", seed_result.status());
  const auto seed_out = fw_seed_exec.get_output<seed::output>();
  board_print("seed output = [");
  board_print_int(seed_out[0]);
  board_print(", ");
  board_print_int(seed_out[1]);
  board_print("]\n");
  check("seed a + b", seed_out, kSeedOut);

  expect_ok("arena", fw_arena_exec.infer(kArenaX).status());
  check("arena (workspace arena)", fw_arena_exec.get_output<arena::output>(), kArenaOut);
  board_print("arena workspace peak ");
  board_print_int(static_cast<std::int32_t>(fw_arena_exec.workspace_peak()));
  board_print("\n");

  auto mlf = fw_mlf_exec.infer(kMlfIn);
  expect_ok("mlf_v011", mlf.status());
  auto [plus_one, sum] = mlf;
  check("mlf_v011 output0", plus_one, kMlfOut0);
  const std::int32_t want_sum[1] = {kMlfOut1};
  check("mlf_v011 output1", sum, want_sum);

  report("fw_seed_exec", decltype(fw_seed_exec)::memory());
  report("fw_arena_exec", decltype(fw_arena_exec)::memory());
  report("fw_mlf_exec", decltype(fw_mlf_exec)::memory());
  board_print(failures == 0 ? "all outputs match\n" : "SOME OUTPUTS DIFFER\n");
  return failures == 0 ? 0 : 1;
}
