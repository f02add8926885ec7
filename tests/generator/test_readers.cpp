// SPDX-License-Identifier: Apache-2.0
// The generator's readers on their own: inputs written here, expectations by hand.
#include <catch2/catch.hpp>
#include <string>

#include "c_scan.hpp"
#include "facts.hpp"
#include "json.hpp"
#include "names.hpp"

using aot_gen::Report;

namespace {

std::string first_error(const Report& r) {
  for (const aot_gen::Message& m : r.messages()) {
    if (m.kind == aot_gen::Message::Kind::kError) return m.str();
  }
  return "";
}

}  // namespace

TEST_CASE("sanitize matches TVM: one '_' per byte, no case change") {
  REQUIRE(aot_gen::sanitize("serving_default_input_1:0") == "serving_default_input_1_0");
  REQUIRE(aot_gen::sanitize("a/b.c-d") == "a_b_c_d");
  REQUIRE(aot_gen::sanitize("\xc3\xa9") == "__");  // two bytes of UTF-8, two underscores
}

TEST_CASE("json: lines, strings and numbers as written") {
  const auto v = aot_gen::json::parse(
      "m.json", "{\n  \"a\": 1,\n  \"b\": [\"x\\u00e9\\ud83d\\ude00\", 5.0]\n}");
  REQUIRE(v.members.size() == 2);
  REQUIRE(v.members[1].line == 3);
  REQUIRE(v.find("a")->as_uint() == 1u);
  REQUIRE(v.find("b")->items[0].text == "x\xc3\xa9\xf0\x9f\x98\x80");
  REQUIRE_FALSE(v.find("b")->items[1].as_uint());  // 5.0 is not a whole number here
  REQUIRE_FALSE(aot_gen::json::parse("m.json", "18446744073709551616").as_uint());  // 2^64
  REQUIRE(aot_gen::json::parse("m.json", "18446744073709551615").as_uint() == UINT64_MAX);
}

TEST_CASE("json: duplicate keys, deep nesting and bad text stop with the line") {
  auto stop_of = [](const std::string& text) {
    try {
      aot_gen::json::parse("m.json", text);
    } catch (const aot_gen::Stop& s) {
      return s.where.str() + ": " + s.text;
    }
    return std::string("no error");
  };
  REQUIRE(stop_of("{\"k\": 1,\n\"k\": 2}") ==
          "m.json:2: key \"k\" appears twice in one object (first on line 1)");
  REQUIRE(stop_of(std::string(100, '[')) == "m.json:1: nested more than 64 levels deep");
  REQUIRE(stop_of("{\"a\": 01}") == "m.json:1: bad number (leading zero)");
  REQUIRE(stop_of("\"\\ud800\"") == "m.json:1: unpaired surrogate in a \\u escape");
  REQUIRE(stop_of("{\"a\"\n\n: tru}") == "m.json:3: unexpected character 't'");
}

TEST_CASE("C scanner: structs, prototypes, definitions, calls and macros with lines") {
  const std::string code =
      "#define TVMGEN_M_X_SIZE (0x10)\n"                                            // 1
      "#define TVMGEN_M_Y_SIZE 12u /* y */\n"                                       // 2
      "const char* s = \"/* not a comment\";\n"                                     // 3
      "struct tvmgen_m_inputs {\n"                                                  // 4
      "  void* x;\n"                                                                // 5
      "};\n"                                                                        // 6
      "#ifdef __cplusplus\nextern \"C\"\n#endif\n"                                  // 7-9
      "TVM_DLL int32_t tvmgen_m___tvm_main__(int8_t* x_buffer_var, float* out);\n"  // 10
      "int32_t tvmgen_m_run(struct tvmgen_m_inputs* inputs, struct tvmgen_m_outputs* o) {\n"
      "  return tvmgen_m___tvm_main__(inputs->x, ((float*)(o->y)));\n"  // 12
      "}\n"
      "__attribute__((section(\".bss.noinit.tvm\"), aligned(16)))\n"  // 14
      "static uint8_t global_workspace[64];\n";                       // 15
  const aot_gen::c::File f = aot_gen::c::scan(code, "tvmgen_");
  REQUIRE(f.macros.size() == 2);
  REQUIRE(aot_gen::c::parse_integer(f.macros[0].value) == 16u);
  REQUIRE(aot_gen::c::parse_integer(f.macros[1].value) == 12u);
  REQUIRE(f.structs.size() == 1);
  REQUIRE(f.structs[0].members.at(0).name == "x");
  REQUIRE(f.structs[0].members.at(0).line == 5);
  REQUIRE(f.functions.size() == 2);
  REQUIRE_FALSE(f.functions[0].defined);
  REQUIRE(f.functions[0].line == 10);
  REQUIRE(f.functions[0].params.at(0).type.str() == "int8_t*");
  REQUIRE(f.functions[0].params.at(0).name == "x_buffer_var");
  REQUIRE(f.functions[1].defined);
  REQUIRE(f.functions[1].params.at(1).type.str() == "struct tvmgen_m_outputs*");
  REQUIRE(f.functions[1].calls.size() == 1);
  REQUIRE(f.functions[1].calls[0].line == 12);
  REQUIRE(f.functions[1].calls[0].args ==
          std::vector<std::string>{"inputs->x", "((float*)(o->y))"});
  const auto& ws = f.variables.back();
  REQUIRE(ws.name == "global_workspace");
  REQUIRE(ws.is_static);
  REQUIRE(ws.section == ".bss.noinit.tvm");
  REQUIRE(ws.dims == std::vector<std::uint64_t>{64});
  REQUIRE(ws.aligned == 16);
  // Only a plain number is an alignment: aligned(1 << 4) must not read as 1.
  const aot_gen::c::File g = aot_gen::c::scan(
      "__attribute__((aligned(1 << 4))) static uint8_t a[8];\n"
      "__attribute__((section(\".data.tvm\"))) static uint8_t b[8];\n",
      "tvmgen_");
  REQUIRE(g.variables.size() == 2);
  REQUIRE(g.variables[0].aligned == 0);
  REQUIRE(g.variables[1].aligned == 0);
}

TEST_CASE("C scanner: garbage is read in one pass and yields no well-formed parameter") {
  const std::string code = std::string("int32_t tvmgen_m___tvm_main__(int8_t\xff\x60* a) {}\n") +
                           std::string(100000, '(') + "\n/* unterminated";
  const aot_gen::c::File f = aot_gen::c::scan(code, "tvmgen_");
  REQUIRE(f.functions.at(0).name == "tvmgen_m___tvm_main__");
  REQUIRE_FALSE(f.functions[0].params.at(0).type.well_formed);
}

TEST_CASE("C scanner: definitions in any layout a C compiler takes") {
  // A BYOC tool's style (TVM 0.15 export, spec section 7): an attribute between the type and
  // the name, parameters on their own lines, tabs, the brace on its own line; before it, a
  // macro invoked without ';' and a conditional whose branches each open a brace.
  const std::string code =
      "#include <stdint.h>\n"                                          // 1
      "MATCH_KERNEL_REGISTER(conv)\n"                                  // 2
      "static int helper(int x) {\n"                                   // 3
      "#ifdef FAST\n  if (x) {\n#else\n  if (!x) {\n#endif\n"          // 4-8
      "    return 1;\n  }\n  return 0;\n}\n"                           // 9-12
      "#if 0\nint tvmgen_default_match_main_0(float* a) {\n#endif\n"   // 13-15
      "int __attribute__ ((noinline)) tvmgen_default_match_main_0(\n"  // 16
      "\tvoid* var_FunctionVar_0_0_pt,\n"                              // 17
      "\tvoid *out_relu_pt /* astyle */\n"                             // 18
      ")\n"                                                            // 19
      "{\n\treturn helper(1);\n}\n"                                    // 20-22
      "int (*table(int k))(int) { return 0; }\n";                      // 23
  const aot_gen::c::File f = aot_gen::c::scan(code, "tvmgen_");
  REQUIRE(f.functions.size() == 2);
  REQUIRE(f.functions[0].name == "helper");
  const aot_gen::c::Function& m = f.functions[1];
  REQUIRE(m.name == "tvmgen_default_match_main_0");
  REQUIRE(m.defined);
  REQUIRE(m.line == 16);
  REQUIRE(m.params.size() == 2);
  REQUIRE(m.params[0].type.str() == "void*");
  REQUIRE(m.params[1].name == "out_relu_pt");
  REQUIRE(m.calls.at(0).callee == "helper");
  // What it cannot read (a function returning a function pointer) is kept by name and line.
  REQUIRE(f.unreadable.size() == 1);
  REQUIRE(f.unreadable[0].line == 23);
  REQUIRE(f.unreadable[0].names == std::vector<std::string>{"table"});
}

TEST_CASE("C scanner: what a body takes its pointer parameters to point to") {
  // TVM 0.8's unpacked operators: void* parameters named, then cast at each use.
  const std::string code =
      "TVM_DLL int32_t tvmgen_m_fused_cast(void* arg0, void* arg1) {\n"  // 1
      "  void* placeholder = arg0;\n"                                    // 2
      "  void* T_cast = arg1;\n"                                         // 3
      "  for (int32_t ax1_inner = 0; ax1_inner < 16; ++ax1_inner) {\n"   // 4
      "    ((int8_t*)T_cast)[(ax1_inner)] = ((int8_t)((float*)placeholder)[(ax1_inner)]);\n"
      "  }\n"
      "  float* p = (float*)arg0;\n"                                         // 7
      "  int8_t* q = ((int8_t*)(arg1));\n"                                   // 8
      "  int32_t* r = (int32_t*)other(arg1);\n"                              // 9: a call's result
      "  return ((int32_t*)arg1)[0] + (int32_t)(intptr_t)(char*)arg0->x;\n"  // 10
      "}\n";
  const aot_gen::c::File f = aot_gen::c::scan(code, "tvmgen_");
  const aot_gen::c::Function& fn = f.functions.at(0);
  std::vector<std::string> casts, aliases;
  for (const auto& c : fn.casts)
    casts.push_back(c.type.str() + " " + c.operand + " " + std::to_string(c.line));
  for (const auto& a : fn.aliases)
    aliases.push_back(a.type.str() + " " + a.name + "=" + a.from + " " + std::to_string(a.line));
  REQUIRE(casts == std::vector<std::string>{"int8_t* T_cast 5", "float* placeholder 5",
                                            "float* arg0 7", "int32_t* arg1 10"});
  REQUIRE(aliases == std::vector<std::string>{"void* placeholder=arg0 2", "void* T_cast=arg1 3",
                                              "float* p=arg0 7", "int8_t* q=arg1 8"});
}

TEST_CASE("C integers as #define writes them") {
  using aot_gen::c::parse_integer;
  REQUIRE(parse_integer("42") == 42u);
  REQUIRE(parse_integer("0x2A") == 42u);
  REQUIRE(parse_integer("052") == 42u);
  REQUIRE(parse_integer("((uint32_t)42UL)") == 42u);
  REQUIRE_FALSE(parse_integer("42 + 1"));
  REQUIRE_FALSE(parse_integer("99999999999999999999"));  // more than 64 bits
  REQUIRE_FALSE(parse_integer("08"));
  REQUIRE_FALSE(parse_integer("1uuu"));                   // not a C suffix
  REQUIRE_FALSE(parse_integer("((int32_t)4294967297)"));  // does not fit the cast
  REQUIRE(parse_integer("42ULL") == 42u);
}

TEST_CASE("Relay: names with ':', comments, bound params, tuple return, space before ':'") {
  const std::string text =
      "#[version = \"0.0.5\"]\n"
      "def @main(%x:0: Tensor[(1, 3), int8] /* ty=Tensor[(1, 3), int8] span=x:0 */,\n"
      "          %v_param_2: Tensor[(3), int8], %y : Tensor[(), float32],\n"
      "          output_tensor_names=[\"A\", \"B:0\"]) -> (Tensor[(1, 3), int8], Tensor[(2), "
      "int32]) {\n"
      "  (%x:0, %y)\n}\n";
  Report report;
  const auto r = aot_gen::read_relay("m.relay", text, report);
  REQUIRE(r);
  REQUIRE(r->inputs.size() == 2);
  REQUIRE(r->inputs[0].raw_name == "x:0");
  REQUIRE(*r->inputs[0].dtype == "int8");
  REQUIRE(r->inputs[0].shape == std::vector<std::int64_t>{1, 3});
  REQUIRE(r->inputs[1].raw_name == "y");
  REQUIRE(r->inputs[1].line == 3);
  REQUIRE(*r->inputs[1].dtype == "float32");
  REQUIRE(r->inputs[1].shape.empty());
  REQUIRE(r->outputs->size() == 2);
  REQUIRE(*(*r->outputs)[1].dtype == "int32");
  REQUIRE(r->output_names == std::vector<std::string>{"A", "B:0"});
}

TEST_CASE("Relay without '->' takes the result type from the last expression's ty=") {
  Report report;
  const auto r = aot_gen::read_relay("m.relay",
                                     "def @main(%a: Tensor[(4), uint8]) {\n  add(%a, 1 /* ty=uint8 "
                                     "*/) /* ty=Tensor[(4), uint8] */\n}\n",
                                     report);
  REQUIRE(r);
  REQUIRE(r->outputs->size() == 1);
  REQUIRE((*r->outputs)[0].shape == std::vector<std::int64_t>{4});
  const auto untyped =
      aot_gen::read_relay("m.relay", "def @main(%a: Tensor[(4), uint8]) {\n  %a\n}\n", report);
  REQUIRE(untyped);
  REQUIRE_FALSE(untyped->outputs);
}

TEST_CASE("Relay errors are one line and name the token's own line") {
  Report report;
  REQUIRE_FALSE(
      aot_gen::read_relay("m.relay", "\n\ndef @main(%a: Tensor[(4,\n n), uint8]) {\n}\n", report));
  REQUIRE(first_error(report) ==
          "aot-gen: error: m.relay:4: dimension 'n' is not a number (dynamic shapes are not "
          "supported)");
  Report r2;
  REQUIRE_FALSE(aot_gen::read_relay("m.relay", "def @main(3\n3)", r2));  // F12
  REQUIRE(first_error(r2) == "aot-gen: error: m.relay:1: unexpected '3' in the signature of @main");
}

TEST_CASE("header: structs, macros in any order and any spelling, run declaration") {
  const std::string h =
      "#define TVMGEN_M_WORKSPACE_SIZE 64\n#define TVMGEN_M_B_SIZE (4)\n#define TVMGEN_M_A_SIZE "
      "0x2\n"
      "#define TVMGEN_M_P_WORKSPACE_POOL_SIZE 128\n"
      "struct tvmgen_m_inputs {\n  void* a;\n  void* b;\n};\n"
      "struct tvmgen_m_outputs {\n  void* output;\n};\n"
      "struct tvmgen_m_workspace_pools {\n  void* p;\n};\n"
      "int32_t tvmgen_m_run(\n  struct tvmgen_m_inputs* inputs,\n  struct tvmgen_m_outputs* "
      "outputs,\n  struct tvmgen_m_workspace_pools* workspace_pools\n);\n";
  Report report;
  const auto f = aot_gen::read_header("tvmgen_m.h", h, "m", report);
  REQUIRE(f);
  REQUIRE(f->inputs->size() == 2);
  REQUIRE((*f->inputs)[1].name == "b");
  REQUIRE(f->pools->at(0).name == "p");
  REQUIRE(f->sizes.at("WORKSPACE").value == 64);
  REQUIRE(f->sizes.at("A").value == 2);
  REQUIRE(f->sizes.at("A").where.line == 3);
  REQUIRE(f->sizes.at("B").value == 4);
  REQUIRE(f->run->params.size() == 3);
}

TEST_CASE("header: a size that is not a number, or defined twice differently, is an error") {
  Report report;
  REQUIRE_FALSE(aot_gen::read_header(
      "h.h",
      "#define TVMGEN_M_A_SIZE 4\n#define TVMGEN_M_A_SIZE 5\n#define TVMGEN_M_B_SIZE sizeof(x)\n"
      "struct tvmgen_m_inputs {\n  void* a;\n};\nstruct tvmgen_m_outputs {\n  void* y;\n};\n",
      "m", report));
  REQUIRE(report.errors() == 2);
  REQUIRE(report.messages()[0].str() ==
          "aot-gen: error: h.h:2: TVMGEN_M_A_SIZE is defined again as 5 (it was 4 on line 1)");
  REQUIRE(report.messages()[1].str() ==
          "aot-gen: error: h.h:3: TVMGEN_M_B_SIZE is 'sizeof(x)', which aot-gen cannot read as a "
          "number");
}

TEST_CASE("metadata: flat v5/v6 and per-module v7, each fact with its line") {
  Report report;
  const auto v5 = aot_gen::read_metadata(
      "metadata.json",
      R"({"version": 5, "model_name": "kws", "memory": {"functions": {"main": [{"device": 1, "workspace_size_bytes": 96}]}}})",
      report);
  REQUIRE(v5);
  REQUIRE(v5->modules.at(0).name == "kws");
  REQUIRE(v5->modules[0].workspace->value == 96);
  REQUIRE_FALSE(v5->modules[0].has_io);
  const auto v7 =
      aot_gen::read_metadata("metadata.json",
                             "{\"version\": 7, \"modules\": {\"a\": {}, \"b\": {\n"
                             "\"memory\": {\"functions\": {\"main\": [{\"device\": 1,\n"
                             "\"workspace_size_bytes\": 0, \"io_size_bytes\": 18,\n"
                             "\"inputs\": {\"x:0\": {\"dtype\": \"int8\", \"size\": 10}},\n"
                             "\"outputs\": {\"Identity\": {\"dtype\": \"float32\",\n"
                             "\"size\": 8}}}]}}}}}",
                             report);
  REQUIRE(v7);
  REQUIRE(v7->modules.size() == 2);
  const aot_gen::MetadataModule& b = v7->modules[1];
  REQUIRE(b.io->value == 18);
  REQUIRE(b.io->where.line == 3);
  REQUIRE(b.inputs.at(0).raw_name == "x:0");
  REQUIRE(b.inputs[0].dtype->where.line == 4);
  REQUIRE(b.outputs.at(0).size->where.line == 6);
  REQUIRE(report.errors() == 0);
}

TEST_CASE("metadata: every target string with its line, v5's map and v6/v7's list") {
  Report report;
  const auto v5 = aot_gen::read_metadata("metadata.json",
                                         "{\"version\": 5, \"model_name\": \"kws\",\n"
                                         "\"target\": {\"1\": \"c -workspace-byte-alignment=8\"}}",
                                         report);
  REQUIRE(v5);
  REQUIRE(v5->modules.at(0).targets.size() == 1);
  REQUIRE(v5->modules[0].targets[0].value == "c -workspace-byte-alignment=8");
  REQUIRE(v5->modules[0].targets[0].where.line == 2);
  const auto v7 = aot_gen::read_metadata(
      "metadata.json",
      "{\"version\": 7, \"modules\": {\"a\": {\"target\": [\n\"c -keys=cpu \",\n"
      "\"c -keys=arm_cpu\"]}}}",
      report);
  REQUIRE(v7);
  const auto& targets = v7->modules.at(0).targets;
  REQUIRE(targets.size() == 2);
  REQUIRE(targets[0].where.line == 2);
  REQUIRE(targets[1].value == "c -keys=arm_cpu");
  REQUIRE(targets[1].where.line == 3);
  REQUIRE(report.errors() == 0);
}

TEST_CASE("metadata: numbers that are not what they seem are errors (F03, F04, F05)") {
  auto errors_of = [](const std::string& text) {
    Report r;
    aot_gen::read_metadata("metadata.json", text, r);
    std::string all;
    for (const auto& m : r.messages()) all += m.str() + "\n";
    return all;
  };
  REQUIRE(errors_of(R"({"version": 4294967301, "model_name": "m"})") ==
          "aot-gen: error: metadata.json:1: metadata version 4294967301 is not one TVM 0.8 to 0.18 "
          "wrote (5, 6 or 7)\n");
  REQUIRE(errors_of(R"({"version": 5.0, "model_name": "m"})") ==
          "aot-gen: error: metadata.json:1: 'version' must be a whole number of at most 64 bits, "
          "is 5.0\n");
  REQUIRE(errors_of(R"({"version": 5, "model_name": "m", "memory": {"functions": {"main": [)"
                    R"({"device": 1e300, "workspace_size_bytes": 0}]}}})") ==
          "aot-gen: error: metadata.json:1: 'device' must be a whole number of at most 64 bits, "
          "is 1e300\n");
  REQUIRE(errors_of(R"({"version": 1E400})") ==
          "aot-gen: error: metadata.json:1: 'version' must be a whole number of at most 64 bits, "
          "is 1E400\n");
  REQUIRE(errors_of(R"({"version": 7, "modules": {"a": {"model_name": "b"}}})") ==
          "aot-gen: error: metadata.json:1: model_name is 'b' inside the entry for module 'a'\n");
}

TEST_CASE("messages stay one line whatever bytes the inputs hold, UTF-8 kept") {
  REQUIRE(aot_gen::printable("a\nb\tc\x01") == "a\\nb\\tc\\x01");
  REQUIRE(aot_gen::printable("caf\xc3\xa9 \xe5\x90\x8d") == "caf\xc3\xa9 \xe5\x90\x8d");
  REQUIRE(aot_gen::printable("bad \xff\xc3 \xc2\x85") == "bad \\xff\\xc3 \\xc2\\x85");
  // U+2028 (line separator) and U+202E (right-to-left override) are escaped byte by byte.
  REQUIRE(aot_gen::printable("a\xe2\x80\xa8"
                             "b\xe2\x80\xae") == "a\\xe2\\x80\\xa8b\\xe2\\x80\\xae");
  REQUIRE(aot_gen::printable("0123456789", 4) == "0123...");
  const aot_gen::Message m{aot_gen::Message::Kind::kError, {"dir\nx/lib0.c", 3}, "bad\rline"};
  REQUIRE(m.str() == "aot-gen: error: dir\\nx/lib0.c:3: bad\\x0dline");
}

TEST_CASE("files saved on Windows: a byte order mark and CRLF line ends") {
  const auto v = aot_gen::json::parse("m.json", "\xEF\xBB\xBF{\r\n  \"a\": 1\r\n}\r\n");
  REQUIRE(v.find("a")->as_uint() == 1u);
  REQUIRE(v.members[0].line == 2);
  const aot_gen::c::File f = aot_gen::c::scan(
      "\xEF\xBB\xBF#define TVMGEN_M_X_SIZE 4\r\nstruct tvmgen_m_inputs {\r\n  void* x;\r\n};\r\n",
      "tvmgen_");
  REQUIRE(f.macros.size() == 1);
  REQUIRE(aot_gen::c::parse_integer(f.macros[0].value) == 4u);
  REQUIRE(f.structs.at(0).members.at(0).name == "x");
  REQUIRE(f.structs[0].members[0].line == 3);
  Report report;
  const auto r = aot_gen::read_relay("m.relay",
                                     "\xEF\xBB\xBF#[version = \"0.0.5\"]\r\ndef @main(%a: "
                                     "Tensor[(4), uint8]) -> Tensor[(4), uint8] {\r\n  %a\r\n}\r\n",
                                     report);
  REQUIRE(r);
  REQUIRE(r->inputs.at(0).line == 2);
}
