// SPDX-License-Identifier: Apache-2.0
#pragma once

// The Status values an executor's run-time checks return about one of its model's tensors.

#include <cstddef>
#include <cstdint>

#include "aot/detail/model_traits.hpp"
#include "aot/status.hpp"

namespace aot::detail {

/// No input or output has the name asked for.
template <class Model>
constexpr Status unknown_name(Role role) noexcept {
  return Status(Errc::kUnknownName, ModelTraits<Model>::name()).with_role(role);
}

/// Input or output `index` has no buffer (CallerBuffers, before it is bound).
template <class Model>
constexpr Status unbound(Role role, std::size_t index) noexcept {
  using Traits = ModelTraits<Model>;
  return Status(Errc::kUnbound, Traits::name())
      .with_tensor(role, index,
                   role == Role::kInput ? Traits::Inputs::raw_names[index]
                                        : Traits::Outputs::raw_names[index]);
}

/// `index` is not below `count`, the number of inputs or outputs.
template <class Model>
constexpr Status out_of_range(Role role, std::size_t index, std::size_t count) noexcept {
  return Status(Errc::kIndexOutOfRange, ModelTraits<Model>::name())
      .with_role(role)
      .with_values(static_cast<std::int64_t>(count), static_cast<std::int64_t>(index));
}

}  // namespace aot::detail
