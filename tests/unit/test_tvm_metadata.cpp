// SPDX-License-Identifier: Apache-2.0
// aot::tvm_metadata: the TVMMetadata a model's get_c_metadata hands out, through TVM's packed
// convention (one TVMValue returned), and nullptr when the function reports a failure.
#include <aot/tvm_metadata.hpp>

#include <catch2/catch.hpp>
#include <cstdint>

#include "seed_model.hpp"

// The first member of TVM's struct; the test's own complete type stands in for TVM's header.
struct TVMMetadata {
  std::int64_t version;
};

namespace {

const TVMMetadata kMetadata{1};

extern "C" std::int32_t fake_get_c_metadata(void* args, std::int32_t* type_codes,
                                            std::int32_t num_args, void* out_ret_value,
                                            std::int32_t* out_ret_tcode, void*) {
  // Called as TVM's runtime calls it: no arguments, one value and its type code back.
  if (args != nullptr || type_codes != nullptr || num_args != 0) return -1;
  static_cast<aot::detail::PackedValue*>(out_ret_value)->v_handle =
      const_cast<TVMMetadata*>(&kMetadata);  // NOLINT: TVM's API is not const-correct
  *out_ret_tcode = 3;                        // kTVMOpaqueHandle
  return 0;
}

extern "C" std::int32_t failing_get_c_metadata(void*, std::int32_t*, std::int32_t, void*,
                                               std::int32_t*, void*) {
  return -1;
}

struct with_metadata : seed {
  static constexpr auto c_metadata = &fake_get_c_metadata;
};
struct with_failing_metadata : seed {
  static constexpr auto c_metadata = &failing_get_c_metadata;
};

}  // namespace

TEST_CASE("tvm_metadata returns what the model's get_c_metadata hands out") {
  STATIC_REQUIRE(aot::has_tvm_metadata<with_metadata>);
  STATIC_REQUIRE_FALSE(aot::has_tvm_metadata<seed>);
  const TVMMetadata* m = aot::tvm_metadata<with_metadata>();
  REQUIRE(m == &kMetadata);
  REQUIRE(m->version == 1);
  REQUIRE(aot::tvm_metadata<with_failing_metadata>() == nullptr);
}
