// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "aot/span.hpp"
#include "aot/tensor_spec.hpp"

namespace aot::detail {

/// What can fill an input: element type and count, known at compile time or not. A view
/// (aot/tensor_view.hpp) says so itself.
template <class Src, class = void>
struct SourceTraits {
  static constexpr bool supported = false;
};

template <class Src>
struct SourceTraits<Src, std::enable_if_t<std::is_array_v<Src>>> {
  static constexpr bool supported = true;
  static constexpr bool sized = true;
  using element = std::remove_cv_t<std::remove_all_extents_t<Src>>;
  static constexpr std::size_t count = sizeof(Src) / sizeof(element);
  static const void* data(const Src& s) noexcept { return &s; }
};

template <class T, std::size_t N>
struct SourceTraits<std::array<T, N>> {
  static constexpr bool supported = true;
  static constexpr bool sized = true;
  using element = std::remove_cv_t<T>;
  static constexpr std::size_t count = N;
  static const void* data(const std::array<T, N>& s) noexcept { return s.data(); }
};

template <class T>
struct SourceTraits<Span<T>> {
  static constexpr bool supported = true;
  static constexpr bool sized = false;
  using element = std::remove_cv_t<T>;
};

template <class Src>
struct IsArrayOrView : std::false_type {};
template <class T, std::size_t N>
struct IsArrayOrView<std::array<T, N>> : std::true_type {};
template <class T>
struct IsArrayOrView<Span<T>> : std::true_type {};

/// Anything contiguous with data() (a pointer) and size(): std::vector, std::span,
/// std::basic_string, a user's buffer type.
template <class Src, class = void>
inline constexpr bool kContiguous = false;
template <class Src>
inline constexpr bool kContiguous<
    Src, std::void_t<decltype(std::declval<const Src&>().size()),
                     std::enable_if_t<std::is_pointer_v<decltype(std::declval<Src&>().data())>>>> =
    !std::is_array_v<Src> && !IsArrayOrView<Src>::value;

/// A fixed extent known to the type (C++20's std::span<T, N>), or 0.
template <class Src, class = void>
inline constexpr std::size_t kStaticExtent = 0;
template <class Src>
inline constexpr std::size_t kStaticExtent<Src, std::void_t<decltype(Src::extent)>> =
    Src::extent == static_cast<std::size_t>(-1) ? 0 : static_cast<std::size_t>(Src::extent);

template <class Src>
struct SourceTraits<Src, std::enable_if_t<kContiguous<Src>>> {
  static constexpr bool supported = true;
  static constexpr bool sized = kStaticExtent<Src> > 0;
  using element = std::remove_cv_t<std::remove_pointer_t<decltype(std::declval<Src&>().data())>>;
  static constexpr std::size_t count = kStaticExtent<Src>;
  static const void* data(const Src& s) noexcept { return s.data(); }
};

/// Sources whose element count is checked at run time (the Status-returning set_input).
template <class Src, class = void>
inline constexpr bool kRunTimeSized = false;
template <class Src>
inline constexpr bool kRunTimeSized<Src, std::enable_if_t<SourceTraits<Src>::supported>> =
    !SourceTraits<Src>::sized;

}  // namespace aot::detail
