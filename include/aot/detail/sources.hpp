// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>

#include "aot/span.hpp"
#include "aot/tensor_spec.hpp"
#include "aot/tensor_view.hpp"

namespace aot::detail {

/// What can fill an input: element type and count, known at compile time or not.
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

template <class T, class Tensor>
struct SourceTraits<TensorView<T, Tensor>> {
  static constexpr bool supported = true;
  static constexpr bool sized = true;
  using element = std::remove_cv_t<T>;
  static constexpr std::size_t count = TensorTraits<Tensor>::count;
  static const void* data(const TensorView<T, Tensor>& s) noexcept { return s.data(); }
};

template <class T>
struct SourceTraits<Span<T>> {
  static constexpr bool supported = true;
  static constexpr bool sized = false;
  using element = std::remove_cv_t<T>;
};

}  // namespace aot::detail
