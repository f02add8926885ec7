// SPDX-License-Identifier: Apache-2.0
#pragma once

// {fmt} support: Status, DataType, TensorView and OperatorTimer print as text. Needs fmt 8 or
// later.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string_view>
#include <type_traits>

#include "aot/dtype.hpp"
#include "aot/operator_timer.hpp"
#include "aot/status.hpp"
#include "aot/tensor_view.hpp"

/// A Status prints as to_string(): "default: the entry function returned -1".
template <>
struct fmt::formatter<aot::Status> : fmt::formatter<std::string_view> {
  /// Writes `s.to_string()`.
  template <class Context>
  auto format(const aot::Status& s, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.to_string().view(), ctx);
  }
};

/// A DataType prints as TVM names it: "int8", "float32", "uint1".
template <>
struct fmt::formatter<aot::DataType> : fmt::formatter<std::string_view> {
  /// Writes the dtype's name.
  template <class Context>
  auto format(aot::DataType t, Context& ctx) const {
    char buf[32];
    aot::detail::TextWriter(buf, sizeof buf).put_dtype(t);
    return fmt::formatter<std::string_view>::format(std::string_view(buf), ctx);
  }
};

/// Views have begin()/end(); this formatter, not fmt's range formatter, prints them.
template <class T, class Tensor, class Char>
struct fmt::is_range<aot::TensorView<T, Tensor>, Char> : std::false_type {};

/// A view prints its elements flat, in row-major order: "[4, 7]". Format specs apply to
/// each element: "{:.2f}".
template <class T, class Tensor>
struct fmt::formatter<aot::TensorView<T, Tensor>> : fmt::formatter<std::remove_cv_t<T>> {
  /// Writes the elements, each with the format spec.
  template <class Context>
  auto format(const aot::TensorView<T, Tensor>& v, Context& ctx) const {
    auto out = ctx.out();
    *out++ = '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i != 0) out = fmt::format_to(out, ", ");
      ctx.advance_to(out);
      out = fmt::formatter<std::remove_cv_t<T>>::format(v[i], ctx);
    }
    *out++ = ']';
    return out;
  }
};

/// An OperatorTimer prints its table (write_table's lines): operator, calls, total, mean per
/// call and share of the runs' time, then all operators and the whole runs.
template <class Model, class Clock>
struct fmt::formatter<aot::OperatorTimer<Model, Clock>> : fmt::formatter<std::string_view> {
  /// Writes the table, one line per row.
  template <class Context>
  auto format(const aot::OperatorTimer<Model, Clock>& t, Context& ctx) const {
    auto out = ctx.out();
    t.write_table([&](const char* line) { out = fmt::format_to(out, "{}", line); });
    return out;
  }
};
