// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "aot/detail/diagnostics.hpp"
#include "aot/span.hpp"
#include "aot/tensor_spec.hpp"
#include "aot/tensor_view.hpp"

namespace aot {

namespace detail {

template <class T, class = void>
inline constexpr bool kHasQuantization = false;
template <class T>
inline constexpr bool
    kHasQuantization<T, std::void_t<decltype(T::scale), decltype(T::zero_point)>> = true;

/// The tensor's quantization, or a compile error naming it.
template <class Tag>
constexpr bool check_quantized() {
  if constexpr (!kHasQuantization<Tag>) {
    compile_error::tensor_has_no_quantization<Tag>();
    return false;
  } else if constexpr (!std::is_integral_v<typename Tag::element_type>) {
    compile_error::quantized_tensor_not_integral<Tag, typename Tag::element_type>();
    return false;
  } else {
    return true;
  }
}

}  // namespace detail

/// Scale of a quantized tensor (`static constexpr float scale` in its description, as
/// aot-gen writes it from the model's qnn operators or aot_add_model's QUANT). A tensor
/// without one: compile error naming it.
template <class Tag>
constexpr float scale_of() noexcept {
  if constexpr (detail::check_quantized<Tag>()) {
    return static_cast<float>(Tag::scale);
  } else {
    return 0.f;
  }
}

/// Zero point of a quantized tensor.
template <class Tag>
constexpr std::int32_t zero_point_of() noexcept {
  if constexpr (detail::check_quantized<Tag>()) {
    return static_cast<std::int32_t>(Tag::zero_point);
  } else {
    return 0;
  }
}

/// `x` quantized for tensor `Tag` as TFLite's Quantize does: `x / scale` in float, rounded
/// half away from zero (std::round), plus the zero point, saturated to the element type's
/// range. NaN gives the zero point (saturated).
template <class Tag>
typename Tag::element_type quantize(float x) noexcept {
  using T = typename Tag::element_type;
  static_assert(sizeof(T) <= 4, "aot: quantized tensors hold integers of at most 32 bits");
  // The element type's range, computed rather than converted from a (signed) char.
  constexpr int bits = static_cast<int>(8 * sizeof(T));
  constexpr std::int64_t lo = std::is_signed_v<T> ? -(std::int64_t{1} << (bits - 1)) : 0;
  constexpr std::int64_t hi =
      std::is_signed_v<T> ? (std::int64_t{1} << (bits - 1)) - 1 : (std::int64_t{1} << bits) - 1;
  constexpr std::int64_t zp = zero_point_of<Tag>();
  const float r = std::round(x / scale_of<Tag>());
  // Compared as float before any conversion: a value outside int64 (or NaN) never converts.
  std::int64_t q = zp;
  if (r < static_cast<float>(lo - zp)) {
    q = lo;
  } else if (r > static_cast<float>(hi - zp)) {
    q = hi;
  } else if (r == r) {
    q = static_cast<std::int64_t>(r) + zp;
  }
  if (q < lo) q = lo;
  if (q > hi) q = hi;
  return static_cast<T>(q);
}

/// `q` of tensor `Tag` back to a real value as TFLite's Dequantize does: scale * (q -
/// zero_point), computed in double, rounded once to float.
template <class Tag>
float dequantize(typename Tag::element_type q) noexcept {
  return static_cast<float>(
      static_cast<double>(scale_of<Tag>()) *
      static_cast<double>(static_cast<std::int64_t>(q) - zero_point_of<Tag>()));
}

/// Quantizes a whole tensor into a view of it (an input(), for instance); `in` must hold the
/// tensor's element count (returns false and writes nothing otherwise).
template <class Tag, class T>
bool quantize(Span<const float> in, TensorView<T, Tag> out) noexcept {
  static_assert(!std::is_const_v<T>, "aot: quantize writes into the view: it must be writable");
  if (in.size() != out.size()) return false;
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = quantize<Tag>(in[i]);
  return true;
}

/// Dequantizes a whole tensor (a get_output() view, for instance) into `out`, which must hold
/// the tensor's element count (returns false and writes nothing otherwise).
template <class Tag, class T>
bool dequantize(TensorView<T, Tag> in, Span<float> out) noexcept {
  if (in.size() != out.size()) return false;
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = dequantize<Tag>(in[i]);
  return true;
}

}  // namespace aot
