// SPDX-License-Identifier: Apache-2.0
// The probe's family of facts: the model's C run once on the host (probe.cpp), and what it
// measured weighed against the files. The code TVM generates from TIR touches the same bytes
// whatever the data, so what a run touches bounds each tensor's size from below: a tensor no
// file sizes is sized by it, a smaller size is an error, a larger one a note.
#include <algorithm>

#include "probe.hpp"
#include "process.hpp"
#include "resolve_steps.hpp"

namespace aot_gen::resolving {

namespace {

/// Whether aot-gen itself runs on an Arm core (its host compiler then has the intrinsics).
constexpr bool kHostIsArm =
#if defined(__arm__) || defined(__aarch64__)
    true;
#else
    false;
#endif

}  // namespace

std::string Probe::cannot_run() const {
  if (!can_run_processes()) return "aot-gen runs no other program on this platform";
  bool c = false;
  for (const SourceFile& f : src_.files) c = c || f.own;
  if (!c) {
    return src_.objects.empty() ? "the module has no C source"
                                : "the module's code is object files (codegen/host/lib), and "
                                  "the probe builds C";
  }
  if (!model_.devices.empty()) {
    std::vector<std::string> names;
    for (const DeviceFacts& d : model_.devices) names.push_back(d.name);
    return "the code reaches devices (" + join(names) + ") through hooks only the target has";
  }
  if (model_.workspace_io) {
    return "the inputs and outputs live inside the workspace pool (tvmgen_" + model_.module +
           "_map_inputs)";
  }
  if (model_.entry_symbol.empty()) return "no entry function is known";
  return {};
}

void Probe::measure() {
  if (report_.failed()) {
    // Not probed for the errors above: what the probe might settle waits until they are fixed.
    ctx_.deferred.clear();
    return;
  }
  if (!opt_.probe || !names_known_) {
    settle_deferred();
    return;
  }
  const Where here{mlf_.origin, 0};
  std::string why = cannot_run();
  probe::Settings settings;
  settings.timeout_seconds = opt_.probe_timeout;

  if (why.empty()) {
    settings.cc =
        opt_.host_cc.empty() ? find_program({"cc", "gcc", "clang"}) : find_program({opt_.host_cc});
    if (settings.cc.empty()) {
      why = opt_.host_cc.empty()
                ? "no host C compiler (cc, gcc or clang on the PATH; " + flag("--host-cc") +
                      " names one)"
                : "the host C compiler '" + printable(opt_.host_cc) + "' is not a program";
    }
    settings.cxx = opt_.host_cxx.empty() ? find_program({"c++", "g++", "clang++"})
                                         : find_program({opt_.host_cxx});
    settings.no_cxx =
        opt_.host_cxx.empty()
            ? "no host C++ compiler is known (c++, g++ or clang++ on the PATH; " +
                  flag("--host-cxx") + " names one)"
            : "the host C++ compiler '" + printable(opt_.host_cxx) + "' is not a program";
  }
  if (!why.empty()) {
    note(here, "the probe did not run: " + why);
    settle_deferred();
    return;
  }
  probe::Spec spec;
  spec.module = model_.module;
  spec.convention = model_.convention;
  spec.entry_symbol = model_.entry_symbol;
  spec.entry_params = model_.entry_params.size();
  if (model_.has_header) spec.header_name = model_.header_name;
  for (const auto* list : {&model_.inputs, &model_.outputs}) {
    for (const TensorFacts& t : *list) {
      (list == &model_.inputs ? spec.inputs : spec.outputs)
          .push_back({t.raw_name, t.dtype, t.shape});
    }
  }
  for (const PoolFacts& p : model_.pools)
    spec.pools.push_back({p.name, p.size_bytes, p.data_macro});
  spec.workspace_alignment = model_.workspace_alignment.value_or(16);
  for (const SourceFile& f : src_.files) {
    if (f.own) spec.sources.push_back(f.path);
  }
  if (const c::Function* main = main_def_.first) {
    spec.functions.push_back(main->name);
    for (const c::Call& call : main->calls) {
      const auto [def, file] = src_.definition(call.callee);
      if (def == nullptr || !file->own ||
          std::find(spec.functions.begin(), spec.functions.end(), call.callee) !=
              spec.functions.end())
        continue;
      spec.functions.push_back(call.callee);
    }
  }
  spec.arm_intrinsics = model_.arm_intrinsics;
  spec.host_is_arm = kHostIsArm;
  probe::Probe run(mlf_, spec, settings);
  probe::Result r = run.measure();
  if (!r.ran) {
    note(here, "the probe did not run: " + r.why);
    settle_deferred();
    return;
  }
  // Out of bounds against what the files say: run once more, instrumented, to name who.
  std::vector<std::pair<std::size_t, std::uint64_t>> limits;
  for (std::size_t i = 0; i < r.inputs.size() + r.outputs.size(); ++i) {
    const bool input = i < r.inputs.size();
    const probe::Extent& e = input ? r.inputs[i] : r.outputs[i - r.inputs.size()];
    const TensorFacts& t = input ? model_.inputs[i] : model_.outputs[i - r.inputs.size()];
    if (e.unstable) continue;
    if (e.below) {
      limits.emplace_back(i, 0);
    } else if (t.size_bytes > 0 && e.bytes > t.size_bytes) {
      limits.emplace_back(i, t.size_bytes);
    }
  }
  run.name_culprits(limits, r);
  for (bool input : {true, false}) {
    const auto& extents = input ? r.inputs : r.outputs;
    for (std::size_t i = 0; i < extents.size(); ++i) {
      const probe::Extent& e = extents[i];
      const TensorFacts& t = (input ? model_.inputs : model_.outputs)[i];
      if (e.unstable) {
        note(here, std::string(input ? "input '" : "output '") + printable(t.raw_name) +
                       "': the code touches other bytes when the inputs hold other values (a "
                       "gather, or a loop over the data?): the probe's measurement is not used");
        continue;
      }
      weigh(input, i, e.bytes, e.below, e.who_below, e.who_beyond);
    }
  }
  if (model_.uses_backend_workspace) {
    if (r.workspace_stable) {
      weigh_workspace(r.workspace_peak, r.workspace_blocks);
    } else {
      note(here,
           "the workspace the code allocates differs with the inputs' values: the probe's "
           "peak is not used");
    }
  }
  settle_deferred();
}

void Probe::weigh(bool input, std::size_t index, std::uint64_t bytes, bool below,
                  const std::string& who_below, const std::string& who_beyond) {
  TensorFacts& t = (input ? model_.inputs : model_.outputs)[index];
  const Where here{mlf_.origin, 0};
  const std::string who = std::string(input ? "input '" : "output '") + printable(t.raw_name) + "'";
  const std::string verb = input ? "reads" : "writes";
  const std::string n = std::to_string(bytes);
  if (below) {
    error(here, who + ": the code " + verb + " before its start" +
                    (who_below.empty() ? "" : " (" + who_below + ")"));
  }
  const Context::Deferred* deferred = nullptr;
  for (const Context::Deferred& d : ctx_.deferred) {
    if (d.input == input && d.index == index) deferred = &d;
  }
  const std::size_t elem = dtype_bytes(t.dtype);
  if (deferred != nullptr && deferred->size_missing) {
    if (bytes == 0) {
      note(here, who + ": the code never " + verb + " it, so the probe cannot size it");
      return;
    }
    if (elem == 0 || bytes % elem != 0) {
      note(here, who + ": the code " + verb + " " + n + " bytes, not a whole number of " + t.dtype +
                     ": the probe cannot size it");
      return;
    }
    t.shape = {static_cast<std::int64_t>(bytes / elem)};
    t.size_bytes = bytes;
    t.size_measured = true;
    t.shape_from_size = true;
    t.size_where = here;
    const std::string shape = join_shape(t.shape);
    t.comments.push_back("shape " + shape + " measured: the code " + verb + " " + n +
                         " bytes (aot-gen's probe); no file states a size");
    note(here, who + ": no file states its size; the code " + verb + " " + n + " bytes: shape " +
                   shape + ", measured");
    if (deferred->dtype_option) {
      t.comments.push_back("dtype unverified (from " + flag("--dtype") + "): no source states it");
      note(option_where("--dtype"), who + ": dtype " + t.dtype + " unverified (from " +
                                        flag("--dtype") + "): no source states it");
    }
    settled_.insert({input, index});
    return;
  }
  if (t.size_bytes == 0) return;
  const std::string size = std::to_string(t.size_bytes);
  const bool option = t.size_where.line == 0 && t.size_where.file == flag("--shape");
  if (bytes > t.size_bytes) {
    const std::string culprit =
        who_beyond.empty() ? "" : "; " + who_beyond + " " + verb + " past its end";
    if (option) {
      error(t.size_where, who + ": the code " + verb + " " + n + " bytes, " + flag("--shape") +
                              " says " + size + " (shape " + join_shape(t.shape) + " x " + t.dtype +
                              ")" + culprit);
    } else {
      error(t.size_where, who + " is " + size + " bytes here, but the code " + verb + " " + n +
                              " bytes" + culprit);
    }
    settled_.insert({input, index});  // the error says all
    return;
  }
  if (bytes == 0) {
    note(here, who + ": the code never " + verb + " it");
  } else if (bytes < t.size_bytes) {
    note(here, who + ": the code " + verb + " " + n + " of its " + size +
                   " bytes (it leaves the rest alone)");
  }
  if (deferred != nullptr) {
    t.comments.push_back("shape from " + flag("--shape") + "; " +
                         (bytes == t.size_bytes
                              ? "its byte size is what the code " + verb
                              : "the code " + verb + " " + n + " of its " + size + " bytes") +
                         " (measured by aot-gen's probe)");
    settled_.insert({input, index});
  }
}

void Probe::weigh_workspace(std::uint64_t peak, std::size_t blocks) {
  model_.measured_workspace_peak = peak;
  model_.measured_workspace_blocks = blocks;
  const std::optional<std::uint64_t>& figure =
      model_.model_workspace_size ? model_.model_workspace_size : model_.workspace_size;
  if (figure && peak > *figure) {
    note({mlf_.origin, 0}, "a run takes " + std::to_string(peak) +
                               " bytes of workspace at its peak, more than the model's figure " +
                               std::to_string(*figure) + ": give " + flag("--workspace-size") +
                               " measured");
  }
}

void Probe::settle_deferred() {
  for (const Context::Deferred& d : ctx_.deferred) {
    if (settled_.count({d.input, d.index}) != 0) continue;
    if (d.size_missing) {
      missing(d.where, d.text);
    } else {
      (d.input ? model_.inputs : model_.outputs)[d.index].comments.push_back(d.comment);
      note(d.where, d.text);
    }
  }
  ctx_.deferred.clear();
}

}  // namespace aot_gen::resolving
