// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

namespace aot {

/// A pointer and an element count; the count is checked at run time where it is used.
/// Converts from anything with data() and size() (std::vector, std::span, TensorView).
template <class T>
class Span {
 public:
  /// The element type, const for a read-only span.
  using element_type = T;

  constexpr Span() noexcept = default;
  /// `size` elements at `data`.
  constexpr Span(T* data, std::size_t size) noexcept : data_(data), size_(size) {}
  /// A whole C array.
  template <std::size_t N>
  constexpr Span(T (&array)[N]) noexcept : data_(array), size_(N) {}  // NOLINT: implicit by design
  template <
      class C,
      class = std::enable_if_t<std::is_convertible_v<decltype(std::declval<C&>().data()), T*>>,
      class = decltype(std::declval<C&>().size())>
  /// A container with data() and size(): std::array, std::vector, std::span.
  constexpr Span(C& c) noexcept : data_(c.data()), size_(c.size()) {}  // NOLINT

  /// The first element.
  constexpr T* data() const noexcept { return data_; }
  /// Number of elements.
  constexpr std::size_t size() const noexcept { return size_; }
  /// Whether size() is 0.
  constexpr bool empty() const noexcept { return size_ == 0; }
  /// Element `i`, unchecked.
  constexpr T& operator[](std::size_t i) const noexcept { return data_[i]; }
  /// Iteration.
  constexpr T* begin() const noexcept { return data_; }
  /// Iteration.
  constexpr T* end() const noexcept { return data_ + size_; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

template <class T, std::size_t N>
Span(T (&)[N]) -> Span<T>;
template <class T>
Span(T*, std::size_t) -> Span<T>;
/// `aot::Span(v)` for a std::vector, std::span or any container with data() and size().
template <class C, class = decltype(std::declval<C&>().size())>
Span(C&) -> Span<std::remove_pointer_t<decltype(std::declval<C&>().data())>>;

}  // namespace aot
