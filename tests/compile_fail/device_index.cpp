// SPDX-License-Identifier: Apache-2.0
#include "kws_model.hpp"

void call(aot::AotExecutor<kws>& exec, void* handle) {
#ifdef AOT_TWIN
  static_cast<void>(exec);
  static_cast<void>(handle);
#else
  exec.set_device<0>(handle);
#endif
}
