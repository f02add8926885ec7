// Every fixture MLF, built purely through aot_add_model (some from .tar files), run through
// AotExecutor; expected values come from the operations the fixtures' Relay text states.
#include <aot/aot.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <type_traits>

#include "mlf_bare.hpp"
#include "mlf_multi.hpp"
#include "mlf_pools.hpp"
#include "mlf_v011.hpp"
#include "mlf_v012.hpp"
#include "mlf_v08.hpp"
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

TEST_CASE("only codegen/: shapes and dtypes from the options") {
  STATIC_REQUIRE(bare::x::shape[0] == 2);
  STATIC_REQUIRE(bare::x::shape[1] == 3);
  aot::AotExecutor<bare> exec;
  auto r = exec.infer(std::array<float, 6>{1, 2, 3, 4, 5, 6});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()(1, 2) == 18.f);
}
