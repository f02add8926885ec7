// SPDX-License-Identifier: Apache-2.0
// Asking for the quantization of a tensor that has none.
#include <aot/quant.hpp>

#include "kws_model.hpp"

struct quantized_input : kws::input_1 {
  static constexpr float scale = 0.125f;
  static constexpr std::int32_t zero_point = 0;
};

std::int8_t call(float x) {
#ifdef AOT_TWIN
  return aot::quantize<quantized_input>(x);
#else
  return aot::quantize<kws::input_1>(x);
#endif
}
