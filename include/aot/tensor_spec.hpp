// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "aot/dtype.hpp"
#include "aot/name.hpp"
#include "aot/span.hpp"

namespace aot {

/// Base for a tensor description: element type and shape. A description derives from it
/// and adds `static constexpr std::string_view raw_name`, optionally `name` (the sanitised
/// name, checked against raw_name) and `size_bytes` (checked against shape and dtype).
template <class T, std::int64_t... Dims>
struct TensorSpec {
  /// The C++ type of one element.
  using element_type = T;
  /// The dimensions, outermost first.
  static constexpr std::array<std::int64_t, sizeof...(Dims)> shape{{Dims...}};
};

/// An ordered list of tensor descriptions: a model's inputs or outputs, in argument order.
template <class... Tensors>
struct TensorList {
  /// Number of tensors in the list.
  static constexpr std::size_t size = sizeof...(Tensors);
};

/// Run-time description of one tensor, for code that picks tensors by index or name.
struct TensorInfo {
  std::string_view name;      ///< sanitised, as in the generated C header
  std::string_view raw_name;  ///< as in the source model
  /// The element type.
  DataType dtype;
  /// The dimensions, outermost first.
  Span<const std::int64_t> shape;
  std::size_t size = 0;        ///< elements
  std::size_t size_bytes = 0;  ///< bytes
};

namespace detail {

template <class T, class = void>
inline constexpr bool kHasSizeBytes = false;
template <class T>
inline constexpr bool kHasSizeBytes<T, std::void_t<decltype(T::size_bytes)>> = true;

template <class T, class = void>
inline constexpr bool kHasSanitizedName = false;
template <class T>
inline constexpr bool kHasSanitizedName<T, std::void_t<decltype(T::name)>> = true;

template <class T, class = void>
inline constexpr bool kHasRawName = false;
template <class T>
inline constexpr bool kHasRawName<T, std::void_t<decltype(T::raw_name)>> = true;
template <class T, class = void>
inline constexpr std::string_view kRawNameOf{};
template <class T>
inline constexpr std::string_view kRawNameOf<T, std::void_t<decltype(T::raw_name)>> =
    std::string_view(T::raw_name);

template <std::size_t N>
constexpr std::array<char, N + 1> copy_name(std::string_view s) noexcept {
  std::array<char, N + 1> out{};
  for (std::size_t i = 0; i < N && i < s.size(); ++i) out[i] = s[i];
  return out;
}

/// Everything the library derives from one tensor description.
template <class Tensor>
struct TensorTraits {
  using element_type = typename Tensor::element_type;
  static constexpr std::size_t rank = Tensor::shape.size();

  static constexpr bool dims_positive = [] {
    for (std::int64_t d : Tensor::shape) {
      if (d <= 0) return false;
    }
    return true;
  }();

  /// Whether the element count or the byte size is more than any object can hold
  /// (PTRDIFF_MAX bytes): computed naively, such a shape wraps modulo 2^64 to a small count
  /// that every other check accepts (274177 x 67280421310721 is 2^64 + 1).
  static constexpr bool size_overflows = [] {
    constexpr std::uint64_t kMaxBytes = PTRDIFF_MAX;
    std::uint64_t n = 1;
    for (std::int64_t d : Tensor::shape) {
      if (d <= 0) return false;  // dims_positive reports it
      if (static_cast<std::uint64_t>(d) > kMaxBytes / n) return true;
      n *= static_cast<std::uint64_t>(d);
    }
    return n > kMaxBytes / sizeof(element_type);
  }();

  /// Element count; 0 for a malformed or oversized shape so that buffers stay declarable
  /// while the model check reports the error.
  static constexpr std::size_t count = [] {
    if (!dims_positive || size_overflows) return std::size_t{0};
    std::size_t n = 1;
    for (std::int64_t d : Tensor::shape) n *= static_cast<std::size_t>(d);
    return n;
  }();

  static constexpr std::size_t bytes = count * sizeof(element_type);

  /// Empty when the description has no raw_name: the model check says so.
  static constexpr std::string_view raw_view = kRawNameOf<Tensor>;
  static constexpr auto raw_storage = copy_name<raw_view.size()>(raw_view);
  static constexpr auto name_storage = sanitize<raw_view.size()>(raw_view);

  /// NUL-terminated raw name, as given by the source model (e.g. "serving_default_x:0").
  static constexpr const char* raw_name() noexcept { return raw_storage.data(); }
  /// NUL-terminated sanitised name, as in the generated C header (e.g. "serving_default_x_0").
  static constexpr const char* name() noexcept { return name_storage.data(); }
  static constexpr std::string_view name_view() noexcept {
    return std::string_view(name_storage.data(), raw_view.size());
  }
};

}  // namespace detail
}  // namespace aot
