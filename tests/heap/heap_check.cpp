// SPDX-License-Identifier: Apache-2.0
// Counts every heap allocation (malloc and friends interposed, operator new replaced) over
// 10,000 inferences per calling convention and memory layout; exits non-zero unless all are 0.
#include <aot/aot.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "arena_model.hpp"
#include "extpool_model.hpp"
#include "intpool_model.hpp"
#include "legacy_model.hpp"
#include "mixed_model.hpp"
#include "npu_model.hpp"
#include "seed_model.hpp"
#include "wsio_model.hpp"

namespace {
std::atomic<long> allocations{0};
}  // namespace

// glibc's own allocator entry points, under the names we interpose.
// NOLINTBEGIN(bugprone-reserved-identifier)
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void __libc_free(void*);

void* malloc(std::size_t n) {
  ++allocations;
  return __libc_malloc(n);
}
void* calloc(std::size_t n, std::size_t size) {
  ++allocations;
  return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t n) {
  ++allocations;
  return __libc_realloc(p, n);
}
void* aligned_alloc(std::size_t alignment, std::size_t n) {
  ++allocations;
  return __libc_memalign(alignment, n);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t n) {
  ++allocations;
  *out = __libc_memalign(alignment, n);
  return *out == nullptr ? 12 : 0;
}
void free(void* p) { __libc_free(p); }
}
// NOLINTEND(bugprone-reserved-identifier)

void* operator new(std::size_t n) {
  ++allocations;
  void* p = __libc_malloc(n == 0 ? 1 : n);
  if (p == nullptr) std::abort();
  return p;
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  ++allocations;
  return __libc_malloc(n == 0 ? 1 : n);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { __libc_free(p); }
void operator delete[](void* p) noexcept { __libc_free(p); }
void operator delete(void* p, std::size_t) noexcept { __libc_free(p); }
void operator delete[](void* p, std::size_t) noexcept { __libc_free(p); }

namespace {

constexpr int kRuns = 10000;
void* volatile escape = nullptr;
int failures = 0;

aot::AotExecutor<seed> seed_exec;
aot::AotExecutor<seed_unpacked> unpacked_exec;
aot::AotExecutor<legacy> legacy_exec;
aot::AotExecutor<mixed> packed_exec;
aot::AotExecutor<arena> arena_exec;
aot::AotExecutor<extpool> extpool_exec;
aot::AotExecutor<intpool> intpool_exec;
aot::AotExecutor<npu> npu_exec;
aot::AotExecutor<wsio> wsio_exec;

template <class F>
void measure(const char* what, F&& one_inference) {
  const long before = allocations.load();
  bool ok = true;
  for (int i = 0; i < kRuns; ++i) ok = one_inference(i) && ok;
  const long count = allocations.load() - before;
  std::printf("%-40s %d inferences, %ld allocations%s\n", what, kRuns, count,
              ok ? "" : ", RUN FAILED");
  if (count != 0 || !ok) ++failures;
}

}  // namespace

int main() {
  std::int8_t bias = 1;
  npu_exec.set_device<npu::ethos_u>(&bias);
  measure("C interface (seed)", [](int i) {
    return seed_exec
        .infer(std::array<std::uint8_t, 2>{static_cast<std::uint8_t>(i), 1},
               std::array<std::uint8_t, 2>{2, 3})
        .ok();
  });
  measure("unpacked __tvm_main__ (seed)", [](int i) {
    const std::uint8_t a[2] = {static_cast<std::uint8_t>(i), 1};
    return unpacked_exec.infer(a, a).ok();
  });
  measure("unpacked v0.8 run_model (legacy)", [](int i) {
    return legacy_exec.infer(std::array<std::int16_t, 4>{static_cast<std::int16_t>(i), 1, 2, 3})
        .ok();
  });
  measure("packed, DLTensor arguments (mixed)", [](int i) {
    const float x[6] = {static_cast<float>(i)};
    const std::int8_t y[4] = {1, 2, 3, 4};
    return packed_exec.infer(x, y).ok();
  });
  measure("workspace arena (arena)", [](int i) {
    std::array<std::int32_t, 256> x{};
    x[0] = i;
    return arena_exec.infer(x).ok();
  });
  measure("external pool (extpool)", [](int i) {
    std::array<std::int32_t, 64> x{};
    x[1] = i;
    return extpool_exec.infer(x).ok();
  });
  measure("internal pools (intpool)", [](int i) {
    return intpool_exec.infer(std::array<float, 4>{static_cast<float>(i), 1, 2, 3}).ok();
  });
  measure("device handle (npu)", [](int i) {
    return npu_exec.infer(std::array<std::int8_t, 8>{static_cast<std::int8_t>(i)}).ok();
  });
  measure("I/O inside the workspace (wsio)", [](int i) {
    return wsio_exec.infer(std::array<std::int16_t, 4>{static_cast<std::int16_t>(i % 100)}).ok();
  });
  measure("runtime interface: DLTensor in and out", [](int i) {
    std::uint8_t a[2] = {static_cast<std::uint8_t>(i), 7};
    std::uint8_t out[2] = {};
    std::int64_t shape[2] = {1, 2};
    DLTensor in{a, DLDevice{kDLCPU, 0}, 2, DLDataType{kDLUInt, 8, 1}, shape, nullptr, 0};
    DLTensor result{out, DLDevice{kDLCPU, 0}, 2, DLDataType{kDLUInt, 8, 1}, shape, nullptr, 0};
    return seed_exec.set_input("a", in).ok() && seed_exec.set_input(1, in).ok() &&
           seed_exec.run().ok() && seed_exec.get_output(0, result).ok() &&
           seed_exec.get_output(0).ok() && out[1] == 14;
  });
  // The counter itself must see allocations, or a zero above proves nothing. The pointers
  // escape through a volatile, so the compiler cannot elide the pairs (clang does at -O2).
  const long before = allocations.load();
  void* probe = std::malloc(16);
  escape = probe;
  int* boxed = new int(1);
  escape = boxed;
  delete boxed;
  std::free(probe);
  const long probe_count = allocations.load() - before;
  std::printf("probe: malloc + operator new counted %ld\n", probe_count);
  if (probe_count != 2) ++failures;
  std::printf("%d passed, %d failed\n", 11 - failures, failures);
  return failures == 0 ? 0 : 1;
}
