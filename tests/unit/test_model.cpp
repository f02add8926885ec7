// SPDX-License-Identifier: Apache-2.0
#include <aot/model.hpp>
#include <aot/pools.hpp>

#include <catch2/catch.hpp>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "mixed_model.hpp"
#include "seed_model.hpp"
#include "serving_model.hpp"

TEST_CASE("fixture descriptions are valid") {
  STATIC_REQUIRE(aot::detail::validate_model<seed>());
  STATIC_REQUIRE(aot::detail::validate_model<seed_unpacked>());
  STATIC_REQUIRE(aot::detail::validate_model<mixed>());
  STATIC_REQUIRE(aot::detail::validate_model<serving>());
}

TEST_CASE("compile-time lookup by raw or sanitised name") {
  STATIC_REQUIRE(aot::find_input<seed>("a") == 0);
  STATIC_REQUIRE(aot::find_input<seed>("b") == 1);
  STATIC_REQUIRE(aot::find_input<seed>("c") == aot::npos);
  STATIC_REQUIRE(aot::find_output<seed>("output") == 0);
  STATIC_REQUIRE(aot::find_input<serving>("serving_default_input_1:0") == 0);
  STATIC_REQUIRE(aot::find_input<serving>("serving_default_input_1_0") == 0);
  STATIC_REQUIRE(aot::find_input<serving>("serving_default_input_1") == aot::npos);
  STATIC_REQUIRE(aot::find_output<mixed>("output2") == 2);
  STATIC_REQUIRE(aot::find_output<mixed>("x") == aot::npos);
}

TEST_CASE("tag types and indices") {
  STATIC_REQUIRE(std::is_same_v<aot::input_t<mixed, 1>, mixed::y>);
  STATIC_REQUIRE(std::is_same_v<aot::output_t<mixed, 2>, mixed::output2>);
  STATIC_REQUIRE(aot::input_index_v<mixed, mixed::y> == 1);
  STATIC_REQUIRE(aot::output_index_v<mixed, mixed::output1> == 1);
  STATIC_REQUIRE(aot::input_index_v<mixed, mixed::output1> == aot::npos);
}

TEST_CASE("run-time tensor infos") {
  using In = aot::detail::ListTraits<mixed::inputs>;
  using Out = aot::detail::ListTraits<mixed::outputs>;
  STATIC_REQUIRE(In::size == 2);
  STATIC_REQUIRE(In::total_bytes == 6 * 4 + 4 * 1);
  STATIC_REQUIRE(Out::total_bytes == 6 * 4 + 4 * 1 + 1 * 4);
  const aot::TensorInfo& x = In::infos[0];
  REQUIRE(x.name == "x");
  REQUIRE(x.dtype == aot::DataType{aot::kFloat, 32, 1});
  REQUIRE(x.shape.size() == 2);
  REQUIRE(x.shape[0] == 2);
  REQUIRE(x.shape[1] == 3);
  REQUIRE(x.size == 6);
  REQUIRE(x.size_bytes == 24);

  const aot::TensorInfo& s = aot::detail::ListTraits<serving::inputs>::infos[0];
  REQUIRE(s.raw_name == "serving_default_input_1:0");
  REQUIRE(s.name == "serving_default_input_1_0");
  REQUIRE(s.raw_name.data()[s.raw_name.size()] == '\0');
}

TEST_CASE("model traits") {
  REQUIRE(std::string_view(aot::detail::ModelTraits<seed>::name()) == "default");
  STATIC_REQUIRE(aot::detail::ModelTraits<seed>::workspace_size == 0);
  STATIC_REQUIRE(aot::detail::ModelTraits<mixed>::workspace_size == 0);
}

namespace {
std::int32_t typed_entry(const float*, aot::Float16*, std::uint16_t*, volatile bool*, std::int8_t*,
                         void*, std::uint8_t*, const void*) {
  return 0;
}
}  // namespace

/// Every parameter type an unpacked entry may take, one per argument. (Outside the unnamed
/// namespace: nothing reads the device's raw_name, which Clang would report as unused.)
struct typed {
  static constexpr std::string_view name = "typed";
  struct f : aot::TensorSpec<float, 2> {
    static constexpr std::string_view raw_name = "f";
  };
  struct h : aot::TensorSpec<aot::Float16, 2> {
    static constexpr std::string_view raw_name = "h";
  };
  struct bf : aot::TensorSpec<aot::BFloat16, 2> {
    static constexpr std::string_view raw_name = "bf";
  };
  struct b : aot::TensorSpec<bool, 2> {
    static constexpr std::string_view raw_name = "b";
  };
  struct b8 : aot::TensorSpec<bool, 2> {
    static constexpr std::string_view raw_name = "b8";
  };
  struct out : aot::TensorSpec<std::int32_t, 2> {
    static constexpr std::string_view raw_name = "out";
  };
  struct pool : aot::PoolSpec<64> {
    static constexpr std::string_view raw_name = "pool";
  };
  struct dev : aot::DeviceSpec {
    static constexpr std::string_view raw_name = "dev";
  };
  using inputs = aot::TensorList<f, h, bf, b, b8>;
  using outputs = aot::TensorList<out>;
  using pools = aot::PoolList<pool>;
  using devices = aot::DeviceList<dev>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &typed_entry;
};

TEST_CASE("unpacked entries: each parameter's pointee is checked against its argument") {
  STATIC_REQUIRE(aot::detail::validate_model<typed>());
  using aot::detail::EntryParam;
  using aot::detail::ParamRole;
  using aot::detail::unpacked_pointee_fits;
  using F = EntryParam<ParamRole::kTensor, typed::f>;
  STATIC_REQUIRE(unpacked_pointee_fits<F, float>());
  STATIC_REQUIRE(unpacked_pointee_fits<F, void>());
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<F, double>());
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<F, std::int32_t>());
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<F, std::uint16_t>());
  using H = EntryParam<ParamRole::kTensor, typed::h>;
  STATIC_REQUIRE(unpacked_pointee_fits<H, std::uint16_t>());
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<H, std::int16_t>());
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<H, aot::BFloat16>());
  using B = EntryParam<ParamRole::kTensor, typed::b>;
  STATIC_REQUIRE(unpacked_pointee_fits<B, std::int8_t>());
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<B, std::uint8_t>());
  using P = EntryParam<ParamRole::kPool, typed::pool>;
  STATIC_REQUIRE(unpacked_pointee_fits<P, std::uint8_t>());
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<P, std::int8_t>());
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<P, float>());
  using D = EntryParam<ParamRole::kDevice, typed::dev>;
  STATIC_REQUIRE(unpacked_pointee_fits<D, void>());
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<D, std::uint8_t>());
  // An int8 tensor does not take a float* (the case that used to compile and compute garbage).
  STATIC_REQUIRE_FALSE(unpacked_pointee_fits<EntryParam<ParamRole::kTensor, mixed::y>, float>());
}
