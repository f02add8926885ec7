// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "aot/buffers.hpp"
#include "aot/config.hpp"
#include "aot/detail/diagnostics.hpp"
#include "aot/model.hpp"
#include "aot/status.hpp"
#include "aot/tensor_spec.hpp"
#include "aot/tensor_view.hpp"

namespace aot {

/// What a DoubleBuffer calls when a buffer changes hands. Every hook is empty here, so a
/// platform derives from this and redefines only what it needs; unused hooks cost nothing.
struct NoBufferHooks {
  /// The consumer is about to read a buffer the producer filled: on a core with a data cache
  /// and a DMA producer, invalidate [data, data + bytes) (Cortex-M7: SCB_InvalidateDCache_by_Addr).
  static void acquire_from_producer(const void* data, std::size_t bytes) noexcept {
    static_cast<void>(data);
    static_cast<void>(bytes);
  }
  /// The producer is about to write a buffer the consumer used: clean and invalidate it so no
  /// dirty line is written back over the producer's data later.
  static void release_to_producer(const void* data, std::size_t bytes) noexcept {
    static_cast<void>(data);
    static_cast<void>(bytes);
  }
  /// Just before the pointer exchange (e.g. note a timestamp, leave a low-power state).
  static void before_swap() noexcept {}
  /// Just after the exchange, the producer now owning `back` (e.g. re-arm the DMA on it, or
  /// wake the producer thread).
  static void after_swap(void* back, std::size_t bytes) noexcept {
    static_cast<void>(back);
    static_cast<void>(bytes);
  }
};

namespace detail {

/// Two buffers of one input tensor and the handshake between their producer and consumer.
/// See DoubleBuffer for the protocol.
template <class Tag, class Hooks>
class DoubleBufferBase {
  using Traits = TensorTraits<Tag>;

 public:
  using tensor = Tag;
  using element_type = typename Tag::element_type;
  static constexpr std::size_t count = Traits::count;
  static constexpr std::size_t bytes = Traits::bytes;

  // ---- Producer side: one DMA engine, interrupt handler or thread ------------------------

  /// The buffer to fill, or nullptr while the last complete frame still waits for swap().
  /// A producer that gets nullptr must not write: the frame it would overwrite is not lost,
  /// the new data is (count it as an overrun, or wait).
  element_type* producer_buffer() noexcept {
    return state_.load(std::memory_order_acquire) == kFilling ? back_ : nullptr;
  }
  /// The buffer from producer_buffer() holds a whole frame; hands it to the consumer. Call
  /// once per frame, and only after producer_buffer() returned non-null.
  void publish() noexcept {
    AOT_ASSERT(state_.load(std::memory_order_relaxed) == kFilling);
    state_.store(kFull, std::memory_order_release);
  }

  // ---- Consumer side: the code that calls run() -----------------------------------------

  /// Whether a complete frame waits for swap().
  bool ready() const noexcept { return state_.load(std::memory_order_acquire) == kFull; }

  /// If a frame is ready: exchanges the two pointers (the model reads the new frame at
  /// front(), the producer fills the old one) and returns true; otherwise changes nothing.
  bool swap() noexcept {
    if (state_.load(std::memory_order_acquire) != kFull) return false;
    Hooks::before_swap();
    element_type* const frame = back_;
    back_ = front_;
    front_ = frame;
    Hooks::acquire_from_producer(front_, bytes);
    Hooks::release_to_producer(back_, bytes);
    state_.store(kFilling, std::memory_order_release);
    Hooks::after_swap(back_, bytes);
    return true;
  }

  /// swap(), then binds the new front to input `Tag` of `exec` (an AotExecutor with
  /// BindableBuffers or CallerBuffers): the next run() reads it, nothing copied. After the
  /// first bind() to `exec` this is the pointer exchange and one store more.
  /// Returns false, changing nothing, when no frame is ready.
  /// Call bind(exec) once first to see its Status: a refused bind here is a programming
  /// error (a trap with AOT_ENABLE_ASSERTS) and leaves the frame waiting.
  template <class Executor>
  bool swap_into(Executor& exec) noexcept {
    if (checked_ != &exec) {
      // Only the first time: bind nothing while there is no frame to take.
      if (!ready()) return false;
      const bool bound = bind(exec).ok();
      AOT_ASSERT(bound);
      if (!bound) return false;
    }
    if (!swap()) return false;
    exec.template rebind_input<input_index_v<typename Executor::model_type, Tag>>(front_);
    return true;
  }

  /// Binds the front to input `Tag` of `exec`, after checking both buffers against the
  /// executor's other memory (bind_input's checks); swap_into() calls it the first time.
  template <class Executor>
  [[nodiscard]] Status bind(Executor& exec) noexcept {
    checked_ = nullptr;
    if (front_ == nullptr) return Status(Errc::kNullData, "DoubleBufferView");
    // The back first: the front's binding replaces it, leaving both checked.
    Status s = exec.template bind_input<Tag>(back_, count);
    if (s.ok()) s = exec.template bind_input<Tag>(front_, count);
    if (s.ok()) checked_ = &exec;
    return s;
  }

  /// The frame the model reads; the producer never writes it.
  TensorView<const element_type, Tag> front() const noexcept {
    return TensorView<const element_type, Tag>(front_);
  }

 protected:
  enum : std::uint32_t { kFilling = 0, kFull = 1 };

  constexpr DoubleBufferBase(element_type* front, element_type* back) noexcept
      : front_(front), back_(back) {}
  void set(element_type* front, element_type* back) noexcept {
    front_ = front;
    back_ = back;
    checked_ = nullptr;
    state_.store(kFilling, std::memory_order_release);
  }

 private:
  element_type* front_;
  element_type* back_;
  const void* checked_ = nullptr;  // the executor bind() checked both buffers against
  // A word: plain loads and stores are atomic on every Cortex-M, even without LDREX/STREX.
  std::atomic<std::uint32_t> state_{kFilling};
};

}  // namespace detail

/// Double-buffered input `Tag` (a model's input tag, e.g. `kws::input_1`) with both buffers
/// inside, each aligned to kIoAlignment.
///
/// Handshake (one producer, one consumer; nothing else may touch either buffer):
///   producer: `if (T* b = db.producer_buffer()) { fill b; db.publish(); }`
///   consumer: `if (db.swap_into(exec)) exec.run();`
/// publish() is a release store and swap() an acquire load, so the consumer sees the whole
/// frame (no torn frame); the producer gets a buffer only after swap() handed the old front
/// back, again release/acquire, so a published frame is never overwritten (no lost frame).
/// Each pointer has one writer at a time: between threads this is lock-free, and on a
/// single-core MCU with an interrupt as producer no critical section is needed. A producer
/// that cannot wait (a DMA transfer, a timer interrupt) learns of an overrun from nullptr.
template <class Tag, class Hooks = NoBufferHooks>
class DoubleBuffer : public detail::DoubleBufferBase<Tag, Hooks> {
  using Base = detail::DoubleBufferBase<Tag, Hooks>;
  static constexpr std::size_t kAlign = alignof(typename Base::element_type) > kIoAlignment
                                            ? alignof(typename Base::element_type)
                                            : kIoAlignment;

 public:
  constexpr DoubleBuffer() noexcept : Base(first_.data, second_.data) {}
  // The base points into this object.
  DoubleBuffer(const DoubleBuffer&) = delete;
  DoubleBuffer& operator=(const DoubleBuffer&) = delete;

 private:
  struct alignas(kAlign) Buffer {
    typename Base::element_type data[Base::count];
  };
  Buffer first_{};
  Buffer second_{};
};

/// As DoubleBuffer, over two buffers the caller places (a DMA-capable section, DTCM): give
/// them with attach() before the first publish.
template <class Tag, class Hooks = NoBufferHooks>
class DoubleBufferView : public detail::DoubleBufferBase<Tag, Hooks> {
  using Base = detail::DoubleBufferBase<Tag, Hooks>;
  using T = typename Base::element_type;

 public:
  constexpr DoubleBufferView() noexcept : Base(nullptr, nullptr) {}

  /// Uses `first` as the first front and `second` as the first back: each of the tensor's
  /// element type and count (compile-time checked), aligned to kIoAlignment and disjoint
  /// (kMisalignedData / kOverlap otherwise; nothing changes).
  [[nodiscard]] Status attach(T (&first)[Base::count], T (&second)[Base::count]) noexcept {
    const auto a = reinterpret_cast<std::uintptr_t>(&first[0]);   // NOLINT: address tests
    const auto b = reinterpret_cast<std::uintptr_t>(&second[0]);  // NOLINT
    if (a % kIoAlignment != 0 || b % kIoAlignment != 0) {
      return Status(Errc::kMisalignedData, "DoubleBufferView")
          .with_values(static_cast<std::int64_t>(kIoAlignment),
                       static_cast<std::int64_t>((a % kIoAlignment != 0 ? a : b) % kIoAlignment));
    }
    if (a < b + Base::bytes && b < a + Base::bytes) {
      return Status(Errc::kOverlap, "DoubleBufferView");
    }
    this->set(first, second);
    return Status{};
  }
};

}  // namespace aot
