#include <aot/model.hpp>

#include <catch2/catch.hpp>
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
