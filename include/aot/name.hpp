// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace aot {

/// TVM's sanitising rule: every byte outside [A-Za-z0-9] becomes '_', one for one.
constexpr char sanitize_char(char c) noexcept {
  const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return alnum ? c : '_';
}

/// Whether `name`, once sanitised, equals the already sanitised `sanitized`. Both a raw
/// name ("input:0") and a sanitised one ("input_0") match "input_0". A name holding a NUL
/// byte matches nothing: to C and TVM's runtime such a name ends at the NUL, so letting it
/// match as '_' would find a tensor the caller did not name. Allocates nothing.
constexpr bool sanitized_equal(std::string_view name, std::string_view sanitized) noexcept {
  if (name.size() != sanitized.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    // A sanitised name holds only [A-Za-z0-9_], never NUL: a byte equal to it matches, and
    // only '_' also matches the bytes that sanitise to it. One comparison per byte, mostly.
    const char c = name[i];
    const char s = sanitized[i];
    if (c != s && (s != '_' || c == '\0' || sanitize_char(c) != '_')) return false;
  }
  return true;
}

/// The sanitised form of `raw` as a NUL-terminated array; N must be raw.size().
template <std::size_t N>
constexpr std::array<char, N + 1> sanitize(std::string_view raw) noexcept {
  std::array<char, N + 1> out{};
  for (std::size_t i = 0; i < N && i < raw.size(); ++i) out[i] = sanitize_char(raw[i]);
  return out;
}

}  // namespace aot
