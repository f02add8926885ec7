// SPDX-License-Identifier: Apache-2.0
// An 8-tensor model (4 inputs, 4 outputs) through AotExecutor: what including aot costs to compile.
#include <aot/aot.hpp>

#include <array>
#include <cstdint>
#include <string_view>

extern "C" {
struct m_inputs {
  void *a, *b, *c, *d;
};
struct m_outputs {
  void *w, *x, *y, *z;
};
std::int32_t m_run(m_inputs*, m_outputs*);
}

#define TENSOR(n, T, ...)                                 \
  struct n : aot::TensorSpec<T, __VA_ARGS__> {            \
    static constexpr std::string_view raw_name = #n ":0"; \
  }

struct eight {
  static constexpr std::string_view name = "eight";
  TENSOR(a, float, 1, 16);
  TENSOR(b, std::int8_t, 4, 4);
  TENSOR(c, std::int32_t, 2, 2, 2);
  TENSOR(d, std::uint8_t, 10);
  TENSOR(w, float, 1, 16);
  TENSOR(x, std::int8_t, 16);
  TENSOR(y, std::int32_t, 8);
  TENSOR(z, double, 3);
  using inputs = aot::TensorList<a, b, c, d>;
  using outputs = aot::TensorList<w, x, y, z>;
  static constexpr aot::Convention convention = aot::Convention::kCInterface;
  using c_inputs = m_inputs;
  using c_outputs = m_outputs;
  static constexpr auto entry = &m_run;
};

aot::AotExecutor<eight> exec;

double step(const float (&a)[16], const std::int8_t (&b)[16], const std::int32_t (&c)[8],
            const std::uint8_t (&d)[10]) {
  exec.set_input<eight::a>(a);
  exec.set_input<eight::b>(b);
  exec.set_input<eight::c>(c);
  exec.set_input<aot::find_input<eight>("d:0")>(d);
  if (!exec.run()) return -1;
  return exec.get_output<0>()[0] + exec.get_output<1>()[0] + exec.get_output<2>()[0] +
         exec.get_output<eight::z>()(2);
}
