// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <tuple>
#include <utility>

#include "aot/status.hpp"

namespace aot {

/// What infer() returns: the run's Status and a read-only view per output. Destructures:
/// `auto r = exec.infer(a, b); if (!r) ...; auto [y] = r;`
template <class... Views>
class [[nodiscard]] InferResult {
 public:
  /// What infer() builds: the run's Status and the output views.
  constexpr InferResult(Status status, std::tuple<Views...> views) noexcept
      : status_(status), views_(views) {}

  /// Whether the run succeeded.
  constexpr bool ok() const noexcept { return status_.ok(); }
  /// Same as ok().
  constexpr explicit operator bool() const noexcept { return ok(); }
  /// The run's Status.
  constexpr const Status& status() const noexcept { return status_; }
  /// Output view I. With AOT_ENABLE_ASSERTS, taking a view of a failed run traps, so
  /// `auto [y] = exec.infer(x);` cannot read stale outputs unnoticed in a debug build.
  template <std::size_t I>
  constexpr auto get() const noexcept {
    AOT_ASSERT(status_.ok());
    return std::get<I>(views_);
  }

 private:
  Status status_;
  std::tuple<Views...> views_;
};

}  // namespace aot

namespace std {
template <class... Views>
struct tuple_size<aot::InferResult<Views...>> : integral_constant<size_t, sizeof...(Views)> {};
/// Structured bindings: element I of an InferResult is output I's view.
template <size_t I, class... Views>
struct tuple_element<I, aot::InferResult<Views...>> {
  /// The type of output I's view.
  using type = tuple_element_t<I, tuple<Views...>>;
};
}  // namespace std
