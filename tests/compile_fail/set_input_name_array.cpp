// SPDX-License-Identifier: Apache-2.0
// The run-time interface given an array instead of a DLTensor.
#include <aot/dlpack.hpp>

#include <array>

#include "kws_model.hpp"

aot::Status call(aot::AotExecutor<kws>& exec) {
#ifdef AOT_TWIN
  static std::int8_t data[490];
  static std::int64_t shape[4] = {1, 49, 10, 1};
  DLTensor t{};
  t.data = data;
  t.device = DLDevice{kDLCPU, 0};
  t.ndim = 4;
  t.dtype = DLDataType{kDLInt, 8, 1};
  t.shape = shape;
  return exec.set_input("input_1", t);
#else
  return exec.set_input("input_1", std::array<std::int8_t, 490>{});
#endif
}
