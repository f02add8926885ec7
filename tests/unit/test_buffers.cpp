// SPDX-License-Identifier: Apache-2.0
// Caller-owned buffers: BindableBuffers and CallerBuffers over the three calling conventions.
// Expected outputs come from the fixtures' operations, computed here.
#include <aot/buffers.hpp>
#include <aot/dlpack.hpp>
#include <aot/executor.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "legacy_model.hpp"
#include "mixed_model.hpp"
#include "seed_model.hpp"

namespace {

std::string text(const aot::Status& s) { return std::string(s.to_string().c_str()); }

}  // namespace

TEST_CASE("C interface: run() passes the caller's buffers, nothing is copied") {
  aot::AotExecutor<seed, 64, aot::BindableBuffers> exec;
  alignas(16) std::uint8_t a[2] = {1, 2};
  alignas(16) std::array<std::uint8_t, 2> out{};
  REQUIRE(exec.bind_input<seed::a>(a).ok());
  REQUIRE(exec.bind_output<0>(out).ok());
  exec.set_input<1>(std::array<std::uint8_t, 2>{3, 250});  // b stays in the executor
  REQUIRE(exec.run().ok());
  REQUIRE(out[0] == 4);
  REQUIRE(out[1] == 252);
  // Views show the bound memory; the executor's own output was never written.
  REQUIRE(exec.get_output<seed::output>().data() == out.data());
  REQUIRE(exec.input<seed::a>().data() == a);
  REQUIRE(exec.output_buffer<seed::output>()[0] == 0);
  // The caller changes its buffer in place: the next run sees it, with no set_input.
  a[0] = 100;
  REQUIRE(exec.run().ok());
  REQUIRE(out[0] == 103);
  // Unbound, the executor's own buffer is back.
  exec.unbind_output<0>();
  REQUIRE(exec.run().ok());
  REQUIRE(exec.output_buffer<seed::output>()[0] == 103);
  REQUIRE(exec.get_output<0>().data() == exec.output_buffer<seed::output>());
}

TEST_CASE("packed convention: a binding changes only the DLTensor's data") {
  aot::AotExecutor<mixed, 64, aot::BindableBuffers> exec;
  alignas(16) float x[2][3] = {{1.f, 2.f, 3.f}, {-1.f, 0.f, 0.25f}};
  alignas(16) std::array<float, 6> doubled{};
  REQUIRE(exec.bind_input<mixed::x>(x).ok());
  REQUIRE(exec.bind_output<mixed::output0>(doubled).ok());
  exec.set_input<mixed::y>(std::array<std::int8_t, 4>{1, 2, 3, 4});
  REQUIRE(exec.run().ok());
  for (std::size_t i = 0; i < 6; ++i) REQUIRE(doubled[i] == x[i / 3][i % 3] * 2.f + 0.5f);
  REQUIRE(exec.get_output<mixed::output2>()[0] == 10);  // unbound: the executor's own
  exec.unbind_output<0>();
  REQUIRE(exec.run().ok());
  REQUIRE(exec.get_output<0>()(1, 2) == 1.f);
}

TEST_CASE("unpacked convention (v0.8 run_model): bound pointers passed in order") {
  aot::AotExecutor<legacy, 64, aot::CallerBuffers> exec;
  alignas(16) std::int16_t in[4] = {-4, 0, 7, 10922};
  alignas(16) std::int16_t out[4] = {};
  REQUIRE(exec.bind_input<0>(in, 4).ok());
  REQUIRE(exec.bind_output<0>(out, 4).ok());
  REQUIRE(exec.run().ok());
  for (std::size_t i = 0; i < 4; ++i) REQUIRE(out[i] == in[i] * 3);
}

TEST_CASE("CallerBuffers: no buffers inside, and run() refuses what is not bound") {
  using Own = aot::AotExecutor<mixed>;
  using Caller = aot::AotExecutor<mixed, 64, aot::CallerBuffers>;
  STATIC_REQUIRE(Caller::memory().inputs == 0);
  STATIC_REQUIRE(Caller::memory().outputs == 0);
  STATIC_REQUIRE(Own::memory().inputs == 6 * 4 + 4);
  STATIC_REQUIRE(sizeof(Caller) < sizeof(Own));
  Caller exec;
  alignas(16) float x[6] = {};
  REQUIRE(exec.bind_input<0>(x, 6).ok());
  const aot::Status s = exec.run();
  REQUIRE(s.code() == aot::Errc::kUnbound);
  REQUIRE(text(s) ==
          "mixed: input 'y' (index 1): not bound to a buffer (bind_input / "
          "bind_output before run)");
  alignas(16) std::int8_t y[4] = {4, 3, 2, 1};
  alignas(16) float o0[6] = {};
  alignas(16) std::int8_t o1[4] = {};
  alignas(16) std::int32_t o2[1] = {};
  REQUIRE(exec.bind_input<1>(y).ok());
  REQUIRE(exec.run().code() == aot::Errc::kUnbound);  // outputs still unbound
  REQUIRE(exec.bind_output<0>(o0).ok());
  REQUIRE(exec.bind_output<1>(o1).ok());
  REQUIRE(exec.bind_output<2>(o2).ok());
  REQUIRE(exec.run().ok());
  REQUIRE(o1[0] == 1);
  REQUIRE(o1[3] == 4);
  REQUIRE(o2[0] == 10);
}

TEST_CASE("bindings are checked: alignment, count, null; a refused one changes nothing") {
  aot::AotExecutor<seed, 64, aot::BindableBuffers> exec;
  alignas(16) std::uint8_t raw[32] = {};
  const aot::Status mis = exec.bind_input<seed::a>(raw + 1, 2);
  REQUIRE(mis.code() == aot::Errc::kMisalignedData);
  REQUIRE(text(mis) ==
          "default: input 'a' (index 0): buffer address is 1 past a multiple of 16, "
          "the alignment the generated code assumes");
  REQUIRE(exec.input<seed::a>().data() != raw + 1);  // still the executor's own
  REQUIRE(exec.bind_input<seed::a>(raw, 3).code() == aot::Errc::kSizeMismatch);
  REQUIRE(exec.bind_output<seed::output>(static_cast<std::uint8_t*>(nullptr), 2).code() ==
          aot::Errc::kNullData);
  REQUIRE(exec.input<seed::a>().data() != raw);
}

TEST_CASE("set_input_zero_copy / set_output_zero_copy: TVM's names, DLTensor checks") {
  aot::AotExecutor<seed, 64, aot::BindableBuffers> exec;
  alignas(16) std::uint8_t a[2] = {10, 20};
  alignas(16) std::uint8_t b[2] = {1, 2};
  alignas(16) std::uint8_t out[2] = {};
  std::int64_t shape[2] = {1, 2};
  auto tensor = [&](std::uint8_t* data) {
    DLTensor t{};
    t.data = data;
    t.device = {kDLCPU, 0};
    t.ndim = 2;
    t.dtype = {kDLUInt, 8, 1};
    t.shape = shape;
    return t;
  };
  DLTensor wrong = tensor(a);
  wrong.dtype = {kDLFloat, 32, 1};
  REQUIRE(exec.set_input_zero_copy(0, wrong).code() == aot::Errc::kDtypeMismatch);
  REQUIRE(exec.set_input_zero_copy(0, tensor(a)).ok());
  REQUIRE(exec.set_input_zero_copy("b", tensor(b)).ok());
  REQUIRE(exec.set_output_zero_copy("output", tensor(out)).ok());
  REQUIRE(exec.set_output_zero_copy(1, tensor(out)).code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(exec.run().ok());
  REQUIRE(out[0] == 11);
  REQUIRE(out[1] == 22);
  // A DLTensor view of the bound output is the caller's memory.
  REQUIRE(exec.get_output(0)->data == out);
}

TEST_CASE("CallerBuffers: writing into or viewing a tensor not bound yet is an error") {
  aot::AotExecutor<seed, 64, aot::CallerBuffers> exec;
  const aot::Status by_array = exec.set_input<seed::a>(std::array<std::uint8_t, 2>{1, 2});
  REQUIRE(by_array.code() == aot::Errc::kUnbound);
  REQUIRE(text(by_array) ==
          "default: input 'a' (index 0): not bound to a buffer (bind_input / bind_output before "
          "run)");
  const std::uint8_t two[2] = {1, 2};
  REQUIRE(exec.set_input<1>(two, 2).code() == aot::Errc::kUnbound);
  std::uint8_t bytes[2] = {};
  std::int64_t shape[2] = {1, 2};
  DLTensor t{};
  t.data = bytes;
  t.device = DLDevice{kDLCPU, 0};
  t.ndim = 2;
  t.dtype = DLDataType{kDLUInt, 8, 1};
  t.shape = shape;
  REQUIRE(exec.set_input(0, t).code() == aot::Errc::kUnbound);
  REQUIRE(exec.get_output(0, t).code() == aot::Errc::kUnbound);
  REQUIRE(exec.get_input(0).status().code() == aot::Errc::kUnbound);
  REQUIRE(exec.get_output(0).status().code() == aot::Errc::kUnbound);
  // Bound, the same calls work.
  alignas(16) std::uint8_t a[2] = {};
  REQUIRE(exec.bind_input<seed::a>(a).ok());
  REQUIRE(exec.set_input<seed::a>(std::array<std::uint8_t, 2>{7, 8}).ok());
  REQUIRE(a[1] == 8);
}
