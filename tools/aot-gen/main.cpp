// SPDX-License-Identifier: Apache-2.0
// aot-gen <mlf folder or archive> -o <header>: the model description for aot::AotExecutor.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>

#include "aot_gen.hpp"

#ifndef AOT_VERSION
#define AOT_VERSION "unknown"
#endif

namespace {

/// "a, b,c" -> {"a", "b", "c"}: items trimmed of spaces.
std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = s.find(',', start);
    std::string item =
        s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const std::size_t b = item.find_first_not_of(" \t");
    const std::size_t e = item.find_last_not_of(" \t");
    out.push_back(b == std::string::npos ? std::string() : item.substr(b, e - b + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

/// "<tensor>=<value>" from an option, or nullopt after reporting what is wrong.
std::optional<std::pair<std::string, std::string>> assignment(const std::string& arg,
                                                              const std::string& flag,
                                                              aot_gen::Report& report) {
  const std::size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
    report.error({flag, 0}, "expected <tensor>=<value>, got '" + aot_gen::printable(arg) + "'");
    return std::nullopt;
  }
  return std::make_pair(arg.substr(0, eq), arg.substr(eq + 1));
}

void write_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path tmp = target.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw aot_gen::Stop{{path, 0}, "cannot be written"};
    out << text;
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      throw aot_gen::Stop{{path, 0}, "cannot be written"};
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw aot_gen::Stop{{path, 0}, "cannot be written: " + ec.message()};
  }
}

std::string plural(std::size_t n, const char* one) {
  return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
}

int run(int argc, char** argv) {
  CLI::App app{
      "aot-gen: the C++ model description for aot::AotExecutor, from a TVM Model Library "
      "Format archive (folder, .tar, .tar.gz, .tgz or .zip). Every fact is read from every file "
      "that has it and cross-checked; every fact given by an option is checked against the "
      "files."};
  aot_gen::Options opt;
  std::vector<std::string> shapes, dtypes, quants;
  std::string inputs, outputs, entry, module, syntax = "cli";
  std::optional<std::string> workspace_size, workspace_alignment;
  app.set_version_flag("--version", std::string("aot-gen ") + AOT_VERSION);
  app.add_option("mlf", opt.input,
                 "MLF folder or archive (tvmc compile --output-format mlf); also a committed "
                 "codegen/ or codegen/host folder")
      ->required();
  app.add_option("-o,--output", opt.output,
                 "header to write (written only when everything checks out)")
      ->required();
  app.add_option("--module", module, "TVM module name, when the MLF has several or none");
  app.add_option("--name", opt.type_name, "C++ struct name (default: the module name)");
  app.add_option("--namespace", opt.name_space, "C++ namespace of the struct (default: global)");
  app.add_option("--shape", shapes,
                 "shape of a tensor no file gives, e.g. --shape input_1=1,49,10,1")
      ->take_all();
  app.add_option("--dtype", dtypes, "dtype of a tensor no file gives, e.g. --dtype input_1=int8")
      ->take_all();
  app.add_option("--quant", quants,
                 "scale and zero point of an integer input or output, e.g. --quant "
                 "input_1=0.0078125,-128 (checked against the Relay text's qnn operators)")
      ->take_all();
  app.add_option("--inputs", inputs, "input names in argument order, when no file orders them");
  app.add_option("--outputs", outputs, "output names in argument order, when no file orders them");
  app.add_option("--entry", entry,
                 "calling convention: c, packed or unpacked (default: what the sources define)")
      ->check(CLI::IsMember({"c", "packed", "unpacked"}));
  app.add_option("--workspace-size", workspace_size,
                 "bytes of the TVMBackendAllocWorkspace arena instead of the model's figure, e.g. "
                 "a peak measured with workspace_peak(), or 'measured': the peak of the probe's "
                 "run (models without a memory planner only)");
  app.add_option("--workspace-alignment", workspace_alignment,
                 "the workspace byte alignment the model was built with (TVM's "
                 "workspace-byte-alignment), when no file states it; a power of two, 1 to 4096");
  app.add_flag("--profile", opt.profile,
               "list the operators __tvm_main__ calls in the description (operators), for "
               "per-operator profiling of C compiled with -finstrument-functions");
  bool no_probe = false;
  app.add_flag("--no-probe", no_probe,
               "do not run the model on the host (the probe: its C compiled with the host's "
               "compiler and run once, to measure the bytes each input and output takes and the "
               "workspace peak)");
  app.add_option("--host-cc", opt.host_cc,
                 "the host's C compiler for the probe (default: cc, gcc or clang on the PATH)");
  app.add_option("--host-cxx", opt.host_cxx,
                 "the host's C++ compiler for a model with C++ sources (default: c++, g++ or "
                 "clang++ on the PATH)");
  app.add_option("--probe-timeout", opt.probe_timeout,
                 "seconds one run of the model may take in the probe (default 10)")
      ->check(CLI::Range(0.1, 3600.0));
  app.add_option("--syntax", syntax,
                 "name options in messages as aot-gen's flags (cli) or aot_add_model's keywords "
                 "(cmake)")
      ->check(CLI::IsMember({"cli", "cmake"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "aot-gen: error: {} (aot-gen --help lists the options)\n",
               aot_gen::printable(e.what(), 300));
    return 1;
  }

  aot_gen::Report report;
  opt.syntax = syntax == "cmake" ? aot_gen::Syntax::kCMake : aot_gen::Syntax::kCli;
  opt.probe = !no_probe;
  if (!module.empty()) opt.module = module;
  if (!entry.empty()) opt.entry = entry;
  if (!inputs.empty()) opt.input_order = split_list(inputs);
  if (!outputs.empty()) opt.output_order = split_list(outputs);
  opt.workspace_size = workspace_size;
  opt.workspace_alignment = workspace_alignment;
  for (const std::string& s : shapes) {
    auto a = assignment(s, opt.flag("--shape"), report);
    if (!a) continue;
    std::vector<std::int64_t> shape;
    bool ok = true;
    std::string dims = a->second;
    if (dims.size() >= 2 && ((dims.front() == '(' && dims.back() == ')') ||
                             (dims.front() == '[' && dims.back() == ']')))
      dims = dims.substr(1, dims.size() - 2);
    for (const std::string& d : split_list(dims)) {
      // Plain decimal: "010" is ten here, not C's octal eight.
      std::optional<std::uint64_t> v;
      if (!d.empty() && d.size() <= 18 && d.find_first_not_of("0123456789") == std::string::npos)
        v = std::stoull(d);
      if (!v || *v == 0 || *v > static_cast<std::uint64_t>(INT64_MAX)) {
        report.error({opt.flag("--shape"), 0},
                     "dimension '" + aot_gen::printable(d) + "' of '" +
                         aot_gen::printable(a->first) + "' is not a positive number (the form is " +
                         opt.flag("--shape") + " " + aot_gen::printable(a->first) + "=d0,d1,...)");
        ok = false;
        continue;
      }
      shape.push_back(static_cast<std::int64_t>(*v));
    }
    if (!ok) continue;
    auto [it, fresh] = opt.shapes.emplace(a->first, shape);
    if (!fresh && it->second != shape) {
      report.error({opt.flag("--shape"), 0},
                   "'" + aot_gen::printable(a->first) + "' is given two different shapes");
    }
  }
  for (const std::string& d : dtypes) {
    auto a = assignment(d, opt.flag("--dtype"), report);
    if (!a) continue;
    auto [it, fresh] = opt.dtypes.emplace(a->first, a->second);
    if (!fresh && it->second != a->second) {
      report.error({opt.flag("--dtype"), 0},
                   "'" + aot_gen::printable(a->first) + "' is given two different dtypes");
    }
  }
  for (const std::string& q : quants) {
    auto a = assignment(q, opt.flag("--quant"), report);
    if (!a) continue;
    auto [it, fresh] = opt.quants.emplace(a->first, a->second);
    if (!fresh && it->second != a->second) {
      report.error({opt.flag("--quant"), 0}, "'" + aot_gen::printable(a->first) +
                                                 "' is given two different scales or zero points");
    }
  }
  aot_gen::Model model;
  if (!report.failed()) {
    try {
      const aot_gen::Archive mlf = aot_gen::read_archive(opt.input);
      model = aot_gen::resolve(mlf, opt, report);
    } catch (const aot_gen::Stop& s) {
      report.error(s.where, s.text);
    }
  }
  if (!report.failed()) {
    try {
      write_atomically(opt.output, aot_gen::emit(model, opt));
    } catch (const aot_gen::Stop& s) {
      report.error(s.where, s.text);
    }
  }
  for (const aot_gen::Message& m : report.messages()) fmt::print(stderr, "{}\n", m.str());
  if (report.dropped() > 0) {
    fmt::print(stderr, "aot-gen: note: {} more messages not shown\n", report.dropped());
  }
  if (report.failed()) return 1;
  const char* conv = model.convention == aot_gen::Convention::kCInterface ? "C interface"
                     : model.convention == aot_gen::Convention::kPacked   ? "packed"
                                                                          : "unpacked";
  // The memory and runtime facts are the ones a build log reader acts on: the arena to find
  // room for, and the symbols the program must link (aot_add_model links them itself).
  const std::string workspace = model.workspace_size
                                    ? ", workspace " + std::to_string(*model.workspace_size) + " B"
                                    : std::string();
  std::string runtime;
  if (model.uses_backend_workspace) runtime = "TVMBackendAllocWorkspace";
  if (model.uses_last_error)
    runtime += std::string(runtime.empty() ? "" : " and ") + "TVMAPISetLastError";
  if (!runtime.empty()) runtime = ", calls " + runtime;
  fmt::print("aot-gen: wrote {}: struct {} ({}, {}, {}, {}{}{})\n",
             aot_gen::printable(opt.output, 200),
             model.name_space.empty() ? model.type_name : model.name_space + "::" + model.type_name,
             plural(model.inputs.size(), "input"), plural(model.outputs.size(), "output"), conv,
             model.entry_symbol, workspace, runtime);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("aot-gen: error: out of memory\n", stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "aot-gen: error: internal error: %s\n", e.what());
  } catch (...) {
    std::fputs("aot-gen: error: internal error\n", stderr);
  }
  return 1;
}
