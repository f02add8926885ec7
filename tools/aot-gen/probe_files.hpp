// SPDX-License-Identifier: Apache-2.0
#pragma once
// The files the probe writes next to a model's C, embedded in aot-gen when it is built
// (embed.cmake): the driver (probe/), TVM's runtime declarations and the Arm host intrinsics
// (include/aot/compat/, under compat/). An installed aot-gen needs no other file.

#include <string>
#include <utility>
#include <vector>

namespace aot_gen::probe {

/// (path inside the probe's folder, contents).
const std::vector<std::pair<std::string, std::string>>& embedded_files();

}  // namespace aot_gen::probe
