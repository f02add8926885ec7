// SPDX-License-Identifier: Apache-2.0
// An unpacked entry whose pool parameter is neither void* nor std::uint8_t*.
#include "bad_model.hpp"

extern "C" {
#ifdef AOT_TWIN
std::int32_t tvmgen_bad_pooled(float* x, float* y, float* out, std::uint8_t* scratch);
#else
std::int32_t tvmgen_bad_pooled(float* x, float* y, float* out, float* scratch);
#endif
}

struct bad : bad_base {
  using x = tensor_named_x<float, 4>;
  struct scratch : aot::PoolSpec<64> {
    static constexpr std::string_view raw_name = "scratch";
  };
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
  using pools = aot::PoolList<scratch>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &tvmgen_bad_pooled;
};

aot::AotExecutor<bad> exec;
