// The Module-based runtime interface: every check on a caller's DLTensor, each failure naming
// the tensor and the mismatch and leaving every buffer as it was.
#include <aot/dlpack.hpp>
#include <aot/executor.hpp>

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>

#include "fixture_support.hpp"
#include "mixed_model.hpp"
#include "seed_model.hpp"

namespace {

using Exec = aot::AotExecutor<mixed>;

/// A caller-side tensor matching mixed's input x: float32[2,3], compact, on the CPU.
struct CallerTensor {
  float storage[8] = {1.f, 2.f, 3.f, 4.f, 5.f, 6.f, 7.f, 8.f};
  std::int64_t shape[3] = {2, 3, 1};
  std::int64_t strides[3] = {3, 1, 1};
  DLTensor t{};

  CallerTensor() {
    t.data = storage;
    t.device = DLDevice{kDLCPU, 0};
    t.ndim = 2;
    t.dtype = DLDataType{kDLFloat, 32, 1};
    t.shape = shape;
    t.strides = nullptr;
    t.byte_offset = 0;
  }
};

struct BadCase {
  const char* what;
  std::function<void(CallerTensor&)> spoil;
  aot::Errc code;
  const char* message;  // the detail after "mixed: input 'x' (index 0): "
};

const BadCase kBadTensors[] = {
    {"dtype code", [](CallerTensor& c) { c.t.dtype.code = kDLInt; }, aot::Errc::kDtypeMismatch,
     "dtype is int32, expected float32"},
    {"dtype bits", [](CallerTensor& c) { c.t.dtype.bits = 64; }, aot::Errc::kDtypeMismatch,
     "dtype is float64, expected float32"},
    {"dtype lanes", [](CallerTensor& c) { c.t.dtype.lanes = 4; }, aot::Errc::kDtypeMismatch,
     "dtype is float32x4, expected float32"},
    {"ndim too small", [](CallerTensor& c) { c.t.ndim = 1; }, aot::Errc::kNdimMismatch,
     "ndim is 1, expected 2"},
    {"ndim too large", [](CallerTensor& c) { c.t.ndim = 3; }, aot::Errc::kNdimMismatch,
     "ndim is 3, expected 2"},
    {"first dimension", [](CallerTensor& c) { c.shape[0] = 3; }, aot::Errc::kShapeMismatch,
     "dimension 0 is 3, expected 2"},
    {"last dimension", [](CallerTensor& c) { c.shape[1] = 2; }, aot::Errc::kShapeMismatch,
     "dimension 1 is 2, expected 3"},
    {"null shape", [](CallerTensor& c) { c.t.shape = nullptr; }, aot::Errc::kShapeMismatch,
     "shape pointer is null"},
    {"column-major strides",
     [](CallerTensor& c) {
       c.strides[0] = 1;
       c.strides[1] = 2;
       c.t.strides = c.strides;
     },
     aot::Errc::kStridesNotCompact,
     "stride of dimension 1 is 2, expected 1 (strides must be NULL or compact)"},
    {"padded rows",
     [](CallerTensor& c) {
       c.strides[0] = 4;
       c.t.strides = c.strides;
     },
     aot::Errc::kStridesNotCompact,
     "stride of dimension 0 is 4, expected 3 (strides must be NULL or compact)"},
    {"byte_offset inside an element", [](CallerTensor& c) { c.t.byte_offset = 2; },
     aot::Errc::kByteOffsetMisaligned, "byte_offset 2 is not a multiple of the element size 4"},
    {"CUDA device", [](CallerTensor& c) { c.t.device.device_type = kDLCUDA; },
     aot::Errc::kDeviceNotCpu, "device type is 2, expected kDLCPU (1)"},
    {"device id", [](CallerTensor& c) { c.t.device.device_id = 1; }, aot::Errc::kDeviceIdNotZero,
     "device id is 1, expected 0"},
    {"null data", [](CallerTensor& c) { c.t.data = nullptr; }, aot::Errc::kNullData,
     "data pointer is null"},
};

std::string text(const aot::Status& s) { return s.to_string().c_str(); }

}  // namespace

TEST_CASE("set_input rejects each bad tensor and changes nothing") {
  for (const BadCase& bad : kBadTensors) {
    INFO(bad.what);
    Exec exec;
    exec.input<mixed::x>()[0] = 42.f;
    const Snapshot<Exec> before(exec);
    CallerTensor c;
    bad.spoil(c);

    const aot::Status by_index = exec.set_input(0, c.t);
    CHECK(by_index.code() == bad.code);
    CHECK(text(by_index) == std::string("mixed: input 'x' (index 0): ") + bad.message);
    CHECK(by_index.role() == aot::Role::kInput);
    CHECK(std::string(by_index.tensor()) == "x");

    const aot::Status by_name = exec.set_input("x", c.t);
    CHECK(by_name.code() == bad.code);
    CHECK(before.same_as(exec));
  }
}

TEST_CASE("get_output into a bad tensor fails and writes nothing") {
  for (const BadCase& bad : kBadTensors) {
    INFO(bad.what);
    Exec exec;
    exec.set_input<mixed::x>(std::array<float, 6>{1, 2, 3, 4, 5, 6});
    REQUIRE(exec.run().ok());
    const Snapshot<Exec> before(exec);
    CallerTensor c;  // output0 has x's dtype and shape
    bad.spoil(c);
    float caller_before[8];
    std::memcpy(caller_before, c.storage, sizeof caller_before);

    const aot::Status s = exec.get_output(0, c.t);
    CHECK(s.code() == bad.code);
    CHECK(text(s) == std::string("mixed: output 'output0' (index 0): ") + bad.message);
    CHECK(before.same_as(exec));
    for (std::size_t i = 0; i < 8; ++i) CHECK(caller_before[i] == c.storage[i]);
  }
}

TEST_CASE("index and name errors") {
  Exec exec;
  const Snapshot<Exec> before(exec);
  CallerTensor c;
  const aot::Status range = exec.set_input(2, c.t);
  REQUIRE(range.code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(text(range) == "mixed: input index 2 is out of range (the model has 2 inputs)");
  const aot::Status name = exec.set_input("z", c.t);
  REQUIRE(name.code() == aot::Errc::kUnknownName);
  REQUIRE(text(name) ==
          "mixed: no input has this name (after sanitising: non-alphanumerics as '_')");
  REQUIRE(exec.get_output(3, c.t).code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(exec.get_output(3).status().code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(exec.get_input(2).status().code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(exec.get_input("output0").status().code() == aot::Errc::kUnknownName);
  REQUIRE(exec.get_input_index("nope").status().code() == aot::Errc::kUnknownName);
  REQUIRE(exec.get_output_index("x").status().code() == aot::Errc::kUnknownName);
  REQUIRE(exec.get_input_name(2).status().code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(exec.get_output_name(3).status().code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(exec.get_input_info(2).status().code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(exec.get_output_info(3).status().code() == aot::Errc::kIndexOutOfRange);
  REQUIRE(before.same_as(exec));
}

TEST_CASE("accepted layouts copy the right bytes") {
  SECTION("NULL strides") {
    Exec exec;
    CallerTensor c;
    REQUIRE(exec.set_input(0, c.t).ok());
    for (std::size_t i = 0; i < 6; ++i) REQUIRE(exec.input<mixed::x>()[i] == c.storage[i]);
  }
  SECTION("explicit compact strides, by name") {
    Exec exec;
    CallerTensor c;
    c.t.strides = c.strides;
    REQUIRE(exec.set_input("x", c.t).ok());
    REQUIRE(exec.input<mixed::x>()(1, 2) == 6.f);
  }
  SECTION("a byte_offset of whole elements") {
    Exec exec;
    CallerTensor c;
    c.t.byte_offset = 2 * sizeof(float);
    REQUIRE(exec.set_input(0, c.t).ok());
    for (std::size_t i = 0; i < 6; ++i) REQUIRE(exec.input<mixed::x>()[i] == c.storage[i + 2]);
  }
  SECTION("extent-1 dimensions may have any stride") {
    aot::AotExecutor<seed> exec;
    std::uint8_t data[2] = {9, 8};
    std::int64_t shape[2] = {1, 2};
    std::int64_t strides[2] = {77, 1};
    DLTensor t{data, DLDevice{kDLCPU, 0}, 2, DLDataType{kDLUInt, 8, 1}, shape, strides, 0};
    REQUIRE(exec.set_input("a", t).ok());
    REQUIRE(exec.input<seed::a>()[1] == 8);
  }
  SECTION("TVM's sanitising: 'x:0'-style names find 'x_0'-style tensors") {
    Exec exec;
    CallerTensor c;
    c.t.dtype = DLDataType{kDLInt, 8, 1};
    c.t.ndim = 1;
    c.shape[0] = 4;
    std::int8_t y[4] = {1, 2, 3, 4};
    c.t.data = y;
    REQUIRE(exec.set_input(std::string("y"), c.t).ok());
    REQUIRE(exec.input<mixed::y>()[3] == 4);
  }
}

TEST_CASE("get_output copies into a caller's tensor, honouring byte_offset") {
  Exec exec;
  exec.set_input<mixed::x>(std::array<float, 6>{1, 2, 3, 4, 5, 6});
  REQUIRE(exec.run().ok());
  CallerTensor c;
  c.t.byte_offset = sizeof(float);
  REQUIRE(exec.get_output(0, c.t).ok());
  REQUIRE(c.storage[0] == 1.f);  // before the offset: untouched
  for (int i = 0; i < 6; ++i) REQUIRE(c.storage[i + 1] == static_cast<float>(i + 1) * 2.f + 0.5f);
  REQUIRE(c.storage[7] == 8.f);  // past the tensor: untouched
}

TEST_CASE("names, indices and infos, as TVM reports them") {
  using E = aot::AotExecutor<mixed>;
  STATIC_REQUIRE(E::get_num_inputs() == 2);
  STATIC_REQUIRE(E::get_num_outputs() == 3);
  REQUIRE(*E::get_input_index("y") == 1);
  REQUIRE(*E::get_output_index("output2") == 2);
  REQUIRE(*E::get_input_name(0) == "x");
  REQUIRE(*E::get_output_name(1) == "output1");
  const aot::TensorInfo info = *E::get_output_info(2);
  REQUIRE(info.dtype == aot::DataType{aot::kInt, 32, 1});
  REQUIRE(info.shape.size() == 1);
  REQUIRE(info.shape[0] == 1);
  REQUIRE(info.size_bytes == 4);
  const aot::TensorInfo in = *E::get_input_info(1);
  REQUIRE(in.dtype == aot::DataType{aot::kInt, 8, 1});
  REQUIRE(in.size == 4);
}
