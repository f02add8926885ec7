// aot-gen <mlf folder or .tar> -o <header>: the model description for aot::AotExecutor.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "aot_gen.hpp"

namespace {

std::pair<std::string, std::string> split_assignment(const std::string& arg, const char* option) {
  const std::size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
    throw aot_gen::Error(option, 0, "expected <tensor>=<value>, got '" + arg + "'");
  }
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

void write_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path tmp = target.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw aot_gen::Error(path, 0, "cannot be written");
    out << text;
    out.close();
    if (!out) {
      fs::remove(tmp);
      throw aot_gen::Error(path, 0, "cannot be written");
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp);
    throw aot_gen::Error(path, 0, "cannot be written: " + ec.message());
  }
}

int run(int argc, char** argv) {
  CLI::App app{
      "aot-gen: C++ model description for aot::AotExecutor from a TVM Model Library Format "
      "archive"};
  aot_gen::Options opt;
  std::vector<std::string> shapes, dtypes;
  std::string inputs, outputs, entry, module;
  app.add_option("mlf", opt.input,
                 "MLF folder or uncompressed .tar (tvmc compile --output-format mlf)")
      ->required();
  app.add_option("-o,--output", opt.output,
                 "header to write (written only when everything checks out)")
      ->required();
  app.add_option("--module", module, "TVM module name, when no file tells it");
  app.add_option("--name", opt.type_name, "C++ struct name (default: the module name)");
  app.add_option("--namespace", opt.name_space, "C++ namespace of the struct (default: global)");
  app.add_option("--shape", shapes,
                 "shape of a tensor no file gives, e.g. --shape input_1=1,49,10,1")
      ->take_all();
  app.add_option("--dtype", dtypes, "dtype of a tensor no file gives, e.g. --dtype input_1=int8")
      ->take_all();
  app.add_option("--inputs", inputs, "input names in argument order, when no file orders them");
  app.add_option("--outputs", outputs, "output names in argument order, when no file orders them");
  app.add_option("--entry", entry,
                 "calling convention: c, packed or unpacked (default: what the sources define)")
      ->check(CLI::IsMember({"c", "packed", "unpacked"}));
  CLI11_PARSE(app, argc, argv);

  try {
    if (!module.empty()) opt.module = module;
    if (!entry.empty()) opt.entry = entry;
    if (!inputs.empty()) opt.input_order = split_list(inputs);
    if (!outputs.empty()) opt.output_order = split_list(outputs);
    for (const std::string& s : shapes) {
      auto [tensor, dims] = split_assignment(s, "--shape");
      std::vector<std::int64_t> shape;
      for (const std::string& d : split_list(dims)) {
        const std::optional<std::int64_t> v = aot_gen::parse_int(d);
        if (!v || *v <= 0)
          throw aot_gen::Error(
              "--shape", 0, "dimension '" + d + "' of '" + tensor + "' is not a positive number");
        shape.push_back(*v);
      }
      opt.shapes[tensor] = shape;
    }
    for (const std::string& d : dtypes) {
      auto [tensor, dtype] = split_assignment(d, "--dtype");
      opt.dtypes[tensor] = dtype;
    }
    const aot_gen::Archive mlf = aot_gen::read_archive(opt.input);
    const aot_gen::Model model = aot_gen::resolve(mlf, opt);
    for (const std::string& note : model.notes) fmt::print(stderr, "aot-gen: note: {}\n", note);
    write_atomically(opt.output, aot_gen::emit(model, opt));
  } catch (const aot_gen::Error& e) {
    fmt::print(stderr, "aot-gen: error: {}: {}\n", e.where(), e.what());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "aot-gen: error: {}: {}\n", opt.input, e.what());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (...) {
    std::fputs("aot-gen: error: unexpected failure\n", stderr);
    return 1;
  }
}
