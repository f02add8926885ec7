// SPDX-License-Identifier: Apache-2.0
// Merging the sources of truth into one model. Every fact is collected from every source
// that states it, with the line; two that disagree are an error naming both; a fact only an
// option states is marked unverified. Problems are reported, not thrown: one run shows all.
// Each family of facts has its own file (resolve_<family>.cpp); this one keeps the order.
#include <algorithm>
#include <utility>

#include "resolve_context.hpp"
#include "resolve_steps.hpp"

namespace aot_gen {

/// The order of the steps: each family of facts builds on the ones before it, and messages
/// come in this order.
Model resolve(const Archive& mlf, const Options& options, Report& report) {
  resolving::Context ctx(mlf, options, report);
  if (!std::any_of(mlf.files.begin(), mlf.files.end(),
                   [](const auto& f) { return f.first.rfind("codegen/", 0) == 0; })) {
    report.error(
        {mlf.origin, 0},
        "not a Model Library Format archive: no codegen/ folder (nor the src/ and include/ "
        "of a codegen/host folder)");
    return std::move(ctx.model);
  }
  if (!mlf.layout.empty()) report.note({mlf.origin, 0}, "read as " + mlf.layout);
  resolving::Module module(ctx);
  resolving::Names names(ctx);
  resolving::Tensors tensors(ctx);
  resolving::Quant quant(ctx);
  resolving::Memory memory(ctx);
  resolving::Target target(ctx);
  resolving::Entry entry(ctx);
  resolving::Probe probe(ctx);
  module.read_metadata_file();
  if (!module.choose_module()) return std::move(ctx.model);
  module.choose_type_name();
  module.read_files();
  names.resolve_names();
  tensors.resolve_tensors();
  tensors.check_options_name_tensors();
  quant.check_quant_options_name_tensors();
  quant.resolve_quant();
  memory.resolve_workspace();
  memory.resolve_pools_and_devices();
  memory.object_pools();
  memory.resolve_runtime_needs();
  target.resolve_target();
  memory.resolve_workspace_size_option();
  memory.resolve_workspace_alignment();
  entry.resolve_entry();
  entry.check_completeness();
  if (options.profile) entry.resolve_operators();
  // The model run once on the host: sizes what no file sizes, checks every size.
  probe.measure();
  memory.use_measured_workspace();
  tensors.check_io_size();
  if (!report.failed()) names.assign_type_names();
  return std::move(ctx.model);
}

}  // namespace aot_gen
