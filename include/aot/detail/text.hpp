// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

#include "aot/dtype.hpp"

namespace aot::detail {

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

}  // namespace aot::detail
