// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

namespace aot {

/// Memory a model needs, in bytes, known at compile time (AotExecutor<M>::memory()).
/// Everything is RAM except `internal_constants` and `constant_pools`, which are read-only
/// data (flash on a microcontroller): RAM = total - internal_constants - constant_pools.
struct MemoryReport {
  std::size_t inputs = 0;     ///< input buffers inside the executor (RAM)
  std::size_t outputs = 0;    ///< output buffers inside the executor (RAM)
  std::size_t workspace = 0;  ///< TVMBackendAllocWorkspace arena, alignment slack included (RAM)
  std::size_t pools = 0;      ///< external workspace pools inside the executor (RAM)
  /// External constant pools: the description's read-only data, one copy for all executors.
  std::size_t constant_pools = 0;
  /// Pools inside the generated code, not the executor: its static workspace (RAM, when the
  /// description sets internal_pools) plus internal_constants.
  std::size_t internal_pools = 0;
  std::size_t internal_constants = 0;  ///< the generated code's constant pool (read-only data)
  /// inputs + outputs + workspace + pools + constant_pools + internal_pools
  std::size_t total = 0;
  std::size_t executor = 0;  ///< sizeof the executor, alignment padding included
};

}  // namespace aot
