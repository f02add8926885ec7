// SPDX-License-Identifier: Apache-2.0
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
#include <string_view>

#include "fixture_support.hpp"
#include "mixed_model.hpp"
#include "seed_model.hpp"
#include "serving_model.hpp"

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

/// A made-up address, for data pointers the library must refuse or only offset.
void* address(std::uintptr_t a) {
  return reinterpret_cast<void*>(a);  // NOLINT(performance-no-int-to-ptr): on purpose
}

/// y = !x over bool[3]; the output parameter is int8_t*, as TVM's C code stores bool.
std::int32_t negate_flags(bool* x, std::int8_t* y) {
  for (int i = 0; i < 3; ++i) y[i] = x[i] ? 0 : 1;
  return 0;
}

struct flags {
  static constexpr std::string_view name = "flags";
  struct x : aot::TensorSpec<bool, 3> {
    static constexpr std::string_view raw_name = "x";
  };
  struct y : aot::TensorSpec<bool, 3> {
    static constexpr std::string_view raw_name = "y";
  };
  using inputs = aot::TensorList<x>;
  using outputs = aot::TensorList<y>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &negate_flags;
};

/// A bool[3] caller tensor with the given dtype.
struct BoolTensor {
  bool storage[3] = {true, false, true};
  std::int64_t shape[1] = {3};
  DLTensor t{};

  explicit BoolTensor(DLDataType dtype) {
    t.data = storage;
    t.device = DLDevice{kDLCPU, 0};
    t.ndim = 1;
    t.dtype = dtype;
    t.shape = shape;
  }
};

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

TEST_CASE("a device_type outside DLDeviceType's enumerators is refused, not loaded as the enum") {
  // DLPack 0.6's enum has no fixed underlying type: a C caller's 1000 or -5 in those four
  // bytes must be read as the int it is (the ASan+UBSan build checks the read is defined).
  for (const std::int32_t raw : {1000, -5, 16, INT32_MIN}) {
    INFO(raw);
    Exec exec;
    exec.set_input<mixed::x>(std::array<float, 6>{1, 2, 3, 4, 5, 6});
    REQUIRE(exec.run().ok());
    const Snapshot<Exec> before(exec);
    CallerTensor c;
    static_assert(sizeof c.t.device.device_type == sizeof raw, "DLDeviceType is an int");
    std::memcpy(&c.t.device.device_type, &raw, sizeof raw);

    const aot::Status in = exec.set_input(0, c.t);
    CHECK(in.code() == aot::Errc::kDeviceNotCpu);
    CHECK(in.expected() == 1);
    CHECK(in.got() == raw);
    CHECK(text(in) == "mixed: input 'x' (index 0): device type is " + std::to_string(raw) +
                          ", expected kDLCPU (1)");
    CHECK(exec.set_input("x", c.t).got() == raw);
    const aot::Status out = exec.get_output(0, c.t);
    CHECK(out.code() == aot::Errc::kDeviceNotCpu);
    CHECK(out.got() == raw);
    CHECK(before.same_as(exec));
  }
}

TEST_CASE("a byte_offset that runs past the end of the address space is refused") {
  constexpr std::uint64_t kTop = UINTPTR_MAX;
  SECTION("a huge offset from a real buffer") {
    Exec exec;
    const Snapshot<Exec> before(exec);
    CallerTensor c;
    c.t.byte_offset = ~std::uint64_t{3};  // 2^64 - 4: a multiple of float's 4 bytes
    const aot::Status s = exec.set_input(0, c.t);
    REQUIRE(s.code() == aot::Errc::kByteOffsetOverflow);
    // The most that fits: the bytes from data to the end, less the tensor's 24.
    const std::uint64_t room = kTop - reinterpret_cast<std::uintptr_t>(c.storage);
    REQUIRE(static_cast<std::uint64_t>(s.expected()) == room - 24);
    REQUIRE(static_cast<std::uint64_t>(s.got()) == 18446744073709551612u);
    REQUIRE(text(s) ==
            "mixed: input 'x' (index 0): byte_offset 18446744073709551612 runs past "
            "the end of the address space (at most " +
                std::to_string(room - 24) + " fits)");
    REQUIRE(exec.get_output(0, c.t).code() == aot::Errc::kByteOffsetOverflow);
    REQUIRE(before.same_as(exec));
  }
  SECTION("data + byte_offset fits but the tensor's last bytes do not") {
    Exec exec;
    const Snapshot<Exec> before(exec);
    CallerTensor c;
    // 32 bytes below the top: an offset of 8 leaves exactly the 24 the tensor needs, 12 not.
    c.t.data = address(static_cast<std::uintptr_t>(kTop - 31));
    c.t.byte_offset = 12;
    const aot::Status s = exec.set_input(0, c.t);
    REQUIRE(s.code() == aot::Errc::kByteOffsetOverflow);
    REQUIRE(s.expected() == 7);  // 31 bytes after data, 24 of them the tensor's
    REQUIRE(s.got() == 12);
    REQUIRE(before.same_as(exec));
  }
  SECTION("a data pointer too close to the end for any offset") {
    Exec exec;
    CallerTensor c;
    c.t.data = address(static_cast<std::uintptr_t>(kTop - 15));
    const aot::Status s = exec.get_output(0, c.t);
    REQUIRE(s.code() == aot::Errc::kByteOffsetOverflow);
    REQUIRE(text(s) ==
            "mixed: output 'output0' (index 0): byte_offset 0 runs past the end of the "
            "address space (none fits: data is too near the end)");
  }
  SECTION("data below the buffer and byte_offset up to it: the copy starts at data + offset") {
    Exec exec;
    CallerTensor c;
    c.t.data = address(reinterpret_cast<std::uintptr_t>(c.storage) - 4096);
    c.t.byte_offset = 4096 + sizeof(float);
    REQUIRE(exec.set_input(0, c.t).ok());
    for (std::size_t i = 0; i < 6; ++i) REQUIRE(exec.input<mixed::x>()[i] == c.storage[i + 1]);
    exec.set_input<mixed::x>(std::array<float, 6>{1, 2, 3, 4, 5, 6});
    REQUIRE(exec.run().ok());
    REQUIRE(exec.get_output(0, c.t).ok());
    REQUIRE(c.storage[0] == 1.f);
    for (std::size_t i = 0; i < 6; ++i) {
      REQUIRE(c.storage[i + 1] == static_cast<float>(i + 1) * 2.f + 0.5f);
    }
    REQUIRE(c.storage[7] == 8.f);
  }
}

TEST_CASE("a tensor may be copied onto itself") {
  // Each of these used to be a memcpy whose source and destination were the same bytes.
  Exec exec;
  exec.set_input<mixed::x>(std::array<float, 6>{1, 2, 3, 4, 5, 6});
  const DLTensor x = *exec.get_input(0);
  REQUIRE(exec.set_input(0, x).ok());
  REQUIRE(exec.set_input("x", *exec.get_input("x")).ok());
  for (std::size_t i = 0; i < 6; ++i)
    REQUIRE(exec.input<mixed::x>()[i] == static_cast<float>(i + 1));

  REQUIRE(exec.run().ok());
  DLTensor out = *exec.get_output(0);
  REQUIRE(exec.get_output(0, out).ok());
  for (std::size_t i = 0; i < 6; ++i) {
    REQUIRE(exec.get_output<0>()[i] == static_cast<float>(i + 1) * 2.f + 0.5f);
  }

  // Output 0 and input 0 have one dtype and shape: one's view fills the other.
  REQUIRE(exec.set_input(0, *exec.get_output(0)).ok());
  REQUIRE(exec.input<mixed::x>()(1, 2) == 12.5f);
}

TEST_CASE("a view shifted into its own buffer copies as memmove does") {
  Exec exec;
  exec.set_input<mixed::x>(std::array<float, 6>{1, 2, 3, 4, 5, 6});
  REQUIRE(exec.run().ok());  // output0 = {2.5, 4.5, 6.5, 8.5, 10.5, 12.5}
  // Destination one element past the source: a forward copy would smear the first value.
  // The last element lands in the padding after output0 (its buffer has a 64-byte line).
  DLTensor out = *exec.get_output(0);
  out.byte_offset = sizeof(float);
  REQUIRE(exec.get_output(0, out).ok());
  const float* o = exec.get_output<mixed::output0>().data();
  REQUIRE(o[0] == 2.5f);
  for (std::size_t i = 1; i < 6; ++i) REQUIRE(o[i] == (static_cast<float>(i) - 1.f) * 2.f + 2.5f);
  float spilled = 0.f;
  std::memcpy(&spilled, reinterpret_cast<const unsigned char*>(o) + 24, sizeof spilled);
  REQUIRE(spilled == 12.5f);
}

TEST_CASE("bool tensors take TVM's uint1 and DLPack 0.8's kDLBool") {
  // DLPack 0.6 has no kDLBool enumerator: 6 is its value in DLPack 0.8 and later.
  const DLDataType tvm_bool{kDLUInt, 1, 1};
  const DLDataType dlpack_bool{6, 8, 1};
  for (const DLDataType dtype : {tvm_bool, dlpack_bool}) {
    INFO(int{dtype.code});
    aot::AotExecutor<flags> exec;
    BoolTensor in(dtype);
    REQUIRE(exec.set_input(0, in.t).ok());
    REQUIRE(exec.run().ok());
    BoolTensor out(dtype);
    REQUIRE(exec.get_output(0, out.t).ok());
    REQUIRE_FALSE(out.storage[0]);
    REQUIRE(out.storage[1]);
    REQUIRE_FALSE(out.storage[2]);
    // Views keep saying uint1.
    for (const DLTensor& v : {*exec.get_input(0), *exec.get_output(0)}) {
      REQUIRE(v.dtype.code == kDLUInt);
      REQUIRE(v.dtype.bits == 1);
      REQUIRE(v.dtype.lanes == 1);
    }
  }
}

TEST_CASE("other bool-like dtypes stay refused") {
  struct Case {
    DLDataType dtype;
    const char* message;
  };
  const Case cases[] = {
      {DLDataType{6, 1, 1}, "flags: input 'x' (index 0): dtype is bool1, expected bool"},
      {DLDataType{6, 8, 4}, "flags: input 'x' (index 0): dtype is bool8x4, expected bool"},
      {DLDataType{kDLUInt, 8, 1}, "flags: input 'x' (index 0): dtype is uint8, expected bool"},
  };
  for (const Case& c : cases) {
    aot::AotExecutor<flags> exec;
    const Snapshot<aot::AotExecutor<flags>> before(exec);
    BoolTensor in(c.dtype);
    const aot::Status s = exec.set_input(0, in.t);
    CHECK(s.code() == aot::Errc::kDtypeMismatch);
    CHECK(text(s) == c.message);
    CHECK(before.same_as(exec));
  }
  // kDLBool for a tensor that is not bool: refused, in and out.
  aot::AotExecutor<seed> exec;
  std::uint8_t data[2] = {1, 0};
  std::int64_t shape[2] = {1, 2};
  DLTensor t{data, DLDevice{kDLCPU, 0}, 2, DLDataType{6, 8, 1}, shape, nullptr, 0};
  const aot::Status in = exec.set_input(0, t);
  REQUIRE(in.code() == aot::Errc::kDtypeMismatch);
  REQUIRE(text(in) == "default: input 'a' (index 0): dtype is bool8, expected uint8");
  REQUIRE(exec.get_output(0, t).code() == aot::Errc::kDtypeMismatch);
}

TEST_CASE("a name with an embedded NUL matches no tensor") {
  using E = aot::AotExecutor<serving>;
  // Sanitising turns NUL into '_', the byte in the real name's place: it must still miss.
  constexpr std::string_view nul_name(
      "serving_default_input_1\0"
      "0",
      25);
  STATIC_REQUIRE(nul_name.size() == std::string_view("serving_default_input_1_0").size());
  REQUIRE(E::get_input_index("serving_default_input_1:0").value_or(99) == 0);
  REQUIRE(E::get_input_index(nul_name).status().code() == aot::Errc::kUnknownName);
  REQUIRE(E::get_input_index(std::string_view("serving_default_input_1_0\0", 26)).status().code() ==
          aot::Errc::kUnknownName);
  STATIC_REQUIRE(aot::find_input<serving>(nul_name) == aot::npos);

  E exec;
  const Snapshot<E> before(exec);
  std::int8_t data[3] = {1, 2, 3};
  std::int64_t shape[2] = {1, 3};
  const DLTensor t{data, DLDevice{kDLCPU, 0}, 2, DLDataType{kDLInt, 8, 1}, shape, nullptr, 0};
  REQUIRE(exec.set_input(nul_name, t).code() == aot::Errc::kUnknownName);
  REQUIRE(exec.get_input(nul_name).status().code() == aot::Errc::kUnknownName);
  REQUIRE(before.same_as(exec));
  REQUIRE(exec.set_input("serving_default_input_1:0", t).ok());
}

namespace {

/// seed's code with descriptions that know only the element counts, as aot-gen writes them
/// where no file states a shape (shape_from_size): a DLTensor of any shape that many fits.
struct seed_flat {
  static constexpr std::string_view name = "default";
  struct a : aot::TensorSpec<std::uint8_t, 2> {
    static constexpr std::string_view raw_name = "a";
    static constexpr bool shape_from_size = true;
  };
  struct b : aot::TensorSpec<std::uint8_t, 2> {
    static constexpr std::string_view raw_name = "b";
    static constexpr bool shape_from_size = true;
  };
  struct output : aot::TensorSpec<std::uint8_t, 2> {
    static constexpr std::string_view raw_name = "output";
    static constexpr bool shape_from_size = true;
  };
  using inputs = aot::TensorList<a, b>;
  using outputs = aot::TensorList<output>;
  static constexpr aot::Convention convention = aot::Convention::kUnpacked;
  static constexpr auto entry = &tvmgen_default___tvm_main__;
};

DLTensor uint8_tensor(std::uint8_t* data, std::int32_t ndim, std::int64_t* shape) {
  DLTensor t{};
  t.data = data;
  t.device = DLDevice{kDLCPU, 0};
  t.ndim = ndim;
  t.dtype = DLDataType{kDLUInt, 8, 1};
  t.shape = shape;
  return t;
}

}  // namespace

TEST_CASE("a shape no file states: any DLTensor with as many elements, nothing else") {
  STATIC_REQUIRE(aot::detail::ModelTraits<seed_flat>::Inputs::infos[0].shape_from_size);
  aot::AotExecutor<seed_flat> exec;
  std::uint8_t a[2] = {3, 4}, b[2] = {10, 20}, out[2] = {0, 0};
  std::int64_t tvm_shape[2] = {1, 2};  // what TVM says; the files only said 2 bytes
  std::int64_t column[2] = {2, 1};
  std::int64_t flat[1] = {2};
  DLTensor ta = uint8_tensor(a, 2, tvm_shape);
  DLTensor tb = uint8_tensor(b, 2, column);
  REQUIRE(exec.set_input(0, ta).ok());
  REQUIRE(exec.set_input("b", tb).ok());
  REQUIRE(exec.run().ok());
  DLTensor to = uint8_tensor(out, 2, tvm_shape);
  REQUIRE(exec.get_output(0, to).ok());
  REQUIRE(out[0] == 13);
  REQUIRE(out[1] == 24);
  DLTensor tf = uint8_tensor(a, 1, flat);
  REQUIRE(exec.set_input(0, tf).ok());
  // Strides are held to the caller's shape: (1, 2) with a stride of 1 on its last axis is
  // compact, a stride of 2 there is not.
  std::int64_t strides[2] = {7, 1};
  ta.strides = strides;
  REQUIRE(exec.set_input(0, ta).ok());
  strides[1] = 2;
  const aot::Status s = exec.set_input(0, ta);
  REQUIRE(s.code() == aot::Errc::kStridesNotCompact);
  ta.strides = nullptr;
  // The element count is what is certain: another count is refused, with both.
  std::int64_t three[2] = {1, 3};
  DLTensor t3 = uint8_tensor(a, 2, three);
  const aot::Status c = exec.set_input(0, t3);
  REQUIRE(c.code() == aot::Errc::kShapeMismatch);
  REQUIRE(std::string(c.to_string().c_str())
              .find("shape holds 3 elements, expected 2 (any shape of that "
                    "many)") != std::string::npos);
  // A product past 63 bits is not a small count.
  std::int64_t huge[3] = {std::int64_t{1} << 62, 4, 2};
  DLTensor th = uint8_tensor(a, 3, huge);
  const aot::Status h = exec.set_input(0, th);
  REQUIRE(h.code() == aot::Errc::kShapeMismatch);
  REQUIRE(std::string(h.to_string().c_str()).find("shape holds more than 2 elements") !=
          std::string::npos);
  DLTensor tn = uint8_tensor(a, 2, nullptr);
  REQUIRE(exec.set_input(0, tn).code() == aot::Errc::kShapeMismatch);
  // A description with a stated shape is held to it, as before.
  aot::AotExecutor<seed_unpacked> strict;
  REQUIRE(strict.set_input(0, tf).code() == aot::Errc::kNdimMismatch);
  REQUIRE(strict.set_input(0, tb).code() == aot::Errc::kShapeMismatch);
  REQUIRE(strict.set_input(0, uint8_tensor(a, 2, tvm_shape)).ok());
}
