// SPDX-License-Identifier: Apache-2.0
// The same 8-tensor step written by hand with static buffers: the baseline compile cost.
#include <array>
#include <cstdint>
#include <cstring>

extern "C" {
struct m_inputs {
  void *a, *b, *c, *d;
};
struct m_outputs {
  void *w, *x, *y, *z;
};
std::int32_t m_run(m_inputs*, m_outputs*);
}

alignas(64) float a_buf[16];
alignas(64) std::int8_t b_buf[16];
alignas(64) std::int32_t c_buf[8];
alignas(64) std::uint8_t d_buf[10];
alignas(64) float w_buf[16];
alignas(64) std::int8_t x_buf[16];
alignas(64) std::int32_t y_buf[8];
alignas(64) double z_buf[3];

double step(const float (&a)[16], const std::int8_t (&b)[16], const std::int32_t (&c)[8],
            const std::uint8_t (&d)[10]) {
  std::memcpy(a_buf, a, sizeof a_buf);
  std::memcpy(b_buf, b, sizeof b_buf);
  std::memcpy(c_buf, c, sizeof c_buf);
  std::memcpy(d_buf, d, sizeof d_buf);
  m_inputs in{a_buf, b_buf, c_buf, d_buf};
  m_outputs out{w_buf, x_buf, y_buf, z_buf};
  if (m_run(&in, &out) != 0) return -1;
  return w_buf[0] + x_buf[0] + y_buf[0] + z_buf[2];
}
