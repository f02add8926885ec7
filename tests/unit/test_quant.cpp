// SPDX-License-Identifier: Apache-2.0
// quantize / dequantize against cases computed by hand from TFLite's rule: q = round half away
// from zero (x / scale) + zero_point, saturated; x = scale * (q - zero_point).
#include <aot/quant.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

namespace {
struct q8 : aot::TensorSpec<std::int8_t, 1, 4> {
  static constexpr float scale = 0.5f;
  static constexpr std::int32_t zero_point = -3;
};
struct u8 : aot::TensorSpec<std::uint8_t, 4> {
  static constexpr float scale = 0.25f;
  static constexpr std::int32_t zero_point = 128;
};
}  // namespace

TEST_CASE("the parameters are constants of the tensor's type") {
  STATIC_REQUIRE(aot::scale_of<q8>() == 0.5f);
  STATIC_REQUIRE(aot::zero_point_of<q8>() == -3);
  STATIC_REQUIRE(aot::zero_point_of<u8>() == 128);
}

TEST_CASE("quantize: rounding half away from zero, the zero point, saturation") {
  // 1.0 / 0.5 = 2 -> 2 - 3 = -1
  REQUIRE(aot::quantize<q8>(1.0f) == -1);
  // ties: 1.25 / 0.5 = 2.5 -> 3 -> 0; -1.25 / 0.5 = -2.5 -> -3 -> -6
  REQUIRE(aot::quantize<q8>(1.25f) == 0);
  REQUIRE(aot::quantize<q8>(-1.25f) == -6);
  // just below a tie: 1.2 / 0.5 = 2.4 -> 2 -> -1
  REQUIRE(aot::quantize<q8>(1.2f) == -1);
  // the int8 limits: 65 / 0.5 = 130 -> 127 saturated; -63 / 0.5 = -126 -> -129 -> -128
  REQUIRE(aot::quantize<q8>(65.f) == 127);
  REQUIRE(aot::quantize<q8>(-63.f) == -128);
  // exactly the limits: (127 + 3) * 0.5 = 65 ... so 64.5 -> 129 -> 126; -62.5 -> -125 -> -128
  REQUIRE(aot::quantize<q8>(64.5f) == 126);
  REQUIRE(aot::quantize<q8>(-62.5f) == -128);
  // far outside, infinities, NaN
  REQUIRE(aot::quantize<q8>(1e30f) == 127);
  REQUIRE(aot::quantize<q8>(-std::numeric_limits<float>::infinity()) == -128);
  REQUIRE(aot::quantize<q8>(std::numeric_limits<float>::quiet_NaN()) == -3);
  // uint8 around its zero point 128: 0 -> 128; -32.25 / 0.25 = -129 -> -1 -> 0; 32 / 0.25 = 128
  // -> 256 -> 255; 0.125 / 0.25 = 0.5 -> 1 -> 129
  REQUIRE(aot::quantize<u8>(0.f) == 128);
  REQUIRE(aot::quantize<u8>(-32.25f) == 0);
  REQUIRE(aot::quantize<u8>(32.f) == 255);
  REQUIRE(aot::quantize<u8>(0.125f) == 129);
}

TEST_CASE("dequantize: scale * (q - zero_point)") {
  REQUIRE(aot::dequantize<q8>(-3) == 0.f);
  REQUIRE(aot::dequantize<q8>(127) == 65.f);
  REQUIRE(aot::dequantize<q8>(-128) == -62.5f);
  REQUIRE(aot::dequantize<u8>(0) == -32.f);
  REQUIRE(aot::dequantize<u8>(255) == 31.75f);
  for (int q = -128; q <= 127; ++q) {  // round trip on every int8 value
    REQUIRE(aot::quantize<q8>(aot::dequantize<q8>(static_cast<std::int8_t>(q))) == q);
  }
}

TEST_CASE("whole tensors through views") {
  std::array<std::int8_t, 4> storage{};
  const aot::TensorView<std::int8_t, q8> view(storage.data());
  const std::array<float, 4> x{0.f, 1.f, -1.25f, 100.f};
  REQUIRE(aot::quantize(aot::Span<const float>(x.data(), x.size()), view));
  REQUIRE(storage == std::array<std::int8_t, 4>{-3, -1, -6, 127});
  std::array<float, 4> back{};
  REQUIRE(aot::dequantize(aot::TensorView<const std::int8_t, q8>(storage.data()),
                          aot::Span<float>(back.data(), back.size())));
  REQUIRE(back == std::array<float, 4>{0.f, 1.f, -1.5f, 65.f});
  std::array<float, 3> short_out{};
  REQUIRE_FALSE(aot::dequantize(aot::TensorView<const std::int8_t, q8>(storage.data()),
                                aot::Span<float>(short_out.data(), short_out.size())));
}

namespace {
// Per axis along dimension 1 of (2, 3): element i belongs to channel i % 3.
struct per_channel : aot::TensorSpec<std::int8_t, 2, 3> {
  static constexpr std::array<float, 3> scales{{0.5f, 0.25f, 1.0f}};
  static constexpr std::array<std::int32_t, 3> zero_points{{0, 1, -2}};
  static constexpr int quant_axis = 1;
};
// Along dimension 0: elements 0-2 are channel 0, 3-5 channel 1.
struct per_row : aot::TensorSpec<std::int8_t, 2, 3> {
  static constexpr std::array<float, 2> scales{{0.5f, 2.0f}};
  static constexpr std::array<std::int32_t, 2> zero_points{{0, 0}};
  static constexpr int quant_axis = 0;
};
}  // namespace

TEST_CASE("per-axis parameters: one scale and zero point per index of quant_axis") {
  STATIC_REQUIRE(aot::is_per_axis_v<per_channel>);
  STATIC_REQUIRE(aot::scale_of<per_channel>(1) == 0.25f);
  STATIC_REQUIRE(aot::zero_point_of<per_channel>(2) == -2);
  // 1 / 0.5 = 2 + 0; 1 / 0.25 = 4 + 1 = 5; 1 / 1 = 1 - 2 = -1
  REQUIRE(aot::quantize<per_channel>(1.f, 0) == 2);
  REQUIRE(aot::quantize<per_channel>(1.f, 1) == 5);
  REQUIRE(aot::quantize<per_channel>(1.f, 2) == -1);
  REQUIRE(aot::dequantize<per_channel>(5, 1) == 1.f);

  std::array<std::int8_t, 6> q{};
  const std::array<float, 6> ones{1.f, 1.f, 1.f, 1.f, 1.f, 1.f};
  REQUIRE(aot::quantize(aot::Span<const float>(ones.data(), 6),
                        aot::TensorView<std::int8_t, per_channel>(q.data())));
  REQUIRE(q == std::array<std::int8_t, 6>{2, 5, -1, 2, 5, -1});
  std::array<float, 6> back{};
  REQUIRE(aot::dequantize(aot::TensorView<const std::int8_t, per_channel>(q.data()),
                          aot::Span<float>(back.data(), 6)));
  REQUIRE(back == ones);

  // 3 / 0.5 = 6 in the first row; 3 / 2 = 1.5 -> 2 in the second
  const std::array<float, 6> threes{3.f, 3.f, 3.f, 3.f, 3.f, 3.f};
  REQUIRE(aot::quantize(aot::Span<const float>(threes.data(), 6),
                        aot::TensorView<std::int8_t, per_row>(q.data())));
  REQUIRE(q == std::array<std::int8_t, 6>{6, 6, 6, 2, 2, 2});
}
