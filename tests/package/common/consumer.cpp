// A consumer's program: a tiny model whose entry is written right here, run through aot.
#include <aot/aot.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <string_view>

extern "C" {
struct tvmgen_pkg_inputs {
  void* x;
};
struct tvmgen_pkg_outputs {
  void* y;
};
std::int32_t tvmgen_pkg_run(tvmgen_pkg_inputs* in, tvmgen_pkg_outputs* out) {
  const auto* x = static_cast<const std::int32_t*>(in->x);
  auto* y = static_cast<std::int32_t*>(out->y);
  for (int i = 0; i < 3; ++i) y[i] = x[i] * x[i];
  return 0;
}
}

struct pkg {
  static constexpr std::string_view name = "pkg";
  struct x : aot::TensorSpec<std::int32_t, 3> {
    static constexpr std::string_view raw_name = "x";
  };
  struct y : aot::TensorSpec<std::int32_t, 3> {
    static constexpr std::string_view raw_name = "y";
  };
  using inputs = aot::TensorList<x>;
  using outputs = aot::TensorList<y>;
  static constexpr aot::Convention convention = aot::Convention::kCInterface;
  using c_inputs = tvmgen_pkg_inputs;
  using c_outputs = tvmgen_pkg_outputs;
  static constexpr auto entry = &tvmgen_pkg_run;
};

int main() {
  static aot::AotExecutor<pkg> exec;
  auto r = exec.infer(std::array<std::int32_t, 3>{2, -3, 4});
  auto [y] = r;
  const bool good = r.ok() && y[0] == 4 && y[1] == 9 && y[2] == 16;
  std::printf("consumer: %s\n", good ? "ok" : "WRONG");
  return good ? 0 : 1;
}
