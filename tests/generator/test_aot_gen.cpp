// The generator's parsers on their own: inputs written here, expectations by hand.
#include <catch2/catch.hpp>
#include <string>

#include "aot_gen.hpp"

using aot_gen::Error;

TEST_CASE("sanitize matches TVM") {
  REQUIRE(aot_gen::sanitize("serving_default_input_1:0") == "serving_default_input_1_0");
  REQUIRE(aot_gen::sanitize("a/b.c-d") == "a_b_c_d");
}

TEST_CASE("Relay: names with ':', comments, bound params, tuple return") {
  const std::string text =
      "#[version = \"0.0.5\"]\n"
      "def @main(%x:0: Tensor[(1, 3), int8] /* ty=Tensor[(1, 3), int8] span=x:0 */,\n"
      "          %v_param_2: Tensor[(3), int8], %y: Tensor[(), float32],\n"
      "          output_tensor_names=[\"A\", \"B:0\"]) -> (Tensor[(1, 3), int8], Tensor[(2), "
      "int32]) {\n"
      "  (%x:0, %y)\n}\n";
  const aot_gen::RelayFacts r = aot_gen::parse_relay("m.relay", text);
  REQUIRE(r.inputs.size() == 2);
  REQUIRE(r.inputs[0].raw_name == "x:0");
  REQUIRE(*r.inputs[0].dtype == "int8");
  REQUIRE(*r.inputs[0].shape == std::vector<std::int64_t>{1, 3});
  REQUIRE(r.inputs[1].raw_name == "y");
  REQUIRE(r.inputs[1].shape->empty());
  REQUIRE(r.has_return_type);
  REQUIRE(r.outputs.size() == 2);
  REQUIRE(*r.outputs[1].dtype == "int32");
  REQUIRE(r.output_names == std::vector<std::string>{"A", "B:0"});
}

TEST_CASE("Relay without a return type leaves outputs unknown") {
  const aot_gen::RelayFacts r =
      aot_gen::parse_relay("m.relay", "def @main(%a: Tensor[(4), uint8]) {\n  %a\n}\n");
  REQUIRE_FALSE(r.has_return_type);
  REQUIRE(r.outputs.empty());
}

TEST_CASE("Relay errors name the line") {
  try {
    aot_gen::parse_relay("m.relay", "\n\ndef @main(%a: Tensor[(4, n), uint8]) {\n}\n");
    FAIL("no error");
  } catch (const Error& e) {
    REQUIRE(e.where() == "m.relay:3");
    REQUIRE(std::string(e.what()) ==
            "dimension 'n' is not a number (dynamic shapes are not supported)");
  }
}

TEST_CASE("header: structs, macros in any order, run signature") {
  const std::string h =
      "#define TVMGEN_M_WORKSPACE_SIZE 64\n#define TVMGEN_M_B_SIZE 4\n#define TVMGEN_M_A_SIZE 2\n"
      "#define TVMGEN_M_P_WORKSPACE_POOL_SIZE 128\n"
      "struct tvmgen_m_inputs {\n  void* a;\n  void* b;\n};\n"
      "struct tvmgen_m_outputs {\n  void* output;\n};\n"
      "struct tvmgen_m_workspace_pools {\n  void* p;\n};\n"
      "int32_t tvmgen_m_run(\n  struct tvmgen_m_inputs* inputs,\n  struct tvmgen_m_outputs* "
      "outputs,\n"
      "  struct tvmgen_m_workspace_pools* workspace_pools\n);\n";
  const aot_gen::HeaderFacts f = aot_gen::parse_header("tvmgen_m.h", h, "m");
  REQUIRE(f.inputs == std::vector<std::string>{"a", "b"});
  REQUIRE(f.outputs == std::vector<std::string>{"output"});
  REQUIRE(f.pools == std::vector<std::string>{"p"});
  REQUIRE(*f.workspace_size == 64);
  REQUIRE(f.size_macros.at("A").first == 2);
  REQUIRE(f.size_macros.at("A").second == 3);
  REQUIRE(f.size_macros.at("P_WORKSPACE_POOL").first == 128);
  REQUIRE(f.run_params.size() == 3);
}

TEST_CASE("metadata: flat v5 and per-module v7") {
  const aot_gen::MetadataFacts v5 = aot_gen::parse_metadata(
      "metadata.json",
      R"({"version": 5, "model_name": "kws", "memory": {"functions": {"main": [{"device": 1, "workspace_size_bytes": 96}]}}})");
  REQUIRE(v5.model_name == "kws");
  REQUIRE(*v5.workspace_size == 96);
  REQUIRE_FALSE(v5.has_io);
  // Version 6: still flat, "target" a list; early v0.9 builds wrote this shape too.
  const aot_gen::MetadataFacts v6 = aot_gen::parse_metadata(
      "metadata.json",
      R"({"version": 6, "model_name": "net", "target": ["c -keys=cpu"], "style": "full-model",
          "memory": {"functions": {"main": [{"device": 1, "workspace_size_bytes": 2048}]}}})");
  REQUIRE(v6.version == 6);
  REQUIRE(v6.model_name == "net");
  REQUIRE(*v6.workspace_size == 2048);
  REQUIRE_THROWS_AS(
      aot_gen::parse_metadata("metadata.json", R"({"version": 4, "model_name": "x"})"), Error);
  const aot_gen::MetadataFacts v7 = aot_gen::parse_metadata(
      "metadata.json",
      R"({"version": 7, "modules": {"m": {"memory": {"functions": {"main": [{"device": 1, "workspace_size_bytes": 0,
          "inputs": {"x:0": {"dtype": "int8", "size": 10}}, "outputs": {"Identity": {"dtype": "float32", "size": 8}}}]}}}}})");
  REQUIRE(v7.model_name == "m");
  REQUIRE(v7.inputs.at(0).raw_name == "x:0");
  REQUIRE(v7.inputs.at(0).sanitized == "x_0");
  REQUIRE(*v7.outputs.at(0).size_bytes == 8);
}

TEST_CASE("tar: pax headers, ./ prefixes") {
  const aot_gen::Archive a = aot_gen::read_archive(std::string(AOT_MLF_DIR) + "/v011");
  REQUIRE(a.find("metadata.json") != nullptr);
  REQUIRE(a.find("codegen/host/include/tvmgen_v011.h") != nullptr);
}
