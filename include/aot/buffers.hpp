// SPDX-License-Identifier: Apache-2.0
#pragma once

// The Buffers policy of an AotExecutor (its third template argument): where inputs and
// outputs live. The tags, the state each needs (the executor's own buffers, the bound
// pointers) and the members the executor takes from it (ExecutorBuffers: bind and unbind, the
// buffers run() passes).

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "aot/config.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/detail/dl_checks.hpp"
#include "aot/detail/entry.hpp"
#include "aot/detail/model_status.hpp"
#include "aot/detail/model_traits.hpp"
#include "aot/detail/sources.hpp"
#include "aot/detail/storage.hpp"
#include "aot/model.hpp"
#include "aot/span.hpp"
#include "aot/status.hpp"

/// Alignment, in bytes, a buffer bound to an input or output must have: TVM's generated code
/// assumes 16 for inputs and outputs.
#ifndef AOT_IO_ALIGNMENT
#define AOT_IO_ALIGNMENT 16
#endif

namespace aot {

/// Where an AotExecutor's inputs and outputs live; its third template argument.

/// The executor's own buffers, one per tensor (the default). run() passes their addresses;
/// nothing can be rebound, and nothing is paid for binding.
struct OwnBuffers {
  /// The executor holds a buffer per tensor.
  static constexpr bool owns = true;
  /// Tensors cannot be bound to the caller's buffers.
  static constexpr bool binds = false;
};

/// The executor's own buffers, and any tensor may be bound instead to memory the caller owns
/// (bind_input / bind_output, set_input_zero_copy / set_output_zero_copy) until it is
/// unbound: run() passes the bound pointer, nothing is copied.
struct BindableBuffers {
  /// The executor holds a buffer per tensor, the default binding.
  static constexpr bool owns = true;
  /// Tensors may be bound to the caller's buffers.
  static constexpr bool binds = true;
};

/// No buffers in the executor at all: every input and output is bound by the caller, and
/// run() refuses (kUnbound) while one is not.
struct CallerBuffers {
  /// The executor holds no buffers: bind every tensor before run().
  static constexpr bool owns = false;
  /// Tensors are bound to the caller's buffers.
  static constexpr bool binds = true;
};

/// Alignment a bound buffer must have (AOT_IO_ALIGNMENT).
inline constexpr std::size_t kIoAlignment = AOT_IO_ALIGNMENT;

namespace detail {

template <class Tag, class Hooks>
class DoubleBufferBase;

/// Inputs and outputs with buffers of their own: none when they live inside the workspace,
/// or when the caller provides every buffer (CallerBuffers).
template <class Model, class Buffers>
inline constexpr bool kOwnsIo = !ModelTraits<Model>::workspace_io && Buffers::owns;
template <class Model, class Buffers>
using OwnInputs = std::conditional_t<kOwnsIo<Model, Buffers>, typename Model::inputs, TensorList<>>;
template <class Model, class Buffers>
using OwnOutputs =
    std::conditional_t<kOwnsIo<Model, Buffers>, typename Model::outputs, TensorList<>>;

/// The executor's own input and output buffers (an empty base when it has none).
template <class Model, std::size_t Align, class Buffers>
struct OwnIo : SlotsFor<0, OwnInputs<Model, Buffers>, Align>,
               SlotsFor<1, OwnOutputs<Model, Buffers>, Align> {
  using InSlots = SlotsFor<0, OwnInputs<Model, Buffers>, Align>;
  using OutSlots = SlotsFor<1, OwnOutputs<Model, Buffers>, Align>;

  /// Their addresses (all nullptr without buffers of its own).
  constexpr std::array<void*, Model::inputs::size> own_inputs() const noexcept {
    if constexpr (kOwnsIo<Model, Buffers>) {
      return static_cast<const InSlots&>(*this).pointers();
    } else {
      return {};
    }
  }
  constexpr std::array<void*, Model::outputs::size> own_outputs() const noexcept {
    if constexpr (kOwnsIo<Model, Buffers>) {
      return static_cast<const OutSlots&>(*this).pointers();
    } else {
      return {};
    }
  }
};

/// The buffer each input and output uses now: the caller's, or the executor's own
/// (BindableBuffers starts with those), or nullptr (CallerBuffers, not bound yet). run()
/// passes them as they are: binding costs nothing per run.
template <class Model, bool Binds>
struct Bindings {};
template <class Model>
struct Bindings<Model, true> {
  void* bound_in_[Model::inputs::size > 0 ? Model::inputs::size : 1]{};
  void* bound_out_[Model::outputs::size]{};

  /// BindableBuffers: every tensor starts on the executor's own buffer.
  constexpr void bind_all(const std::array<void*, Model::inputs::size>& in,
                          const std::array<void*, Model::outputs::size>& out) noexcept {
    for (std::size_t i = 0; i < in.size(); ++i) bound_in_[i] = in[i];
    for (std::size_t i = 0; i < out.size(); ++i) bound_out_[i] = out[i];
  }
};

/// Whether a Buffers policy fits the model: a model whose I/O lives in its workspace pool
/// cannot take the caller's buffers.
template <class Model, class Buffers>
constexpr bool check_buffers() {
  if constexpr (Buffers::binds && ModelTraits<Model>::workspace_io) {
    compile_error::caller_buffers_with_workspace_io<Model>();
    return false;
  } else {
    return true;
  }
}

}  // namespace detail

/// What an AotExecutor takes from its Buffers policy: binding inputs and outputs to the
/// caller's memory (BindableBuffers, CallerBuffers; with OwnBuffers each such call is a
/// compile error that says so), and the buffers run() passes. A base of AotExecutor, with no
/// state of its own: the state is the executor's (OwnIo, Bindings).
template <class Executor>
class ExecutorBuffers {
  using Model = typename detail::ExecutorArgs<Executor>::Model;
  using Buffers = typename detail::ExecutorArgs<Executor>::Buffers;
  using Traits = detail::ModelTraits<Model>;
  using InTraits = typename Traits::Inputs;
  using OutTraits = typename Traits::Outputs;
  using Own = detail::OwnIo<Model, detail::ExecutorArgs<Executor>::alignment, Buffers>;
  static constexpr std::size_t kNumIn = InTraits::size;
  static constexpr std::size_t kNumOut = OutTraits::size;

 public:
  /// Binds input `Tag` to the caller's buffer: a C array or std::array of the tensor's element
  /// type and count (checked at compile time), or an aot::Span (count checked at run time).
  /// From now on run() passes that buffer, views show it and set_input writes into it; it
  /// must stay valid until it is unbound or rebound. The address must be aligned to
  /// kIoAlignment (kMisalignedData otherwise; nothing changes).
  template <class Tag, class Buf>
  [[nodiscard]] Status bind_input(Buf& buf) noexcept {
    return bind_tag<true, Tag>(buf);
  }
  /// As above, by input index.
  template <std::size_t I, class Buf>
  [[nodiscard]] Status bind_input(Buf& buf) noexcept {
    return bind_at<true, I>(buf);
  }
  /// Pointer and element count.
  template <class Tag, class T>
  [[nodiscard]] Status bind_input(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_tag<true, Tag>(span);
  }
  /// Pointer and element count, by input index.
  template <std::size_t I, class T>
  [[nodiscard]] Status bind_input(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_at<true, I>(span);
  }
  /// As bind_input, for output `Tag`: run() writes into the caller's buffer.
  template <class Tag, class Buf>
  [[nodiscard]] Status bind_output(Buf& buf) noexcept {
    return bind_tag<false, Tag>(buf);
  }
  /// As above, by output index.
  template <std::size_t I, class Buf>
  [[nodiscard]] Status bind_output(Buf& buf) noexcept {
    return bind_at<false, I>(buf);
  }
  /// Pointer and element count.
  template <class Tag, class T>
  [[nodiscard]] Status bind_output(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_tag<false, Tag>(span);
  }
  /// Pointer and element count, by output index.
  template <std::size_t I, class T>
  [[nodiscard]] Status bind_output(T* data, std::size_t count) noexcept {
    Span<T> span(data, count);
    return bind_at<false, I>(span);
  }
  /// Back to the executor's own buffer (BindableBuffers) or to no buffer (CallerBuffers).
  template <std::size_t I>
  void unbind_input() noexcept {
    static_cast<void>(bind_index(Role::kInput, I, nullptr));
  }
  /// As unbind_input, for output `I`.
  template <std::size_t I>
  void unbind_output() noexcept {
    static_cast<void>(bind_index(Role::kOutput, I, nullptr));
  }

  /// TVM's names (declared in its AotExecutor, never implemented there): bind input or output
  /// `index` (or `name`) to a caller's DLTensor after set_input's checks; only `data` is kept.
  template <class DL>
  [[nodiscard]] Status set_input_zero_copy(std::size_t index, const DL& tensor) noexcept {
    return bind_dl(Role::kInput, index, tensor);
  }
  /// As above, input by name.
  template <class DL>
  [[nodiscard]] Status set_input_zero_copy(std::string_view name, const DL& tensor) noexcept {
    const std::size_t index = InTraits::find(name);
    if (index == npos) return detail::unknown_name<Model>(Role::kInput);
    return bind_dl(Role::kInput, index, tensor);
  }
  /// As above, for output `index`: run() writes into the caller's tensor.
  template <class DL>
  [[nodiscard]] Status set_output_zero_copy(std::size_t index, const DL& tensor) noexcept {
    return bind_dl(Role::kOutput, index, tensor);
  }
  /// As above, output by name.
  template <class DL>
  [[nodiscard]] Status set_output_zero_copy(std::string_view name, const DL& tensor) noexcept {
    const std::size_t index = OutTraits::find(name);
    if (index == npos) return detail::unknown_name<Model>(Role::kOutput);
    return bind_dl(Role::kOutput, index, tensor);
  }

 protected:
  constexpr ExecutorBuffers() noexcept = default;

  /// The buffers run() passes: inside the workspace pool (workspace_io), bound, or the
  /// executor's own.
  std::array<void*, kNumIn> input_pointers() const noexcept {
    if constexpr (Traits::workspace_io) {
      auto pools = self().pools_struct();
      return detail::struct_pointers<kNumIn>(Model::map_inputs(&pools));
    } else if constexpr (Buffers::binds) {
      return copy<kNumIn>(self().bound_in_);
    } else {
      return self().own_inputs();
    }
  }
  /// As input_pointers, for the outputs.
  std::array<void*, kNumOut> output_pointers() const noexcept {
    if constexpr (Traits::workspace_io) {
      auto pools = self().pools_struct();
      return detail::struct_pointers<kNumOut>(Model::map_outputs(&pools));
    } else if constexpr (Buffers::binds) {
      return copy<kNumOut>(self().bound_out_);
    } else {
      return self().own_outputs();
    }
  }

  /// CallerBuffers: the first input or output not bound yet, or ok.
  Status check_buffers_bound() const noexcept {
    if constexpr (!Buffers::owns) {
      for (std::size_t i = 0; i < kNumIn; ++i) {
        if (self().bound_in_[i] == nullptr) return detail::unbound<Model>(Role::kInput, i);
      }
      for (std::size_t i = 0; i < kNumOut; ++i) {
        if (self().bound_out_[i] == nullptr) return detail::unbound<Model>(Role::kOutput, i);
      }
    }
    return Status{};
  }

 private:
  template <class, class>
  friend class detail::DoubleBufferBase;

  Executor& self() noexcept { return static_cast<Executor&>(*this); }
  const Executor& self() const noexcept { return static_cast<const Executor&>(*this); }

  template <std::size_t N>
  static std::array<void*, N> copy(void* const* bound) noexcept {
    std::array<void*, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = bound[i];
    return out;
  }

  /// A DoubleBuffer's swap: one of the two buffers bind_input accepted before, again.
  template <std::size_t I>
  void rebind_input(void* data) noexcept {
    self().bound_in_[I] = data;
    self().set_packed_data(I, data);
  }

  /// Binds argument `arg` (inputs, then outputs) to `data`, or back to the executor's own
  /// buffer (nullptr), after checking the alignment the generated code assumes.
  Status bind(Role role, std::size_t index, void* data, const char* raw_name) noexcept {
    const auto address = reinterpret_cast<std::uintptr_t>(data);  // NOLINT: alignment test
    if (address % kIoAlignment != 0) {
      return Status(Errc::kMisalignedData, Traits::name())
          .with_tensor(role, index, raw_name)
          .with_values(static_cast<std::int64_t>(kIoAlignment),
                       static_cast<std::int64_t>(address % kIoAlignment));
    }
    const bool input = role == Role::kInput;
    if (data != nullptr) {
      const std::size_t arg = input ? index : kNumIn + index;
      const std::size_t bytes =
          input ? InTraits::infos[index].size_bytes : OutTraits::infos[index].size_bytes;
      if (const char* what = self().overlapping(data, bytes, arg); what != nullptr) {
        return Status(Errc::kOverlap, Traits::name())
            .with_tensor(role, index, raw_name)
            .with_text(what);
      }
    }
    void*& slot = (input ? self().bound_in_ : self().bound_out_)[index];
    if constexpr (Buffers::owns) {
      if (data == nullptr) data = input ? self().own_inputs()[index] : self().own_outputs()[index];
    } else {
      self().missing_ = self().missing_ + (slot != nullptr) - (data != nullptr);
    }
    slot = data;
    self().set_packed_data(input ? index : kNumIn + index, data);
    return Status{};
  }

  /// bind_input / bind_output by tag: the tensor's index, or a compile error naming it.
  template <bool Input, class Tag, class Buf>
  Status bind_tag(Buf& buf) noexcept {
    constexpr std::size_t index = Input ? input_index_v<Model, Tag> : output_index_v<Model, Tag>;
    if constexpr (index == npos) {
      if constexpr (Input) {
        compile_error::not_an_input_of_model<Model, Tag>();
      } else {
        compile_error::not_an_output_of_model<Model, Tag>();
      }
      return Status{};
    } else {
      return bind_typed<Input, index, Tag>(buf);
    }
  }
  /// bind_input / bind_output by index: in range, or a compile error.
  template <bool Input, std::size_t I, class Buf>
  Status bind_at(Buf& buf) noexcept {
    if constexpr (Input && I >= kNumIn) {
      compile_error::input_index_out_of_range<Model, I, kNumIn>();
      return Status{};
    } else if constexpr (!Input && I >= kNumOut) {
      compile_error::output_index_out_of_range<Model, I, kNumOut>();
      return Status{};
    } else if constexpr (Input) {
      return bind_typed<true, I, input_t<Model, I>>(buf);
    } else {
      return bind_typed<false, I, output_t<Model, I>>(buf);
    }
  }

  /// bind_input / bind_output: `Buf` a C array or std::array of the tensor's element type and
  /// count (compile-time checked), or an aot::Span (count checked at run time).
  template <bool Input, std::size_t Index, class Tag, class Buf>
  Status bind_typed(Buf& buf) noexcept {
    using T = typename Tag::element_type;
    using S = detail::SourceTraits<std::remove_cv_t<Buf>>;
    using TT = detail::TensorTraits<Tag>;
    const Role role = Input ? Role::kInput : Role::kOutput;
    if constexpr (!Buffers::binds) {
      compile_error::executor_does_not_bind<Model, Buffers>();
      return Status{};
    } else if constexpr (!S::supported) {
      compile_error::unsupported_source<Model, Tag, Buf>();
      return Status{};
    } else if constexpr (!std::is_same_v<typename S::element, T> || std::is_const_v<Buf>) {
      compile_error::element_type_mismatch<Model, Tag, T, typename S::element>();
      return Status{};
    } else if constexpr (!S::sized) {
      if (buf.size() != TT::count) {
        return Status(Errc::kSizeMismatch, Traits::name())
            .with_tensor(role, Index, TT::raw_name())
            .with_values(static_cast<std::int64_t>(TT::count),
                         static_cast<std::int64_t>(buf.size()));
      }
      if (buf.data() == nullptr) {
        return Status(Errc::kNullData, Traits::name()).with_tensor(role, Index, TT::raw_name());
      }
      return bind(role, Index, const_cast<T*>(buf.data()), TT::raw_name());  // NOLINT: caller's
    } else if constexpr (S::count != TT::count) {
      compile_error::element_count_mismatch<Model, Tag, TT::count, S::count>();
      return Status{};
    } else {
      return bind(role, Index, const_cast<void*>(S::data(buf)),  // NOLINT: non-const Buf
                  TT::raw_name());
    }
  }

  /// set_input_zero_copy / set_output_zero_copy: the DLTensor checks of set_input, then a
  /// binding to its data.
  template <class DL>
  Status bind_dl(Role role, std::size_t index, const DL& tensor) noexcept {
    if constexpr (!detail::kIsDLTensor<DL>) {
      compile_error::not_a_dltensor<Model, DL>();
      return Status{};
    } else if constexpr (!Buffers::binds) {
      compile_error::executor_does_not_bind<Model, Buffers>();
      return Status{};
    } else {
      const bool input = role == Role::kInput;
      const std::size_t count = input ? kNumIn : kNumOut;
      if (index >= count) return detail::out_of_range<Model>(role, index, count);
      const TensorInfo& info = input ? InTraits::infos[index] : OutTraits::infos[index];
      const Status s = detail::check_dl_tensor(Traits::name(), role, index, info, tensor);
      if (!s) return s;
      return bind(role, index, const_cast<void*>(detail::dl_first_byte(tensor)),  // NOLINT
                  info.raw_name.data());
    }
  }

  Status bind_index(Role role, std::size_t index, void* data) noexcept {
    if constexpr (!Buffers::binds) {
      compile_error::executor_does_not_bind<Model, Buffers>();
      return Status{};
    } else {
      return bind(role, index, data, nullptr);
    }
  }
};

}  // namespace aot
