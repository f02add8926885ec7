// SPDX-License-Identifier: Apache-2.0
// Quantization parameters: what the Relay body's qnn operators say of each input and output,
// what QUANT / --quant adds or contradicts, and the quant fixture end to end through
// aot_add_model, AotExecutor and aot::dequantize.
#include <aot/aot.hpp>
#include <aot/quant.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "aot_gen.hpp"
#include "mlf_quant.hpp"

namespace {

using aot_gen::Options;
using aot_gen::RelayQuant;
using aot_gen::Report;

/// The Relay text of a model with one int8 input %x (1, 4) and one int8 output, its body given.
std::string relay(const std::string& body, const std::string& inputs = "%x: Tensor[(1, 4), int8]") {
  return "def @main(" + inputs + ") -> Tensor[(1, 4), int8] {\n" + body + "\n}\n";
}

std::optional<aot_gen::RelayFacts> read(const std::string& text, Report& report) {
  return aot_gen::read_relay("m.relay", text, report);
}

std::vector<RelayQuant> input_quant(const aot_gen::RelayFacts& r, const std::string& name) {
  auto it = r.input_quant.find(name);
  return it == r.input_quant.end() ? std::vector<RelayQuant>{} : it->second;
}

using Files = std::map<std::string, std::string>;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A fixture MLF, file by file, so that a test can change one.
Files fixture(const std::string& name = "quant") {
  namespace fs = std::filesystem;
  const fs::path d = fs::path(AOT_MLF_DIR) / name;
  Files f;
  for (const auto& e : fs::recursive_directory_iterator(d)) {
    if (e.is_regular_file())
      f[fs::relative(e.path(), d).generic_string()] = slurp(e.path().string());
  }
  return f;
}

struct Result {
  aot_gen::Model model;
  Report report;
  std::vector<std::string> of(aot_gen::Message::Kind kind) const {
    std::vector<std::string> out;
    for (const auto& m : report.messages())
      if (m.kind == kind) out.push_back(m.str());
    return out;
  }
  std::vector<std::string> errors() const { return of(aot_gen::Message::Kind::kError); }
  std::vector<std::string> notes() const { return of(aot_gen::Message::Kind::kNote); }
};

Result resolve(const Files& files, const Options& opt = {}) {
  aot_gen::Archive a;
  a.origin = "quant";  // messages name the MLF so, whichever it is
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

TEST_CASE("Relay: each qnn operator kind gives the scale and zero point of the input it takes") {
  struct Case {
    const char* call;
    float scale;
    std::int64_t zero_point;
  };
  // TVM's argument orders (docs/aot-gen.md): the input's scale and zero point sit at different
  // places in each operator.
  const Case cases[] = {
      {"qnn.dequantize(%x, 0.5f, 3)", 0.5f, 3},
      {"qnn.requantize(%x, 0.25f, -4, 0.5f, 1, out_dtype=\"int8\")", 0.25f, -4},
      {"qnn.conv2d(%x, meta[relay.Constant][0], 7, 0, 0.125f, 0.5f, padding=[0, 0, 0, 0], "
       "channels=4, kernel_size=[1, 1], out_dtype=\"int32\")",
       0.125f, 7},
      {"qnn.dense(%x, meta[relay.Constant][0], -1, 0, 0.0039215689f, 0.5f, units=4, "
       "out_dtype=\"int32\")",
       0.0039215689f, -1},
      {"qnn.add(%x, %x, 0.75f, 2, 0.75f, 2, 1.5f, 0)", 0.75f, 2},
      {"qnn.add(meta[relay.Constant][0], %x, 0.1f, 0, 0.3f, -9, 1.5f, 0)", 0.3f, -9},
      {"qnn.mul(%x, 2f, 1e-05f, 5, 1f, 0, 1f, 0)", 1e-05f, 5},
      {"qnn.concatenate((%x, %x), (0.5f, 0.5f), (6, 6), 0.5f, 6, axis=1)", 0.5f, 6},
  };
  for (const Case& c : cases) {
    INFO(c.call);
    Report report;
    const auto r = read(relay(std::string("  ") + c.call), report);
    REQUIRE(r);
    const auto q = input_quant(*r, "x");
    REQUIRE_FALSE(q.empty());
    REQUIRE(q[0].unknown.empty());
    REQUIRE(q[0].line == 2);
    REQUIRE(q[0].scales == std::vector<float>{c.scale});
    REQUIRE(q[0].zero_points == std::vector<std::int64_t>{c.zero_point});
  }
}

TEST_CASE("Relay: the operator producing each output, through bindings, tuples and reshapes") {
  Report report;
  const auto r = read(
      "def @main(%x: Tensor[(4), float32], %y: Tensor[(4), int8]) -> (Tensor[(4), int8], "
      "Tensor[(2, 2), int8], Tensor[(4), int8]) {\n"
      "  %0 = qnn.quantize(%x, 0.0078125f /* ty=float32 */, -128 /* ty=int32 */, "
      "out_dtype=\"int8\") /* ty=Tensor[(4), int8] */;\n"
      "  %1 = qnn.requantize(%y, 0.5f, 0, 0.25f, 12i32, out_dtype=\"int8\");\n"
      "  %2 = reshape(%1, newshape=[2, 2]);\n"
      "  %3 = qnn.subtract(%0, %y, 0.0078125f, -128, 0.5f, 0, 2f, -3);\n"
      "  (%0, %2, %3)\n"
      "}\n",
      report);
  REQUIRE(r);
  REQUIRE(r->output_quant.size() == 3);
  REQUIRE(r->output_quant[0]->op == "qnn.quantize");
  REQUIRE(r->output_quant[0]->scales == std::vector<float>{0.0078125f});
  REQUIRE(r->output_quant[0]->zero_points == std::vector<std::int64_t>{-128});
  REQUIRE(r->output_quant[1]->op == "qnn.requantize");
  REQUIRE(r->output_quant[1]->line == 3);
  REQUIRE(r->output_quant[1]->zero_points == std::vector<std::int64_t>{12});
  REQUIRE(r->output_quant[2]->scales == std::vector<float>{2.f});
  REQUIRE(r->output_quant[2]->zero_points == std::vector<std::int64_t>{-3});
  // qnn.quantize takes a float input: it says nothing of %x. %y: requantize and subtract.
  REQUIRE(input_quant(*r, "x").empty());
  REQUIRE(input_quant(*r, "y").size() == 2);
}

TEST_CASE("Relay: per-axis literals, meta constants and text that is not Relay") {
  Report report;
  auto r = read(relay("  qnn.requantize(%x, (0.5f, 0.25f, 0.125f, 1f), 3, 1f, 0, axis=1)"), report);
  REQUIRE(r);
  auto q = input_quant(*r, "x");
  REQUIRE(q.size() == 1);
  REQUIRE(q[0].scales == std::vector<float>{0.5f, 0.25f, 0.125f, 1.f});
  REQUIRE(q[0].zero_points == std::vector<std::int64_t>{3, 3, 3, 3});  // one written: each axis
  REQUIRE(q[0].axis == 1);

  r = read(relay("  qnn.dequantize(%x, meta[relay.Constant][3] /* ty=Tensor[(4), float32] */, 0)"),
           report);
  REQUIRE(r);
  q = input_quant(*r, "x");
  REQUIRE(q.size() == 1);
  REQUIRE(q[0].scales.empty());
  REQUIRE(q[0].unknown == "its scale is meta[relay.Constant][3]");

  // Garbage in the body adds no facts and no errors.
  for (const char* body : {"  qnn.add(%x, ((((", "  qnn.dequantize(%x, 1.5e+f, 0x10)", "  )))}}}",
                           "  qnn.requantize(%x, 0.5f, 3", "  %0 = %0; %0"}) {
    Report rep;
    REQUIRE(read(relay(body), rep));
    REQUIRE_FALSE(rep.failed());
  }
}

TEST_CASE("Relay: deep nesting and long bodies are read in one pass") {
  std::string body = "  ";
  for (int i = 0; i < 20000; ++i) body += "reshape(";
  body += "qnn.requantize(%x, 0.5f, 0, 0.25f, 1)";
  for (int i = 0; i < 20000; ++i) body += ", newshape=[4])";
  Report report;
  const auto r = read(relay(body), report);
  REQUIRE(r);
  REQUIRE(r->output_quant.size() == 1);
  REQUIRE(r->output_quant[0]->scales == std::vector<float>{0.25f});
}

TEST_CASE("the quant fixture: input and output parameters from qnn.requantize and qnn.add") {
  const Result r = resolve(fixture());
  REQUIRE(r.errors().empty());
  REQUIRE(r.notes().empty());
  REQUIRE(r.model.inputs[0].scales == std::vector<float>{0.0039215689f});
  REQUIRE(r.model.inputs[0].zero_points == std::vector<std::int32_t>{-128});
  REQUIRE(r.model.inputs[0].quant_comment ==
          "scale and zero_point from src/quant.relay:2 (qnn.requantize)");
  REQUIRE(r.model.outputs[0].scales == std::vector<float>{0.0156862754f});
  const std::string header = aot_gen::emit(r.model, Options{});
  // Nine significant digits: the float reads back exactly.
  REQUIRE(header.find("    static constexpr float scale = 0.00392156886f;\n"
                      "    static constexpr std::int32_t zero_point = -128;\n") !=
          std::string::npos);
  REQUIRE(header.find("    // scale and zero_point from src/quant.relay:3 (qnn.add)\n"
                      "    static constexpr float scale = 0.0156862754f;\n") != std::string::npos);
}

TEST_CASE("two consumers of an input that disagree: an error naming both places") {
  Files f = fixture();
  // qnn.add's rhs (the input) now says zero point -127.
  f["src/quant.relay"] = replaced(
      f["src/quant.relay"], "0.0039215689f /* ty=float32 */, -128 /* ty=int32 */, 0.0156862754f",
      "0.0039215689f /* ty=float32 */, -127 /* ty=int32 */, 0.0156862754f");
  const Result r = resolve(f);
  REQUIRE(r.errors() ==
          std::vector<std::string>{
              "aot-gen: error: quant/src/quant.relay:3: input 'serving_default_x:0' has scale "
              "0.00392156886 and zero point -127 in qnn.add here but scale 0.00392156886 and zero "
              "point -128 in quant/src/quant.relay:2 (qnn.requantize)"});
}

TEST_CASE("per axis in the Relay text: scales, zero_points and quant_axis") {
  Files f = fixture();
  f["src/quant.relay"] =
      replaced(f["src/quant.relay"], "qnn.add(%0, %serving_default_x:0, 0.0078431377f",
               "qnn.add(%0, (0.5f, 0.25f, 0.125f, 0.0625f), 0.0078431377f");
  f["src/quant.relay"] = replaced(f["src/quant.relay"], "0.0156862754f /* ty=float32 */, -128",
                                  "(0.5f, 1f, 2f, 4f), (-1, 0, 1, 2), axis=1, x=");
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  const auto& out = r.model.outputs[0];
  REQUIRE(out.scales == std::vector<float>{0.5f, 1.f, 2.f, 4.f});
  REQUIRE(out.zero_points == std::vector<std::int32_t>{-1, 0, 1, 2});
  REQUIRE(out.quant_axis == 1);
  const std::string header = aot_gen::emit(r.model, Options{});
  REQUIRE(header.find("    static constexpr std::array<float, 4> scales{0.5f, 1.0f, 2.0f, 4.0f};\n"
                      "    static constexpr std::array<std::int32_t, 4> zero_points{-1, 0, 1, 2};\n"
                      "    static constexpr std::size_t quant_axis = 1;\n") != std::string::npos);
}

TEST_CASE("a meta constant: no figure, a note that says how to give it") {
  Files f = fixture();
  f["src/quant.relay"] = replaced(f["src/quant.relay"], "0.0156862754f /* ty=float32 */",
                                  "meta[relay.Constant][0] /* ty=float32 */");
  const Result r = resolve(f);
  REQUIRE(r.errors().empty());
  REQUIRE(r.model.outputs[0].scales.empty());
  REQUIRE(r.notes() == std::vector<std::string>{
                           "aot-gen: note: quant/src/quant.relay:3: output 'Identity': no scale or "
                           "zero point written: qnn.add takes them here, but its scale is "
                           "meta[relay.Constant][0], which the Relay text does not show (--quant "
                           "Identity=<scale>,<zero_point> gives them)"});
  // The option then gives them, unverified.
  Options opt;
  opt.quants["Identity"] = "0.0156862754,-128";
  const Result g = resolve(f, opt);
  REQUIRE(g.errors().empty());
  REQUIRE(g.model.outputs[0].scales == std::vector<float>{0.0156862754f});
  REQUIRE(g.model.outputs[0].quant_comment ==
          "scale and zero_point unverified (from --quant): the Relay text's qnn.add "
          "(src/quant.relay:3) does not show them: its scale is meta[relay.Constant][0]");
  REQUIRE(g.notes().size() == 1);
}

TEST_CASE(
    "the quant option: agreement is silent, a contradiction names both, alone it is unverified") {
  Options agree;
  agree.quants["serving_default_x:0"] = "0.0039215689,-128";
  agree.quants["Identity"] = "1.56862754e-2, -128";
  const Result a = resolve(fixture(), agree);
  REQUIRE(a.errors().empty());
  REQUIRE(a.notes().empty());
  REQUIRE(a.model.inputs[0].quant_comment ==
          "scale and zero_point from src/quant.relay:2 (qnn.requantize), as --quant says");

  Options contradict;
  contradict.quants["serving_default_x_0"] = "0.5,-128";
  contradict.syntax = aot_gen::Syntax::kCMake;
  const Result c = resolve(fixture(), contradict);
  REQUIRE(c.errors() ==
          std::vector<std::string>{
              "aot-gen: error: QUANT: input 'serving_default_x:0' has scale 0.5 and zero point "
              "-128 here but scale 0.00392156886 and zero point -128 in "
              "quant/src/quant.relay:2 (qnn.requantize)"});

  Files f = fixture();
  f["src/quant.relay"] = replaced(f["src/quant.relay"], "qnn.add(", "add(");
  Options only;
  only.quants["Identity"] = "0.25,7";
  const Result o = resolve(f, only);
  REQUIRE(o.errors().empty());
  REQUIRE(o.model.outputs[0].scales == std::vector<float>{0.25f});
  REQUIRE(o.model.outputs[0].zero_points == std::vector<std::int32_t>{7});
  REQUIRE(o.model.outputs[0].quant_comment ==
          "scale and zero_point unverified (from --quant): no qnn operator in the Relay text "
          "states them");
  REQUIRE(o.notes() == std::vector<std::string>{
                           "aot-gen: note: --quant: output 'Identity': scale 0.25 and zero point 7 "
                           "unverified (from --quant): no qnn operator in the Relay text states "
                           "them"});
}

TEST_CASE("the quant option: bad values, each one error, all in one run") {
  const Files f = fixture();
  Options opt;
  opt.quants["serving_default_x:0"] = "0x1p-8,-129";
  opt.quants["Identity"] = "inf,1.5";
  opt.quants["nothing"] = "0.5,0";
  const Result r = resolve(f, opt);
  // NOLINTBEGIN(bugprone-suspicious-missing-comma): long messages split over lines
  REQUIRE(r.errors() ==
          std::vector<std::string>{
              "aot-gen: error: --quant: no tensor 'nothing' in module quant (it has "
              "serving_default_x:0, Identity)",
              "aot-gen: error: --quant: scale '0x1p-8' of input 'serving_default_x:0' is not a "
              "positive finite number written in decimal (e.g. 0.0078125)",
              "aot-gen: error: --quant: zero point -129 of input 'serving_default_x:0' is outside "
              "int8's range -128..127",
              "aot-gen: error: --quant: scale 'inf' of output 'Identity' is not a positive finite "
              "number written in decimal (e.g. 0.0078125)",
              "aot-gen: error: --quant: zero point '1.5' of output 'Identity' is not a decimal "
              "integer"});
  // NOLINTEND(bugprone-suspicious-missing-comma)
  for (const char* bad : {"0,0", "-0.5,0", "1e39,0", "1e-50,0", "0.5", "0.5,1,2", ".,0", "1e,0"}) {
    Options o;
    o.quants["Identity"] = bad;
    INFO(bad);
    REQUIRE(resolve(fixture(), o).errors().size() == 1);
  }
}

TEST_CASE("the quant option on a float tensor is refused") {
  Options opt;
  opt.quants["output"] = "0.5,0";
  const Result r = resolve(fixture("v08"), opt);
  REQUIRE(r.errors() == std::vector<std::string>{
                            "aot-gen: error: --quant: output 'output' is float32: only a tensor "
                            "of integers has a scale and zero point"});
}

TEST_CASE("the quant fixture through aot_add_model: constexpr parameters and a real output") {
  STATIC_REQUIRE(aot::scale_of<quant::serving_default_x_0>() == 0.0039215689f);
  STATIC_REQUIRE(aot::zero_point_of<quant::serving_default_x_0>() == -128);
  STATIC_REQUIRE(aot::scale_of<quant::Identity>() == 0.0156862754f);
  STATIC_REQUIRE(aot::zero_point_of<quant::Identity>() == -128);
  static aot::AotExecutor<quant> exec;
  // tests/fixtures/mlf/quant/EXPECTED.md: x = -128, -1, 51, 127 gives y = -128, -64, -38, 0.
  auto r = exec.infer(std::array<std::int8_t, 4>{-128, -1, 51, 127});
  REQUIRE(r.ok());
  const auto y = r.get<0>();
  REQUIRE(y[0] == -128);
  REQUIRE(y[1] == -64);
  REQUIRE(y[2] == -38);
  REQUIRE(y[3] == 0);
  // scale * (q - zero_point) in double, rounded once: 0.0156862754 * 64 = 1.00392163,
  // * 90 = 1.41176474, * 128 = 2.00784326.
  REQUIRE(aot::dequantize<quant::Identity>(y[0]) == 0.f);
  REQUIRE(aot::dequantize<quant::Identity>(y[1]) == 1.00392163f);
  REQUIRE(aot::dequantize<quant::Identity>(y[2]) == 1.41176474f);
  REQUIRE(aot::dequantize<quant::Identity>(y[3]) == 2.00784326f);
  std::array<float, 4> real{};
  REQUIRE(aot::dequantize(y, aot::Span<float>(real.data(), real.size())));
  REQUIRE(real[3] == 2.00784326f);
}
