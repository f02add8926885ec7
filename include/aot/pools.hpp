// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

#include "aot/tensor_spec.hpp"

namespace aot {

/// An external memory pool (`struct tvmgen_<m>_workspace_pools` member): bytes and alignment
/// (TVM's workspace byte alignment, 16 unless configured). A description derives from it and
/// adds `raw_name`, e.g. "global_workspace". The executor owns one per instance.
template <std::size_t Bytes, std::size_t Alignment = 16>
struct PoolSpec : TensorSpec<std::uint8_t, static_cast<std::int64_t>(Bytes)> {
  /// Alignment in bytes the generated code assumes for the pool.
  static constexpr std::size_t alignment = Alignment;
};

/// An external constant pool (`TVMGEN_<M>_<POOL>_CONSTANT_POOL_SIZE` and `..._DATA`): the
/// model's constants, passed to every run like a workspace pool but read-only. A description
/// derives from it and adds `raw_name` and the bytes of the DATA macro:
/// `alignas(alignment) static constexpr std::uint8_t data[] =
/// {TVMGEN_<M>_<POOL>_CONSTANT_POOL_DATA};` Every executor passes that one copy (read-only data,
/// flash on a microcontroller); none holds a buffer for it.
template <std::size_t Bytes, std::size_t Alignment = 16>
struct ConstantPoolSpec : PoolSpec<Bytes, Alignment> {
  /// Marks the pool as constant: its data is the description's, never set.
  static constexpr bool constant_pool = true;
};

/// An accelerator handle (`struct tvmgen_<m>_devices` member); a description derives from it
/// and adds `raw_name`. The user supplies the handle with set_device().
struct DeviceSpec {};

/// Ordered lists, in the order of the generated structs.
template <class... Pools>
using PoolList = TensorList<Pools...>;
template <class... Devices>
using DeviceList = TensorList<Devices...>;

}  // namespace aot
