// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <string_view>

#include "kws_model.hpp"

extern "C" {
struct tvmgen_wsio_pools {
  void* global_workspace;
};
tvmgen_kws_inputs tvmgen_wsio_map_inputs(tvmgen_wsio_pools* pools);
tvmgen_kws_outputs tvmgen_wsio_map_outputs(tvmgen_wsio_pools* pools);
std::int32_t tvmgen_wsio_run(tvmgen_wsio_pools* pools);
}

// kws with its I/O inside the workspace pool (tir.usmp.use_workspace_io).
struct kws_wsio : kws {
  struct global_workspace : aot::PoolSpec<1024> {
    static constexpr std::string_view raw_name = "global_workspace";
  };
  using pools = aot::PoolList<global_workspace>;
  static constexpr bool workspace_io = true;
  using c_pools = tvmgen_wsio_pools;
  static constexpr auto entry = &tvmgen_wsio_run;
  static constexpr auto map_inputs = &tvmgen_wsio_map_inputs;
  static constexpr auto map_outputs = &tvmgen_wsio_map_outputs;
};

std::size_t call(aot::AotExecutor<kws_wsio>& exec, aot::AotExecutor<kws>& plain) {
#ifdef AOT_TWIN
  return sizeof(plain.input_buffer<kws::input_1>()) + exec.input<kws::input_1>().bytes();
#else
  return sizeof(exec.input_buffer<kws::input_1>()) + plain.input<kws::input_1>().bytes();
#endif
}
