// SPDX-License-Identifier: Apache-2.0
// Runs each model once through its workspace arena: the program links and the runtime symbols
// it found are the working ones.
#ifdef AOT_OWN_RUNTIME
#define AOT_TVM_RUNTIME_IMPLEMENTATION
#include <aot/tvm_runtime.hpp>
#endif
#include <aot/aot.hpp>

#include <array>
#include <cstdint>
#include <cstdio>

#include "first.hpp"
#ifdef AOT_TWO_MODELS
#include "second.hpp"
#endif

template <typename Model>
bool check(const char* name) {
  static aot::AotExecutor<Model> exec;
  std::array<std::int32_t, 256> x{};
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<std::int32_t>(i);
  auto r = exec.infer(x);
  // s = 3x + 1; output[i] = (s[0] + ... + s[i]) - s[255 - i] (tests/fixtures/mlf/noplan).
  const bool good = r.ok() && r.template get<0>()[0] == -765 && r.template get<0>()[255] == 98175;
  std::printf("%s: %s\n", name, good ? "ok" : "WRONG");
  return good;
}

int main() {
  bool good = check<noplan>("noplan");
#ifdef AOT_TWO_MODELS
  good = check<noplan2>("noplan2") && good;
#endif
  return good ? 0 : 1;
}
