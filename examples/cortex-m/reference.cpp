// SPDX-License-Identifier: Apache-2.0
// Runs on the host: computes, from the operations the fixtures implement, the outputs the
// firmware must produce, and writes them as a C header. Nothing here calls aot.
// `reference --armnet <dir>` writes the real-size model's MLF instead (armnet_mlf.h).
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "arm_models.h"
#include "arm_reference.h"
#include "armnet_mlf.h"
#include "dma_stream.h"

namespace {

// Per input set, FNV-1a of the reference's outputs, then one over all sets in order.
template <std::size_t N, class Op>
void print_arm_checksums(const char* name, std::uint32_t sets, std::uint32_t in_size, Op op) {
  std::printf("static const uint32_t %sFnv[%u] = {", name, sets);
  std::uint32_t all = ARM_FNV_INIT;
  for (std::uint32_t set = 0; set < sets; ++set) {
    std::int8_t x[ARMNET_IN];
    arm_fill_input(set, x, in_size);
    const std::array<std::int8_t, N> y = op(x);
    all = arm_fnv1a(y.data(), N, all);
    std::printf("%s0x%08xu", set ? ", " : "", arm_fnv1a(y.data(), N, ARM_FNV_INIT));
  }
  std::printf("};\nstatic const uint32_t %sAll = 0x%08xu;\n", name, all);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--armnet") == 0) {
    armref::write_armnet_mlf(armref::Armnet{}, argv[2]);
    return 0;
  }
  std::printf("/* Generated on the host by examples/cortex-m/reference.cpp. */\n#pragma once\n");
  std::printf("#include <stdint.h>\n");
  // seed: a + b.
  std::printf(
      "static const uint8_t kSeedA[2] = {1, 2};\nstatic const uint8_t kSeedB[2] = {3, 5};\n");
  std::printf("static const uint8_t kSeedOut[2] = {%d, %d};\n", 1 + 3, 2 + 5);
  // arena: s = 3x + 1; out[i] = prefix_sum(s)[i] - s[255 - i].
  std::int32_t x[256], s[256];
  for (int i = 0; i < 256; ++i) x[i] = (i * 7) % 41 - 20;
  for (int i = 0; i < 256; ++i) s[i] = 3 * x[i] + 1;
  std::printf("static const int32_t kArenaX[256] = {");
  for (int i = 0; i < 256; ++i) std::printf("%s%d", i ? ", " : "", x[i]);
  std::printf("};\nstatic const int32_t kArenaOut[256] = {");
  std::int32_t sum = 0;
  for (int i = 0; i < 256; ++i) {
    sum += s[i];
    std::printf("%s%d", i ? ", " : "", sum - s[255 - i]);
  }
  std::printf("};\n");
  // v0.11 MLF: output0 = x + 1 (int8), output1 = sum(x) (int32).
  const std::int8_t k[6] = {100, -128, 127, 0, -1, 9};
  std::printf("static const int8_t kMlfIn[6] = {100, -128, 127, 0, -1, 9};\n");
  std::printf("static const int8_t kMlfOut0[6] = {");
  int total = 0;
  for (int i = 0; i < 6; ++i) {
    std::printf("%s%d", i ? ", " : "", static_cast<std::int8_t>(k[i] + 1));
    total += k[i];
  }
  std::printf("};\nstatic const int32_t kMlfOut1 = %d;\n", total);
  // dma: the arena operation on every frame of the stream, as FNV-1a of the output bytes.
  std::printf("static const uint32_t kDmaFnv[%u] = {", DMA_FRAMES);
  for (std::uint32_t frame = 0; frame < DMA_FRAMES; ++frame) {
    std::int32_t in[DMA_FRAME_SAMPLES], out[DMA_FRAME_SAMPLES];
    for (std::uint32_t i = 0; i < DMA_FRAME_SAMPLES; ++i) {
      in[i] = 3 * dma_sample(frame * DMA_FRAME_SAMPLES + i) + 1;
    }
    std::int32_t prefix = 0;
    for (std::uint32_t i = 0; i < DMA_FRAME_SAMPLES; ++i) {
      prefix += in[i];
      out[i] = prefix - in[DMA_FRAME_SAMPLES - 1 - i];
    }
    std::printf("%s0x%08xu", frame ? ", " : "", dma_fnv1a(out, DMA_FRAME_SAMPLES));
  }
  std::printf("};\n");
  // The Arm-kernel fixtures (tests/fixtures/mlf/arm_*) and armnet, from the reference loops.
  print_arm_checksums<16>("kArmDense", ARM_DENSE_SETS, ARM_DENSE_IN, armref::dense);
  print_arm_checksums<512>("kArmConv", ARM_CONV_SETS, ARM_CONV_IN, armref::conv);
  const armref::Armnet net;
  std::printf("static const int8_t kArmnetOut[%u][%u] = {", ARMNET_SETS, ARMNET_OUT);
  for (std::uint32_t set = 0; set < ARMNET_SETS; ++set) {
    std::int8_t x[ARMNET_IN];
    arm_fill_input(ARMNET_INPUT_SET(set), x, ARMNET_IN);
    const auto y = armref::armnet(net, x);
    for (std::uint32_t i = 0; i < ARMNET_OUT; ++i)
      std::printf("%s%s%d", i ? ", " : set ? "}, {" : "{", "", y[i]);
  }
  std::printf("}};\n");
  return 0;
}
