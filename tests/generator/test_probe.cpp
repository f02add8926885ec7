// SPDX-License-Identifier: Apache-2.0
// Models whose only size facts are what their code touches, as aot-gen's probe measures them
// (one per calling convention, external pools, Arm intrinsics through the host's), built by
// aot_add_model with no option and run through AotExecutor; and the arena sized to the peak
// the probe measured, which must be what the executor's workspace_peak() sees. Shapes and
// outputs come from each fixture's EXPECTED.md, worked out by hand from its C.
#include <aot/aot.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <type_traits>

#include "mlf_kwsnet.hpp"
#include "mlf_noplan.hpp"
#include "mlf_probe_arm.hpp"
#include "mlf_probe_c.hpp"
#include "mlf_probe_packed.hpp"
#include "mlf_probe_pools.hpp"
#include "mlf_probe_unpacked.hpp"
#include "mlf_v010.hpp"

TEST_CASE("C interface: both sizes measured, flat shapes of the code's dtypes") {
  STATIC_REQUIRE(probe_c::convention == aot::Convention::kCInterface);
  STATIC_REQUIRE(std::is_same_v<probe_c::x::element_type, std::int8_t>);
  STATIC_REQUIRE(probe_c::x::shape.size() == 1);
  STATIC_REQUIRE(probe_c::x::shape[0] == 10);
  STATIC_REQUIRE(std::is_same_v<probe_c::y::element_type, std::int16_t>);
  STATIC_REQUIRE(probe_c::y::shape.size() == 1);
  STATIC_REQUIRE(probe_c::y::shape[0] == 5);
  aot::AotExecutor<probe_c> exec;
  auto r = exec.infer(std::array<std::int8_t, 10>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == 3);
  REQUIRE(r.get<0>()[4] == 19);
  auto s = exec.infer(std::array<std::int8_t, 10>{-128, -128, 127, 127, 0, 0, 1, -1, 100, 27});
  REQUIRE(s.ok());
  REQUIRE(s.get<0>()[0] == -256);
  REQUIRE(s.get<0>()[1] == 254);
  REQUIRE(s.get<0>()[4] == 127);
}

TEST_CASE("unpacked run_model: each input and the output measured") {
  STATIC_REQUIRE(probe_unpacked::convention == aot::Convention::kUnpacked);
  STATIC_REQUIRE(probe_unpacked::a::shape[0] == 4);
  STATIC_REQUIRE(probe_unpacked::b::shape[0] == 2);
  STATIC_REQUIRE(probe_unpacked::output::shape[0] == 4);
  STATIC_REQUIRE(probe_unpacked::output::size_bytes == 16);
  aot::AotExecutor<probe_unpacked> exec;
  auto r = exec.infer(std::array<float, 4>{1.f, 2.f, 3.f, 4.f}, std::array<float, 2>{0.5f, -2.f});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == 0.5f);
  REQUIRE(r.get<0>()[1] == -4.f);
  REQUIRE(r.get<0>()[2] == 1.5f);
  REQUIRE(r.get<0>()[3] == -8.f);
}

TEST_CASE("packed run: the DLTensors' data measured") {
  STATIC_REQUIRE(probe_packed::convention == aot::Convention::kPacked);
  STATIC_REQUIRE(std::is_same_v<probe_packed::a::element_type, std::uint8_t>);
  STATIC_REQUIRE(probe_packed::a::shape[0] == 4);
  STATIC_REQUIRE(std::is_same_v<probe_packed::output::element_type, float>);
  STATIC_REQUIRE(probe_packed::output::shape[0] == 2);
  aot::AotExecutor<probe_packed> exec;
  auto r = exec.infer(std::array<std::uint8_t, 4>{1, 2, 250, 5});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == 3.f);
  REQUIRE(r.get<0>()[1] == 255.f);
}

TEST_CASE("external pools: the probe passes them, sized from the header") {
  STATIC_REQUIRE(probe_pools::pools::size == 2);
  STATIC_REQUIRE(probe_pools::serving_default_input_0::shape[0] == 4);
  STATIC_REQUIRE(probe_pools::Identity::shape[0] == 3);
  static aot::AotExecutor<probe_pools> exec;
  auto r = exec.infer(std::array<std::int8_t, 4>{40, -10, 5, 20});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == 49);
  REQUIRE(r.get<0>()[1] == -59);
  REQUIRE(r.get<0>()[2] == 127);
}

TEST_CASE("Arm intrinsics: measured through the host intrinsics") {
  STATIC_REQUIRE(probe_arm::arm_intrinsics);
  STATIC_REQUIRE(probe_arm::serving_default_input_0::shape[0] == 64);
  STATIC_REQUIRE(probe_arm::Identity::shape[0] == 16);
  static aot::AotExecutor<probe_arm> exec;
  std::array<std::int8_t, 64> x{};
  REQUIRE(exec.infer(x).ok());
}

TEST_CASE("v0.10: the output no file sizes is the 3 bytes the code writes") {
  STATIC_REQUIRE(v010::output::shape.size() == 1);
  STATIC_REQUIRE(v010::output::shape[0] == 3);
}

TEST_CASE("the measured peak is what workspace_peak() sees after a run") {
  // kwsnet: __tvm_main__ holds 16000 + 16000 + 128 bytes, its second operator 24192 + 64000 on
  // top: 120320 at once, five blocks (tests/fixtures/kwsnet/kwsnet_lib1.c).
  STATIC_REQUIRE(kwsnet::measured_workspace_peak == 120320);
  STATIC_REQUIRE(kwsnet::measured_workspace_blocks == 5);
  STATIC_REQUIRE(kwsnet::workspace_size == kwsnet::measured_workspace_peak);  // MEASURED
  STATIC_REQUIRE(kwsnet::model_workspace_size == 120320);
  static aot::AotExecutor<kwsnet> exec;
  std::array<std::int8_t, 490> x{};
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<std::int8_t>(i % 7);
  REQUIRE(exec.infer(x).ok());
  REQUIRE(exec.workspace_peak() == kwsnet::measured_workspace_peak);
  // noplan: 2048 of its figure's 3072 (tests/fixtures/mlf/noplan/EXPECTED.md).
  STATIC_REQUIRE(noplan::measured_workspace_peak == 2048);
  STATIC_REQUIRE(noplan::measured_workspace_blocks == 2);
  static aot::AotExecutor<noplan> plan;
  std::array<std::int32_t, 256> y{};
  REQUIRE(plan.infer(y).ok());
  REQUIRE(plan.workspace_peak() == noplan::measured_workspace_peak);
}
