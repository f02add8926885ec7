// SPDX-License-Identifier: Apache-2.0
// Runs on the host: computes, from the operations the fixtures implement, the outputs the
// firmware must produce, and writes them as a C header. Nothing here calls aot.
#include <cstdint>
#include <cstdio>

#include "dma_stream.h"

int main() {
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
  return 0;
}
