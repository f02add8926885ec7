// SPDX-License-Identifier: Apache-2.0
// The Arm-kernel fixture MLFs (tests/fixtures/mlf/arm_dense, arm_conv: SMLAD on packed
// halfwords, read_and_pad, SMLABB/SMLATT) built for this machine through
// aot_add_model(... HOST_INTRINSICS), run over many input sets and compared byte for byte with
// the reference loops of examples/cortex-m/arm_reference.h. Prints one checksum line per model
// over the input sets the firmware runs too (examples/cortex-m/arm.cpp):
// tests/embedded/run_cortex_m_arm.cmake requires the firmware's lines to be the same.
#include <aot/executor.hpp>

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "arm_conv.hpp"
#include "arm_dense.hpp"
#include "arm_models.h"
#include "arm_reference.h"

namespace {

aot::AotExecutor<arm_dense> dense_exec;
aot::AotExecutor<arm_conv> conv_exec;

struct Tally {
  std::uint32_t differ = 0, saturated_low = 0, saturated_high = 0, negative = 0, positive = 0;
};

// Runs `sets` input sets from `first` through the executor; returns the FNV-1a over the
// outputs of all of them in order, as the firmware computes it.
template <class Exec, class Ref>
std::uint32_t run_sets(const char* name, Exec& exec, Ref ref, std::uint32_t first,
                       std::uint32_t sets, Tally& t) {
  std::uint32_t all = ARM_FNV_INIT;
  for (std::uint32_t set = first; set < first + sets; ++set) {
    auto in = exec.template input<0>();
    arm_fill_input(set, in.data(), static_cast<std::uint32_t>(in.size()));
    if (const aot::Status s = exec.run(); !s) {
      std::printf("%s: set %u: run failed: %s\n", name, set, s.to_string().c_str());
      ++t.differ;
      continue;
    }
    const auto out = exec.template get_output<0>();
    const auto want = ref(in.data());
    static_assert(std::tuple_size<decltype(want)>::value == decltype(out)::size(), "sizes differ");
    if (std::memcmp(out.data(), want.data(), want.size()) != 0) {
      if (t.differ < 5) {
        for (std::size_t i = 0; i < want.size(); ++i)
          if (out[i] != want[i]) {
            std::printf("%s: set %u: output %zu is %d, the reference says %d\n", name, set, i,
                        out[i], want[i]);
            break;
          }
      }
      ++t.differ;
    }
    for (const std::int8_t v : want) {
      t.saturated_low += v == -128 ? 1u : 0u;
      t.saturated_high += v == 127 ? 1u : 0u;
      t.negative += v < 0 ? 1u : 0u;
      t.positive += v > 0 ? 1u : 0u;
    }
    all = arm_fnv1a(out.data(), static_cast<std::uint32_t>(out.size()), all);
  }
  return all;
}

template <class Exec, class Ref>
bool check(const char* name, Exec& exec, Ref ref, std::uint32_t shared_sets) {
  Tally t;
  const std::uint32_t shared = run_sets(name, exec, ref, 0, shared_sets, t);
  // More random sets than the firmware runs: the host is fast.
  run_sets(name, exec, ref, shared_sets, 4096, t);
  std::printf("%s: %u input sets, outputs fnv1a 0x%08x\n", name, shared_sets, shared);
  std::printf(
      "%s: %u sets against the reference: %u differ; outputs clipped to -128: %u, to 127: %u, "
      "negative: %u, positive: %u\n",
      name, shared_sets + 4096, t.differ, t.saturated_low, t.saturated_high, t.negative,
      t.positive);
  // Without both clips and both signs the comparison would not cover saturation.
  return t.differ == 0 && t.saturated_low > 0 && t.saturated_high > 0 && t.negative > 0 &&
         t.positive > 0;
}

}  // namespace

int main() {
  static_assert(decltype(dense_exec.input<0>())::size() == ARM_DENSE_IN, "arm_models.h disagrees");
  static_assert(decltype(conv_exec.input<0>())::size() == ARM_CONV_IN, "arm_models.h disagrees");
  const bool ok = check("arm_dense", dense_exec, armref::dense, ARM_DENSE_SETS) &
                  check("arm_conv", conv_exec, armref::conv, ARM_CONV_SETS);
  std::printf(ok ? "arm: host intrinsics bit-exact with the reference\n" : "arm: MISMATCH\n");
  return ok ? 0 : 1;
}
