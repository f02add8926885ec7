// SPDX-License-Identifier: Apache-2.0
// An unpacked entry whose device parameter is not void*.
#include "bad_model.hpp"

extern "C" {
#ifdef AOT_TWIN
std::int32_t tvmgen_bad_device(float* x, float* y, float* out, void* npu);
#else
std::int32_t tvmgen_bad_device(float* x, float* y, float* out, std::uint8_t* npu);
#endif
}

struct bad : bad_base {
  using x = tensor_named_x<float, 4>;
  struct npu : aot::DeviceSpec {
    static constexpr std::string_view raw_name = "npu";
  };
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
  using devices = aot::DeviceList<npu>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &tvmgen_bad_device;
};

aot::AotExecutor<bad> exec;
