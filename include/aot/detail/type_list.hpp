// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <type_traits>

namespace aot::detail {

template <std::size_t I, class List>
struct TypeAt;

template <std::size_t I, template <class...> class L, class T, class... Ts>
struct TypeAt<I, L<T, Ts...>> : TypeAt<I - 1, L<Ts...>> {};

template <template <class...> class L, class T, class... Ts>
struct TypeAt<0, L<T, Ts...>> {
  using type = T;
};

template <std::size_t I, class List>
using TypeAtT = typename TypeAt<I, List>::type;

inline constexpr std::size_t kNotFound = static_cast<std::size_t>(-1);

/// Position of T in the list, or kNotFound.
template <class T, class List>
struct IndexOf;

template <class T, template <class...> class L, class... Ts>
struct IndexOf<T, L<Ts...>> {
  static constexpr std::size_t value = [] {
    constexpr bool same[] = {std::is_same_v<T, Ts>..., false};
    for (std::size_t i = 0; i < sizeof...(Ts); ++i) {
      if (same[i]) return i;
    }
    return kNotFound;
  }();
};

template <class T>
inline constexpr bool kDependentFalse = false;

}  // namespace aot::detail
