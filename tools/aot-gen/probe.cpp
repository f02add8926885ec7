// SPDX-License-Identifier: Apache-2.0
// Building and running the probe: the model's headers and sources, the driver and the
// headers it needs (embedded in aot-gen, so that an installed aot-gen needs no other file)
// written to a temporary folder, compiled in one command, run in a child process whose lines
// say what it measured.
#include "probe.hpp"

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "probe_files.hpp"
#include "process.hpp"

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

namespace aot_gen::probe {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_cxx(const std::string& path) { return ends_with(path, ".cc") || ends_with(path, ".cpp"); }

bool write_file(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

/// A new folder of our own under the system's temporary folder.
std::string make_temp_dir() {
#if defined(__unix__) || defined(__APPLE__)
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "aot-gen-probe-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return {};
  return pattern;
#else
  return {};
#endif
}

/// The first line of a compiler's output that says what went wrong.
std::string first_error(const std::string& text) {
  std::istringstream in(text);
  std::string line, first;
  while (std::getline(in, line)) {
    if (first.empty() && !line.empty()) first = line;
    if (line.find("error") != std::string::npos) return line;
  }
  return first;
}

/// The symbols a link could not resolve (GNU ld, lld, Apple's ld), at most three.
std::vector<std::string> undefined_symbols(const std::string& text) {
  std::vector<std::string> names;
  auto add = [&](std::string name) {
    while (!name.empty() && (name.back() == '\'' || name.back() == '"' || name.back() == '`'))
      name.pop_back();
    if (name.empty() || names.size() >= 3) return;
    for (const std::string& n : names)
      if (n == name) return;
    names.push_back(name);
  };
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    for (const char* key : {"undefined reference to `", "undefined symbol: "}) {
      const std::size_t at = line.find(key);
      if (at == std::string::npos) continue;
      std::string name = line.substr(at + std::char_traits<char>::length(key));
      const std::size_t end = name.find_first_of("' \t\"");
      add(name.substr(0, end));
    }
    const std::size_t q = line.find("\"_");
    if (q != std::string::npos && line.find("referenced from") != std::string::npos) {
      const std::size_t end = line.find('"', q + 1);
      if (end != std::string::npos) add(line.substr(q + 2, end - q - 2));
    }
  }
  return names;
}

std::string seconds_text(double s) {
  std::ostringstream o;
  o << s;
  return o.str();
}

}  // namespace

Probe::Probe(const Archive& mlf, Spec spec, Settings settings)
    : mlf_(mlf), spec_(std::move(spec)), settings_(std::move(settings)) {}

Probe::~Probe() {
  if (dir_.empty()) return;
  // AOT_GEN_KEEP_PROBE keeps the folder, to look at what was built.
  const char* keep = std::getenv("AOT_GEN_KEEP_PROBE");
  if (keep != nullptr && *keep != '\0') return;
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

bool Probe::write_files(std::string& why) {
  dir_ = make_temp_dir();
  if (dir_.empty()) {
    why = "it cannot make a temporary folder";
    return false;
  }
  const fs::path d(dir_);
  bool ok = true;
  for (const auto& [path, text] : embedded_files()) ok = write_file(d / path, text) && ok;
  for (const auto& [path, text] : mlf_.files) {
    if (ends_with(path, ".h") || ends_with(path, ".hpp"))
      ok = write_file(d / "mlf" / path, text) && ok;
  }
  for (const std::string& s : spec_.sources) {
    const std::string* text = mlf_.find(s);
    ok = text != nullptr && write_file(d / "mlf" / s, *text) && ok;
  }
  ok = write_file(d / "probe_model.c", model_source(spec_)) && ok;
  if (!ok) why = "it cannot write its files to " + dir_;
  return ok;
}

bool Probe::build(bool instrumented, std::string& why, double& seconds) {
  const auto t0 = std::chrono::steady_clock::now();
  const fs::path d(dir_);
  Spec named = spec_;
  if (!instrumented) named.functions.clear();
  if (!write_file(d / "probe_functions.c", functions_source(named))) {
    why = "it cannot write its files to " + dir_;
    return false;
  }
  const std::string runtime_include = (d / "mlf/runtime/include").string();
  const bool own_runtime = mlf_.find("runtime/include/tvm/runtime/c_runtime_api.h") != nullptr;
  std::vector<std::string> flags = {"-O0", "-w", "-Wno-error=incompatible-pointer-types",
                                    "-Wno-error=int-conversion"};
  if (instrumented) flags.push_back("-finstrument-functions");
  flags.push_back("-I" + dir_);
  flags.push_back("-I" + (d / "mlf/codegen/host/include").string());
  flags.push_back("-I" + (own_runtime ? runtime_include : (d / "compat").string()));
  // As aot::arm_host_intrinsics: the CMSIS names always, the portable <arm_acle.h> and the
  // __builtin_arm_* names only where the compiler does not target Arm.
  const bool portable_acle = spec_.arm_intrinsics && !spec_.host_is_arm;
  if (spec_.arm_intrinsics) {
    for (const char* sub : {"compat/cmsis", "compat/cmsis_nn"})
      flags.push_back("-I" + (d / sub).string());
  }
  if (portable_acle) flags.push_back("-I" + (d / "compat/arm").string());
  std::vector<std::string> c_files, cxx_files;
  for (const std::string& s : spec_.sources)
    (is_cxx(s) ? cxx_files : c_files).push_back((d / "mlf" / s).string());
  for (const char* f : {"probe_model.c", "probe_functions.c", "probe_main.c"})
    c_files.push_back((d / f).string());
  if (!cxx_files.empty() && settings_.cxx.empty()) {
    why = "the model has C++ sources, and " + settings_.no_cxx;
    return false;
  }
  const double compile_limit = settings_.timeout_seconds * 30;
  auto compile = [&](std::vector<std::string> argv) {
    const ProcessResult r = run_process(argv, compile_limit);
    if (r.how == ProcessResult::How::kCannotStart) {
      why = "the host compiler " + argv[0] + " cannot be started: " + r.error;
      return false;
    }
    if (r.how == ProcessResult::How::kTimedOut) {
      why = "the host compiler " + argv[0] + " took longer than " + seconds_text(compile_limit) +
            " s";
      return false;
    }
    if (r.how != ProcessResult::How::kExited || r.code != 0) {
      const std::vector<std::string> undefined = undefined_symbols(r.err + r.out);
      if (!undefined.empty()) {
        std::string list;
        for (const std::string& u : undefined) list += (list.empty() ? "" : ", ") + u;
        why = "the C calls " + list +
              ", which nothing defines on the host (an accelerator's or a device's function?)";
      } else {
        // Paths inside the probe's folder, as the MLF names them.
        std::string first = first_error(r.err + r.out);
        for (const std::string& prefix : {dir_ + "/mlf/", dir_ + "/"}) {
          for (std::size_t at = first.find(prefix); at != std::string::npos;
               at = first.find(prefix, at))
            first.erase(at, prefix.size());
        }
        why = "the C does not build on the host with " + argv[0] + ": " + printable(first, 200);
      }
      return false;
    }
    return true;
  };
  std::vector<std::string> objects;
  for (std::size_t i = 0; i < cxx_files.size(); ++i) {
    const std::string obj = (d / ("cxx_" + std::to_string(i) + ".o")).string();
    std::vector<std::string> argv = {settings_.cxx, "-c"};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.push_back(cxx_files[i]);
    argv.push_back("-o");
    argv.push_back(obj);
    if (!compile(argv)) return false;
    objects.push_back(obj);
  }
  std::vector<std::string> argv = {settings_.cc};
  argv.insert(argv.end(), flags.begin(), flags.end());
  if (portable_acle) argv.push_back("-include" + (d / "compat/arm/aot_arm_builtins.h").string());
  if (objects.empty()) {
    argv.insert(argv.end(), c_files.begin(), c_files.end());
    argv.push_back("-o");
    argv.push_back((d / (instrumented ? "probe_named" : "probe")).string());
    argv.push_back("-lm");
    if (!compile(argv)) return false;
  } else {
    // C++ in the model: the C compiled apart, everything linked by the C++ compiler.
    for (std::size_t i = 0; i < c_files.size(); ++i) {
      const std::string obj = (d / ("c_" + std::to_string(i) + ".o")).string();
      std::vector<std::string> one = argv;
      one.push_back("-c");
      one.push_back(c_files[i]);
      one.push_back("-o");
      one.push_back(obj);
      if (!compile(one)) return false;
      objects.push_back(obj);
    }
    std::vector<std::string> link = {settings_.cxx};
    link.insert(link.end(), objects.begin(), objects.end());
    link.push_back("-o");
    link.push_back((d / (instrumented ? "probe_named" : "probe")).string());
    link.push_back("-lm");
    if (!compile(link)) return false;
  }
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return true;
}

Result Probe::measure() {
  Result r;
  if (!write_files(r.why) || !build(false, r.why, r.build_seconds)) return r;
  const auto t0 = std::chrono::steady_clock::now();
  const std::string limit =
      std::to_string(static_cast<long>(std::ceil(settings_.timeout_seconds)) + 1);
  std::vector<std::string> lines;
  const ProcessResult p = run_process({(fs::path(dir_) / "probe").string(), limit, "measure"},
                                      settings_.timeout_seconds,
                                      [&](const std::string& line) { lines.push_back(line); });
  r.run_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.inputs.resize(spec_.inputs.size());
  r.outputs.resize(spec_.outputs.size());
  auto buffer = [&](std::size_t i) -> Extent* {
    if (i < r.inputs.size()) return &r.inputs[i];
    if (i - r.inputs.size() < r.outputs.size()) return &r.outputs[i - r.inputs.size()];
    return nullptr;
  };
  auto name = [&](std::size_t i) {
    return i < spec_.inputs.size()
               ? "input '" + printable(spec_.inputs[i].name) + "'"
               : "output '" + printable(spec_.outputs[i - spec_.inputs.size()].name) + "'";
  };
  bool done = false;
  std::string stop;
  for (const std::string& line : lines) {
    std::istringstream in(line);
    std::string word;
    in >> word;
    if (word == "run") {
      ++r.runs;
    } else if (word == "buffer") {
      std::size_t i = 0;
      std::uint64_t bytes = 0;
      int below = 0;
      in >> i >> bytes >> below;
      if (Extent* e = buffer(i)) {
        e->bytes = bytes;
        e->below = below != 0;
      }
    } else if (word == "unstable") {
      std::size_t i = 0;
      in >> i;
      if (Extent* e = buffer(i)) e->unstable = true;
    } else if (word == "workspace") {
      int stable = 1;
      in >> r.workspace_peak >> r.workspace_blocks >> stable;
      r.workspace_stable = stable != 0;
    } else if (word == "rc") {
      std::string value, message;
      in >> value;
      std::getline(in, message);
      const std::size_t b = message.find_first_not_of(' ');
      message = b == std::string::npos ? "" : message.substr(b);
      stop = "the model's entry returned " + value +
             (message.empty() ? "" : " (\"" + printable(message, 200) + "\")");
    } else if (word == "outside") {
      std::string address, who;
      in >> address >> who;
      stop = "the code touched memory outside its buffers (address " + printable(address, 40) +
             (who.empty() || who == "-" ? "" : ", in " + printable(who, 80)) + ")";
    } else if (word == "room") {
      std::size_t i = 0;
      in >> i;
      stop = "the code touches more than 256 MiB of " + name(i);
    } else if (word == "done") {
      done = true;
    }
  }
  const std::string runs = "after " + std::to_string(r.runs) + (r.runs == 1 ? " run" : " runs");
  if (p.how == ProcessResult::How::kCannotStart) {
    r.why = "the probe cannot be started: " + p.error +
            (p.error.find("ermission") != std::string::npos
                 ? " (is the temporary folder on a noexec mount? TMPDIR chooses another)"
                 : "");
  } else if (p.how == ProcessResult::How::kTimedOut ||
             (p.how == ProcessResult::How::kSignaled && p.code == SIGALRM)) {
    r.why = "a run of the model took longer than " + seconds_text(settings_.timeout_seconds) +
            " s (a loop that never ends?), " + runs;
  } else if (!stop.empty()) {
    r.why = stop;
  } else if (p.how == ProcessResult::How::kSignaled) {
    r.why = "the probe was killed by signal " + std::to_string(p.code) + ", " + runs;
  } else if (!done || p.code != 0) {
    r.why = "the probe stopped with exit status " + std::to_string(p.code) + ", " + runs +
            (p.err.empty() ? "" : ": " + printable(first_error(p.err), 200));
  } else {
    r.ran = true;
  }
  return r;
}

void Probe::name_culprits(const std::vector<std::pair<std::size_t, std::uint64_t>>& limits,
                          Result& result) {
  std::string why;
  double seconds = 0;
  if (limits.empty() || !build(true, why, seconds)) return;
  const std::size_t n_in = result.inputs.size();
  std::vector<std::string> argv = {
      (fs::path(dir_) / "probe_named").string(),
      std::to_string(static_cast<long>(std::ceil(settings_.timeout_seconds)) + 1), "check"};
  for (std::size_t i = 0; i < n_in + result.outputs.size(); ++i) {
    const Extent& e = i < n_in ? result.inputs[i] : result.outputs[i - n_in];
    std::string length = std::to_string(e.bytes);
    for (const auto& [index, bytes] : limits) {
      if (index == i) length = bytes == 0 ? "-" : std::to_string(bytes);
    }
    argv.push_back(length);
  }
  std::vector<std::string> lines;
  run_process(argv, settings_.timeout_seconds,
              [&](const std::string& line) { lines.push_back(line); });
  for (const std::string& line : lines) {
    std::istringstream in(line);
    std::string word, where, who;
    std::size_t i = 0;
    in >> word >> i >> where >> who;
    if (word != "who" || who.empty() || who == "-" || i >= n_in + result.outputs.size()) continue;
    Extent& e = i < n_in ? result.inputs[i] : result.outputs[i - n_in];
    (where == "below" ? e.who_below : e.who_beyond) = who;
  }
}

}  // namespace aot_gen::probe
