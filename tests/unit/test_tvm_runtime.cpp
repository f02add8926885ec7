// SPDX-License-Identifier: Apache-2.0
// The runtime symbols themselves (defined in this binary by aot_add_tvm_runtime) and the
// per-executor state they act on.
#include <aot/executor.hpp>
#include <aot/tvm_runtime.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "arena_model.hpp"
#include "failing_runtime_models.hpp"
#include "intpool_model.hpp"

// TVM's prototypes, to call the symbols directly.
#include <aot/compat/tvm/runtime/c_backend_api.h>

TEST_CASE("outside any run() the backend calls return TVM's failure values") {
  REQUIRE(TVMBackendAllocWorkspace(1, 0, 16, 0, 8) == nullptr);
  int x = 0;
  REQUIRE(TVMBackendFreeWorkspace(1, 0, &x) == -1);
  TVMAPISetLastError("nobody listens");  // must simply not crash
}

namespace {
struct Launch {
  std::vector<int> tasks;
  std::vector<int> sizes;
  int fail_on = -1;
};
int record(int task, TVMParallelGroupEnv* env, void* data) {
  auto* l = static_cast<Launch*>(data);
  l->tasks.push_back(task);
  l->sizes.push_back(env->num_task);
  REQUIRE(TVMBackendParallelBarrier(task, env) == 0);
  return task == l->fail_on ? -1 : 0;
}
}  // namespace

TEST_CASE("parallel launch runs the tasks serially, in order") {
  Launch l;
  REQUIRE(TVMBackendParallelLaunch(record, &l, 4) == 0);
  REQUIRE(l.tasks == std::vector<int>{0, 1, 2, 3});
  REQUIRE(l.sizes == std::vector<int>{4, 4, 4, 4});
  Launch one;
  REQUIRE(TVMBackendParallelLaunch(record, &one, 0) == 0);
  REQUIRE(one.tasks == std::vector<int>{0});
  Launch failing;
  failing.fail_on = 1;
  REQUIRE(TVMBackendParallelLaunch(record, &failing, 3) == -1);
  REQUIRE(failing.tasks == std::vector<int>{0, 1, 2});
}

TEST_CASE("a message from TVMAPISetLastError reaches run()'s Status, per executor") {
  aot::AotExecutor<reporter> a;
  aot::AotExecutor<reporter> b;
  const aot::Status sa = a.infer(std::array<float, 2>{4.f, -1.f}).status();
  REQUIRE(sa.code() == aot::Errc::kEntryFailed);
  REQUIRE(sa.entry_code() == -1);
  const std::string message = "Assert fail: (0f <= p0[ax0]), sqrt of a negative input";
  REQUIRE(std::string(sa.text()) == message);
  REQUIRE(std::string(sa.to_string().c_str()) ==
          "reporter: the entry function returned -1: " + message);

  auto rb = b.infer(std::array<float, 2>{4.f, 9.f});
  REQUIRE(rb.ok());
  REQUIRE(rb.get<0>()[0] == std::sqrt(4.f));
  REQUIRE(rb.get<0>()[1] == std::sqrt(9.f));
  // b's run neither cleared nor shares a's message.
  REQUIRE(std::string(sa.text()) == message);
  const aot::Status sb = b.infer(std::array<float, 2>{-2.f, 1.f}).status();
  REQUIRE(sb.text() != sa.text());
}

namespace {
aot::AotExecutor<arena>* nested_exec = nullptr;
aot::Status nested_status;
void run_nested() { nested_status = nested_exec->infer(std::array<std::int32_t, 256>{}).status(); }
}  // namespace

TEST_CASE("an arena run begun inside another arena run leaves the outer arena as it was") {
  // The outer run, as run() opens it: this thread's context over its arena, one block live.
  alignas(16) static std::uint8_t outer_bytes[64];
  aot::detail::RuntimeContext& ctx = aot::detail::current_context;
  ctx.arena.open(outer_bytes, sizeof outer_bytes, 16);
  void* first = TVMBackendAllocWorkspace(1, 0, 16, 0, 8);
  REQUIRE(first == outer_bytes);

  static aot::AotExecutor<arena> inner;
  std::array<std::int32_t, 256> ones{};
  ones.fill(1);
  auto r = inner.infer(ones);
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[255] == 4 * 255);  // ones in: output[i] = 4 (i + 1) - 4
  REQUIRE(inner.workspace_peak() == 2048);

  // The outer arena goes on where it was: the next block follows the first.
  REQUIRE(ctx.arena.is_open());
  void* second = TVMBackendAllocWorkspace(1, 0, 16, 0, 8);
  REQUIRE(second == outer_bytes + 16);
  REQUIRE(TVMBackendFreeWorkspace(1, 0, second) == 0);
  REQUIRE(TVMBackendFreeWorkspace(1, 0, first) == 0);
  ctx.arena.close();
  REQUIRE(TVMBackendAllocWorkspace(1, 0, 16, 0, 8) == nullptr);
}

TEST_CASE("a model run from inside another model's run gets its own context") {
  static aot::AotExecutor<intpool> outer;
  static aot::AotExecutor<arena> inner;
  nested_exec = &inner;
  aot_fixture_vendor_callback = run_nested;
  auto r = outer.infer(std::array<float, 4>{1.f, 2.f, 3.f, 4.f});
  aot_fixture_vendor_callback = nullptr;
  REQUIRE(r.ok());
  REQUIRE(nested_status.ok());
  REQUIRE(inner.workspace_peak() == 2048);
  REQUIRE(r.get<0>()[1] == 2.f * -1.f + 1.f);
  REQUIRE(!aot::detail::current_context.arena.is_open());
}
