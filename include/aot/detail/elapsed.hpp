// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <type_traits>

namespace aot::detail {

/// Whether a clock difference is negative: a clock that went back between two readings. An
/// unsigned difference wraps instead, to a huge number; one past half its range is taken as
/// negative, so a wrapping 32-bit counter (DWT->CYCCNT) still measures up to 2^31 ticks and a
/// 64-bit one any real interval.
template <class D>
constexpr bool is_negative(const D& d) noexcept {
  if constexpr (std::is_integral_v<D> && std::is_unsigned_v<D>) {
    return (d >> (8 * sizeof(D) - 1)) != 0;
  } else {
    return d < D{};
  }
}

/// `end - start`, or zero, counted in `went_back`, when the clock went back.
template <class TimePoint>
auto elapsed(const TimePoint& start, const TimePoint& end, std::uint64_t& went_back) noexcept {
  const auto d = end - start;
  if (is_negative(d)) {
    ++went_back;
    return decltype(d){};
  }
  return d;
}

}  // namespace aot::detail
