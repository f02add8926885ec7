// SPDX-License-Identifier: Apache-2.0
#include "kws_model.hpp"

int call(const aot::AotExecutor<kws>& exec) {
  const auto scores = exec.get_output<0>();
#ifdef AOT_TWIN
  return scores(0, 3);
#else
  return scores(3);
#endif
}
