// SPDX-License-Identifier: Apache-2.0
// Resolution over MLFs written here in TVM's style, file by file: which facts come from
// where, what is checked against what, and that one run reports every problem.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "aot_gen.hpp"

using aot_gen::Options;
using aot_gen::Report;

namespace {

// A TVM 0.11-style MLF of module "net": int8 input_1 (1, 49, 10, 1) -> float32 output (1, 12),
// internal pools, typed __tvm_main__ in lib1, metadata v7 with inputs/outputs, Relay text.
const char* kHeader =
    "#ifndef TVMGEN_NET_H_\n"                             // 1
    "#define TVMGEN_NET_H_\n"                             // 2
    "#include <stdint.h>\n"                               // 3
    "#ifdef __cplusplus\nextern \"C\" {\n#endif\n"        // 4-6
    "#define TVMGEN_NET_OUTPUT_SIZE 48\n"                 // 7
    "#define TVMGEN_NET_INPUT_1_SIZE 490\n"               // 8
    "#define TVMGEN_NET_WORKSPACE_SIZE 128\n"             // 9
    "struct tvmgen_net_inputs {\n  void* input_1;\n};\n"  // 10-12
    "struct tvmgen_net_outputs {\n  void* output;\n};\n"  // 13-15
    "int32_t tvmgen_net_run(\n"                           // 16
    "  struct tvmgen_net_inputs* inputs,\n"
    "  struct tvmgen_net_outputs* outputs\n);\n"
    "#ifdef __cplusplus\n}\n#endif\n#endif\n";

const char* kLib0 =
    "#include \"tvm/runtime/c_runtime_api.h\"\n"  // 1
    "#include <tvmgen_net.h>\n"                   // 2
    "static const struct global_const_workspace {\n"
    "  float fused_constant_let[12] __attribute__((aligned(16)));\n"
    "  int8_t fused_constant_1_let[5] __attribute__((aligned(16)));\n"
    "} global_const_workspace __attribute__((section(\".rodata.tvm\"), ))= {\n"
    "  .fused_constant_let = {\n    0x1p+0, 0x1p+0, 0x1p+0, 0x1p+0, 0x1p+0, 0x1p+0,\n"
    "    0x1p+0, 0x1p+0, 0x1p+0, 0x1p+0, 0x1p+0, 0x1p+0\n  },\n"
    "  .fused_constant_1_let = {1, 2, 3, 4, 5},\n"
    "};// of total size 53 bytes\n"
    "__attribute__((section(\".bss.noinit.tvm\"), aligned(16)))\n"
    "static uint8_t global_workspace[128];\n"
    "TVM_DLL int32_t tvmgen_net___tvm_main__(void* input_1,void* output0,uint8_t* "
    "global_const_workspace_0_var,uint8_t* global_workspace_1_var);\n"
    "int32_t tvmgen_net_run(struct tvmgen_net_inputs* inputs,struct tvmgen_net_outputs* "
    "outputs) {return tvmgen_net___tvm_main__(inputs->input_1,outputs->output,&global_const_"
    "workspace,&global_workspace);\n}\n";

const char* kLib1 =
    "// tvm target: c -keys=cpu \n"  // 1
    "#define TVM_EXPORTS\n"          // 2
    "#include \"tvm/runtime/c_runtime_api.h\"\n"
    "#include \"tvm/runtime/c_backend_api.h\"\n"
    "#include <math.h>\n"                         // 5
    "#ifdef __cplusplus\nextern \"C\"\n#endif\n"  // 6-8
    "TVM_DLL int32_t tvmgen_net_fused_dense(int8_t* p0, float* T_dense, uint8_t* "
    "global_const_workspace_2_var, uint8_t* global_workspace_3_var) {\n"  // 9
    "  for (int32_t j = 0; j < 12; ++j) { T_dense[j] = ((float)p0[j]); }\n  return 0;\n}\n"
    "#ifdef __cplusplus\nextern \"C\"\n#endif\n"  // 13-15
    "TVM_DLL int32_t tvmgen_net___tvm_main__(int8_t* input_1_buffer_var, float* "
    "output_buffer_var, uint8_t* global_const_workspace_0_var, uint8_t* "
    "global_workspace_1_var) {\n"  // 16
    "  if (tvmgen_net_fused_dense(input_1_buffer_var, output_buffer_var, "
    "global_const_workspace_0_var, global_workspace_1_var) != 0 ) return -1;\n"  // 17
    "  return 0;\n}\n";

const char* kMetadata =
    "{\n"                                            // 1
    "  \"modules\": {\n"                             // 2
    "    \"net\": {\n"                               // 3
    "      \"memory\": {\n"                          // 4
    "        \"functions\": {\n"                     // 5
    "          \"main\": [\n"                        // 6
    "            {\n"                                // 7
    "              \"constants_size_bytes\": 53,\n"  // 8
    "              \"device\": 1,\n"                 // 9
    "              \"inputs\": {\n"                  // 10
    "                \"input_1\": {\n"               // 11
    "                  \"dtype\": \"int8\",\n"       // 12
    "                  \"size\": 490\n"              // 13
    "                }\n"                            // 14
    "              },\n"                             // 15
    "              \"io_size_bytes\": 538,\n"        // 16
    "              \"outputs\": {\n"                 // 17
    "                \"output\": {\n"                // 18
    "                  \"dtype\": \"float32\",\n"    // 19
    "                  \"size\": 48\n"               // 20
    "                }\n"                            // 21
    "              },\n"                             // 22
    "              \"workspace_size_bytes\": 128\n"  // 23
    "            }\n"
    "          ],\n"
    "          \"operator_functions\": []\n"
    "        }\n"
    "      },\n"
    "      \"model_name\": \"net\",\n"
    "      \"style\": \"full-model\",\n"
    "      \"target\": [\"c -keys=cpu \"]\n"
    "    }\n"
    "  },\n"
    "  \"version\": 7\n"
    "}\n";

const char* kRelay =
    "#[version = \"0.0.5\"]\n"
    "def @main(%input_1: Tensor[(1, 49, 10, 1), int8] /* ty=Tensor[(1, 49, 10, 1), int8] */, "
    "%v_param_1: Tensor[(12), float32]) -> Tensor[(1, 12), float32] {\n"
    "  %0 = cast(%input_1, dtype=\"float32\");\n  nn.dense(%0, %v_param_1)\n}\n";

using Files = std::map<std::string, std::string>;

Files full_mlf() {
  return {{"metadata.json", kMetadata},
          {"src/net.relay", kRelay},
          {"codegen/host/include/tvmgen_net.h", kHeader},
          {"codegen/host/src/net_lib0.c", kLib0},
          {"codegen/host/src/net_lib1.c", kLib1}};
}

struct Result {
  aot_gen::Model model;
  Report report;

  std::vector<std::string> errors() const { return of(aot_gen::Message::Kind::kError); }
  std::vector<std::string> notes() const { return of(aot_gen::Message::Kind::kNote); }
  std::vector<std::string> of(aot_gen::Message::Kind kind) const {
    std::vector<std::string> out;
    for (const auto& m : report.messages()) {
      if (m.kind == kind) out.push_back(m.str());
    }
    return out;
  }
};

Result resolve(const Files& files, const Options& opt = {}) {
  aot_gen::Archive a;
  a.origin = "mlf";
  for (const auto& [path, text] : files) {
    a.files[path] = text;
    a.found_as[path] = path;
  }
  Result r;
  r.model = aot_gen::resolve(a, opt, r.report);
  return r;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a whole TVM 0.11 MLF: every source agrees and nothing is needed from the user") {
  const Result r = resolve(full_mlf());
  REQUIRE(r.errors().empty());
  REQUIRE(r.notes().empty());
  const aot_gen::Model& m = r.model;
  REQUIRE(m.convention == aot_gen::Convention::kCInterface);
  REQUIRE(m.inputs.size() == 1);
  REQUIRE(m.inputs[0].dtype == "int8");
  REQUIRE(m.inputs[0].shape == std::vector<std::int64_t>{1, 49, 10, 1});
  REQUIRE(m.inputs[0].size_bytes == 490);
  REQUIRE(m.outputs[0].dtype == "float32");
  REQUIRE(m.outputs[0].shape == std::vector<std::int64_t>{1, 12});
  REQUIRE(*m.workspace_size == 128);
  REQUIRE(m.internal_pools);
  // 12 floats (48 bytes) then 5 int8 at the next 16-byte boundary: 48 + 5 = 53, rounded to 64.
  REQUIRE(m.constants_size == 64u);
}

TEST_CASE("a committed codegen/host (header and sources only): dtypes from typed parameters") {
  Files f = full_mlf();
  f.erase("metadata.json");
  f.erase("src/net.relay");
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.inputs[0].dtype == "int8");      // int8_t* input_1_buffer_var
  REQUIRE(r.model.outputs[0].dtype == "float32");  // float* output_buffer_var
  // Shapes: only the byte sizes say anything, so flat, with a note each.
  REQUIRE(r.model.inputs[0].shape == std::vector<std::int64_t>{490});
  REQUIRE(r.model.outputs[0].shape == std::vector<std::int64_t>{12});
  REQUIRE(r.notes().size() == 2);
}

TEST_CASE("the typed parameters follow lib0's call, not the struct order") {
  // Two inputs whose struct order differs from __tvm_main__'s parameter order.
  Files f;
  f["codegen/host/include/tvmgen_m.h"] =
      "#define TVMGEN_M_A_SIZE 4\n#define TVMGEN_M_B_SIZE 2\n#define TVMGEN_M_Y_SIZE 1\n"
      "struct tvmgen_m_inputs { void* a; void* b; };\n"
      "struct tvmgen_m_outputs { void* y; };\n"
      "int32_t tvmgen_m_run(struct tvmgen_m_inputs* inputs, struct tvmgen_m_outputs* outputs);\n";
  f["codegen/host/src/m_lib0.c"] =
      "int32_t tvmgen_m_run(struct tvmgen_m_inputs* inputs,struct tvmgen_m_outputs* outputs) "
      "{return tvmgen_m___tvm_main__(inputs->b,inputs->a,outputs->y);}\n";
  f["codegen/host/src/m_lib1.c"] =
      "int32_t tvmgen_m___tvm_main__(int16_t* b_buffer_var, float* a_buffer_var, uint8_t* y) {\n"
      "  return 0;\n}\n";
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.inputs[0].raw_name == "a");
  REQUIRE(r.model.inputs[0].dtype == "float32");
  REQUIRE(r.model.inputs[1].dtype == "int16");
  REQUIRE(r.model.outputs[0].dtype == "uint8");
}

TEST_CASE("every contradiction in one run, each naming both sources") {
  Options opt;
  opt.shapes["input_1"] = {1, 10};    // 10 bytes; the header and metadata say 490
  opt.dtypes["output"] = "int32";     // the typed parameter says float
  opt.dtypes["input_1"] = "float33";  // not a dtype at all
  opt.entry = "packed";               // lib0 defines the C interface
  const Result r = resolve(full_mlf(), opt);
  const std::vector<std::string> e = r.errors();
  REQUIRE(e.size() == 4);
  CHECK(e[0] ==
        "aot-gen: error: --dtype: unknown dtype 'float33' for input 'input_1' (aot knows int8, "
        "int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64, bfloat16, "
        "bool)");
  CHECK(e[1] ==
        "aot-gen: error: --shape: shape of input 'input_1' is (1, 10) here but (1, 49, 10, 1) in "
        "mlf/src/net.relay:2");
  CHECK(e[2] ==
        "aot-gen: error: --dtype: output 'output' is int32 here but its parameter is float* in "
        "mlf/codegen/host/src/net_lib1.c:16");
  CHECK(e[3] ==
        "aot-gen: error: --entry: says packed, but tvmgen_net_run in "
        "mlf/codegen/host/src/net_lib0.c:16 is the C interface (structs of pointers): leave "
        "--entry out, or say c");
}

TEST_CASE("through aot_add_model, messages speak its keywords") {
  Files f = full_mlf();
  f.erase("metadata.json");
  f.erase("src/net.relay");
  // Neither the entry nor the operator it hands the input to types it.
  f["codegen/host/src/net_lib1.c"] =
      replaced(replaced(kLib1, "TVM_DLL int32_t tvmgen_net___tvm_main__(int8_t*",
                        "TVM_DLL int32_t tvmgen_net___tvm_main__(void*"),
               "tvmgen_net_fused_dense(int8_t* p0", "tvmgen_net_fused_dense(void* p0");
  Options opt;
  opt.syntax = aot_gen::Syntax::kCMake;
  opt.shapes["output"] = {1, 12};
  const Result r = resolve(f, opt);
  REQUIRE(r.errors() ==
          std::vector<std::string>{"aot-gen: error: mlf: input 'input_1' has no dtype in any "
                                   "source: give DTYPES input_1=<int8|float32|...>"});
  // The option's shape is checked against the header's byte size (12 floats = 48 bytes); the
  // header's comment names the place inside the MLF, the same on every machine.
  REQUIRE(r.model.outputs[0].comments ==
          std::vector<std::string>{"raw name not in any file: the header's sanitised name",
                                   "shape from SHAPES; its element count is checked against "
                                   "codegen/host/include/tvmgen_net.h:7"});
}

// TVM 0.8's flat metadata (version 5): io_size_bytes is exactly the bytes of the I/O.
const char* kMetadataV5 =
    "{\n"
    "  \"executors\": [\"aot\"],\n"
    "  \"memory\": {\"functions\": {\"main\": [{\n"
    "    \"constants_size_bytes\": 53,\n"
    "    \"device\": 1,\n"
    "    \"io_size_bytes\": 538,\n"  // 6
    "    \"workspace_size_bytes\": 128\n"
    "  }], \"operator_functions\": []}},\n"
    "  \"model_name\": \"net\",\n"
    "  \"style\": \"full-model\",\n"
    "  \"target\": {\"1\": \"c -keys=cpu \"},\n"
    "  \"version\": 5\n"
    "}\n";

TEST_CASE("a shape smaller than metadata's sizes is refused, not handed to the generated code") {
  // MLF v5: no per-tensor sizes, but io_size_bytes counts every byte of I/O.
  Files f = full_mlf();
  f.erase("src/net.relay");
  f["codegen/host/include/tvmgen_net.h"] =
      replaced(replaced(kHeader, "#define TVMGEN_NET_OUTPUT_SIZE 48\n", ""),
               "#define TVMGEN_NET_INPUT_1_SIZE 490\n", "");
  f["metadata.json"] = kMetadataV5;
  {
    const Result r = resolve(f);  // two tensors of unknown size: the total cannot split itself
    REQUIRE(r.errors().size() == 2);
  }
  Options opt;
  opt.shapes["input_1"] = {1, 49, 10, 1};
  const Result ok = resolve(f, opt);
  REQUIRE(ok.errors().empty());
  REQUIRE(ok.model.outputs[0].size_bytes == 48);  // 538 - 490, from io_size_bytes
  opt.shapes["input_1"] = {1, 40, 10, 1};         // 400 bytes leave 138 for 12 floats
  const Result small = resolve(f, opt);
  REQUIRE(small.errors() ==
          std::vector<std::string>{"aot-gen: error: mlf/metadata.json:6: output 'output' is 138 "
                                   "bytes, not a whole number of float32"});
}

TEST_CASE("an MLF with parts missing says which and why") {
  SECTION("lib0 left out: run declared, defined nowhere") {
    Files f = full_mlf();
    f.erase("codegen/host/src/net_lib0.c");
    const Result r = resolve(f);
    REQUIRE(r.errors() ==
            std::vector<std::string>{
                "aot-gen: error: mlf/codegen/host/include/tvmgen_net.h:16: tvmgen_net_run is "
                "declared here but no source in codegen/host/src defines it (found net_lib1.c): "
                "net_lib0.c is missing; repositories often leave out files of 4 MiB or more, and "
                "lib0 holds the constants"});
  }
  SECTION("an operator's lib left out") {
    Files f = full_mlf();
    f["codegen/host/src/net_lib1.c"] = replaced(
        kLib1,
        "TVM_DLL int32_t tvmgen_net_fused_dense(int8_t* p0, float* T_dense, uint8_t* "
        "global_const_workspace_2_var, uint8_t* global_workspace_3_var) {\n"
        "  for (int32_t j = 0; j < 12; ++j) { T_dense[j] = ((float)p0[j]); }\n  return 0;\n}\n",
        "\n\n\n\n");
    const Result r = resolve(f);
    REQUIRE(r.errors() == std::vector<std::string>{
                              "aot-gen: error: mlf/codegen/host/src/net_lib1.c:17: "
                              "tvmgen_net___tvm_main__ calls tvmgen_net_fused_dense, which no "
                              "source defines (found net_lib0.c, net_lib1.c): a lib file is "
                              "missing"});
  }
  SECTION("a pool the run wrapper passes but nothing defines") {
    Files f = full_mlf();
    f["codegen/host/src/net_lib0.c"] = replaced(kLib0, "static uint8_t global_workspace[128];", "");
    const Result r = resolve(f);
    REQUIRE(r.errors().size() == 1);
    REQUIRE(r.errors()[0].find("tvmgen_net_run passes 'global_workspace', which no source "
                               "defines: a pool declared but not defined") != std::string::npos);
  }
}

TEST_CASE("the order a user gives is checked against the files") {
  Files f = full_mlf();
  Options opt;
  opt.output_order = {"scores"};
  const Result r = resolve(f, opt);
  REQUIRE(r.errors() ==
          std::vector<std::string>{"aot-gen: error: --outputs: gives outputs (scores) but "
                                   "mlf/codegen/host/include/tvmgen_net.h:13 has (output)"});
  Options names;
  names.shapes["input1"] = {490};
  REQUIRE(resolve(f, names).errors() ==
          std::vector<std::string>{"aot-gen: error: --shape: no tensor 'input1' in module net (it "
                                   "has input_1, output)"});
}

TEST_CASE("names that cannot be C++ types are renamed, their strings kept; collisions refused") {
  Files f = full_mlf();
  f.erase("metadata.json");
  f.erase("src/net.relay");
  const std::map<std::string, std::string> renamed = {
      {"std", "t_std"},
      {"shape", "t_shape"},
      {"raw_name", "t_raw_name"},
      {"net", "t_net"},
      {"constexpr", "t_constexpr"},
      {"_Reserved", "t_Reserved"},
      {"a__b", "t_a_b"},
      {"workspace_alignment", "t_workspace_alignment"},
      {"model_workspace_size", "t_model_workspace_size"}};
  for (const auto& [bad_name, cpp_name] : renamed) {
    const char* bad = bad_name.c_str();
    Files g = f;
    std::string h = kHeader;
    for (std::size_t at; (at = h.find("input_1")) != std::string::npos;) h.replace(at, 7, bad);
    h = replaced(h, std::string("TVMGEN_NET_INPUT_1_SIZE"),
                 "TVMGEN_NET_" + aot_gen::upper(bad) + "_SIZE");
    g["codegen/host/include/tvmgen_net.h"] = h;
    g["codegen/host/src/net_lib0.c"] =
        replaced(kLib0, "inputs->input_1", std::string("inputs->") + bad);
    const Result r = resolve(g);
    INFO(bad);
    REQUIRE(r.errors().empty());
    REQUIRE(r.model.inputs[0].raw_name == bad);
    REQUIRE(r.model.inputs[0].type_name == cpp_name);
  }
}

TEST_CASE("an MLF of several modules needs --module, and --module must name one") {
  Files f = full_mlf();
  f["metadata.json"] = replaced(kMetadata, "  \"version\": 7", "  \"version\": 7");
  f["metadata.json"] = replaced(f["metadata.json"], "  \"modules\": {\n",
                                "  \"modules\": {\n    \"other\": {\"model_name\": \"other\"},\n");
  REQUIRE(resolve(f).errors() ==
          std::vector<std::string>{"aot-gen: error: mlf/metadata.json: lists 2 modules (other, "
                                   "net): give --module <name>; each module is its own model "
                                   "type"});
  Options opt;
  opt.module = "net";
  REQUIRE(resolve(f, opt).errors().empty());
  opt.module = "nett";
  REQUIRE(resolve(f, opt).errors() ==
          std::vector<std::string>{
              "aot-gen: error: mlf/metadata.json: has no module 'nett' (it lists other, net)"});
}

TEST_CASE("the unpacked entry is checked parameter by parameter") {
  Files f = full_mlf();
  Options opt;
  opt.entry = "unpacked";
  const Result r = resolve(f, opt);  // __tvm_main__ also takes the two internal pools
  REQUIRE(r.errors().size() == 1);
  REQUIRE(r.errors()[0].find("the unpacked entry (--entry unpacked) tvmgen_net___tvm_main__ takes "
                             "4 arguments but the model has 1 input, 1 output, 0 external pools "
                             "and 0 devices (the others are internal pools") != std::string::npos);
  // Without pools, the typed parameters become the declaration's types.
  Files g;
  g["codegen/host/src/m_lib1.c"] =
      "TVM_DLL int32_t tvmgen_m___tvm_main__(int8_t* a_buffer_var, float* y_buffer_var) {\n"
      "  return 0;\n}\n";
  g["src/m.relay"] = "def @main(%a: Tensor[(2), int8]) -> Tensor[(2), float32] {\n}\n";
  const Result u = resolve(g);
  REQUIRE(u.errors().empty());
  REQUIRE(u.model.convention == aot_gen::Convention::kUnpacked);
  REQUIRE(u.model.entry_params == std::vector<std::string>{"std::int8_t*", "float*"});
}

TEST_CASE("a 16-bit parameter may be uint16, float16 or bfloat16: read as uint16 with a note") {
  Files g;
  g["codegen/host/src/m_lib1.c"] =
      "int32_t tvmgen_m___tvm_main__(uint16_t* a_buffer_var, uint16_t* y_buffer_var) {\n}\n";
  g["src/m.relay"] = "def @main(%a: Tensor[(2), bfloat16]) {\n}\n";
  Options opt;
  opt.output_order = {"y"};
  opt.shapes["y"] = {2};
  const Result r = resolve(g, opt);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.inputs[0].dtype == "bfloat16");  // Relay says which
  REQUIRE(r.model.outputs[0].dtype == "uint16");
  opt.dtypes["y"] = "float16";
  const Result h = resolve(g, opt);
  REQUIRE(h.errors().empty());
  REQUIRE(h.model.outputs[0].dtype == "float16");
  opt.dtypes["y"] = "int16";
  REQUIRE(resolve(g, opt).errors().size() == 1);
}

TEST_CASE("a packed __tvm_main__ behind the C interface gives no dtype evidence") {
  // interface-api=c with unpacked-api=0: lib0 packs the pointers into TVMValues.
  Files f;
  f["codegen/host/include/tvmgen_m.h"] =
      "#define TVMGEN_M_A_SIZE 8\n#define TVMGEN_M_B_SIZE 8\n#define TVMGEN_M_Y_SIZE 8\n"
      "struct tvmgen_m_inputs { void* a; void* b; };\n"
      "struct tvmgen_m_outputs { void* y; };\n"
      "int32_t tvmgen_m_run(struct tvmgen_m_inputs* inputs, struct tvmgen_m_outputs* outputs);\n";
  f["codegen/host/src/m_lib0.c"] =
      "int32_t tvmgen_m_run(struct tvmgen_m_inputs* inputs,struct tvmgen_m_outputs* outputs) {\n"
      "  TVMValue v[3]; int32_t c[3];\n"
      "  return tvmgen_m___tvm_main__(v, c, 3, NULL, NULL, NULL);\n}\n";
  f["codegen/host/src/m_lib1.c"] =
      "int32_t tvmgen_m___tvm_main__(void* args, int32_t* arg_type_ids, int32_t num_args, void* "
      "out_ret_value, int32_t* out_ret_tcode, void* resource_handle) {\n  return 0;\n}\n";
  Options opt;
  opt.dtypes = {{"a", "float32"}, {"b", "float64"}, {"y", "float32"}};
  const Result r = resolve(f, opt);
  REQUIRE(r.errors().empty());  // int32_t* arg_type_ids says nothing about input b
  REQUIRE(r.model.inputs[1].dtype == "float64");
}

TEST_CASE("Relay's @main may list weights bound at build time: they are not inputs") {
  // relay.build(mod, params={"c": ...}) keeps %c in the MLF's Relay text, untyped output.
  Files f = full_mlf();
  f["src/net.relay"] =
      "#[version = \"0.0.5\"]\n"
      "def @main(%w : Tensor[(12), float32], %input_1 : Tensor[(1, 49, 10, 1), int8]) {\n"
      "  nn.dense(cast(%input_1, dtype=\"float32\"), %w)\n}\n";
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.inputs.size() == 1);
  REQUIRE(r.model.inputs[0].shape == std::vector<std::int64_t>{1, 49, 10, 1});  // from Relay
  // An input the header has and Relay lacks is still a contradiction.
  f["src/net.relay"] = "def @main(%w : Tensor[(12), float32]) {\n  %w\n}\n";
  REQUIRE(resolve(f).errors().size() == 1);
}

TEST_CASE("a module built for the graph executor is named as such") {
  Files f = full_mlf();
  f["metadata.json"] = replaced(kMetadata, "      \"memory\": {\n",
                                "      \"executors\": [\"graph\"],\n      \"memory\": {\n");
  REQUIRE(resolve(f).errors() ==
          std::vector<std::string>{"aot-gen: error: mlf/metadata.json:4: module 'net' was built "
                                   "for the graph executor, not AOT (relay.build with "
                                   "Executor(\"aot\"))"});
}

TEST_CASE("interface-api=packed since TVM 0.9: __tvm_main__ is the packed entry") {
  Files f;
  f["metadata.json"] = replaced(kMetadata, "\"net\": {", "\"m\": {");
  f["metadata.json"] =
      replaced(f["metadata.json"], "\"model_name\": \"net\"", "\"model_name\": \"m\"");
  f["src/m.relay"] = replaced(kRelay, "def @main(", "def @main(");
  f["codegen/host/src/m_lib1.c"] =
      "int32_t tvmgen_m___tvm_main__(void* args, int32_t* arg_type_ids, int32_t num_args, void* "
      "out_ret_value, int32_t* out_ret_tcode, void* resource_handle) {\n  return 0;\n}\n";
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.convention == aot_gen::Convention::kPacked);
  REQUIRE(r.model.entry_symbol == "tvmgen_m___tvm_main__");
}

TEST_CASE("the namespace must be the user's own") {
  for (const char* ns : {"std", "aot", "aot::detail", "posix"}) {
    Options opt;
    opt.name_space = ns;
    const Result r = resolve(full_mlf(), opt);
    INFO(ns);
    REQUIRE(r.errors().size() == 1);
    REQUIRE(r.errors()[0].find("choose a namespace of your own") != std::string::npos);
  }
  Options ok;
  ok.name_space = "app::models";
  REQUIRE(resolve(full_mlf(), ok).errors().empty());
}

TEST_CASE("a module whose name cannot be a C++ type gets <module>_model, with a note") {
  Files f;
  for (const auto& [path, text] : full_mlf()) {
    std::string p = path, t = text;
    for (std::size_t at; (at = p.find("net")) != std::string::npos;) p.replace(at, 3, "pools");
    for (std::size_t at; (at = t.find("net")) != std::string::npos;) t.replace(at, 3, "pools");
    for (std::size_t at; (at = t.find("NET")) != std::string::npos;) t.replace(at, 3, "POOLS");
    f[p] = t;
  }
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.type_name == "pools_model");
  REQUIRE(r.notes() == std::vector<std::string>{
                           "aot-gen: note: module name: 'pools' is a name model descriptions use "
                           "for a member: the C++ type is pools_model (--name chooses)"});
}

// ---- workspace_alignment -------------------------------------------------------------------

namespace {

// kLib0's internal pool, as TVM writes it, on line 13; and without its aligned().
const char* kPoolAligned =
    "__attribute__((section(\".bss.noinit.tvm\"), aligned(16)))\n"
    "static uint8_t global_workspace[128];";
const char* kPoolUnaligned =
    "__attribute__((section(\".bss.noinit.tvm\")))\nstatic uint8_t global_workspace[128];";
// kMetadata's target string, on line 31.
const char* kTarget = "\"target\": [\"c -keys=cpu \"]";

Files with_target(Files f, const std::string& target) {
  f["metadata.json"] = replaced(kMetadata, kTarget, "\"target\": [\"" + target + "\"]");
  return f;
}

Files without_pool_alignment() {
  Files f = full_mlf();
  f["codegen/host/src/net_lib0.c"] = replaced(kLib0, kPoolAligned, kPoolUnaligned);
  return f;
}

}  // namespace

TEST_CASE("workspace_alignment from a target string's -workspace-byte-alignment") {
  const Result r = resolve(with_target(without_pool_alignment(),
                                       "c -keys=cpu "
                                       "-workspace-byte-alignment=8"));
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.workspace_alignment == 8u);
  REQUIRE(r.model.workspace_alignment_comment ==
          "workspace_alignment from metadata.json:31 (-workspace-byte-alignment=8)");
  // Part of another option's name is not the option.
  const Result other =
      resolve(with_target(without_pool_alignment(), "c -my-workspace-byte-alignment=8 -keys=cpu"));
  REQUIRE(other.errors().empty());
  REQUIRE_FALSE(other.model.workspace_alignment);
}

TEST_CASE("workspace_alignment from the aligned() of lib0's workspace pool") {
  const Result r = resolve(full_mlf());
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.workspace_alignment == 16u);
  REQUIRE(r.model.workspace_alignment_comment ==
          "workspace_alignment from codegen/host/src/net_lib0.c:13 (aligned(16) on "
          "global_workspace)");
  // Neither source states it: nothing in the model, nothing in the header (the library's
  // default applies).
  const Result none = resolve(without_pool_alignment());
  REQUIRE(none.errors().empty());
  REQUIRE_FALSE(none.model.workspace_alignment);
  Options opt;
  opt.input = "net.tar";
  REQUIRE(aot_gen::emit(none.model, opt).find("workspace_alignment") == std::string::npos);
  REQUIRE(aot_gen::emit(r.model, opt)
              .find("  // workspace_alignment from codegen/host/src/net_lib0.c:13 (aligned(16) on "
                    "global_workspace)\n"
                    "  static constexpr std::size_t workspace_alignment = 16;\n") !=
          std::string::npos);
}

TEST_CASE("workspace_alignment stated by lib0 and the target alike") {
  const Result r = resolve(with_target(full_mlf(), "c -keys=cpu -workspace-byte-alignment=16"));
  REQUIRE(r.errors().empty());
  REQUIRE(r.notes().empty());
  REQUIRE(r.model.workspace_alignment == 16u);
  REQUIRE(r.model.workspace_alignment_comment ==
          "workspace_alignment from codegen/host/src/net_lib0.c:13 (aligned(16) on "
          "global_workspace) and metadata.json:31 (-workspace-byte-alignment=16)");
}

TEST_CASE("workspace_alignment: lib0 and the target disagreeing is an error naming both") {
  const Result r = resolve(with_target(full_mlf(), "c -keys=cpu -workspace-byte-alignment=8"));
  REQUIRE(r.errors() == std::vector<std::string>{
                            "aot-gen: error: mlf/metadata.json:31: workspace byte alignment is 8 "
                            "here (-workspace-byte-alignment=8) but 16 in "
                            "mlf/codegen/host/src/net_lib0.c:13 (aligned(16) on "
                            "global_workspace)"});
}

TEST_CASE("WORKSPACE_ALIGNMENT (--workspace-alignment) is checked against lib0 and the target") {
  SECTION("agreeing: kept, no note") {
    Options opt;
    opt.workspace_alignment = "16";
    const Result r = resolve(full_mlf(), opt);
    REQUIRE(r.errors().empty());
    REQUIRE(r.notes().empty());
    REQUIRE(r.model.workspace_alignment == 16u);
    REQUIRE(r.model.workspace_alignment_comment ==
            "workspace_alignment from --workspace-alignment; checked against "
            "codegen/host/src/net_lib0.c:13 (aligned(16) on global_workspace)");
  }
  SECTION("contradicting: an error naming the file") {
    Options opt;
    opt.workspace_alignment = "32";
    opt.syntax = aot_gen::Syntax::kCMake;
    const Result r = resolve(
        with_target(without_pool_alignment(), "c -keys=cpu -workspace-byte-alignment=64"), opt);
    REQUIRE(r.errors() == std::vector<std::string>{
                              "aot-gen: error: WORKSPACE_ALIGNMENT: workspace byte alignment is 32 "
                              "here but 64 in mlf/metadata.json:31 "
                              "(-workspace-byte-alignment=64)"});
  }
  SECTION("the only source: kept, unverified, with a note") {
    Options opt;
    opt.workspace_alignment = "8";
    const Result r = resolve(without_pool_alignment(), opt);
    REQUIRE(r.errors().empty());
    REQUIRE(r.notes() == std::vector<std::string>{
                             "aot-gen: note: --workspace-alignment: workspace byte alignment 8 "
                             "unverified (from --workspace-alignment): no source states it"});
    REQUIRE(r.model.workspace_alignment == 8u);
    REQUIRE(r.model.workspace_alignment_comment ==
            "workspace_alignment unverified (from --workspace-alignment): no source states it");
  }
}

TEST_CASE("a workspace alignment that is not a power of two from 1 to 4096 is one error") {
  for (const char* bad : {"0", "3", "12", "4097", "8192", "-4", "+16", "0x10", "16 ", " 16", "1e4",
                          "16abc", "", "99999999999999999999999"}) {
    Options opt;
    opt.workspace_alignment = bad;
    const Result r = resolve(without_pool_alignment(), opt);
    INFO(bad);
    REQUIRE(r.errors() == std::vector<std::string>{
                              "aot-gen: error: --workspace-alignment: '" + std::string(bad) +
                              "' is not a workspace byte alignment: give a power of two from 1 "
                              "to 4096"});
  }
  for (const auto& [good, value] : std::map<std::string, std::uint64_t>{
           {"1", 1}, {"2", 2}, {"64", 64}, {"4096", 4096}, {"0016", 16}}) {
    Options opt;
    opt.workspace_alignment = good;
    const Result r = resolve(without_pool_alignment(), opt);
    INFO(good);
    REQUIRE(r.errors().empty());
    REQUIRE(r.model.workspace_alignment == value);
  }
  // The files are held to the same rule.
  REQUIRE(
      resolve(with_target(without_pool_alignment(), "c -workspace-byte-alignment=24")).errors() ==
      std::vector<std::string>{"aot-gen: error: mlf/metadata.json:31: target's "
                               "-workspace-byte-alignment=24 is not a power of two from 1 "
                               "to 4096"});
  Files f = full_mlf();
  f["codegen/host/src/net_lib0.c"] =
      replaced(kLib0, "aligned(16)))\nstatic uint8_t global_workspace",
               "aligned(8192)))\nstatic uint8_t global_workspace");
  REQUIRE(resolve(f).errors() ==
          std::vector<std::string>{"aot-gen: error: mlf/codegen/host/src/net_lib0.c:13: "
                                   "aligned(8192) on global_workspace: aot takes a workspace byte "
                                   "alignment that is a power of two from 1 to 4096"});
}

// ---- WORKSPACE_SIZE --------------------------------------------------------------------------

namespace {

// Module "np", built without the memory planner: its intermediate comes from
// TVMBackendAllocWorkspace (lib1 line 2), and its figure is 1024 bytes (header line 3).
Files no_planner_mlf() {
  Files f;
  f["codegen/host/include/tvmgen_np.h"] =
      "#define TVMGEN_NP_X_SIZE 16\n"            // 1
      "#define TVMGEN_NP_OUTPUT_SIZE 16\n"       // 2
      "#define TVMGEN_NP_WORKSPACE_SIZE 1024\n"  // 3
      "struct tvmgen_np_inputs { void* x; };\n"
      "struct tvmgen_np_outputs { void* output; };\n"
      "int32_t tvmgen_np_run(struct tvmgen_np_inputs* inputs, struct tvmgen_np_outputs* "
      "outputs);\n";
  f["codegen/host/src/np_lib0.c"] =
      "int32_t tvmgen_np_run(struct tvmgen_np_inputs* inputs,struct tvmgen_np_outputs* outputs) "
      "{return tvmgen_np___tvm_main__(inputs->x,outputs->output);}\n";
  f["codegen/host/src/np_lib1.c"] =
      "int32_t tvmgen_np___tvm_main__(float* x_buffer_var, float* output_buffer_var) {\n"  // 1
      "  void* sid_1_let = TVMBackendAllocWorkspace(1, 0, (uint64_t)1024, 2, 32);\n"       // 2
      "  if (sid_1_let == NULL) return -1;\n"
      "  if (TVMBackendFreeWorkspace(1, 0, sid_1_let) != 0) return -1;\n"
      "  return 0;\n}\n";
  f["src/np.relay"] = "def @main(%x: Tensor[(4), float32]) -> Tensor[(4), float32] {\n}\n";
  return f;
}

Options workspace_size(const std::string& bytes) {
  Options opt;
  opt.input = "np.tar";
  opt.workspace_size = bytes;
  return opt;
}

}  // namespace

TEST_CASE("the code's runtime needs: TVMBackendAllocWorkspace call sites, TVMAPISetLastError") {
  const Result r = resolve(no_planner_mlf());
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.uses_backend_workspace);
  REQUIRE(r.model.workspace_allocations == 1);
  REQUIRE_FALSE(r.model.uses_last_error);
  REQUIRE(*r.model.workspace_size == 1024);
  REQUIRE_FALSE(r.model.model_workspace_size);
  Files f = no_planner_mlf();
  f["codegen/host/src/np_lib1.c"] =
      replaced(f["codegen/host/src/np_lib1.c"], "  return 0;\n",
               "  void* b = TVMBackendAllocWorkspace(1, 0, (uint64_t)2048, 2, 32);\n"
               "  if (b == NULL) { TVMAPISetLastError(\"no memory\"); return -1; }\n  return 0;\n");
  const Result two = resolve(f);
  REQUIRE(two.model.workspace_allocations == 2);
  REQUIRE(two.model.uses_last_error);
  // The pool models of the other tests call neither.
  REQUIRE_FALSE(resolve(full_mlf()).model.uses_backend_workspace);
}

TEST_CASE("WORKSPACE_SIZE shrinks the arena below the model's figure, with a note") {
  const Result r = resolve(no_planner_mlf(), workspace_size("512"));
  REQUIRE(r.errors().empty());
  REQUIRE(r.notes() == std::vector<std::string>{
                           "aot-gen: note: --workspace-size: 512 bytes is below the model's "
                           "figure 1024 (mlf/codegen/host/include/tvmgen_np.h:3): a run that "
                           "needs more reports kWorkspaceOverflow"});
  REQUIRE(r.model.workspace_size == 512u);
  REQUIRE(r.model.model_workspace_size == 1024u);
  REQUIRE(r.model.workspace_size_comment ==
          "workspace_size from --workspace-size (measured); the model's own figure is 1024");
  // The header keeps the model's figure, tied to the macro; the size it uses is the given one.
  const std::string h = aot_gen::emit(r.model, workspace_size("512"));
  REQUIRE(h.find("  // workspace_size from --workspace-size (measured); the model's own figure is "
                 "1024\n"
                 "  static constexpr std::size_t workspace_size = 512;\n"
                 "  static constexpr std::size_t model_workspace_size = 1024;\n") !=
          std::string::npos);
  REQUIRE(h.find("static_assert(np::model_workspace_size == TVMGEN_NP_WORKSPACE_SIZE,\n") !=
          std::string::npos);
  REQUIRE(h.find("np::workspace_size == TVMGEN_NP_WORKSPACE_SIZE") == std::string::npos);
  // Without the option: the figure itself, checked against the macro.
  const Result plain = resolve(no_planner_mlf());
  const std::string p = aot_gen::emit(plain.model, workspace_size("512"));
  REQUIRE(p.find("  static constexpr std::size_t workspace_size = 1024;\n") != std::string::npos);
  REQUIRE(p.find("model_workspace_size") == std::string::npos);
  REQUIRE(p.find("static_assert(np::workspace_size == TVMGEN_NP_WORKSPACE_SIZE,\n") !=
          std::string::npos);
}

TEST_CASE("WORKSPACE_SIZE above the model's figure is kept, with a note; equal, without") {
  Options opt = workspace_size("1536");
  opt.syntax = aot_gen::Syntax::kCMake;
  const Result r = resolve(no_planner_mlf(), opt);
  REQUIRE(r.errors().empty());
  REQUIRE(r.notes() == std::vector<std::string>{
                           "aot-gen: note: WORKSPACE_SIZE: 1536 bytes is more than the model's "
                           "figure 1024 (mlf/codegen/host/include/tvmgen_np.h:3): 512 bytes of "
                           "RAM that no run uses"});
  REQUIRE(r.model.workspace_size == 1536u);
  REQUIRE(r.model.workspace_size_comment ==
          "workspace_size from WORKSPACE_SIZE (measured); the model's own figure is 1024");
  const Result same = resolve(no_planner_mlf(), workspace_size("1024"));
  REQUIRE(same.errors().empty());
  REQUIRE(same.notes().empty());
  REQUIRE(same.model.model_workspace_size == 1024u);
}

TEST_CASE("WORKSPACE_SIZE where no file gives the model's figure") {
  Files f = no_planner_mlf();
  f["codegen/host/include/tvmgen_np.h"] = replaced(f["codegen/host/include/tvmgen_np.h"],
                                                   "#define TVMGEN_NP_WORKSPACE_SIZE 1024\n", "\n");
  REQUIRE(resolve(f).errors() ==
          std::vector<std::string>{
              "aot-gen: error: mlf: the code calls TVMBackendAllocWorkspace "
              "(mlf/codegen/host/src/np_lib1.c:2) but no source gives the workspace size "
              "(TVMGEN_NP_WORKSPACE_SIZE, metadata.json's workspace_size_bytes): give "
              "--workspace-size <bytes>"});
  const Result r = resolve(f, workspace_size("2048"));
  REQUIRE(r.errors().empty());
  REQUIRE(r.notes() == std::vector<std::string>{
                           "aot-gen: note: --workspace-size: workspace size 2048 unverified (from "
                           "--workspace-size): no source states the model's figure"});
  REQUIRE(r.model.workspace_size == 2048u);
  REQUIRE_FALSE(r.model.model_workspace_size);
  REQUIRE_FALSE(r.model.workspace_size_from_header);
}

TEST_CASE("WORKSPACE_SIZE is refused for a model whose memory is planned statically") {
  Options opt = workspace_size("64");
  opt.syntax = aot_gen::Syntax::kCMake;
  REQUIRE(resolve(full_mlf(), opt).errors() ==
          std::vector<std::string>{"aot-gen: error: WORKSPACE_SIZE: module 'net' has no workspace "
                                   "arena to size: its code never calls TVMBackendAllocWorkspace, "
                                   "its memory is planned statically, in the pools of "
                                   "net_lib0.c"});
  // No pools and no allocations: nothing to size either.
  Files f = no_planner_mlf();
  f["codegen/host/src/np_lib1.c"] =
      "int32_t tvmgen_np___tvm_main__(float* x_buffer_var, float* output_buffer_var) {\n"
      "  return 0;\n}\n";
  const std::vector<std::string> e = resolve(f, workspace_size("64")).errors();
  REQUIRE(e == std::vector<std::string>{"aot-gen: error: --workspace-size: module 'np' has no "
                                        "workspace arena to size: its code never calls "
                                        "TVMBackendAllocWorkspace, and it needs no workspace"});
}

TEST_CASE("a WORKSPACE_SIZE that is not a decimal byte count is one error") {
  for (const char* bad : {"0", "-5", "0x400", "1024abc", " 1024", "1024 ", "+1024", "1e3", "",
                          "10.5", "281474976710657", "99999999999999999999999"}) {
    INFO(bad);
    REQUIRE(resolve(no_planner_mlf(), workspace_size(bad)).errors() ==
            std::vector<std::string>{"aot-gen: error: --workspace-size: '" + std::string(bad) +
                                     "' is not a byte count: give a decimal number from 1 to "
                                     "2^48"});
  }
  REQUIRE(resolve(no_planner_mlf(), workspace_size("0001024")).model.workspace_size == 1024u);
  REQUIRE(resolve(no_planner_mlf(), workspace_size("281474976710656")).model.workspace_size ==
          std::uint64_t{1} << 48);
}

TEST_CASE("the target: metadata.json's string, trimmed; plain C calls no Arm intrinsics") {
  const Result r = resolve(full_mlf());
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.target == std::optional<std::string>("c -keys=cpu"));
  REQUIRE_FALSE(r.model.arm_intrinsics);
}

TEST_CASE("an arm_cpu model: the target from metadata, Arm intrinsics found in the C") {
  Files f = full_mlf();
  f["metadata.json"] = replaced(kMetadata, "\"c -keys=cpu \"",
                                "\"c -keys=arm_cpu,cpu -mcpu=cortex-m7 -march=armv7e-m \"");
  f["codegen/host/src/net_lib1.c"] =
      replaced(replaced(kLib1, "// tvm target: c -keys=cpu ",
                        "// tvm target: c -keys=arm_cpu,cpu -mcpu=cortex-m7 -march=armv7e-m "),
               "#include <math.h>\n", "#include <arm_acle.h>\n");
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.target ==
          std::optional<std::string>("c -keys=arm_cpu,cpu -mcpu=cortex-m7 -march=armv7e-m"));
  REQUIRE(r.model.arm_intrinsics);
  const std::string header = aot_gen::emit(r.model, {});
  REQUIRE(header.find("static constexpr std::string_view target = \"c -keys=arm_cpu,cpu "
                      "-mcpu=cortex-m7 -march=armv7e-m\";") != std::string::npos);
  REQUIRE(header.find("static constexpr bool arm_intrinsics = true;") != std::string::npos);
}

TEST_CASE("without metadata.json the target comes from lib1.c's comment") {
  Files f = full_mlf();
  f.erase("metadata.json");
  f["codegen/host/src/net_lib1.c"] = replaced(kLib1, "// tvm target: c -keys=cpu ",
                                              "// tvm target: c -keys=arm_cpu,cpu -mcpu=cortex-m4");
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.target == std::optional<std::string>("c -keys=arm_cpu,cpu -mcpu=cortex-m4"));
}

TEST_CASE("Arm intrinsics are found by call (builtins, CMSIS names) but not in comments") {
  const std::string call = "  for (int32_t j = 0; j < 12; ++j) {";
  for (const char* code : {"__builtin_arm_smlabb(1, 2, 3);", "__SMLAD (1u, 2u, 3u);",
                           "__sxtb16(7);", "read_and_pad(0, 0, 0);"}) {
    Files f = full_mlf();
    f["codegen/host/src/net_lib1.c"] =
        replaced(kLib1, call, std::string("  ") + code + "\n" + call);
    const Result r = resolve(f);
    INFO(code);
    REQUIRE(r.model.arm_intrinsics);
  }
  Files f = full_mlf();
  f["codegen/host/src/net_lib1.c"] =
      replaced(kLib1, "#include <math.h>\n", "// #include <arm_math.h>\n// __SMLAD(a, b, c)\n");
  REQUIRE_FALSE(resolve(f).model.arm_intrinsics);
}

TEST_CASE("a different -mcpu in metadata and in the C is noted") {
  Files f = full_mlf();
  f["metadata.json"] =
      replaced(kMetadata, "\"c -keys=cpu \"", "\"c -keys=arm_cpu -mcpu=cortex-m7\"");
  f["codegen/host/src/net_lib1.c"] = replaced(kLib1, "// tvm target: c -keys=cpu ",
                                              "// tvm target: c -keys=arm_cpu -mcpu=cortex-m4");
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.notes().size() == 1);
  REQUIRE(r.notes()[0].find("-mcpu=cortex-m4 here but -mcpu=cortex-m7") != std::string::npos);
}

// ---- what real TVM output says, read as each TVM generation meant it (spec section 7) -------

TEST_CASE("io_size_bytes: the sum of the I/O in MLF v5, a bound from above from v6 on") {
  // v7 (TVM 0.9 to 0.18): real exports count other tensors of main too (0.13: 2,059 for 6 bytes).
  Files f = full_mlf();
  f["metadata.json"] = replaced(kMetadata, "\"io_size_bytes\": 538", "\"io_size_bytes\": 2059");
  Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.notes().empty());
  // Less than the inputs and outputs alone is impossible in any version.
  f["metadata.json"] = replaced(kMetadata, "\"io_size_bytes\": 538", "\"io_size_bytes\": 500");
  r = resolve(f);
  REQUIRE(r.errors() == std::vector<std::string>{
                            "aot-gen: error: mlf/metadata.json:16: io_size_bytes is 500 but the "
                            "inputs and outputs alone take 538 (input_1 490, output 48); from MLF "
                            "version 6 on it counts them and other tensors of main, never less"});
  // v5 (TVM 0.8 and early 0.9): exactly the sum.
  const std::string v5 = replaced(kMetadataV5, "538", "600");
  f["metadata.json"] = v5;
  r = resolve(f);
  REQUIRE(r.errors() == std::vector<std::string>{
                            "aot-gen: error: mlf/metadata.json:6: io_size_bytes is 600 but the "
                            "inputs and outputs add up to 538 (input_1 490, output 48); in MLF "
                            "version 5 it is their sum"});
  f["metadata.json"] = kMetadataV5;
  REQUIRE(resolve(f).errors().empty());
}

TEST_CASE("io_size_bytes sizes the one tensor nothing else sizes only in MLF v5") {
  // No header macros, no per-tensor metadata (TVM 0.10 style), an untyped Relay result.
  Files f = full_mlf();
  f["codegen/host/include/tvmgen_net.h"] =
      replaced(kHeader, "#define TVMGEN_NET_OUTPUT_SIZE 48\n", "\n");
  std::string md = kMetadata;
  const std::size_t from = md.find("              \"inputs\": {");
  const std::size_t to = md.find("              \"workspace_size_bytes\"");
  md.replace(from, to - from, "              \"io_size_bytes\": 538,\n");
  f["metadata.json"] = md;
  f["src/net.relay"] = replaced(kRelay, " -> Tensor[(1, 12), float32]", "");
  const Result r = resolve(f);
  REQUIRE(r.errors() == std::vector<std::string>{
                            "aot-gen: error: mlf: output 'output' has no shape and no byte size in "
                            "any source: give --shape output=d0,d1,..."});
}

TEST_CASE("a header's run that nothing defines, and a lib0 that defines run_model: run_model") {
  // A TVM development export of December 2021 (spec section 7).
  Files f;
  f["codegen/host/include/tvmgen_default.h"] =
      "struct tvmgen_default_inputs {\n  void* input;\n};\n"
      "struct tvmgen_default_outputs {\n  void* output;\n};\n"
      "int32_t tvmgen_default_run(\n  struct tvmgen_default_inputs* inputs,\n"  // 7
      "  struct tvmgen_default_outputs* outputs\n);\n";
  f["codegen/host/src/default_lib0.c"] =
      "TVM_DLL int32_t tvmgen_default_fused_add(float* placeholder, float* T_add);\n"
      "TVM_DLL int32_t tvmgen_default_run_model(void* input, void* output) {\n"  // 2
      "  if (tvmgen_default_fused_add(input, output) != 0 ) return -1;\n  return 0;\n}\n";
  f["codegen/host/src/default_lib1.c"] =
      "// tvm target: c -keys=cpu -link-params=1\n"
      "TVM_DLL int32_t tvmgen_default_fused_add(float* placeholder, float* T_add) {\n"  // 2
      "  T_add[0] = placeholder[0] + 1.0f;\n  return 0;\n}\n";
  Options opt;
  opt.shapes = {{"input", {1}}, {"output", {1}}};
  const Result r = resolve(f, opt);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.convention == aot_gen::Convention::kUnpacked);
  REQUIRE(r.model.entry_symbol == "tvmgen_default_run_model");
  REQUIRE(r.model.inputs[0].dtype == "float32");   // fused_add's placeholder
  REQUIRE(r.model.outputs[0].dtype == "float32");  // fused_add's T_add
  REQUIRE(r.notes().size() == 4);                  // the module name, the two shapes, and this:
  CHECK(r.notes()[3] ==
        "aot-gen: note: mlf/codegen/host/include/tvmgen_default.h:7: tvmgen_default_run is "
        "declared here but no source defines it; default_lib0.c defines tvmgen_default_run_model "
        "(mlf/codegen/host/src/default_lib0.c:2), which takes the data pointers: the model is "
        "called through it (the unpacked convention)");
  // Nothing to fall back on: the run function is missing, and lib0 is there, so lib0 is not
  // called missing.
  f["codegen/host/src/default_lib0.c"] = "static int unrelated;\n";
  f.erase("codegen/host/src/default_lib1.c");
  opt.dtypes = {{"input", "float32"}, {"output", "float32"}};
  const Result m = resolve(f, opt);
  REQUIRE(m.errors().size() == 1);
  CHECK(m.errors()[0].find("tvmgen_default_run is declared here but no source in "
                           "codegen/host/src defines it (found default_lib0.c), nor "
                           "tvmgen_default_run_model or tvmgen_default___tvm_main__") !=
        std::string::npos);
  CHECK(m.errors()[0].find("is missing") == std::string::npos);
}

TEST_CASE("a definition aot-gen cannot read is said to be unreadable, never missing") {
  Files f = full_mlf();
  f["codegen/host/src/net_lib1.c"] =
      replaced(kLib1,
               "TVM_DLL int32_t tvmgen_net_fused_dense(int8_t* p0, float* T_dense, uint8_t* "
               "global_const_workspace_2_var, uint8_t* global_workspace_3_var) {\n",
               // A function returning a function pointer: valid C the scanner does not read.
               "int32_t (*tvmgen_net_fused_dense(int8_t* p0, float* T_dense))(void) {\n");
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.notes().size() == 1);
  CHECK(r.notes()[0] ==
        "aot-gen: note: mlf/codegen/host/src/net_lib1.c:17: tvmgen_net___tvm_main__ calls "
        "tvmgen_net_fused_dense, whose definition in mlf/codegen/host/src/net_lib1.c:9 aot-gen "
        "cannot read; taken as defined there");
}

TEST_CASE("constant pools in every form TVM writes them") {
  auto constants = [](const std::string& lib0) {
    Files f = full_mlf();
    f["codegen/host/src/net_lib0.c"] = lib0;
    const Result r = resolve(f);
    INFO(lib0);
    CHECK(r.errors() == std::vector<std::string>{});
    return r.model.constants_size;
  };
  const std::string body =
      " global_const_workspace {\n"
      "  float fused_constant_let[12] __attribute__((aligned(16)));\n"
      "  int8_t fused_constant_1_let[5] __attribute__((packed, aligned(16)));\n"
      "} global_const_workspace = {\n  .fused_constant_1_let = {1, 2, 3, 4, 5},\n"
      "};// of total size 53 bytes\n";
  const std::string rest = kLib0 + std::string(kLib0).find("__attribute__((section(\".bss");
  // TVM 0.11: not const, the attribute on the line before (spec section 7).
  CHECK(constants("__attribute__((section(\".rodata.tvm\"), ))\nstatic struct" + body + rest) ==
        64u);
  // TVM 0.18: const, the attribute on the line before.
  CHECK(constants("__attribute__((section(\".rodata.tvm\"), ))\nstatic const struct" + body +
                  rest) == 64u);
  // The attribute after the declarator.
  CHECK(constants(kLib0) == 64u);
  // link-params: separate arrays, each in .rodata.tvm (16 floats + 5 int8).
  CHECK(constants("static const float __attribute__((section(\".rodata.tvm\"), aligned(16))) "
                  "__tvm_param__p0[16] = {\n  0x1p+0\n};\n"
                  "static const int8_t __attribute__((section(\".rodata.tvm\"), aligned(16))) "
                  "__tvm_param__p1[5] = {1, 2, 3, 4, 5};\n" +
                  replaced(rest, "&global_const_workspace,", "__tvm_param__p0,")) == 69u);
}

TEST_CASE("dtypes followed into the operators, checked against every other source") {
  // TVM 0.8's unpacked operators: void* arguments, named, cast at each use.
  Files f;
  f["codegen/host/include/tvmgen_m.h"] =
      "struct tvmgen_m_inputs {\n  void* input;\n};\n"
      "struct tvmgen_m_outputs {\n  void* output;\n};\n"
      "int32_t tvmgen_m_run(struct tvmgen_m_inputs* inputs, struct tvmgen_m_outputs* outputs);\n";
  f["codegen/host/src/lib0.c"] =
      "TVM_DLL int32_t tvmgen_m_run_model(void* arg0,void* arg1) {\n"
      "  if (tvmgen_m_fused_cast(arg0, arg1) != 0 ) return -1;\n  return 0;\n}\n"
      "int32_t tvmgen_m_run(struct tvmgen_m_inputs* inputs,struct tvmgen_m_outputs* outputs) "
      "{return tvmgen_m_run_model(inputs->input,outputs->output);\n}\n";
  const std::string lib1 =
      "// tvm target: c -keys=cpu -link-params=0\n"
      "TVM_DLL int32_t tvmgen_m_fused_cast(void* arg0, void* arg1) {\n"  // 2
      "  void* placeholder = arg0;\n"                                    // 3
      "  void* T_cast = arg1;\n"                                         // 4
      "  for (int32_t ax1_inner = 0; ax1_inner < 4; ++ax1_inner) {\n"    // 5
      "    ((int8_t*)T_cast)[(ax1_inner)] = ((int8_t)((float*)placeholder)[(ax1_inner)]);\n"
      "  }\n"
      "  ((int8_t*)T_cast)[0] = 0;\n"  // 8
      "  return 0;\n}\n";
  f["codegen/host/src/lib1.c"] = lib1;
  Options opt;
  opt.shapes = {{"input", {4}}, {"output", {4}}};
  Result r = resolve(f, opt);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.inputs[0].dtype == "float32");
  REQUIRE(r.model.outputs[0].dtype == "int8");
  // Two uses that disagree: an error naming both lines.
  f["codegen/host/src/lib1.c"] =
      replaced(lib1, "((int8_t*)T_cast)[0] = 0;", "((int32_t*)T_cast)[0] = 0;");
  r = resolve(f, opt);
  REQUIRE(r.errors() == std::vector<std::string>{
                            "aot-gen: error: mlf/codegen/host/src/lib1.c:8: output 'output' is "
                            "int32_t* here but int8_t* in mlf/codegen/host/src/lib1.c:6 "
                            "(tvmgen_m_fused_cast's arg1)"});
  // One more check of every other source: a --dtype that the casts contradict.
  f["codegen/host/src/lib1.c"] = lib1;
  opt.dtypes["output"] = "uint8";
  r = resolve(f, opt);
  REQUIRE(r.errors().size() == 1);
  CHECK(r.errors()[0] ==
        "aot-gen: error: --dtype: output 'output' is uint8 here but its parameter is int8_t* in "
        "mlf/codegen/host/src/lib1.c:6");
  // A vendor's file (no "// tvm target:" line) casts as it likes: its casts say nothing.
  opt.dtypes.clear();
  f["codegen/host/src/lib1.c"] = lib1.substr(lib1.find('\n') + 1);
  r = resolve(f, opt);
  REQUIRE(r.errors().size() == 2);  // no dtype for either tensor
}

TEST_CASE("a typed __tvm_main__ and its operators must agree") {
  Files f = full_mlf();
  // The operator takes the input as uint8_t* where __tvm_main__ says int8_t*.
  f["codegen/host/src/net_lib1.c"] = replaced(
      kLib1, "tvmgen_net_fused_dense(int8_t* p0, float* T_dense, uint8_t* global_const_workspace_2",
      "tvmgen_net_fused_dense(uint8_t* p0, float* T_dense, uint8_t* global_const_workspace_2");
  const Result r = resolve(f);
  REQUIRE(r.errors().size() == 1);
  CHECK(r.errors()[0].find("input 'input_1' is uint8_t* here but int8_t* in "
                           "mlf/codegen/host/src/net_lib1.c:16") != std::string::npos);
}

namespace {

// A packed export of TVM 0.10 on: lib1 holds the metadata module TVM's own runtime reads.
const char* kPackedLib0 =
    "#include \"tvm/runtime/c_runtime_api.h\"\n"
    "TVM_DLL int32_t tvmgen_net___tvm_main__(TVMValue* args, int* type_code, int num_args, "
    "TVMValue* out_value, int* out_type_code, void* resource_handle);\n"
    "int32_t tvmgen_net_run(TVMValue* args, int* type_code, int num_args, TVMValue* out_value, "
    "int* out_type_code, void* resource_handle) {\n"
    "return tvmgen_net___tvm_main__((void*)args, type_code, num_args, out_value, out_type_code, "
    "resource_handle);\n}\n";

const char* kPackedLib1 =
    "// tvm target: c -keys=cpu \n"                                 // 1
    "#include <tvm/runtime/metadata_types.h>\n"                     // 2
    "#include <tvm/runtime/c_runtime_api.h>\n"                      // 3
    "static const int64_t kTvmgenMetadata_inputs_0_shape[2] = {\n"  // 4
    "1L, \n"
    "16L};\n"
    "static const struct TVMTensorInfo kTvmgenMetadata_inputs[1] = {\n"  // 7
    "{\n"
    "\"x\" /* name*/, \n"
    "kTvmgenMetadata_inputs_0_shape, \n"
    "2L /* num_shape*/, \n"
    "{2, 32, 1} /* dtype*/}\n"
    "};\n"
    "static const int64_t kTvmgenMetadata_outputs_0_shape[2] = {\n"  // 14
    "1L, \n"
    "4L};\n"
    "static const struct TVMTensorInfo kTvmgenMetadata_outputs[1] = {\n"  // 17
    "{\n"
    "\"output0\" /* name*/, \n"
    "kTvmgenMetadata_outputs_0_shape, \n"
    "2L /* num_shape*/, \n"
    "{2, 32, 1} /* dtype*/}\n"
    "};\n"
    "static const struct TVMMetadata kTvmgenMetadata[1] = {\n"  // 24
    "{\n"
    "1L /* version*/, \n"
    "kTvmgenMetadata_inputs, \n"
    "1L /* num_inputs*/, \n"
    "kTvmgenMetadata_outputs, \n"
    "1L /* num_outputs*/, \n"
    "NULL, \n"
    "0L /* num_workspace_pools*/, \n"
    "NULL, \n"
    "0L /* num_constant_pools*/, \n"
    "\"tvmgen_net\" /* mod_name*/}\n"
    "};\n"
    "TVM_DLL int32_t tvmgen_net_get_c_metadata(TVMValue* arg_values, int* arg_tcodes, int "
    "num_args, TVMValue* ret_values, int* ret_tcodes, void* resource_handle) {\n"
    "    ret_values[0].v_handle = (void*) &kTvmgenMetadata;\n"
    "    ret_tcodes[0] = kTVMOpaqueHandle;\n"
    "    return 0;\n"
    "};\n"
    "TVM_DLL int32_t tvmgen_net___tvm_main__(void* args, int32_t* arg_type_ids, int32_t "
    "num_args, void* out_ret_value, int32_t* out_ret_tcode, void* resource_handle) {\n"
    "  return 0;\n}\n";

Files packed_mlf() {
  Files f;
  f["metadata.json"] = replaced(replaced(kMetadata,
                                         "\"input_1\": {\n                  \"dtype\": "
                                         "\"int8\",\n                  \"size\": 490",
                                         "\"x\": {\n                  \"dtype\": \"float32\",\n  "
                                         "                \"size\": 64"),
                                "\"size\": 48", "\"size\": 16");
  f["codegen/host/src/net_lib0.c"] = kPackedLib0;
  f["codegen/host/src/net_lib1.c"] = kPackedLib1;
  return f;
}

}  // namespace

TEST_CASE("the metadata module of packed exports: names, shapes and dtypes TVM's runtime sees") {
  const Result r = resolve(packed_mlf());
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.convention == aot_gen::Convention::kPacked);
  REQUIRE(r.model.inputs[0].shape == std::vector<std::int64_t>{1, 16});
  // No other file of a packed export gives an output's shape: kTvmgenMetadata does.
  REQUIRE(r.model.outputs[0].shape == std::vector<std::int64_t>{1, 4});
  REQUIRE(r.model.outputs[0].dtype == "float32");
  REQUIRE(r.model.c_metadata == "tvmgen_net_get_c_metadata");
  // Checked against the others: metadata.json says float32, the module says int8.
  Files f = packed_mlf();
  f["codegen/host/src/net_lib1.c"] =
      replaced(kPackedLib1,
               "\"output0\" /* name*/, \nkTvmgenMetadata_outputs_0_shape, \n2L "
               "/* num_shape*/, \n{2, 32, 1}",
               "\"output0\" /* name*/, \nkTvmgenMetadata_outputs_0_shape, \n2L /* num_shape*/, "
               "\n{0, 8, 1}");
  const Result bad = resolve(f);
  REQUIRE(bad.errors() ==
          std::vector<std::string>{"aot-gen: error: mlf/codegen/host/src/net_lib1.c:17: dtype of "
                                   "output 'output' is int8 here but float32 in "
                                   "mlf/metadata.json:19"});
  // A version of TVMMetadata aot-gen does not know: left out, with a note.
  f["codegen/host/src/net_lib1.c"] = replaced(kPackedLib1, "1L /* version*/", "2L /* version*/");
  const Result v2 = resolve(f);
  REQUIRE(v2.errors().empty());
  REQUIRE(v2.notes().size() == 3);  // the module left out; each tensor's flat shape
  CHECK(v2.notes()[0].find("net_lib1.c:24: kTvmgenMetadata: a TVMMetadata version other than 1 "
                           "cannot be read") != std::string::npos);
}
