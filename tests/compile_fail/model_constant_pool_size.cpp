// SPDX-License-Identifier: Apache-2.0
// An external constant pool whose data is shorter than the pool (a header from another build).
#include "bad_model.hpp"

extern "C" std::int32_t tvmgen_bad_const(float* x, float* y, float* out, std::uint8_t* weights);

struct bad : bad_base {
  using x = tensor_named_x<float, 4>;
  struct weights : aot::ConstantPoolSpec<8> {
    static constexpr std::string_view raw_name = "weights";
#ifdef AOT_TWIN
    alignas(alignment) static constexpr std::uint8_t data[] = {1, 2, 3, 4, 5, 6, 7, 8};
#else
    alignas(alignment) static constexpr std::uint8_t data[] = {1, 2, 3, 4, 5, 6};
#endif
  };
  using inputs = aot::TensorList<x, y>;
  using outputs = aot::TensorList<out>;
  using pools = aot::PoolList<weights>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &tvmgen_bad_const;
};

aot::AotExecutor<bad> exec;
