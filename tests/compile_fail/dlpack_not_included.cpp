// SPDX-License-Identifier: Apache-2.0
#include "kws_model.hpp"

bool call(aot::AotExecutor<kws>& exec) {
#ifdef AOT_TWIN
  return exec.get_output_info(0).ok();
#else
  return exec.get_output(0).ok();
#endif
}
