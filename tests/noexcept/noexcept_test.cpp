// SPDX-License-Identifier: Apache-2.0
// Every fixture through the core built with -fno-exceptions -fno-rtti; expected values are
// computed here from the fixtures' definitions. Exit status 0 only if all match.
#include <aot/executor.hpp>

#include <array>
#include <cstdint>
#include <cstdio>

#include "arena_model.hpp"
#include "extpool_model.hpp"
#include "failing_model.hpp"
#include "intpool_model.hpp"
#include "legacy_model.hpp"
#include "mixed_model.hpp"
#include "seed_model.hpp"
#include "serving_model.hpp"
#include "wsio_model.hpp"

namespace {

int failures = 0;

void expect(bool cond, const char* what) {
  if (!cond) {
    std::printf("FAILED: %s\n", what);
    ++failures;
  }
}

aot::AotExecutor<seed> seed_exec;
aot::AotExecutor<seed_unpacked> seed_unpacked_exec;
aot::AotExecutor<mixed> mixed_exec;
aot::AotExecutor<legacy> legacy_exec;
aot::AotExecutor<failing> failing_exec;
aot::AotExecutor<serving> serving_exec;
aot::AotExecutor<arena> arena_exec;
aot::AotExecutor<extpool> extpool_exec;
aot::AotExecutor<intpool> intpool_exec;
aot::AotExecutor<wsio> wsio_exec;

template <class Exec>
void check_seed(Exec& exec, const char* what) {
  const std::uint8_t a[2] = {200, 17};
  const std::uint8_t b[2] = {100, 3};
  auto r = exec.infer(a, b);
  expect(r.ok(), what);
  auto [out] = r;
  for (std::size_t i = 0; i < 2; ++i)
    expect(out[i] == static_cast<std::uint8_t>(a[i] + b[i]), what);
}

}  // namespace

int main() {
  check_seed(seed_exec, "seed, C interface");
  check_seed(seed_unpacked_exec, "seed, unpacked __tvm_main__");

  const float x[2][3] = {{1.f, -2.f, 3.5f}, {0.f, 10.f, -0.25f}};
  const std::int8_t y[4] = {-128, 5, 127, -1};
  auto m = mixed_exec.infer(x, y);
  expect(m.ok(), "mixed, packed: run");
  auto [o0, o1, o2] = m;
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 3; ++j) expect(o0(i, j) == x[i][j] * 2.f + 0.5f, "mixed output0");
  }
  for (std::size_t i = 0; i < 4; ++i) expect(o1[i] == y[3 - i], "mixed output1");
  expect(o2[0] == -128 + 5 + 127 - 1, "mixed output2");

  legacy_exec.set_input<legacy::input>(std::array<std::int16_t, 4>{1, -2, 10000, 300});
  expect(legacy_exec.run().ok(), "legacy: run");
  const std::int16_t want[4] = {3, -6, static_cast<std::int16_t>(30000), 900};
  for (std::size_t i = 0; i < 4; ++i)
    expect(legacy_exec.get_output<0>()[i] == want[i], "legacy output");

  const aot::Status s = failing_exec.infer(std::array<float, 2>{-1.f, 2.f}).status();
  expect(s.code() == aot::Errc::kEntryFailed && s.entry_code() == -1, "failing: -1 reported");

  serving_exec.set_input<serving::serving_default_input_1_0>(std::array<std::int8_t, 3>{-3, 0, 7});
  expect(serving_exec.run().ok(), "serving: run");
  const auto out = serving_exec.get_output<serving::StatefulPartitionedCall_0>();
  expect(out(0, 0) == -5 && out(0, 1) == 1 && out(0, 2) == 15, "serving output");

  std::int32_t ax[256];
  for (std::int32_t& v : ax) v = 1;
  auto ar = arena_exec.infer(ax);  // s = 4 everywhere: output[i] = 4 (i + 1) - 4
  expect(ar.ok(), "arena: run");
  for (std::size_t i = 0; i < 256; ++i) {
    expect(ar.get<0>()[i] == 4 * static_cast<std::int32_t>(i), "arena output");
  }
  expect(arena_exec.workspace_peak() == 2048, "arena: peak");

  std::int32_t e[64] = {};
  auto er = extpool_exec.infer(e);  // s = i: output[i] = 2i + 63 - i = i + 63
  expect(er.ok(), "extpool: run");
  for (std::size_t i = 0; i < 64; ++i) {
    expect(er.get<0>()[i] == static_cast<std::int32_t>(i) + 63, "extpool output");
  }

  auto ir = intpool_exec.infer(std::array<float, 4>{1.f, 1.f, 1.f, 1.f});
  expect(ir.ok() && ir.get<0>()[0] == 3.f && ir.get<0>()[1] == 0.f, "intpool output");

  auto wr = wsio_exec.infer(std::array<std::int16_t, 4>{2, 3, -1, 0});
  expect(wr.ok() && wr.get<0>()[0] == 2 && wr.get<0>()[1] == 6 && wr.get<0>()[2] == 2,
         "wsio output");

  std::printf("%d failed\n", failures);
  return failures == 0 ? 0 : 1;
}
