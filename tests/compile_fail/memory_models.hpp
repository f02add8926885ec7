// SPDX-License-Identifier: Apache-2.0
#pragma once
// Models for the caller-memory compile-fail tests: one with a TVMBackendAllocWorkspace arena,
// one with a workspace pool and a constant pool. Only declared: these tests never link.

#include <aot/aot.hpp>

#include <cstdint>
#include <string_view>

extern "C" {
struct tvmgen_ws_inputs {
  void* x;
};
struct tvmgen_ws_outputs {
  void* y;
};
std::int32_t tvmgen_ws_run(tvmgen_ws_inputs* inputs, tvmgen_ws_outputs* outputs);

struct tvmgen_pl_inputs {
  void* x;
};
struct tvmgen_pl_outputs {
  void* y;
};
struct tvmgen_pl_workspace_pools {
  void* scratch;
  void* weights;
};
std::int32_t tvmgen_pl_run(tvmgen_pl_inputs* inputs, tvmgen_pl_outputs* outputs,
                           tvmgen_pl_workspace_pools* pools);
}

struct ws {
  static constexpr std::string_view name = "ws";
  struct x : aot::TensorSpec<float, 8> {
    static constexpr std::string_view raw_name = "x";
  };
  struct y : aot::TensorSpec<float, 8> {
    static constexpr std::string_view raw_name = "y";
  };
  using inputs = aot::TensorList<x>;
  using outputs = aot::TensorList<y>;
  static constexpr std::size_t workspace_size = 4096;
  static constexpr bool uses_backend_workspace = true;
  static constexpr aot::Convention convention = aot::Convention::kCInterface;
  using c_inputs = tvmgen_ws_inputs;
  using c_outputs = tvmgen_ws_outputs;
  static constexpr auto entry = &tvmgen_ws_run;
};

struct pl {
  static constexpr std::string_view name = "pl";
  struct x : aot::TensorSpec<float, 8> {
    static constexpr std::string_view raw_name = "x";
  };
  struct y : aot::TensorSpec<float, 8> {
    static constexpr std::string_view raw_name = "y";
  };
  struct scratch : aot::PoolSpec<256> {
    static constexpr std::string_view raw_name = "scratch";
  };
  struct weights : aot::ConstantPoolSpec<4> {
    static constexpr std::string_view raw_name = "weights";
    alignas(16) static constexpr std::uint8_t data[] = {1, 2, 3, 4};
  };
  using inputs = aot::TensorList<x>;
  using outputs = aot::TensorList<y>;
  using pools = aot::PoolList<scratch, weights>;
  static constexpr aot::Convention convention = aot::Convention::kCInterface;
  using c_inputs = tvmgen_pl_inputs;
  using c_outputs = tvmgen_pl_outputs;
  using c_pools = tvmgen_pl_workspace_pools;
  static constexpr auto entry = &tvmgen_pl_run;
};
