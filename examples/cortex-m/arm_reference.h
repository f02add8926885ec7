// SPDX-License-Identifier: Apache-2.0
// Host-only reference for the Arm-kernel models: each operation written from its definition
// (sum of products, zero padding, a fixed-point multiplier with round-half-up, clip to int8)
// in plain int64 arithmetic, sharing no code with the kernels, so an intrinsic that is wrong
// on either side shows as a difference. The weights are the formulas the fixtures' constants
// were written from (tests/fixtures/mlf/arm_*/EXPECTED.md), and armnet's generator.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace armref {

// round(acc * mult / 2^shift), ties towards +infinity, then + zero point, clipped to int8.
inline std::int8_t requantize(std::int64_t acc, std::int64_t mult, int shift, int zp) {
  const std::int64_t num = acc * mult + (std::int64_t{1} << (shift - 1));
  const std::int64_t den = std::int64_t{1} << shift;
  std::int64_t q = num / den;
  if (num % den != 0 && num < 0) --q;  // floor, not C's truncation
  q += zp;
  return static_cast<std::int8_t>(q > 127 ? 127 : q < -128 ? -128 : q);
}

// arm_dense: y = requantize(W x + b), W 16x64.
inline int dense_w(int j, int k) { return (j * 29 + k * 53 + 7) % 256 - 128; }
inline int dense_b(int j) { return (j - 8) * 1000; }
inline std::array<std::int8_t, 16> dense(const std::int8_t* x) {
  std::array<std::int8_t, 16> y{};
  for (int j = 0; j < 16; ++j) {
    std::int64_t acc = dense_b(j);
    for (int k = 0; k < 64; ++k) acc += std::int64_t{x[k]} * dense_w(j, k);
    y[j] = requantize(acc, 1518500250, 39, -3);
  }
  return y;
}

// arm_conv: NHWC 1x8x8x3, OHWI 8x3x3x3, stride 1, zero padding 1, per-channel multipliers.
inline int conv_w(int o, int kh, int kw, int ci) {
  return (o * 41 + (kh * 3 + kw) * 17 + ci * 13 + 5) % 256 - 128;
}
inline int conv_b(int o) { return (o - 4) * 500; }
inline std::int64_t conv_m(int o) { return 1073741824 + std::int64_t{o} * 134217728; }
inline std::array<std::int8_t, 512> conv(const std::int8_t* x) {
  std::array<std::int8_t, 512> y{};
  for (int oh = 0; oh < 8; ++oh)
    for (int ow = 0; ow < 8; ++ow)
      for (int o = 0; o < 8; ++o) {
        std::int64_t acc = conv_b(o);
        for (int kh = 0; kh < 3; ++kh)
          for (int kw = 0; kw < 3; ++kw) {
            const int ih = oh + kh - 1, iw = ow + kw - 1;
            if (ih < 0 || ih >= 8 || iw < 0 || iw >= 8) continue;  // the zero padding
            for (int ci = 0; ci < 3; ++ci)
              acc += std::int64_t{x[(ih * 8 + iw) * 3 + ci]} * conv_w(o, kh, kw, ci);
          }
        y[(oh * 8 + ow) * 8 + o] = requantize(acc, conv_m(o), 38, 5);
      }
  return y;
}

// armnet, a real-size model: conv 3x3 (3->64, pad 1) on 32x32, conv 3x3 stride 2 (64->32,
// pad 1), dense 8192->48; int8 activations, per-tensor requantization. Weights and biases
// come from one generator per tensor, so that the MLF writer and this reference agree.
struct ArmnetLayer {
  int cin, cout, kernel, stride, in_hw, out_hw;
  std::int64_t mult;
  int shift;
};
constexpr ArmnetLayer kArmnetConv1{3, 64, 3, 1, 32, 32, 1503238554, 40};
constexpr ArmnetLayer kArmnetConv2{64, 32, 3, 2, 32, 16, 1288490189, 41};
constexpr int kArmnetDenseIn = 16 * 16 * 32, kArmnetDenseOut = 48;
constexpr std::int64_t kArmnetDenseMult = 1288490189;
constexpr int kArmnetDenseShift = 43;

inline std::vector<std::int8_t> armnet_weights(std::uint32_t seed, std::size_t n) {
  std::vector<std::int8_t> w(n);
  std::uint32_t s = seed;
  for (auto& v : w) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    v = static_cast<std::int8_t>(static_cast<int>((s >> 8) & 0xFFu) - 128);
  }
  return w;
}
inline std::vector<std::int32_t> armnet_bias(std::uint32_t seed, std::size_t n) {
  std::vector<std::int32_t> b(n);
  std::uint32_t s = seed;
  for (auto& v : b) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    v = static_cast<std::int32_t>((s >> 8) % 4001u) - 2000;
  }
  return b;
}
struct Armnet {
  std::vector<std::int8_t> w1 = armnet_weights(0x1234567u, 64 * 27),
                           w2 = armnet_weights(0x2345678u, 32 * 576),
                           w3 = armnet_weights(0x3456789u, std::size_t{48} * 8192);
  std::vector<std::int32_t> b1 = armnet_bias(0x4567891u, 64), b2 = armnet_bias(0x5678912u, 32),
                            b3 = armnet_bias(0x6789123u, 48);
};

// NHWC convolution, OHWI weights, zero padding (kernel - 1) / 2.
inline std::vector<std::int8_t> conv_layer(const ArmnetLayer& l, const std::vector<std::int8_t>& x,
                                           const std::vector<std::int8_t>& w,
                                           const std::vector<std::int32_t>& b) {
  std::vector<std::int8_t> y(static_cast<std::size_t>(l.out_hw) * l.out_hw * l.cout);
  const int pad = (l.kernel - 1) / 2;
  for (int oh = 0; oh < l.out_hw; ++oh)
    for (int ow = 0; ow < l.out_hw; ++ow)
      for (int o = 0; o < l.cout; ++o) {
        std::int64_t acc = b[o];
        for (int kh = 0; kh < l.kernel; ++kh)
          for (int kw = 0; kw < l.kernel; ++kw) {
            const int ih = oh * l.stride + kh - pad, iw = ow * l.stride + kw - pad;
            if (ih < 0 || ih >= l.in_hw || iw < 0 || iw >= l.in_hw) continue;
            for (int ci = 0; ci < l.cin; ++ci)
              acc +=
                  std::int64_t{x[(static_cast<std::size_t>(ih) * l.in_hw + iw) * l.cin + ci]} *
                  w[((static_cast<std::size_t>(o) * l.kernel + kh) * l.kernel + kw) * l.cin + ci];
          }
        y[(static_cast<std::size_t>(oh) * l.out_hw + ow) * l.cout + o] =
            requantize(acc, l.mult, l.shift, 0);
      }
  return y;
}

inline std::vector<std::int8_t> armnet(const Armnet& net, const std::int8_t* input) {
  const std::vector<std::int8_t> x(input, input + 32 * 32 * 3);
  const auto y1 = conv_layer(kArmnetConv1, x, net.w1, net.b1);
  const auto y2 = conv_layer(kArmnetConv2, y1, net.w2, net.b2);
  std::vector<std::int8_t> y(kArmnetDenseOut);
  for (int j = 0; j < kArmnetDenseOut; ++j) {
    std::int64_t acc = net.b3[j];
    for (int k = 0; k < kArmnetDenseIn; ++k)
      acc += std::int64_t{y2[k]} * net.w3[static_cast<std::size_t>(j) * kArmnetDenseIn + k];
    y[j] = requantize(acc, kArmnetDenseMult, kArmnetDenseShift, 0);
  }
  return y;
}

}  // namespace armref
