// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "aot/config.hpp"
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
template <class T, class = void>
inline constexpr bool kPerAxis = false;
template <class T>
inline constexpr bool kPerAxis<
    T, std::void_t<decltype(T::scales), decltype(T::zero_points), decltype(T::quant_axis)>> = true;

/// Per-axis parameters: one scale and zero point per index of dimension quant_axis.
template <class Tag>
constexpr bool check_per_axis() {
  constexpr std::size_t axis = static_cast<std::size_t>(Tag::quant_axis);
  if constexpr (axis >= Tag::shape.size()) {
    compile_error::quant_axis_out_of_range<Tag, axis, Tag::shape.size()>();
    return false;
  } else if constexpr (Tag::scales.size() != static_cast<std::size_t>(Tag::shape[axis]) ||
                       Tag::zero_points.size() != static_cast<std::size_t>(Tag::shape[axis])) {
    compile_error::quant_axis_size_mismatch<Tag, static_cast<std::size_t>(Tag::shape[axis]),
                                            Tag::scales.size()>();
    return false;
  } else {
    return true;
  }
}

/// The tensor's quantization, or a compile error naming it.
template <class Tag>
constexpr bool check_quantized() {
  if constexpr (kPerAxis<Tag>) {
    return check_per_axis<Tag>();
  } else if constexpr (!kHasQuantization<Tag>) {
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

/// Whether tensor `Tag` is quantized per axis (`scales`, `zero_points`, `quant_axis`).
template <class Tag>
inline constexpr bool is_per_axis_v = detail::kPerAxis<Tag>;

/// Scale of a quantized tensor (`static constexpr float scale` in its description, as
/// aot-gen writes it from the model's qnn operators or aot_add_model's QUANT). A tensor
/// without one: compile error naming it.
template <class Tag>
constexpr float scale_of() noexcept {
  if constexpr (detail::kPerAxis<Tag>) {
    compile_error::tensor_is_quantized_per_axis<Tag>();
    return 0.f;
  } else if constexpr (detail::check_quantized<Tag>()) {
    return static_cast<float>(Tag::scale);
  } else {
    return 0.f;
  }
}

/// Zero point of a quantized tensor.
template <class Tag>
constexpr std::int32_t zero_point_of() noexcept {
  if constexpr (detail::kPerAxis<Tag>) {
    compile_error::tensor_is_quantized_per_axis<Tag>();
    return 0;
  } else if constexpr (detail::check_quantized<Tag>()) {
    return static_cast<std::int32_t>(Tag::zero_point);
  } else {
    return 0;
  }
}

namespace detail {

/// TFLite's Quantize for one value (see quantize below).
template <class T>
T quantize_with(float x, float scale, std::int32_t zero_point) noexcept {
  static_assert(std::is_integral_v<T> && sizeof(T) <= 4,
                "aot: quantized tensors hold integers of at most 32 bits");
  // The element type's range, computed rather than converted from a (signed) char.
  constexpr int bits = static_cast<int>(8 * sizeof(T));
  constexpr std::int64_t lo = std::is_signed_v<T> ? -(std::int64_t{1} << (bits - 1)) : 0;
  constexpr std::int64_t hi =
      std::is_signed_v<T> ? (std::int64_t{1} << (bits - 1)) - 1 : (std::int64_t{1} << bits) - 1;
  const std::int64_t zp = zero_point;
  const float r = std::round(x / scale);
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

template <class T>
float dequantize_with(T q, float scale, std::int32_t zero_point) noexcept {
  return static_cast<float>(static_cast<double>(scale) *
                            static_cast<double>(static_cast<std::int64_t>(q) - zero_point));
}

/// Per-axis: the index along quant_axis of flat (row-major) element `i`.
template <class Tag>
constexpr std::size_t channel_of(std::size_t i) noexcept {
  constexpr std::size_t axis = static_cast<std::size_t>(Tag::quant_axis);
  std::size_t inner = 1;
  for (std::size_t d = axis + 1; d < Tag::shape.size(); ++d) {
    inner *= static_cast<std::size_t>(Tag::shape[d]);
  }
  return (i / inner) % static_cast<std::size_t>(Tag::shape[axis]);
}

}  // namespace detail

/// `x` quantized for tensor `Tag` as TFLite's Quantize does: `x / scale` in float, rounded
/// half away from zero (std::round), plus the zero point, saturated to the element type's
/// range. NaN gives the zero point (saturated).
template <class Tag>
typename Tag::element_type quantize(float x) noexcept {
  return detail::quantize_with<typename Tag::element_type>(x, scale_of<Tag>(),
                                                           zero_point_of<Tag>());
}

/// `q` of tensor `Tag` back to a real value as TFLite's Dequantize does: scale * (q -
/// zero_point), computed in double, rounded once to float.
template <class Tag>
float dequantize(typename Tag::element_type q) noexcept {
  return detail::dequantize_with(q, scale_of<Tag>(), zero_point_of<Tag>());
}

/// Per-axis tensors: the scale of index `channel` along quant_axis (AOT_ASSERT in range).
template <class Tag>
constexpr float scale_of(std::size_t channel) noexcept {
  if constexpr (!detail::kPerAxis<Tag>) {
    compile_error::tensor_has_no_quantization<Tag>();
    return 0.f;
  } else {
    AOT_ASSERT(channel < Tag::scales.size());
    return static_cast<float>(Tag::scales[channel]);
  }
}
/// Per-axis tensors: the zero point of index `channel` along quant_axis.
template <class Tag>
constexpr std::int32_t zero_point_of(std::size_t channel) noexcept {
  if constexpr (!detail::kPerAxis<Tag>) {
    compile_error::tensor_has_no_quantization<Tag>();
    return 0;
  } else {
    AOT_ASSERT(channel < Tag::zero_points.size());
    return static_cast<std::int32_t>(Tag::zero_points[channel]);
  }
}
/// Per-axis tensors: quantize for index `channel` along quant_axis.
template <class Tag>
typename Tag::element_type quantize(float x, std::size_t channel) noexcept {
  return detail::quantize_with<typename Tag::element_type>(x, scale_of<Tag>(channel),
                                                           zero_point_of<Tag>(channel));
}
/// Per-axis tensors: dequantize for index `channel` along quant_axis.
template <class Tag>
float dequantize(typename Tag::element_type q, std::size_t channel) noexcept {
  return detail::dequantize_with(q, scale_of<Tag>(channel), zero_point_of<Tag>(channel));
}

/// Quantizes a whole tensor into a view of it (an input(), for instance), per tensor or per
/// axis as the tensor is; `in` must hold the tensor's element count (returns false and writes
/// nothing otherwise).
template <class Tag, class T>
bool quantize(Span<const float> in, TensorView<T, Tag> out) noexcept {
  static_assert(!std::is_const_v<T>, "aot: quantize writes into the view: it must be writable");
  if (in.size() != out.size()) return false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if constexpr (detail::kPerAxis<Tag>) {
      out[i] = quantize<Tag>(in[i], detail::channel_of<Tag>(i));
    } else {
      out[i] = quantize<Tag>(in[i]);
    }
  }
  return true;
}

/// Dequantizes a whole tensor (a get_output() view, for instance) into `out`, which must hold
/// the tensor's element count (returns false and writes nothing otherwise).
template <class Tag, class T>
bool dequantize(TensorView<T, Tag> in, Span<float> out) noexcept {
  if (in.size() != out.size()) return false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if constexpr (detail::kPerAxis<Tag>) {
      out[i] = dequantize<Tag>(in[i], detail::channel_of<Tag>(i));
    } else {
      out[i] = dequantize<Tag>(in[i]);
    }
  }
  return true;
}

}  // namespace aot
