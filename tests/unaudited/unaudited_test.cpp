// SPDX-License-Identifier: Apache-2.0
// Runs without the arena audit (AOT_WORKSPACE_AUDIT 0, the default outside the tests): a free
// sets the top back unchecked, as a C bump allocator does, and no mark is kept; every result is
// still right and an arena too small is still an error, not an overrun.
#define AOT_TVM_RUNTIME_IMPLEMENTATION
#include <aot/aot.hpp>
#include <aot/tvm_runtime.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "arena_model.hpp"

static_assert(AOT_WORKSPACE_AUDIT == 0, "built without the audit");

namespace {

int failures = 0;

void expect(bool cond, const char* what) {
  if (!cond) {
    std::printf("FAILED: %s\n", what);
    ++failures;
  }
}

// What aot_add_model(... WORKSPACE_SIZE) writes: an arena below the 2048 bytes the model's
// blocks take at once.
struct arena_shrunk : arena {
  static constexpr std::size_t workspace_size = 1024;
};

aot::AotExecutor<arena> exec;
aot::AotExecutor<arena_shrunk> tight;
alignas(64) std::uint8_t unrelated[64];

}  // namespace

int main() {
  std::int32_t x[256];
  for (std::int32_t& v : x) v = 1;
  for (int run = 0; run < 3; ++run) {  // every run starts from the top the last one left
    auto r = exec.infer(x);            // s = 4 everywhere: output[i] = 4 (i + 1) - 4
    expect(r.ok(), "arena: run");
    for (std::size_t i = 0; r.ok() && i < 256; ++i) {
      expect(r.get<0>()[i] == 4 * static_cast<std::int32_t>(i), "arena output");
    }
  }
  const aot::Status s = tight.infer(x).status();
  expect(s.code() == aot::Errc::kWorkspaceOverflow, "tight: an overflow is still an error");
  // Outside any run there is no arena: TVM's failure value.
  expect(TVMBackendAllocWorkspace(1, 0, 16, 0, 8) == nullptr, "no arena outside a run");
  // An unaudited free trusts its caller, as a C bump allocator's does: a stray one outside a
  // run moves only this thread's closed context, which the next run opens afresh.
  expect(TVMBackendFreeWorkspace(1, 0, unrelated) == 0, "an unaudited free is unchecked");
  auto after = exec.infer(x);
  expect(after.ok(), "a run after a stray free");
  for (std::size_t i = 0; after.ok() && i < 256; ++i) {
    expect(after.get<0>()[i] == 4 * static_cast<std::int32_t>(i), "arena output after it");
  }
  expect(TVMBackendAllocWorkspace(1, 0, 16, 0, 8) == nullptr, "no arena after that run");
  std::printf("%s\n", failures == 0 ? "unaudited runs: ok" : "unaudited runs: FAILED");
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
