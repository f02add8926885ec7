// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aot/config.hpp"
#include "aot/dtype.hpp"

namespace aot {

namespace detail {

/// Appends to a fixed buffer, truncating silently; no stdio, no heap.
class TextWriter {
 public:
  constexpr TextWriter(char* buffer, std::size_t capacity) noexcept
      : buffer_(buffer), capacity_(capacity) {
    if (capacity_ > 0) buffer_[0] = '\0';
  }

  constexpr TextWriter& put(char c) noexcept {
    if (length_ + 1 < capacity_) {
      buffer_[length_++] = c;
      buffer_[length_] = '\0';
    }
    return *this;
  }

  constexpr TextWriter& put(const char* s) noexcept {
    while (s != nullptr && *s != '\0') put(*s++);
    return *this;
  }

  constexpr TextWriter& put_int(std::int64_t v) noexcept {
    // Negate through unsigned so that INT64_MIN is printed correctly.
    std::uint64_t u = static_cast<std::uint64_t>(v);
    if (v < 0) {
      put('-');
      u = ~u + 1;
    }
    return put_uint(u);
  }

  constexpr TextWriter& put_uint(std::uint64_t u) noexcept {
    char digits[20] = {};
    int n = 0;
    do {
      digits[n++] = static_cast<char>('0' + u % 10);
      u /= 10;
    } while (u != 0);
    while (n > 0) put(digits[--n]);
    return *this;
  }

  constexpr TextWriter& put_dtype(DataType t) noexcept {
    if (t.code == kUInt && t.bits == 1 && t.lanes == 1) return put("bool");
    switch (t.code) {
      case kInt:
        put("int");
        break;
      case kUInt:
        put("uint");
        break;
      case kFloat:
        put("float");
        break;
      case kOpaqueHandle:
        put("handle");
        break;
      case kBfloat:
        put("bfloat");
        break;
      case kComplex:
        put("complex");
        break;
      case kBool:
        put("bool");
        break;
      default:
        put("code").put_int(t.code).put('_');
        break;
    }
    put_int(t.bits);
    if (t.lanes != 1) put('x').put_int(t.lanes);
    return *this;
  }

 private:
  char* buffer_;
  std::size_t capacity_;
  std::size_t length_ = 0;
};

/// DataType packed into an integer so that a Status can carry one in its expected/got fields.
constexpr std::int64_t pack_dtype(DataType t) noexcept {
  return static_cast<std::int64_t>(t.code) | (static_cast<std::int64_t>(t.bits) << 8) |
         (static_cast<std::int64_t>(t.lanes) << 16);
}

constexpr DataType unpack_dtype(std::int64_t v) noexcept {
  return DataType{static_cast<std::uint8_t>(v & 0xff), static_cast<std::uint8_t>((v >> 8) & 0xff),
                  static_cast<std::uint16_t>((v >> 16) & 0xffff)};
}

}  // namespace detail

/// What went wrong. Every value but kOk is a failure.
enum class Errc : std::uint8_t {
  kOk = 0,
  kEntryFailed,           ///< the generated entry function returned non-zero
  kIndexOutOfRange,       ///< tensor index past the number of inputs/outputs
  kUnknownName,           ///< no tensor has that (sanitised) name
  kDtypeMismatch,         ///< DLTensor dtype code, bits or lanes differ
  kNdimMismatch,          ///< DLTensor ndim differs
  kShapeMismatch,         ///< one dimension differs
  kStridesNotCompact,     ///< strides neither NULL nor compact row-major
  kByteOffsetMisaligned,  ///< byte_offset not a multiple of the element size
  kDeviceNotCpu,          ///< device_type is not kDLCPU
  kDeviceIdNotZero,       ///< device_id is not 0
  kNullData,              ///< data pointer is NULL
  kSizeMismatch,          ///< a run-time element count differs from the tensor's
  kWorkspaceOverflow,     ///< TVMBackendAllocWorkspace asked for more than the arena holds
  kWorkspaceFreeOrder,    ///< TVMBackendFreeWorkspace freed a block not alive (out of order)
  kWorkspaceForeignFree,  ///< TVMBackendFreeWorkspace got a pointer the arena never gave
  kConcurrentRun,         ///< a singleton model (internal pools) is already running
  kByteOffsetOverflow,    ///< data + byte_offset + the tensor's bytes wrap around
  kMisalignedData,        ///< a bound buffer is not aligned as the generated code assumes
  kUnbound,               ///< run() with a tensor, arena or pool given no memory
  kOverlap,               ///< memory given to an executor overlaps memory it already uses
  kWorkspaceBusy,         ///< a SharedArena is in use by another executor's run()
};

/// Which list a tensor belongs to.
enum class Role : std::uint8_t { kNone, kInput, kOutput, kPool };

/// Short fixed description of an error code.
constexpr const char* describe(Errc code) noexcept {
  switch (code) {
    case Errc::kOk:
      return "ok";
    case Errc::kEntryFailed:
      return "the model's entry function failed";
    case Errc::kIndexOutOfRange:
      return "tensor index out of range";
    case Errc::kUnknownName:
      return "no tensor has this name";
    case Errc::kDtypeMismatch:
      return "dtype mismatch";
    case Errc::kNdimMismatch:
      return "ndim mismatch";
    case Errc::kShapeMismatch:
      return "shape mismatch";
    case Errc::kStridesNotCompact:
      return "strides are not compact";
    case Errc::kByteOffsetMisaligned:
      return "byte_offset is not a multiple of the element size";
    case Errc::kDeviceNotCpu:
      return "device is not the CPU";
    case Errc::kDeviceIdNotZero:
      return "device id is not 0";
    case Errc::kNullData:
      return "data pointer is null";
    case Errc::kSizeMismatch:
      return "element count mismatch";
    case Errc::kWorkspaceOverflow:
      return "workspace overflow";
    case Errc::kWorkspaceFreeOrder:
      return "workspace freed out of order";
    case Errc::kWorkspaceForeignFree:
      return "workspace free of a foreign pointer";
    case Errc::kConcurrentRun:
      return "model already running";
    case Errc::kByteOffsetOverflow:
      return "data + byte_offset overflows the address space";
    case Errc::kMisalignedData:
      return "buffer is not aligned for the generated code";
    case Errc::kUnbound:
      return "no memory bound";
    case Errc::kOverlap:
      return "memory overlaps memory already in use";
    case Errc::kWorkspaceBusy:
      return "shared arena in use";
  }
  return "unknown error";
}

/// A message rendered into fixed storage.
struct StatusText {
  /// Bytes of storage, the terminating NUL included; longer messages are cut.
  static constexpr std::size_t kCapacity = 160;
  /// The message, NUL-terminated.
  char text[kCapacity] = {};

  /// The message as a C string.
  constexpr const char* c_str() const noexcept { return text; }
  /// The message as a string view.
  constexpr std::string_view view() const noexcept { return std::string_view(text); }
};

/// The outcome of a call: kOk, or an error that names the model, the tensor and the
/// mismatch. Small (48 bytes on 64-bit targets, 40 on 32-bit), trivially copyable, never
/// allocates. Every call that can fail is [[nodiscard]]; a call checked entirely at compile
/// time (set_input from an array) returns an ok Status that may be ignored and costs nothing.
class Status {
 public:
  constexpr Status() noexcept = default;
  /// An error `code` of the model named `model` (a string that outlives the Status).
  constexpr Status(Errc code, const char* model) noexcept : model_(model), code_(code) {}

  /// Builders used by the library to attach details.
  constexpr Status& with_tensor(Role role, std::size_t index, const char* name) noexcept {
    role_ = role;
    index_ = static_cast<std::uint16_t>(index);
    tensor_ = name;
    return *this;
  }
  /// Whether an input, output or pool is concerned, when no tensor is named.
  constexpr Status& with_role(Role role) noexcept {
    role_ = role;
    return *this;
  }
  /// The value the check expected and the one it got.
  constexpr Status& with_values(std::int64_t expected, std::int64_t got) noexcept {
    expected_ = expected;
    got_ = got;
    return *this;
  }
  /// The dimension concerned (kShapeMismatch, kStridesNotCompact).
  constexpr Status& with_dimension(std::int32_t d) noexcept {
    detail_ = d;
    return *this;
  }
  /// What the entry function returned (kEntryFailed).
  constexpr Status& with_entry_code(std::int32_t rc) noexcept {
    detail_ = rc;
    return *this;
  }
  /// Replaces the model's name.
  constexpr Status& with_model(const char* model) noexcept {
    model_ = model;
    return *this;
  }
  /// A message from the generated code (TVMAPISetLastError); must outlive the Status.
  constexpr Status& with_text(const char* text) noexcept {
    text_ = text;
    return *this;
  }

  /// Whether the call succeeded.
  constexpr bool ok() const noexcept { return code_ == Errc::kOk; }
  /// Same as ok().
  constexpr explicit operator bool() const noexcept { return ok(); }
  /// What went wrong; Errc::kOk on success.
  constexpr Errc code() const noexcept { return code_; }
  /// Fixed text for code(); to_string() has the details.
  constexpr const char* message() const noexcept { return describe(code_); }
  /// The model's name, or nullptr.
  constexpr const char* model() const noexcept { return model_; }
  /// The tensor's raw name, or nullptr when no tensor is concerned or it is unknown.
  constexpr const char* tensor() const noexcept { return tensor_; }
  /// Whether the tensor concerned is an input, an output or a pool.
  constexpr Role role() const noexcept { return role_; }
  /// The index of the tensor concerned, in its list.
  constexpr std::size_t index() const noexcept { return index_; }
  /// For kShapeMismatch and kStridesNotCompact: the dimension concerned.
  constexpr std::int32_t dimension() const noexcept { return detail_; }
  /// For kEntryFailed: what the entry function returned.
  constexpr std::int32_t entry_code() const noexcept { return detail_; }
  /// What the check expected (a count, a dimension, a packed dtype, ...).
  constexpr std::int64_t expected() const noexcept { return expected_; }
  /// What the check got instead.
  constexpr std::int64_t got() const noexcept { return got_; }
  /// For kEntryFailed: what the generated code passed to TVMAPISetLastError, or nullptr. It
  /// lives in the executor and is valid until its next run().
  constexpr const char* text() const noexcept { return text_; }

  /// The whole message, e.g. "default: input 'a' (index 0): dtype is float32, expected uint8".
  constexpr StatusText to_string() const noexcept {
    StatusText out;
    detail::TextWriter w(out.text, StatusText::kCapacity);
    if (ok()) {
      w.put("ok");
      return out;
    }
    if (model_ != nullptr) w.put(model_).put(": ");
    const char* role = role_ == Role::kInput    ? "input"
                       : role_ == Role::kOutput ? "output"
                       : role_ == Role::kPool   ? "pool"
                                                : "tensor";
    if (tensor_ != nullptr) {
      w.put(role).put(" '").put(tensor_).put("' (index ").put_int(index_).put("): ");
    }
    switch (code_) {
      case Errc::kEntryFailed:
        w.put("the entry function returned ").put_int(detail_);
        if (text_ != nullptr && *text_ != '\0') w.put(": ").put(text_);
        break;
      case Errc::kIndexOutOfRange:
        w.put(role).put(" index ").put_int(got_).put(" is out of range (the model has ");
        w.put_int(expected_).put(' ').put(role).put("s)");
        break;
      case Errc::kUnknownName:
        w.put("no ").put(role).put(" has this name (after sanitising: non-alphanumerics as '_')");
        break;
      case Errc::kDtypeMismatch:
        w.put("dtype is ").put_dtype(detail::unpack_dtype(got_));
        w.put(", expected ").put_dtype(detail::unpack_dtype(expected_));
        break;
      case Errc::kNdimMismatch:
        w.put("ndim is ").put_int(got_).put(", expected ").put_int(expected_);
        break;
      case Errc::kShapeMismatch:
        if (detail_ < 0) {
          w.put("shape pointer is null");
          break;
        }
        w.put("dimension ").put_int(detail_).put(" is ").put_int(got_);
        w.put(", expected ").put_int(expected_);
        break;
      case Errc::kStridesNotCompact:
        w.put("stride of dimension ").put_int(detail_).put(" is ").put_int(got_);
        w.put(", expected ").put_int(expected_).put(" (strides must be NULL or compact)");
        break;
      case Errc::kByteOffsetMisaligned:
        w.put("byte_offset ").put_uint(static_cast<std::uint64_t>(got_));
        w.put(" is not a multiple of the element size ").put_int(expected_);
        break;
      case Errc::kByteOffsetOverflow:
        // expected_ is the largest byte_offset that fits, all ones when none does.
        w.put("byte_offset ").put_uint(static_cast<std::uint64_t>(got_));
        w.put(" runs past the end of the address space (");
        if (expected_ == -1) {
          w.put("none fits: data is too near the end)");
        } else {
          w.put("at most ").put_uint(static_cast<std::uint64_t>(expected_)).put(" fits)");
        }
        break;
      case Errc::kDeviceNotCpu:
        w.put("device type is ").put_int(got_).put(", expected kDLCPU (1)");
        break;
      case Errc::kMisalignedData:
        w.put("buffer address is ").put_int(got_).put(" past a multiple of ").put_int(expected_);
        w.put(", the alignment the generated code assumes");
        break;
      case Errc::kUnbound:
        if (role_ == Role::kPool) {
          w.put("no memory given (set_pool before run)");
        } else if (tensor_ != nullptr) {
          w.put("not bound to a buffer (bind_input / bind_output before run)");
        } else {
          w.put("no workspace arena given (set_workspace before run)");
        }
        break;
      case Errc::kOverlap:
        w.put("memory overlaps ").put(text_ != nullptr ? text_ : "memory the executor uses");
        break;
      case Errc::kWorkspaceBusy:
        w.put(
            "the shared arena is in use by another run (models sharing one must not run at once)");
        break;
      case Errc::kDeviceIdNotZero:
        w.put("device id is ").put_int(got_).put(", expected 0");
        break;
      case Errc::kNullData:
        w.put("data pointer is null");
        break;
      case Errc::kSizeMismatch:
        w.put("got ").put_int(got_).put(" elements, expected ").put_int(expected_);
        break;
      case Errc::kWorkspaceOverflow:
        w.put("workspace overflow: ").put_int(got_).put(" bytes needed, the arena holds ");
        w.put_int(expected_);
        break;
      case Errc::kWorkspaceFreeOrder:
        w.put("workspace block at offset ").put_int(got_).put(" freed when the top is at ");
        w.put_int(expected_).put(" (frees must be LIFO)");
        break;
      case Errc::kWorkspaceForeignFree:
        w.put("TVMBackendFreeWorkspace got a pointer the arena did not hand out");
        break;
      case Errc::kConcurrentRun:
        w.put("another executor of this model is running; its memory pools are process-wide");
        break;
      case Errc::kOk:
        break;
    }
    return out;
  }

 private:
  const char* model_ = nullptr;
  const char* tensor_ = nullptr;
  const char* text_ = nullptr;
  std::int64_t expected_ = 0;
  std::int64_t got_ = 0;
  std::int32_t detail_ = 0;
  std::uint16_t index_ = 0;
  Errc code_ = Errc::kOk;
  Role role_ = Role::kNone;
};

/// A value or the Status that explains why there is none.
template <class T>
class [[nodiscard]] Result {
 public:
  /// A success holding `value`.
  constexpr Result(T value) noexcept : value_(value) {}  // NOLINT: implicit by design
  /// A failure; `status` must not be ok.
  constexpr Result(Status status) noexcept : status_(status) {
    AOT_ASSERT(!status.ok());
  }  // NOLINT

  /// Whether there is a value.
  constexpr bool ok() const noexcept { return status_.ok(); }
  /// As std::expected: whether there is a value.
  constexpr bool has_value() const noexcept { return ok(); }
  /// Same as ok().
  constexpr explicit operator bool() const noexcept { return ok(); }
  /// Why there is no value; an ok Status when there is one.
  constexpr const Status& status() const noexcept { return status_; }
  /// As std::expected: the Status that explains why there is no value (kOk when there is).
  constexpr const Status& error() const noexcept { return status_; }
  /// The value; on failure a value-initialised T (and a trap when AOT_ENABLE_ASSERTS, where
  /// std::expected would throw).
  constexpr const T& value() const noexcept {
    AOT_ASSERT(ok());
    return value_;
  }
  /// Same as value().
  constexpr const T& operator*() const noexcept { return value(); }
  /// Member access to value().
  constexpr const T* operator->() const noexcept { return &value(); }
  /// The value, or `fallback` on failure.
  constexpr T value_or(T fallback) const noexcept { return ok() ? value_ : fallback; }

 private:
  Status status_{};
  T value_{};
};

}  // namespace aot
