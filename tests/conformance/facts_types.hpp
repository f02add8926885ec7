// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace facts {

/// One input or output as TVM's FACTS.json describes it, and the file holding its bytes (an
/// input's data, or what TVM's graph executor computed for an output).
struct Tensor {
  const char* name;
  const char* dtype;
  int ndim;
  std::int64_t shape[8];
  const char* file;
};

}  // namespace facts
