// SPDX-License-Identifier: Apache-2.0
#pragma once

// The typed half of an AotExecutor's interface: set_input, input, get_output, infer and the
// executor's own buffers as arrays, by tensor tag or index, every element type and count
// checked at compile time.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <tuple>
#include <type_traits>
#include <utility>

#include "aot/buffers.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/detail/dl_checks.hpp"
#include "aot/detail/model_status.hpp"
#include "aot/detail/model_traits.hpp"
#include "aot/detail/sources.hpp"
#include "aot/detail/storage.hpp"
#include "aot/infer_result.hpp"
#include "aot/model.hpp"
#include "aot/span.hpp"
#include "aot/status.hpp"
#include "aot/tensor_view.hpp"

namespace aot {

/// The typed calls of an AotExecutor: a wrong element type, element count, index or tensor
/// tag does not compile, and the message names the model and the tensor. A base of
/// AotExecutor, with no state of its own.
template <class Executor>
class TypedIo {
  using Model = typename detail::ExecutorArgs<Executor>::Model;
  using Buffers = typename detail::ExecutorArgs<Executor>::Buffers;
  using Traits = detail::ModelTraits<Model>;
  using Own = detail::OwnIo<Model, detail::ExecutorArgs<Executor>::alignment, Buffers>;
  static constexpr std::size_t kNumIn = Model::inputs::size;
  static constexpr std::size_t kNumOut = Model::outputs::size;

 public:
  /// Copies `src` (C array, std::array, TensorView, fixed-extent std::span) into input `Tag`;
  /// element type and count are checked at compile time, so it cannot fail: the Status is
  /// always ok and costs nothing (only CallerBuffers can report kUnbound here).
  template <class Tag, class Src, std::enable_if_t<!detail::kRunTimeSized<Src>, int> = 0>
  Status set_input(const Src& src) noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
      return Status{};
    } else {
      using T = typename Tag::element_type;
      using S = detail::SourceTraits<Src>;
      if constexpr (!S::supported) {
        compile_error::unsupported_source<Model, Tag, Src>();
        return Status{};
      } else if constexpr (!std::is_same_v<typename S::element, T>) {
        compile_error::element_type_mismatch<Model, Tag, T, typename S::element>();
        return Status{};
      } else if constexpr (S::count != detail::TensorTraits<Tag>::count) {
        compile_error::element_count_mismatch<Model, Tag, detail::TensorTraits<Tag>::count,
                                              S::count>();
        return Status{};
      } else {
        // The source may be this very buffer (input_buffer<Tag>(), input<Tag>()); one of the
        // tensor's exact size cannot overlap it in part. The test costs one compare at most,
        // nothing where the compiler sees two distinct objects.
        void* const to = input_data<index>();
        const void* const from = S::data(src);
        if constexpr (!Buffers::owns) {
          // CallerBuffers: nothing to copy into before a bind.
          if (to == nullptr) return detail::unbound<Model>(Role::kInput, index);
        }
        if (to != from) std::memcpy(to, from, detail::TensorTraits<Tag>::bytes);
        return Status{};
      }
    }
  }

  /// Copies a source whose length is known only at run time (std::vector, std::span,
  /// aot::Span, any contiguous range of the element type): a count other than the tensor's
  /// is an error and leaves the buffer unchanged.
  template <class Tag, class Src, std::enable_if_t<detail::kRunTimeSized<Src>, int> = 0>
  [[nodiscard]] Status set_input(const Src& src) noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
      return Status{};
    } else {
      using T = typename Tag::element_type;
      using S = detail::SourceTraits<Src>;
      if constexpr (!std::is_same_v<typename S::element, T>) {
        compile_error::element_type_mismatch<Model, Tag, T, typename S::element>();
        return Status{};
      } else {
        return copy_in<index>(src.data(), static_cast<std::size_t>(src.size()));
      }
    }
  }

  /// As above, by input index.
  template <std::size_t I, class Src, std::enable_if_t<!detail::kRunTimeSized<Src>, int> = 0>
  Status set_input(const Src& src) noexcept {
    if constexpr (I >= kNumIn) {
      compile_error::input_index_out_of_range<Model, I, kNumIn>();
      return Status{};
    } else {
      return set_input<input_t<Model, I>>(src);
    }
  }
  /// As above, by input index, from a source sized at run time (an aot::Span).
  template <std::size_t I, class Src, std::enable_if_t<detail::kRunTimeSized<Src>, int> = 0>
  [[nodiscard]] Status set_input(const Src& src) noexcept {
    if constexpr (I >= kNumIn) {
      compile_error::input_index_out_of_range<Model, I, kNumIn>();
      return Status{};
    } else {
      return set_input<input_t<Model, I>>(src);
    }
  }

  /// Copies `count` elements from `data`; a count other than the tensor's is an error and
  /// leaves the buffer unchanged.
  template <class Tag, class T>
  [[nodiscard]] Status set_input(const T* data, std::size_t count) noexcept {
    return set_input<Tag>(Span<const T>(data, count));
  }
  /// As above, by input index.
  template <std::size_t I, class T>
  [[nodiscard]] Status set_input(const T* data, std::size_t count) noexcept {
    return set_input<I>(Span<const T>(data, count));
  }

  /// A writable view of input `Tag`'s buffer, to fill in place (e.g. as a DMA target).
  template <class Tag>
  auto input() noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
    } else {
      return TensorView<typename Tag::element_type, Tag>(input_data<index>());
    }
  }
  /// As above, by input index.
  template <std::size_t I>
  auto input() noexcept {
    if constexpr (I >= kNumIn) {
      compile_error::input_index_out_of_range<Model, I, kNumIn>();
    } else {
      return input<input_t<Model, I>>();
    }
  }

  /// The executor's own storage of input `Tag` as a C array (`sizeof`, placement, DMA set-up).
  /// A model whose I/O lives inside its workspace pool has no such buffer: compile error.
  template <class Tag>
  auto& input_buffer() noexcept {
    constexpr std::size_t index = input_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_input_of_model<Model, Tag>();
      return *this;
    } else if constexpr (Traits::workspace_io) {
      compile_error::io_lives_in_workspace_pool<Model, Tag>();
      return *this;
    } else if constexpr (!Buffers::owns) {
      compile_error::executor_has_no_buffers<Model, Tag>();
      return *this;
    } else {
      return static_cast<typename Own::InSlots&>(self()).template array<index>();
    }
  }
  /// As input_buffer, for output `Tag` (read-only).
  template <class Tag>
  const auto& output_buffer() noexcept {
    constexpr std::size_t index = output_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_output_of_model<Model, Tag>();
      return *this;
    } else if constexpr (Traits::workspace_io) {
      compile_error::io_lives_in_workspace_pool<Model, Tag>();
      return *this;
    } else if constexpr (!Buffers::owns) {
      compile_error::executor_has_no_buffers<Model, Tag>();
      return *this;
    } else {
      return static_cast<typename Own::OutSlots&>(self()).template array<index>();
    }
  }

  /// A read-only view of output `Tag`, valid as long as the executor; run() overwrites it.
  template <class Tag>
  auto get_output() const noexcept {
    constexpr std::size_t index = output_index_v<Model, Tag>;
    if constexpr (index == npos) {
      compile_error::not_an_output_of_model<Model, Tag>();
    } else {
      return TensorView<const typename Tag::element_type, Tag>(output_data<index>());
    }
  }
  /// As above, by output index.
  template <std::size_t I>
  auto get_output() const noexcept {
    if constexpr (I >= kNumOut) {
      compile_error::output_index_out_of_range<Model, I, kNumOut>();
    } else {
      return get_output<output_t<Model, I>>();
    }
  }

  /// set_input for every input in order, run(), and a view of every output.
  template <class... Srcs>
  auto infer(const Srcs&... srcs) noexcept {
    if constexpr (sizeof...(Srcs) != kNumIn) {
      compile_error::infer_argument_count_mismatch<Model, kNumIn, sizeof...(Srcs)>();
    } else {
      return infer_impl(std::index_sequence_for<Srcs...>{}, srcs...);
    }
  }

 protected:
  constexpr TypedIo() noexcept = default;

 private:
  Executor& self() noexcept { return static_cast<Executor&>(*this); }
  const Executor& self() const noexcept { return static_cast<const Executor&>(*this); }

  /// The buffer of input I, typed: inside the workspace pool (workspace_io), bound, or the
  /// executor's own.
  template <std::size_t I>
  auto* input_data() noexcept {
    using T = typename input_t<Model, I>::element_type;
    if constexpr (Traits::workspace_io) {
      return static_cast<T*>(self().input_pointers()[I]);
    } else if constexpr (Buffers::binds) {
      return static_cast<T*>(self().bound_in_[I]);
    } else {
      return static_cast<typename Own::InSlots&>(self()).template data<I>();
    }
  }
  template <std::size_t I>
  const auto* output_data() const noexcept {
    using T = typename output_t<Model, I>::element_type;
    if constexpr (Traits::workspace_io) {
      return static_cast<const T*>(self().output_pointers()[I]);
    } else if constexpr (Buffers::binds) {
      return static_cast<const T*>(self().bound_out_[I]);
    } else {
      return static_cast<const typename Own::OutSlots&>(self()).template data<I>();
    }
  }

  template <std::size_t Index, class T>
  Status copy_in(const T* data, std::size_t count) noexcept {
    using Tag = input_t<Model, Index>;
    constexpr std::size_t expected = detail::TensorTraits<Tag>::count;
    if (count != expected) {
      return Status(Errc::kSizeMismatch, detail::ModelTraits<Model>::name())
          .with_tensor(Role::kInput, Index, detail::TensorTraits<Tag>::raw_name())
          .with_values(static_cast<std::int64_t>(expected), static_cast<std::int64_t>(count));
    }
    if (data == nullptr) {
      return Status(Errc::kNullData, detail::ModelTraits<Model>::name())
          .with_tensor(Role::kInput, Index, detail::TensorTraits<Tag>::raw_name());
    }
    void* const to = input_data<Index>();
    if constexpr (!Buffers::owns) {
      if (to == nullptr) return detail::unbound<Model>(Role::kInput, Index);
    }
    detail::copy_tensor_bytes(to, data, detail::TensorTraits<Tag>::bytes);
    return Status{};
  }

  template <std::size_t... O>
  auto output_views(std::index_sequence<O...>) const noexcept {
    return std::make_tuple(get_output<O>()...);
  }

  template <std::size_t... I, class... Srcs>
  auto infer_impl(std::index_sequence<I...>, const Srcs&... srcs) noexcept {
    auto views = output_views(std::make_index_sequence<kNumOut>{});
    Status s;
    const bool filled = ((s = set_input<I>(srcs), s.ok()) && ...);
    if (filled) s = self().run();
    return std::apply(
        [&](auto... v) { return InferResult<decltype(v)...>(s, std::make_tuple(v...)); }, views);
  }
};

}  // namespace aot
