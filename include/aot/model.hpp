// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "aot/detail/model_traits.hpp"
#include "aot/detail/type_list.hpp"
#include "aot/tensor_spec.hpp"

namespace aot {

/// Returned by name lookups that find nothing; as a template index it is a compile error.
inline constexpr std::size_t npos = detail::kNotFound;

/// The model's I-th input / output description type.
template <class Model, std::size_t I>
using input_t = detail::TypeAtT<I, typename Model::inputs>;
template <class Model, std::size_t I>
using output_t = detail::TypeAtT<I, typename Model::outputs>;

/// Index of a tensor description type in the model's lists, or npos.
template <class Model, class Tag>
inline constexpr std::size_t input_index_v = detail::IndexOf<Tag, typename Model::inputs>::value;
template <class Model, class Tag>
inline constexpr std::size_t output_index_v = detail::IndexOf<Tag, typename Model::outputs>::value;

/// Index of the input whose name matches (raw or sanitised), or npos. Usable as a template
/// argument: `exec.set_input<aot::find_input<Model>("input_1:0")>(x)`; a miss does not compile.
template <class Model>
constexpr std::size_t find_input(std::string_view name) noexcept {
  return detail::ListTraits<typename Model::inputs>::find(name);
}

/// As find_input, for outputs.
template <class Model>
constexpr std::size_t find_output(std::string_view name) noexcept {
  return detail::ListTraits<typename Model::outputs>::find(name);
}

}  // namespace aot
