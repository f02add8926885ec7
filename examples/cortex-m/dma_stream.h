/* SPDX-License-Identifier: Apache-2.0 */
/* The sample stream the DMA firmware's timer interrupt produces, shared with the host program
 * that computes the expected outputs so both sides agree on the input by construction; what
 * is checked is the model and the handshake, not this formula. */
#ifndef AOT_EXAMPLE_DMA_STREAM_H_
#define AOT_EXAMPLE_DMA_STREAM_H_

#include <stdint.h>

#define DMA_FRAME_SAMPLES 256u
/* Frames in the whole stream. */
#define DMA_FRAMES 72u
/* After this frame the consumer stops taking frames until the producer reports an overrun:
 * the drill that proves a dropped frame is seen by both sides, never skipped silently. */
#define DMA_HOLD_AFTER_FRAME 63u

/* Sample n of the stream. Every sample carries its frame's sequence number above bit 12, so
 * a frame mixing two fills (torn) shows in any sample; the low 12 bits vary per sample so
 * that a wrong element order changes the outputs. Non-negative and below 2^19: the model's
 * 3x + 1 and 256-element prefix sum stay far from int32 overflow. */
static inline int32_t dma_sample(uint32_t n) {
  const uint32_t frame = n / DMA_FRAME_SAMPLES;
  const uint32_t mixed = (n * 2654435761u) >> 20;
  return (int32_t)((frame << 12) | (mixed & 0xFFFu));
}

/* The frame a sample says it belongs to. */
static inline uint32_t dma_frame_of(int32_t sample) { return (uint32_t)sample >> 12; }

/* FNV-1a, 32 bits, over values as little-endian bytes (host and target agree on the bytes). */
static inline uint32_t dma_fnv1a(const int32_t* values, uint32_t count) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t v = (uint32_t)values[i];
    for (uint32_t b = 0; b < 32u; b += 8u) {
      h ^= (v >> b) & 0xFFu;
      h *= 16777619u;
    }
  }
  return h;
}

#endif
