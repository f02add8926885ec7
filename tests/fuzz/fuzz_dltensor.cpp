// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the executor's checks of a caller's DLTensor (set_input by index and by name,
// get_output into a caller's tensor), over the seed (C interface, uint8) and mixed (packed,
// float32/int8/int32) fixtures, with DLTensor itself and with a mirror struct of the same
// members. Every call is compared with an oracle written from the documented rules, not from
// the library's code: the Errc must be the one the first failing check gives; a failed call
// must leave every executor byte and every caller byte as it was; a call that succeeds must
// have copied exactly the tensor's bytes, from the pre-call contents, as memmove would.
//
// Byte layout. A field is read little-endian from the next bytes; past the end of the input
// every byte reads as 0. Fields marked ^ are stored XORed with the value that is right for
// the tensor, so zero bytes (and a short input) give a tensor that is accepted.
//   0-3    device.device_type ^ 1 (kDLCPU), int32: any value, enumerator or not
//   4      selector: bit 0 model (0 seed, 1 mixed); bits 1-3 call, taken modulo 5:
//            0 set_input(index, DLTensor)  1 set_input(name, DLTensor)
//            2 get_output(index, DLTensor&) 3 set_input(index, Mirror) 4 get_output(index, Mirror&)
//          bits 4-7 tensor index, taken modulo (count + 1): index == count is out of range
//   5-8    device.device_id, int32
//   9      dtype.code ^      10  dtype.bits ^      11-12  dtype.lanes ^
//   13-16  ndim ^, int32
//   17     flags: bits 0-1 data mode, bit 2 shape NULL, bit 3 strides given (else NULL)
//   18-25  byte_offset, uint64 (data mode 3: the data pointer instead)
//   26     anchor, where data + byte_offset points (see data modes)
//   27-28  anchor offset inside the executor (data mode 2 with anchor >= 0x80)
//   then   rank x int64: shape ^          (the tensor's rank; only what the check may read)
//   then   rank x int64: strides ^ compact (only with flag bit 3)
//   then   for call 1: a name byte v; v < 0x80 picks v % n of the model's input names (raw,
//          then sanitised); otherwise the name is the next (v & 31) bytes, NULs included.
// Data modes: 0 data = anchor - byte_offset, the anchor anchor % 17 bytes into a caller
// buffer 16 bytes larger than the tensor; 1 data = NULL; 2 data = anchor - byte_offset, the
// anchor inside the executor object: on a buffer (anchor % buffers, exact aliasing) when
// anchor < 0x80, else at the given offset; 3 data as given, byte_offset = caller anchor - data.
// The subtractions wrap: data + byte_offset then passes the end of the address space.
//
// The F11 finding (findings/dltensor/fuzz_dltensor_minimized, ff ff ff ff 01 b1 b1, written
// for an older harness) still reads as an out-of-range device_type: -2 for mixed's input x,
// with every other field valid, so the check reaches device_type (device_id 0xb1b1 is only
// checked after it).
#include <aot/dlpack.hpp>
#include <aot/executor.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mixed_model.hpp"
#include "seed_model.hpp"

namespace {

__extension__ typedef unsigned __int128 Wide;  // NOLINT: real sums of two 64-bit values

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_dltensor: invariant broken: %s\n", what);
  std::abort();
}

void require(bool ok, const char* what) {
  if (!ok) fail(what);
}

/// Reads fields from the input; zeros past its end.
class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint64_t bytes(std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t b = pos_ < size_ ? data_[pos_] : 0;
      ++pos_;
      v |= b << (8 * i);
    }
    return v;
  }
  std::uint8_t u8() { return static_cast<std::uint8_t>(bytes(1)); }
  std::uint16_t u16() { return static_cast<std::uint16_t>(bytes(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(bytes(4)); }
  std::uint64_t u64() { return bytes(8); }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

std::int32_t as_int32(std::uint32_t v) {
  std::int32_t s = 0;
  std::memcpy(&s, &v, sizeof s);
  return s;
}
std::int64_t as_int64(std::uint64_t v) {
  std::int64_t s = 0;
  std::memcpy(&s, &v, sizeof s);
  return s;
}

/// "Any struct with DLTensor's members", with a device type of fixed underlying type.
enum class MirrorDeviceType : std::int32_t { kCpu = 1 };
struct Mirror {
  void* data;
  struct {
    MirrorDeviceType device_type;
    std::int32_t device_id;
  } device;
  std::int32_t ndim;
  struct {
    std::uint8_t code;
    std::uint8_t bits;
    std::uint16_t lanes;
  } dtype;
  std::int64_t* shape;
  std::int64_t* strides;
  std::uint64_t byte_offset;
};

/// Everything the caller's tensor holds, as the fuzzer chose it.
struct Fields {
  std::int32_t device_type = 0;
  std::int32_t device_id = 0;
  std::uint8_t code = 0;
  std::uint8_t bits = 0;
  std::uint16_t lanes = 0;
  std::int32_t ndim = 0;
  bool shape_null = false;
  bool strides_given = false;
  std::vector<std::int64_t> shape;  // exactly the rank: ASan catches a read past it
  std::vector<std::int64_t> strides;
  std::uintptr_t data = 0;
  std::uint64_t byte_offset = 0;
};

template <class T>
void fill(T& t, const Fields& f) {
  t.data = reinterpret_cast<void*>(f.data);  // NOLINT(performance-no-int-to-ptr): made up
  // Stored as bytes: assigning an out-of-range value to DLPack 0.6's enum is itself UB.
  std::memcpy(&t.device.device_type, &f.device_type, sizeof f.device_type);
  t.device.device_id = f.device_id;
  t.ndim = f.ndim;
  t.dtype.code = f.code;
  t.dtype.bits = f.bits;
  t.dtype.lanes = f.lanes;
  t.shape = f.shape_null ? nullptr : const_cast<std::int64_t*>(f.shape.data());
  t.strides = f.strides_given ? const_cast<std::int64_t*>(f.strides.data()) : nullptr;
  t.byte_offset = f.byte_offset;
}

/// TVM's name rule, stated per byte: an alphanumeric byte must be itself, any other byte
/// stands for '_', except NUL, which matches nothing.
bool name_matches(std::string_view given, std::string_view sanitized) {
  if (given.size() != sanitized.size()) return false;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const char c = given[i];
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alnum ? c != sanitized[i] : (c == '\0' || sanitized[i] != '_')) return false;
  }
  return true;
}

/// The documented checks, in their documented order.
aot::Errc oracle(const aot::TensorInfo& info, const Fields& f) {
  const aot::DataType dtype{f.code, f.bits, f.lanes};
  const bool tvm_bool = info.dtype == aot::DataType{aot::kUInt, 1, 1};
  if (!(dtype == info.dtype || (tvm_bool && dtype == aot::DataType{aot::kBool, 8, 1}))) {
    return aot::Errc::kDtypeMismatch;
  }
  const std::size_t rank = info.shape.size();
  if (f.ndim < 0 || static_cast<std::size_t>(f.ndim) != rank) return aot::Errc::kNdimMismatch;
  if (rank > 0 && f.shape_null) return aot::Errc::kShapeMismatch;
  for (std::size_t d = 0; d < rank; ++d) {
    if (f.shape[d] != info.shape[d]) return aot::Errc::kShapeMismatch;
  }
  if (f.strides_given) {
    for (std::size_t d = 0; d < rank; ++d) {
      std::int64_t compact = 1;
      for (std::size_t e = d + 1; e < rank; ++e) compact *= info.shape[e];
      if (info.shape[d] != 1 && f.strides[d] != compact) return aot::Errc::kStridesNotCompact;
    }
  }
  const std::uint64_t element = (std::uint64_t{info.dtype.bits} * info.dtype.lanes + 7) / 8;
  if (f.byte_offset % element != 0) return aot::Errc::kByteOffsetMisaligned;
  if (f.device_type != 1) return aot::Errc::kDeviceNotCpu;
  if (f.device_id != 0) return aot::Errc::kDeviceIdNotZero;
  if (f.data == 0) return aot::Errc::kNullData;
  const Wide end = Wide{f.data} + f.byte_offset + info.size_bytes;  // one past the last byte
  if (end > Wide{UINTPTR_MAX}) return aot::Errc::kByteOffsetOverflow;
  return aot::Errc::kOk;
}

enum Call { kSetIndex, kSetName, kGetIndex, kSetMirror, kGetMirror };

/// A run of bytes owned by the harness, before and after a call.
struct Region {
  unsigned char* base;
  std::size_t size;
  std::vector<unsigned char> before;

  Region(void* b, std::size_t n)
      : base(static_cast<unsigned char*>(b)), size(n), before(base, base + n) {}
  bool contains(std::uintptr_t p, std::size_t n) const {
    const std::uintptr_t b = reinterpret_cast<std::uintptr_t>(base);
    return p >= b && n <= size && p - b <= size - n;
  }
  std::size_t offset(std::uintptr_t p) const {
    return static_cast<std::size_t>(p - reinterpret_cast<std::uintptr_t>(base));
  }
};

template <class Model>
void fuzz_model(Reader& in, std::int32_t device_type, std::uint8_t selector) {
  using Exec = aot::AotExecutor<Model>;
  constexpr std::size_t kSlack = 16;
  const auto exec_owner = std::make_unique<Exec>();
  Exec& exec = *exec_owner;

  // Distinct patterns in every executor buffer and the caller's, so that a copy shows.
  std::vector<unsigned char*> buffers;
  std::vector<std::size_t> buffer_sizes;
  for (std::size_t i = 0; i < Exec::num_inputs; ++i) {
    buffers.push_back(static_cast<unsigned char*>(exec.get_input(i)->data));
    buffer_sizes.push_back(Exec::get_input_info(i)->size_bytes);
  }
  for (std::size_t i = 0; i < Exec::num_outputs; ++i) {
    buffers.push_back(static_cast<unsigned char*>(exec.get_output(i)->data));
    buffer_sizes.push_back(Exec::get_output_info(i)->size_bytes);
  }
  for (std::size_t b = 0; b < buffers.size(); ++b) {
    for (std::size_t i = 0; i < buffer_sizes[b]; ++i) {
      buffers[b][i] = static_cast<unsigned char>(0x40 + 29 * b + 7 * i);
    }
  }

  const Call call = static_cast<Call>(((selector >> 1) & 7) % 5);
  const bool is_get = call == kGetIndex || call == kGetMirror;
  const std::size_t count = is_get ? Exec::num_outputs : Exec::num_inputs;
  const std::size_t raw_index = static_cast<std::size_t>(selector >> 4) % (count + 1);

  Fields f;
  f.device_type = device_type;
  const std::int32_t device_id = as_int32(in.u32());
  const std::uint8_t code_x = in.u8();
  const std::uint8_t bits_x = in.u8();
  const std::uint16_t lanes_x = in.u16();
  const std::uint32_t ndim_x = in.u32();
  const std::uint8_t flags = in.u8();
  const std::uint64_t offset_or_data = in.u64();
  const std::uint8_t anchor = in.u8();
  const std::uint16_t anchor_offset = in.u16();

  // The tensor the library will use (index or name), and the one the fields are built for.
  std::size_t target = raw_index;
  std::string name;
  std::vector<std::int64_t> shape_x;
  std::vector<std::int64_t> strides_x;
  const std::size_t build = raw_index < count ? raw_index : 0;
  const aot::TensorInfo shape_info =
      is_get ? *Exec::get_output_info(build) : *Exec::get_input_info(build);
  for (std::size_t d = 0; d < shape_info.shape.size(); ++d) shape_x.push_back(as_int64(in.u64()));
  if (flags & 8) {
    for (std::size_t d = 0; d < shape_info.shape.size(); ++d) {
      strides_x.push_back(as_int64(in.u64()));
    }
  }
  if (call == kSetName) {
    const std::uint8_t v = in.u8();
    if (v < 0x80) {
      const std::size_t n = 2 * Exec::num_inputs;
      const aot::TensorInfo info = *Exec::get_input_info((v % n) / 2);
      name = std::string((v % n) % 2 == 0 ? info.raw_name : info.name);
    } else {
      for (std::size_t i = 0; i < (v & 31u); ++i) name.push_back(static_cast<char>(in.u8()));
    }
    target = count;
    for (std::size_t i = 0; i < count; ++i) {
      if (name_matches(name, Exec::get_input_info(i)->name)) {
        target = i;
        break;
      }
    }
  }
  const bool found = target < count;
  const aot::TensorInfo info = is_get ? *Exec::get_output_info(found ? target : 0)
                                      : *Exec::get_input_info(found ? target : 0);
  // Fields relative to the build tensor's right values; for a name call, the named tensor's.
  const aot::TensorInfo& right = call == kSetName ? info : shape_info;
  f.device_id = device_id;
  f.code = static_cast<std::uint8_t>(right.dtype.code ^ code_x);
  f.bits = static_cast<std::uint8_t>(right.dtype.bits ^ bits_x);
  f.lanes = static_cast<std::uint16_t>(right.dtype.lanes ^ lanes_x);
  f.ndim = as_int32(static_cast<std::uint32_t>(right.shape.size()) ^ ndim_x);
  f.shape_null = (flags & 4) != 0;
  f.strides_given = (flags & 8) != 0;
  // The check may read as many dimensions as the library's tensor has: size for that one.
  const std::size_t rank = info.shape.size();
  f.shape.resize(rank);
  f.strides.resize(f.strides_given ? rank : 0);
  for (std::size_t d = 0; d < rank; ++d) {
    const std::int64_t x = d < shape_x.size() ? shape_x[d] : 0;
    f.shape[d] = info.shape[d] ^ x;
    if (f.strides_given) {
      std::int64_t compact = 1;
      for (std::size_t e = d + 1; e < rank; ++e) compact *= info.shape[e];
      f.strides[d] = compact ^ (d < strides_x.size() ? strides_x[d] : 0);
    }
  }

  // Where data + byte_offset points.
  const std::size_t bytes = info.size_bytes;
  std::vector<unsigned char> caller(bytes + kSlack);
  for (std::size_t i = 0; i < caller.size(); ++i) {
    caller[i] = static_cast<unsigned char>(0xA0 + 13 * i);
  }
  const std::uintptr_t caller_anchor =
      reinterpret_cast<std::uintptr_t>(caller.data()) + anchor % (kSlack + 1);
  const std::uintptr_t exec_base = reinterpret_cast<std::uintptr_t>(&exec);
  switch (flags & 3) {
    case 0:
      f.byte_offset = offset_or_data;
      f.data = caller_anchor - static_cast<std::uintptr_t>(f.byte_offset);
      break;
    case 1:
      f.byte_offset = offset_or_data;
      f.data = 0;
      break;
    case 2: {
      std::uintptr_t at = caller_anchor;
      if (bytes <= sizeof(Exec)) {
        const std::size_t room = sizeof(Exec) - bytes;  // anchors whose tensor fits inside
        std::size_t off = anchor_offset % (room + 1);
        if (anchor < 0x80) {
          const std::size_t b = anchor % buffers.size();
          const std::size_t buffer_off =
              static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(buffers[b]) - exec_base);
          if (buffer_off <= room) off = buffer_off;
        }
        at = exec_base + off;
      }
      f.byte_offset = offset_or_data;
      f.data = at - static_cast<std::uintptr_t>(f.byte_offset);
      break;
    }
    default:
      f.data = static_cast<std::uintptr_t>(offset_or_data);
      f.byte_offset = static_cast<std::uint64_t>(caller_anchor - f.data);
      break;
  }

  Region exec_bytes(&exec, sizeof(Exec));
  Region caller_bytes(caller.data(), caller.size());

  aot::Status s;
  DLTensor dl{};
  Mirror mirror{};
  fill(dl, f);
  fill(mirror, f);
  switch (call) {
    case kSetIndex:
      s = exec.set_input(raw_index, dl);
      break;
    case kSetName:
      s = exec.set_input(std::string_view(name), dl);
      break;
    case kGetIndex:
      s = exec.get_output(raw_index, dl);
      break;
    case kSetMirror:
      s = exec.set_input(raw_index, mirror);
      break;
    case kGetMirror:
      s = exec.get_output(raw_index, mirror);
      break;
  }

  // The message renders whatever the values, within its fixed storage.
  const aot::StatusText text = s.to_string();
  require(std::memchr(text.text, '\0', sizeof text.text) != nullptr, "message not terminated");
#ifdef AOT_FUZZ_VERBOSE  // to see what a corpus file does
  std::fprintf(stderr, "%s\n", text.c_str());
#endif

  const aot::Errc want =
      !found ? (call == kSetName ? aot::Errc::kUnknownName : aot::Errc::kIndexOutOfRange)
             : oracle(info, f);
  require(s.code() == want, "the call's result is not the first failing check's");
  const aot::Role role = is_get ? aot::Role::kOutput : aot::Role::kInput;
  if (!s.ok()) {
    require(s.role() == role, "wrong role");
    if (want == aot::Errc::kIndexOutOfRange) {
      require(s.got() == static_cast<std::int64_t>(raw_index), "index not reported");
      require(s.expected() == static_cast<std::int64_t>(count), "count not reported");
    } else if (want != aot::Errc::kUnknownName) {
      require(s.index() == target, "wrong tensor index");
      require(s.tensor() != nullptr && info.raw_name == s.tensor(), "wrong tensor name");
    }
    if (want == aot::Errc::kDeviceNotCpu) require(s.got() == f.device_type, "device type value");
    if (want == aot::Errc::kDeviceIdNotZero) require(s.got() == f.device_id, "device id value");
    if (want == aot::Errc::kNdimMismatch) require(s.got() == f.ndim, "ndim value");
    if (want == aot::Errc::kByteOffsetOverflow) {
      require(static_cast<std::uint64_t>(s.got()) == f.byte_offset, "byte_offset value");
    }
    require(std::memcmp(exec_bytes.base, exec_bytes.before.data(), exec_bytes.size) == 0,
            "a failed call changed the executor");
    require(std::memcmp(caller_bytes.base, caller_bytes.before.data(), caller_bytes.size) == 0,
            "a failed call changed the caller's buffer");
    return;
  }

  // Success: exactly the tensor's bytes moved, from what they were before the call.
  const std::uintptr_t first = static_cast<std::uintptr_t>(f.data + f.byte_offset);
  std::vector<unsigned char> exec_want = exec_bytes.before;
  std::vector<unsigned char> caller_want = caller_bytes.before;
  const std::uintptr_t buffer =
      reinterpret_cast<std::uintptr_t>(buffers[is_get ? Exec::num_inputs + target : target]);
  const std::uintptr_t from = is_get ? buffer : first;
  const std::uintptr_t to = is_get ? first : buffer;
  std::vector<unsigned char> moved(bytes);
  if (exec_bytes.contains(from, bytes)) {
    std::memcpy(moved.data(), exec_bytes.before.data() + exec_bytes.offset(from), bytes);
  } else if (caller_bytes.contains(from, bytes)) {
    std::memcpy(moved.data(), caller_bytes.before.data() + caller_bytes.offset(from), bytes);
  } else {
    fail("a call succeeded with a source the harness does not own");
  }
  if (exec_bytes.contains(to, bytes)) {
    std::memcpy(exec_want.data() + exec_bytes.offset(to), moved.data(), bytes);
  } else if (caller_bytes.contains(to, bytes)) {
    std::memcpy(caller_want.data() + caller_bytes.offset(to), moved.data(), bytes);
  } else {
    fail("a call succeeded with a destination the harness does not own");
  }
  require(std::memcmp(exec_bytes.base, exec_want.data(), exec_bytes.size) == 0,
          "the executor does not hold exactly the copied bytes");
  require(std::memcmp(caller_bytes.base, caller_want.data(), caller_bytes.size) == 0,
          "the caller's buffer does not hold exactly the copied bytes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Reader in(data, size);
  const std::int32_t device_type = as_int32(in.u32() ^ 1u);
  const std::uint8_t selector = in.u8();
  if (selector & 1) {
    fuzz_model<mixed>(in, device_type, selector);
  } else {
    fuzz_model<seed>(in, device_type, selector);
  }
  return 0;
}
