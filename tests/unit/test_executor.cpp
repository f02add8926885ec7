// SPDX-License-Identifier: Apache-2.0
#include <aot/executor.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "failing_model.hpp"
#include "fixture_support.hpp"
#include "legacy_model.hpp"
#include "mixed_model.hpp"
#include "seed_model.hpp"
#include "serving_model.hpp"

namespace {
template <class T>
bool aligned(const T* p, std::size_t a) {
  return reinterpret_cast<std::uintptr_t>(p) % a == 0;
}
}  // namespace

TEST_CASE("seed: a + b through the C interface") {
  aot::AotExecutor<seed> exec;
  exec.set_input<seed::a>(std::array<std::uint8_t, 2>{1, 2});
  exec.set_input<seed::b>(std::array<std::uint8_t, 2>{3, 5});
  REQUIRE(exec.run().ok());
  const auto out = exec.get_output<seed::output>();
  REQUIRE(out(0, 0) == 4);
  REQUIRE(out(0, 1) == 7);
  STATIC_REQUIRE(out.shape()[0] == 1);
  STATIC_REQUIRE(out.shape()[1] == 2);
}

TEST_CASE("seed: uint8 wraps exactly as the generated C does") {
  aot::AotExecutor<seed> exec;
  for (int a = 0; a < 256; a += 51) {
    for (int b = 0; b < 256; b += 17) {
      const std::uint8_t in_a[1][2] = {
          {static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(b)}};
      const std::uint8_t in_b[2] = {static_cast<std::uint8_t>(b), static_cast<std::uint8_t>(a)};
      auto r = exec.infer(in_a, in_b);
      REQUIRE(r.ok());
      auto [out] = r;
      REQUIRE(out[0] == (a + b) % 256);
      REQUIRE(out[1] == (b + a) % 256);
    }
  }
}

TEST_CASE("by index and by tag are the same tensor") {
  aot::AotExecutor<seed> exec;
  REQUIRE(exec.input<0>().data() == exec.input<seed::a>().data());
  REQUIRE(exec.input<1>().data() == exec.input<seed::b>().data());
  REQUIRE(exec.get_output<0>().data() == exec.get_output<seed::output>().data());
  REQUIRE(exec.input<aot::find_input<seed>("b")>().data() == exec.input<seed::b>().data());
}

TEST_CASE("the unpacked entry gives the same result as the C interface") {
  aot::AotExecutor<seed_unpacked> exec;
  auto r = exec.infer(std::array<std::uint8_t, 2>{250, 9}, std::array<std::uint8_t, 2>{10, 90});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == (250 + 10) % 256);
  REQUIRE(r.get<0>()[1] == 99);
}

TEST_CASE("filling inputs in place") {
  aot::AotExecutor<seed> exec;
  auto a = exec.input<seed::a>();
  auto b = exec.input<seed::b>();
  a(0, 0) = 11;
  a(0, 1) = 12;
  b[0] = 100;
  b[1] = 200;
  REQUIRE(exec.run().ok());
  REQUIRE(exec.get_output<0>()[0] == 111);
  REQUIRE(exec.get_output<0>()[1] == 212);
}

TEST_CASE("buffers are aligned and exactly sized") {
  aot::AotExecutor<mixed> exec;
  REQUIRE(aligned(exec.input<0>().data(), 64));
  REQUIRE(aligned(exec.input<1>().data(), 64));
  REQUIRE(aligned(exec.get_output<2>().data(), 64));
  STATIC_REQUIRE(decltype(exec.input<mixed::x>())::bytes() == 24);
  STATIC_REQUIRE(aot::AotExecutor<mixed>::alignment == 64);

  aot::AotExecutor<seed, 256> wide;
  REQUIRE(aligned(wide.input<1>().data(), 256));
  STATIC_REQUIRE(alignof(aot::AotExecutor<seed, 256>) == 256);
  // Three tensors, each on its own 64-byte line.
  STATIC_REQUIRE(sizeof(aot::AotExecutor<seed>) == std::size_t{3} * 64);
}

TEST_CASE("a Span's count is checked at run time and a wrong one changes nothing") {
  aot::AotExecutor<seed> exec;
  exec.set_input<seed::a>(std::array<std::uint8_t, 2>{7, 8});
  const Snapshot<aot::AotExecutor<seed>> before(exec);

  const std::vector<std::uint8_t> three{1, 2, 3};
  const aot::Status s = exec.set_input<seed::a>(aot::Span<const std::uint8_t>(three));
  REQUIRE(s.code() == aot::Errc::kSizeMismatch);
  REQUIRE(s.expected() == 2);
  REQUIRE(s.got() == 3);
  REQUIRE(std::string(s.to_string().c_str()) ==
          "default: input 'a' (index 0): got 3 elements, expected 2");
  REQUIRE(before.same_as(exec));

  const aot::Status n = exec.set_input<0>(static_cast<const std::uint8_t*>(nullptr), 2);
  REQUIRE(n.code() == aot::Errc::kNullData);
  REQUIRE(before.same_as(exec));

  const std::vector<std::uint8_t> two{9, 10};
  REQUIRE(exec.set_input<0>(two.data(), two.size()).ok());
  REQUIRE(exec.input<0>()[1] == 10);
}

TEST_CASE("mixed: two inputs, three outputs of three dtypes, packed convention") {
  aot::AotExecutor<mixed> exec;
  const std::array<float, 6> x{1.f, -2.f, 0.25f, 100.f, -0.5f, 3.f};
  const std::array<std::int8_t, 4> y{-128, 127, 3, -9};
  auto r = exec.infer(x, y);
  REQUIRE(r.ok());
  auto [o0, o1, o2] = r;
  for (std::size_t i = 0; i < 6; ++i) REQUIRE(o0[i] == x[i] * 2.f + 0.5f);
  REQUIRE(o0(1, 0) == 100.f * 2.f + 0.5f);
  for (std::size_t i = 0; i < 4; ++i) REQUIRE(o1[i] == y[3 - i]);
  REQUIRE(o2[0] == -128 + 127 + 3 - 9);
  STATIC_REQUIRE(std::is_same_v<decltype(o2)::value_type, std::int32_t>);
}

TEST_CASE("packed arguments are built once and survive many runs and instances") {
  aot::AotExecutor<mixed> first;
  aot::AotExecutor<mixed> second;
  for (int i = 0; i < 3; ++i) {
    first.input<mixed::y>()[0] = static_cast<std::int8_t>(i);
    second.input<mixed::y>()[0] = static_cast<std::int8_t>(10 * i);
    REQUIRE(first.run().ok());
    REQUIRE(second.run().ok());
    REQUIRE(first.get_output<mixed::output2>()[0] == i);
    REQUIRE(second.get_output<mixed::output2>()[0] == 10 * i);
  }
}

TEST_CASE("legacy v0.8 run_model") {
  aot::AotExecutor<legacy> exec;
  const std::int16_t in[4] = {-4, 0, 7, 10922};
  auto r = exec.infer(in);
  REQUIRE(r.ok());
  for (std::size_t i = 0; i < 4; ++i) REQUIRE(r.get<0>()[i] == in[i] * 3);
}

TEST_CASE("a failing entry function becomes an error value with its code") {
  aot::AotExecutor<failing> exec;
  auto ok = exec.infer(std::array<float, 2>{1.5f, -2.f});
  REQUIRE(ok.ok());
  REQUIRE(ok.get<0>()[0] == -1.5f);
  REQUIRE(ok.get<0>()[1] == 2.f);

  auto bad = exec.infer(std::array<float, 2>{-1.f, 2.f});
  REQUIRE_FALSE(bad);
  REQUIRE(bad.status().code() == aot::Errc::kEntryFailed);
  REQUIRE(bad.status().entry_code() == -1);
  REQUIRE(std::string(bad.status().to_string().c_str()) ==
          "failing: the entry function returned -1");
  // The operator failed before writing: the previous output is still there.
  REQUIRE(exec.get_output<0>()[0] == -1.5f);
}

TEST_CASE("infer stops at the first input that fails and does not run") {
  aot::AotExecutor<seed> exec;
  exec.set_input<seed::a>(std::array<std::uint8_t, 2>{1, 1});
  exec.set_input<seed::b>(std::array<std::uint8_t, 2>{1, 1});
  REQUIRE(exec.run().ok());
  const std::uint8_t one[1] = {5};
  auto r = exec.infer(std::array<std::uint8_t, 2>{9, 9}, aot::Span<const std::uint8_t>(one));
  REQUIRE(r.status().code() == aot::Errc::kSizeMismatch);
  REQUIRE(r.status().index() == 1);
  REQUIRE(exec.get_output<0>()[0] == 2);
}

TEST_CASE("a view of one model's output feeds another model") {
  aot::AotExecutor<seed> first;
  aot::AotExecutor<seed> second;
  first.set_input<0>(std::array<std::uint8_t, 2>{1, 2});
  first.set_input<1>(std::array<std::uint8_t, 2>{3, 4});
  REQUIRE(first.run().ok());
  auto r = second.infer(first.get_output<0>(), first.get_output<0>());
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()[0] == 8);
  REQUIRE(r.get<0>()[1] == 12);
}

TEST_CASE("serving: raw name with ':' and TF-style output name") {
  aot::AotExecutor<serving> exec;
  constexpr std::size_t in = aot::find_input<serving>("serving_default_input_1:0");
  auto r = exec.infer(std::array<std::int8_t, 3>{-128, 0, 127});
  REQUIRE(r.ok());
  REQUIRE(r.get<0>()(0, 0) == -128 * 2 + 1);
  REQUIRE(r.get<0>()(0, 2) == 127 * 2 + 1);
  STATIC_REQUIRE(in == 0);
  REQUIRE(std::string(aot::AotExecutor<serving>::model_name()) == "serving");
}

TEST_CASE("executors are neither copyable nor movable") {
  STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<aot::AotExecutor<seed>>);
  STATIC_REQUIRE_FALSE(std::is_move_constructible_v<aot::AotExecutor<mixed>>);
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<aot::AotExecutor<mixed>>);
}

TEST_CASE("a new executor's buffers are zero") {
  auto* exec = new aot::AotExecutor<mixed>();
  for (float v : exec->input<mixed::x>()) REQUIRE(v == 0.f);
  for (std::int32_t v : exec->get_output<mixed::output2>()) REQUIRE(v == 0);
  delete exec;
}

TEST_CASE("typed set_input from the input's own buffer keeps it") {
  // Source and destination are the same bytes; under ASan a memcpy of them is an error.
  aot::AotExecutor<seed> exec;
  exec.set_input<seed::a>(std::array<std::uint8_t, 2>{7, 9});
  exec.set_input<seed::a>(exec.input_buffer<seed::a>());
  exec.set_input<seed::a>(exec.input<seed::a>());
  REQUIRE(exec.set_input<seed::a>(exec.input<seed::a>().data(), 2).ok());
  REQUIRE(exec.input<seed::a>()[0] == 7);
  REQUIRE(exec.input<seed::a>()[1] == 9);
}

TEST_CASE("set_input returns a Status whatever the source: ok and free for arrays") {
  aot::AotExecutor<seed> exec;
  const std::array<std::uint8_t, 2> a{1, 2};
  auto s = exec.set_input<0>(a);  // compiles: one return type
  static_assert(std::is_same_v<decltype(s), aot::Status>);
  REQUIRE(s.ok());
  std::uint8_t c_array[2] = {3, 4};
  REQUIRE(exec.set_input<seed::b>(c_array).ok());
  REQUIRE(exec.run().ok());
  REQUIRE(exec.get_output<0>()[1] == 2 + 4);
}

TEST_CASE("std::vector and any contiguous range feed the run-time-checked path") {
  aot::AotExecutor<seed> exec;
  const std::vector<std::uint8_t> a{10, 20};
  REQUIRE(exec.set_input<seed::a>(a).ok());
  REQUIRE(exec.set_input<1>(aot::Span(a)).ok());  // aot::Span deduces from a container
  const std::vector<std::uint8_t> three{1, 2, 3};
  const aot::Status s = exec.set_input<seed::b>(three);
  REQUIRE(s.code() == aot::Errc::kSizeMismatch);
  REQUIRE(s.expected() == 2);
  REQUIRE(s.got() == 3);
  REQUIRE(exec.run().ok());
  REQUIRE(exec.get_output<0>()[0] == 20);  // b still holds a's copy: 10 + 10
  struct Buffer {                          // a user's contiguous type
    std::uint8_t bytes[2] = {5, 6};
    const std::uint8_t* data() const { return bytes; }
    std::size_t size() const { return 2; }
  } user;
  REQUIRE(exec.set_input<0>(user).ok());
  REQUIRE(exec.input<seed::a>()[1] == 6);
}

#if __cplusplus >= 202002L && __has_include(<span>)
#include <span>
TEST_CASE("C++20 std::span: fixed extents checked at compile time, dynamic ones at run time") {
  aot::AotExecutor<seed> exec;
  std::uint8_t bytes[2] = {7, 8};
  const std::span<const std::uint8_t, 2> fixed(bytes);
  auto ok = exec.set_input<seed::a>(fixed);  // compile-time checked: an ok Status
  REQUIRE(ok.ok());
  const std::span<const std::uint8_t> dynamic(bytes, 1);
  REQUIRE(exec.set_input<seed::b>(dynamic).code() == aot::Errc::kSizeMismatch);
  REQUIRE(exec.input<seed::a>()[0] == 7);
}
#endif
