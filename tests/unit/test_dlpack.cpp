// SPDX-License-Identifier: Apache-2.0
#include <aot/dlpack.hpp>
#include <aot/executor.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <type_traits>

#include "mixed_model.hpp"
#include "seed_model.hpp"

TEST_CASE("get_input and get_output are zero-copy DLTensor views") {
  aot::AotExecutor<mixed> exec;
  const aot::Result<DLTensor> x = exec.get_input(0);
  REQUIRE(x.ok());
  STATIC_REQUIRE(std::is_same_v<std::remove_cv_t<std::remove_reference_t<decltype(*x)>>, DLTensor>);
  REQUIRE(x->data == exec.input<mixed::x>().data());
  REQUIRE(x->device.device_type == kDLCPU);
  REQUIRE(x->device.device_id == 0);
  REQUIRE(x->ndim == 2);
  REQUIRE(x->shape[0] == 2);
  REQUIRE(x->shape[1] == 3);
  REQUIRE(x->dtype.code == kDLFloat);
  REQUIRE(x->dtype.bits == 32);
  REQUIRE(x->dtype.lanes == 1);
  REQUIRE(x->strides == nullptr);
  REQUIRE(x->byte_offset == 0);

  const aot::Result<DLTensor> y = exec.get_input("y");
  REQUIRE(y->data == exec.input<mixed::y>().data());
  const aot::Result<DLTensor> o2 = exec.get_output(2);
  REQUIRE(o2->data == exec.get_output<mixed::output2>().data());
  REQUIRE(o2->dtype.code == kDLInt);
  REQUIRE(o2->dtype.bits == 32);
}

TEST_CASE("writing through an input view feeds the model") {
  aot::AotExecutor<seed> exec;
  DLTensor a = *exec.get_input("a");
  DLTensor b = *exec.get_input(1);
  static_cast<std::uint8_t*>(a.data)[0] = 20;
  static_cast<std::uint8_t*>(a.data)[1] = 30;
  static_cast<std::uint8_t*>(b.data)[0] = 1;
  static_cast<std::uint8_t*>(b.data)[1] = 2;
  REQUIRE(exec.run().ok());
  const DLTensor out = *exec.get_output(0);
  REQUIRE(static_cast<const std::uint8_t*>(out.data)[0] == 21);
  REQUIRE(static_cast<const std::uint8_t*>(out.data)[1] == 32);
}

TEST_CASE("one executor's output view is a valid input of another") {
  aot::AotExecutor<seed> first;
  aot::AotExecutor<seed> second;
  first.set_input<0>(std::array<std::uint8_t, 2>{1, 2});
  first.set_input<1>(std::array<std::uint8_t, 2>{10, 20});
  REQUIRE(first.run().ok());
  const DLTensor out = *first.get_output(0);
  REQUIRE(second.set_input(0, out).ok());
  REQUIRE(second.set_input("b", out).ok());
  REQUIRE(second.run().ok());
  REQUIRE(second.get_output<0>()[0] == 22);
  REQUIRE(second.get_output<0>()[1] == 44);
}

TEST_CASE("DataType converts to and from DLDataType") {
  constexpr DLDataType d = aot::to_dlpack(aot::DataType{aot::kBfloat, 16, 2});
  STATIC_REQUIRE(d.code == kDLBfloat);
  STATIC_REQUIRE(d.bits == 16);
  STATIC_REQUIRE(d.lanes == 2);
  STATIC_REQUIRE(aot::from_dlpack(DLDataType{kDLUInt, 8, 1}) == aot::kDataTypeOf<std::uint8_t>);
}
