// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

#include "aot/config.hpp"

/// Alignment, in bytes, a buffer bound to an input or output must have: TVM's generated code
/// assumes 16 for inputs and outputs.
#ifndef AOT_IO_ALIGNMENT
#define AOT_IO_ALIGNMENT 16
#endif

namespace aot {

/// Where an AotExecutor's inputs and outputs live; its third template argument.

/// The executor's own buffers, one per tensor (the default). run() passes their addresses;
/// nothing can be rebound, and nothing is paid for binding.
struct OwnBuffers {
  /// The executor holds a buffer per tensor.
  static constexpr bool owns = true;
  /// Tensors cannot be bound to the caller's buffers.
  static constexpr bool binds = false;
};

/// The executor's own buffers, and any tensor may be bound instead to memory the caller owns
/// (bind_input / bind_output, set_input_zero_copy / set_output_zero_copy) until it is
/// unbound: run() passes the bound pointer, nothing is copied.
struct BindableBuffers {
  /// The executor holds a buffer per tensor, the default binding.
  static constexpr bool owns = true;
  /// Tensors may be bound to the caller's buffers.
  static constexpr bool binds = true;
};

/// No buffers in the executor at all: every input and output is bound by the caller, and
/// run() refuses (kUnbound) while one is not.
struct CallerBuffers {
  /// The executor holds no buffers: bind every tensor before run().
  static constexpr bool owns = false;
  /// Tensors are bound to the caller's buffers.
  static constexpr bool binds = true;
};

/// Alignment a bound buffer must have (AOT_IO_ALIGNMENT).
inline constexpr std::size_t kIoAlignment = AOT_IO_ALIGNMENT;

}  // namespace aot
