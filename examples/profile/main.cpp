// SPDX-License-Identifier: Apache-2.0
// A quantized model (int8 in, int8 out) built with aot_add_model(... PROFILE): its output
// dequantized with the scale and zero point the model type carries, then the operator table
// of a thousand runs.
#include <aot/aot.hpp>
#include <aot/fmt.hpp>
#include <aot/operator_timer.hpp>
#include <aot/quant.hpp>

#include <array>
#include <chrono>
#include <cstdint>

#include "quant_profiled.hpp"

using Timer = aot::OperatorTimer<quant, std::chrono::steady_clock>;
static aot::AotExecutor<quant, 64, aot::OwnBuffers, aot::OwnMemory, Timer> exec;

int main() {
  using In = quant::serving_default_x_0;
  using Out = quant::Identity;
  // The real values 0, 0.5, 0.7 and 1.0, in the input's int8 steps.
  const std::array<std::int8_t, 4> x{aot::quantize<In>(0.f), aot::quantize<In>(0.5f),
                                     aot::quantize<In>(0.7f), aot::quantize<In>(1.f)};
  if (const aot::Status s = exec.set_input<In>(x); !s) return 1;
  if (const aot::Status s = exec.run(); !s) {
    fmt::print(stderr, "run failed: {}\n", s);
    return 1;
  }
  std::array<float, 4> y{};
  const auto out = exec.get_output<Out>();
  for (std::size_t i = 0; i < out.size(); ++i) y[i] = aot::dequantize<Out>(out[i]);
  fmt::print("input  = {} (scale {}, zero point {})\n", fmt::join(x, ", "), In::scale,
             In::zero_point);
  fmt::print("output = {} (scale {}, zero point {})\n", out, Out::scale, Out::zero_point);
  fmt::print("dequantized = [{}]\n", fmt::join(y, ", "));

  for (int i = 1; i < 1000; ++i) {
    if (!exec.run()) return 1;
  }
  fmt::print("\n{}", exec.profiler());
  return 0;
}
