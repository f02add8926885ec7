// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "aot/config.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/detail/sources.hpp"
#include "aot/tensor_spec.hpp"

namespace aot {

/// A typed, shaped view of one tensor buffer, shape known at compile time; one pointer wide.
/// `T` is `const` for outputs. Element access is row-major; indices are checked only when
/// AOT_ENABLE_ASSERTS is on.
template <class T, class Tensor>
class TensorView {
  using Traits = detail::TensorTraits<Tensor>;

 public:
  /// The element type, const for an output's view.
  using element_type = T;
  /// The element type without const.
  using value_type = std::remove_cv_t<T>;
  /// The tensor's description.
  using tensor = Tensor;
  /// Iterates the elements in row-major order.
  using iterator = T*;

  /// A view of the tensor's elements at `data`.
  constexpr explicit TensorView(T* data) noexcept : data_(data) {}
  /// A read-only view from a writable one.
  template <class U, class = std::enable_if_t<std::is_same_v<const U, T> && !std::is_const_v<U>>>
  constexpr TensorView(TensorView<U, Tensor> other) noexcept  // NOLINT: like T* -> const T*
      : data_(other.data()) {}

  /// Number of dimensions.
  static constexpr std::size_t rank() noexcept { return Traits::rank; }
  /// The tensor's shape.
  static constexpr const std::array<std::int64_t, Traits::rank>& shape() noexcept {
    return Tensor::shape;
  }
  /// The size of dimension `dim`.
  static constexpr std::int64_t extent(std::size_t dim) noexcept { return Tensor::shape[dim]; }
  /// Number of elements.
  static constexpr std::size_t size() noexcept { return Traits::count; }
  /// The tensor's size in bytes.
  static constexpr std::size_t bytes() noexcept { return Traits::bytes; }

  /// The first element.
  constexpr T* data() const noexcept { return data_; }
  /// Iteration, in row-major order.
  constexpr T* begin() const noexcept { return data_; }
  /// Iteration, in row-major order.
  constexpr T* end() const noexcept { return data_ + Traits::count; }

  /// Flat, row-major element access.
  constexpr T& operator[](std::size_t i) const noexcept {
    AOT_ASSERT(i < Traits::count);
    return data_[i];
  }

  /// Multi-index access: `view(0, 3)`; one index per dimension.
  template <class... Index>
  constexpr T& operator()(Index... index) const noexcept {
    if constexpr (sizeof...(Index) != Traits::rank) {
      compile_error::view_index_count_mismatch<Tensor, Traits::rank, sizeof...(Index)>();
      return data_[0];
    } else {
      const std::size_t idx[] = {static_cast<std::size_t>(index)..., 0};
      std::size_t flat = 0;
      for (std::size_t d = 0; d < Traits::rank; ++d) {
        AOT_ASSERT(idx[d] < static_cast<std::size_t>(Tensor::shape[d]));
        flat = flat * static_cast<std::size_t>(Tensor::shape[d]) + idx[d];
      }
      return data_[flat];
    }
  }

 private:
  T* data_;
};

namespace detail {

// A view fills an input like the array it stands for: its count is the tensor's.
template <class T, class Tensor>
struct SourceTraits<TensorView<T, Tensor>> {
  static constexpr bool supported = true;
  static constexpr bool sized = true;
  using element = std::remove_cv_t<T>;
  static constexpr std::size_t count = TensorTraits<Tensor>::count;
  static const void* data(const TensorView<T, Tensor>& s) noexcept { return s.data(); }
};
template <class T, class Tensor>
struct IsArrayOrView<TensorView<T, Tensor>> : std::true_type {};

}  // namespace detail
}  // namespace aot
