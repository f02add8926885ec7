// SPDX-License-Identifier: Apache-2.0
// Every fixture MLF, built purely through aot_add_model (some from .tar files), run through
// AotExecutor; expected values come from the operations the fixtures' Relay text states.
#include <aot/aot.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "mlf_bare.hpp"
#include "mlf_byoc.hpp"
#include "mlf_cls.hpp"
#include "mlf_det.hpp"
#include "mlf_multi.hpp"
#include "mlf_noplan.hpp"
#include "mlf_objmod.hpp"
#include "mlf_pools.hpp"
#include "mlf_v010.hpp"
#include "mlf_v011.hpp"
#include "mlf_v012.hpp"
#include "mlf_v013host.hpp"
#include "mlf_v015ext.hpp"
#include "mlf_v08.hpp"
#include "mlf_v08cast.hpp"
#include "mlf_v08default.hpp"
#include "mlf_v08dev.hpp"
#include "mlf_v08packed.hpp"
#include "mlf_v09.hpp"

TEST_CASE("v0.8: metadata v5, relay.txt, two-argument run") {
  STATIC_REQUIRE(v08::convention == aot::Convention::kCInterface);
  STATIC_REQUIRE(v08::input::shape[0] == 1);
  STATIC_REQUIRE(v08::input::shape[1] == 4);
  aot::AotExecutor<v08> exec;
  auto r = exec.infer(std::array<float, 4>{1.5f, -2.f, 0.f, 8.25f});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == 3.f);
  REQUIRE(r.get<0>()[1] == -4.f);
  REQUIRE(r.get<0>()[3] == 16.5f);
}

TEST_CASE("v0.8 packed only: no header, packed run in lib0") {
  STATIC_REQUIRE(v08packed::convention == aot::Convention::kPacked);
  aot::AotExecutor<v08packed> exec;
  auto r = exec.infer(std::array<std::int32_t, 3>{10, 0, -7});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == 9);
  REQUIRE(r.get<0>()[1] == -1);
  REQUIRE(r.get<0>()[2] == -8);
}

TEST_CASE("v0.9/0.10: metadata v7 without inputs/outputs, internal pools, bound params") {
  STATIC_REQUIRE(v09::internal_pools);
  STATIC_REQUIRE(v09::inputs::size == 1);  // %v_param_1 is a bound constant, not an input
  STATIC_REQUIRE(v09::workspace_size == 16);
  aot::AotExecutor<v09> exec;
  auto r = exec.infer(std::array<float, 4>{1.f, 2.f, 3.f, 4.f});
  REQUIRE(r.ok());
  const float w[4] = {2.f, -1.f, 0.5f, 3.f};  // the constant in lib0
  for (std::size_t i = 0; i < 4; ++i)
    REQUIRE(r.get<0>()[i] == static_cast<float>(i + 1) * w[i] + 1.f);
}

TEST_CASE("v0.11: size macros, outputs output0 and output1") {
  STATIC_REQUIRE(std::is_same_v<v011::output1::element_type, std::int32_t>);
  STATIC_REQUIRE(v011::output1::shape.size() == 1);
  STATIC_REQUIRE(v011::output1::shape[0] == 1);
  aot::AotExecutor<v011> exec;
  const std::array<std::int8_t, 6> x{127, -128, 0, 5, -6, 1};
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  auto [plus_one, sum] = r;
  for (std::size_t i = 0; i < 6; ++i) REQUIRE(plus_one[i] == static_cast<std::int8_t>(x[i] + 1));
  REQUIRE(sum[0] == 127 - 128 + 0 + 5 - 6 + 1);
}

TEST_CASE("v0.12+: TF names, raw input name with ':'") {
  using M = models::v012;
  STATIC_REQUIRE(M::serving_default_x_0::raw_name == "serving_default_x:0");
  STATIC_REQUIRE(aot::find_input<M>("serving_default_x:0") == 0);
  aot::AotExecutor<M> exec;
  auto r = exec.infer(std::array<std::uint8_t, 5>{0, 1, 128, 254, 255});
  REQUIRE(r.ok());
  const auto out = exec.get_output<M::StatefulPartitionedCall_0>();
  REQUIRE(out(0, 0) == 255);
  REQUIRE(out(0, 2) == 127);
  REQUIRE(out(0, 4) == 0);
}

TEST_CASE("two inputs, four outputs") {
  aot::AotExecutor<multi> exec;
  const float a[2][2] = {{1.f, -2.f}, {0.5f, 0.f}};
  const std::int16_t b[3] = {300, -7, 12000};
  auto r = exec.infer(a, b);
  REQUIRE(r.ok());
  auto [o0, o1, o2, o3] = r;
  for (std::size_t i = 0; i < 2; ++i) {
    for (std::size_t j = 0; j < 2; ++j) {
      REQUIRE(o0(i, j) == a[i][j] + 1.f);
      REQUIRE(o1(i, j) == -a[i][j]);
    }
  }
  for (std::size_t i = 0; i < 3; ++i) REQUIRE(o2[i] == static_cast<std::int16_t>(b[i] * 2));
  REQUIRE(o3[0] == 300 - 7 + 12000);
}

TEST_CASE("external workspace pools") {
  STATIC_REQUIRE(ext_pools::pools::size == 1);
  STATIC_REQUIRE(aot::AotExecutor<ext_pools>::memory().pools == 512);
  aot::AotExecutor<ext_pools> exec;
  std::array<std::int32_t, 64> x{};
  for (std::size_t i = 0; i < 64; ++i) x[i] = static_cast<std::int32_t>(i * 3) - 50;
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  for (std::size_t i = 0; i < 64; ++i) {
    const std::int32_t s = x[i] + static_cast<std::int32_t>(i);
    const std::int32_t s_rev = x[63 - i] + static_cast<std::int32_t>(63 - i);
    REQUIRE(r.get<0>()[i] == 2 * s + s_rev);
  }
}

TEST_CASE("only codegen/: dtypes from the typed parameters, shapes from the options") {
  STATIC_REQUIRE(bare::x::shape[0] == 2);
  STATIC_REQUIRE(bare::x::shape[1] == 3);
  aot::AotExecutor<bare> exec;
  auto r = exec.infer(std::array<float, 6>{1, 2, 3, 4, 5, 6});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()(1, 2) == 18.f);
}

namespace {

std::int8_t saturate_int8(long long v) {
  return static_cast<std::int8_t>(v < -128 ? -128 : v > 127 ? 127 : v);
}

}  // namespace

TEST_CASE(
    "v0.10 from a .tar.gz: output dtype from lib1, its shape given (io_size_bytes bounds it)") {
  STATIC_REQUIRE(std::is_same_v<v010::input_1::element_type, std::int8_t>);
  STATIC_REQUIRE(std::is_same_v<v010::input_2::element_type, float>);
  STATIC_REQUIRE(std::is_same_v<v010::output::element_type, std::int8_t>);  // int8_t* in lib1
  STATIC_REQUIRE(v010::output::shape.size() == 1);  // SHAPES output=3: no file gives it
  STATIC_REQUIRE(v010::output::shape[0] == 3);
  STATIC_REQUIRE(v010::internal_pools);
  // The constant pool: int8[12] at 0, int32[3] at 16 (aligned(16)); the struct is 32 bytes.
  STATIC_REQUIRE(aot::AotExecutor<v010>::memory().internal_constants == 32);
  const int w[3][4] = {{1, -2, 3, 4}, {-5, 6, 7, -8}, {9, 10, -11, 12}};
  const int bias[3] = {10, -20, 300};
  const std::array<std::int8_t, 4> x1{1, 2, 3, 4};
  const std::array<float, 3> x2{0.1f, 1.5f, 0.5f};
  aot::AotExecutor<v010> exec;
  auto r = exec.infer(x1, x2);
  REQUIRE(r.ok());
  for (std::size_t j = 0; j < 3; ++j) {
    long long acc = bias[j];
    for (std::size_t k = 0; k < 4; ++k) acc += static_cast<long long>(w[j][k]) * x1[k];
    const float y = static_cast<float>(acc) * x2[j];
    REQUIRE(r.get<0>()[j] == saturate_int8(std::llround(y)));
  }
}

TEST_CASE("a committed codegen/host in a tar's top folder, no options: dtypes from lib1") {
  using M = v013host;
  STATIC_REQUIRE(std::is_same_v<M::serving_default_x_0::element_type, std::int8_t>);
  STATIC_REQUIRE(std::is_same_v<M::bias_in::element_type, std::int16_t>);
  STATIC_REQUIRE(std::is_same_v<M::Identity::element_type, std::int8_t>);
  STATIC_REQUIRE(std::is_same_v<M::Identity_1::element_type, float>);
  STATIC_REQUIRE(M::serving_default_x_0::shape[0] == 6);  // flat, from TVMGEN_..._SIZE
  const int w[2][6] = {{1, 2, 3, 4, 5, 6}, {-3, 1, -4, 1, -5, 9}};
  const int b[2] = {100, -1000};
  for (const auto& [x, bias] : {std::pair<std::array<std::int8_t, 6>, std::array<std::int16_t, 2>>{
                                    {3, -1, 4, -1, 5, -9}, {-7, 300}},
                                {{0, 0, 0, 0, 0, 10}, {0, 1000}}}) {
    aot::AotExecutor<M> exec;
    auto r = exec.infer(x, bias);
    REQUIRE(r.ok());
    for (std::size_t j = 0; j < 2; ++j) {
      long long acc = b[j] + bias[j];
      for (std::size_t k = 0; k < 6; ++k) acc += static_cast<long long>(w[j][k]) * x[k];
      // floor(acc * 0.75 + 0.5) - 3, saturated: the fixed-point rounding TVM's requantize does.
      const long long q = static_cast<long long>(std::floor(static_cast<double>(acc) * 0.75 + 0.5));
      REQUIRE(r.get<0>()[j] == saturate_int8(q - 3));
      REQUIRE(r.get<1>()[j] == static_cast<float>(acc) * 0.5f);
    }
  }
}

TEST_CASE("two modules of one MLF, each its own type, in one program") {
  STATIC_REQUIRE(det::name == "det");
  STATIC_REQUIRE(cls::name == "cls");
  aot::AotExecutor<det> d;
  aot::AotExecutor<cls> c;
  const std::array<std::uint8_t, 8> frame{10, 20, 200, 100, 0, 5, 255, 255};
  const std::array<std::uint8_t, 8> bg{0, 5, 50, 50, 3, 0, 100, 0};
  const int k[4] = {25, 250, -3, 500};  // det's constant, subtracted per pair
  auto rd = d.infer(frame, bg);
  REQUIRE(rd.ok());
  int best = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    const int s = frame[2 * i] - bg[2 * i] + frame[2 * i + 1] - bg[2 * i + 1];
    REQUIRE(rd.get<0>()[i] == s - k[i]);
    if (rd.get<0>()[i] > rd.get<0>()[best]) best = static_cast<int>(i);
  }
  REQUIRE(rd.get<1>()[0] == best);
  const float w[2][3] = {{0.5f, -1.f, 2.f}, {1.5f, 0.25f, -0.5f}};
  const float bias[2] = {0.125f, -1.f};
  const std::array<float, 3> features{2.f, 4.f, 0.5f};
  auto rc = c.infer(features);
  REQUIRE(rc.ok());
  for (std::size_t j = 0; j < 2; ++j) {
    float acc = bias[j];
    for (std::size_t i = 0; i < 3; ++i) acc += w[j][i] * features[i];
    REQUIRE(rc.get<0>()[j] == (acc > 0.f ? acc : 0.f));
  }
}

TEST_CASE("v0.8 packed, untyped Relay: TVM's default output name, size from io_size_bytes") {
  STATIC_REQUIRE(v08default::convention == aot::Convention::kPacked);
  STATIC_REQUIRE(v08default::output::name == "output");
  STATIC_REQUIRE(v08default::output::shape[0] == 8);  // (40 - 8) bytes of float32
  aot::AotExecutor<v08default> exec;
  const std::array<std::int8_t, 8> x{-128, -1, 0, 1, 3, 7, 100, 127};
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  for (std::size_t i = 0; i < 8; ++i) {
    REQUIRE(r.get<0>()[i] == (static_cast<float>(x[i]) - 3.f) * 0.5f);
  }
}

TEST_CASE("external workspace and constant pools: the constants come from the header's DATA") {
  using M = v015ext;
  STATIC_REQUIRE(M::pools::size == 2);
  constexpr aot::MemoryReport mem = aot::AotExecutor<M>::memory();
  STATIC_REQUIRE(mem.pools == 12);           // my_sram, one per executor
  STATIC_REQUIRE(mem.constant_pools == 28);  // my_flash, the description's read-only bytes
  STATIC_REQUIRE(M::my_flash::data[0] == 0x02);
  const int w[3][4] = {{2, -1, 0, 3}, {-4, 5, 1, -2}, {7, 7, -7, 1}};
  const int b[3] = {-10, 40, 200};
  for (const std::array<std::int8_t, 4>& x :
       {std::array<std::int8_t, 4>{40, -10, 5, 20}, std::array<std::int8_t, 4>{100, -50, 20, 90}}) {
    aot::AotExecutor<M> exec;
    auto r = exec.infer(x);
    REQUIRE(r.ok());
    for (std::size_t j = 0; j < 3; ++j) {
      long long acc = b[j];
      for (std::size_t k = 0; k < 4; ++k) acc += static_cast<long long>(w[j][k]) * x[k];
      // floor(acc * 0.3125 + 0.5) + 5, saturated: the requantize's fixed-point rounding.
      const auto q = static_cast<long long>(std::floor(static_cast<double>(acc) * 0.3125 + 0.5));
      REQUIRE(r.get<0>()[j] == saturate_int8(q + 5));
    }
  }
}

TEST_CASE("no memory planner, WORKSPACE_SIZE at the measured peak: runs in the smaller arena") {
  // aot_add_model(... WORKSPACE_SIZE 2048 WORKSPACE_ALIGNMENT 16); the MLF's figure is 3072.
  STATIC_REQUIRE(noplan::uses_backend_workspace);
  STATIC_REQUIRE(noplan::workspace_size == 2048);
  STATIC_REQUIRE(noplan::model_workspace_size == TVMGEN_NOPLAN_WORKSPACE_SIZE);
  STATIC_REQUIRE(noplan::model_workspace_size == 3072);
  STATIC_REQUIRE(noplan::workspace_alignment == 16);
  STATIC_REQUIRE(noplan::workspace_allocations == 3);  // call sites in lib1
  static aot::AotExecutor<noplan> exec;
  std::array<std::int32_t, 256> x{};
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<std::int32_t>(i);
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  // s = 3x + 1; output[i] = (s[0] + ... + s[i]) - s[255 - i] (EXPECTED.md).
  REQUIRE(r.get<0>()[0] == -765);
  REQUIRE(r.get<0>()[1] == -758);
  REQUIRE(r.get<0>()[255] == 98175);
  // Two 1 KiB blocks alive at once: the peak the WORKSPACE_SIZE was set to.
  REQUIRE(exec.workspace_peak() == 2048);
}

TEST_CASE("a run_model-only export (Dec 2021): run declared, never defined; dtypes one call away") {
  // aot_add_model(... SHAPES input=1,6): no ENTRY, no DTYPES.
  using M = v08dev;
  STATIC_REQUIRE(M::convention == aot::Convention::kUnpacked);
  STATIC_REQUIRE(M::entry == &tvmgen_default_run_model);
  STATIC_REQUIRE(std::is_same_v<M::input::element_type, float>);   // fused_nn_dense_add_nn_relu
  STATIC_REQUIRE(std::is_same_v<M::output::element_type, float>);  // fused_nn_dense_add's T_add
  STATIC_REQUIRE(M::output::shape[0] == 3);                        // io_size_bytes 36 - 24
  STATIC_REQUIRE(M::uses_backend_workspace);
  // Four link-params arrays in lib0: 48 + 8 + 24 + 3 floats.
  STATIC_REQUIRE(aot::AotExecutor<M>::memory().internal_constants == 332);
  float p0[48], p1[8], p2[24];
  const float p3[3] = {1.f, 0.f, -1.f};
  for (int j = 0; j < 8; ++j) {
    for (int k = 0; k < 6; ++k) p0[j * 6 + k] = static_cast<float>((j + k) % 3 - 1);
    p1[j] = static_cast<float>(j - 4) * 0.5f;
  }
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 8; ++j) p2[i * 8 + j] = (i + j) % 2 ? 0.5f : -0.25f;
  const std::array<float, 6> x{1.f, 2.f, 3.f, -1.f, 0.5f, 4.f};
  static aot::AotExecutor<M> exec;
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  float h[8];
  for (int j = 0; j < 8; ++j) {
    float acc = 0.f;
    for (int k = 0; k < 6; ++k) acc += x[static_cast<std::size_t>(k)] * p0[j * 6 + k];
    h[j] = acc + p1[j] > 0.f ? acc + p1[j] : 0.f;
  }
  for (int i = 0; i < 3; ++i) {
    float acc = 0.f;
    for (int j = 0; j < 8; ++j) acc += h[j] * p2[i * 8 + j];
    REQUIRE(r.get<0>()[static_cast<std::size_t>(i)] == acc + p3[i]);
  }
  REQUIRE(r.get<0>()[1] == 4.875f);  // EXPECTED.md, by hand
}

TEST_CASE("v0.8 unpacked operators (void* arguments): the output's dtype from the casts") {
  using M = v08cast;
  STATIC_REQUIRE(M::convention == aot::Convention::kCInterface);
  STATIC_REQUIRE(std::is_same_v<M::output::element_type, std::int8_t>);  // (int8_t*)T_cast
  STATIC_REQUIRE(M::output::shape[0] == 16);                             // io_size_bytes 80 - 64
  std::array<float, 16> x{};
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i) * 37.5f - 300.f;
  x[0] = 1.75f;
  x[1] = -2.5f;
  aot::AotExecutor<M> exec;
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const float c = x[i] < -128.f ? -128.f : x[i] > 127.f ? 127.f : x[i];
    REQUIRE(r.get<0>()[i] == static_cast<std::int8_t>(std::trunc(c)));
  }
  REQUIRE(r.get<0>()[0] == 1);
  REQUIRE(r.get<0>()[1] == -2);
}

TEST_CASE("BYOC: a partition defined in the accelerator tool's own style, no options") {
  using M = byoc;
  STATIC_REQUIRE(M::internal_pools);
  STATIC_REQUIRE(M::Identity::shape[1] == 8);
  aot::AotExecutor<M> exec;
  const std::array<std::int8_t, 8> x{-128, -1, 0, 1, 2, 42, 43, 127};
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const int t = 3 * x[i] > 0 ? 3 * x[i] : 0;
    REQUIRE(r.get<0>()[i] == saturate_int8(t));
  }
  REQUIRE(r.get<0>()[6] == 127);  // EXPECTED.md
}

TEST_CASE("constant pools as TVM 0.11 writes them (not const, attribute on its own line)") {
  // v010's is sized in the v0.10 case above. v013host: int8[12] at 0, int32[2] at 16 (aligned
  // 16), 24 bytes rounded up to the struct's alignment of 16; det: int16[4] aligned(16).
  STATIC_REQUIRE(aot::AotExecutor<v013host>::memory().internal_constants == 32);
  STATIC_REQUIRE(aot::AotExecutor<det>::memory().internal_constants == 16);
}

TEST_CASE("an object-file MLF (llvm target): entry, shapes and pool from the objects' checks") {
  using M = objmod;
  STATIC_REQUIRE(M::convention == aot::Convention::kPacked);
  STATIC_REQUIRE(M::entry == &tvmgen_objmod___tvm_main__);  // lib1.o's symbol
  STATIC_REQUIRE(M::x::shape.size() == 2);
  STATIC_REQUIRE(M::output::shape.size() == 1);  // the checks: y.ndim 1, y.shape[0] 2
  STATIC_REQUIRE(M::output::shape[0] == 2);
  STATIC_REQUIRE(std::is_same_v<M::output::element_type, std::int32_t>);
  STATIC_REQUIRE(M::pools::size == 1);  // global_workspace_0_var, uint8 (16)
  STATIC_REQUIRE(aot::AotExecutor<M>::memory().pools == 16);
  aot::AotExecutor<M> exec;
  const std::array<std::int8_t, 6> x{1, 2, 3, -4, 5, -6};
  auto r = exec.infer(x);
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == 1 * 1 + 2 * 2 + 3 * 3);
  REQUIRE(r.get<0>()[1] == -4 * 1 + 5 * 2 - 6 * 3);
}
