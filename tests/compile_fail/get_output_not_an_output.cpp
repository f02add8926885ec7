// SPDX-License-Identifier: Apache-2.0
#include "kws_model.hpp"

int call(const aot::AotExecutor<kws>& exec) {
#ifdef AOT_TWIN
  return exec.get_output<kws::Identity>()[0];
#else
  return exec.get_output<kws::input_1>()[0];
#endif
}
