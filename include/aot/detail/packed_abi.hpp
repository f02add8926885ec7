// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace aot::detail {

// Layout mirrors of the C types TVM's packed calling convention passes, so the core needs
// no DLPack or TVM header. aot/dlpack.hpp checks them against the real DLPack structs.
struct PackedDevice {
  std::int32_t device_type;
  std::int32_t device_id;
};

struct PackedDataType {
  std::uint8_t code;
  std::uint8_t bits;
  std::uint16_t lanes;
};

struct PackedTensor {
  void* data;
  PackedDevice device;
  std::int32_t ndim;
  PackedDataType dtype;
  std::int64_t* shape;
  std::int64_t* strides;
  std::uint64_t byte_offset;
};

union PackedValue {
  std::int64_t v_int64;
  double v_float64;
  void* v_handle;
  const char* v_str;
  PackedDataType v_type;
  PackedDevice v_device;
};

static_assert(sizeof(PackedValue) == 8, "TVMValue is 8 bytes");

inline constexpr std::int32_t kTVMDLTensorHandle = 7;
inline constexpr std::int32_t kDLCPU = 1;

using PackedFunction = std::int32_t (*)(void* args, std::int32_t* type_codes, std::int32_t num_args,
                                        void* out_ret_value, std::int32_t* out_ret_tcode,
                                        void* resource_handle);

}  // namespace aot::detail
