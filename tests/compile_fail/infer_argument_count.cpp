// SPDX-License-Identifier: Apache-2.0
#include <array>

#include "kws_model.hpp"

bool call(aot::AotExecutor<kws>& exec) {
  const std::array<std::int8_t, 490> samples{};
#ifdef AOT_TWIN
  return exec.infer(samples).ok();
#else
  return exec.infer(samples, samples).ok();
#endif
}
