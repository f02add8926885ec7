// SPDX-License-Identifier: Apache-2.0
// DoubleBuffer: the producer/consumer handshake, the hooks, binding into executors of every
// convention, and a producer thread (run under TSan by the tsan preset).
#include <aot/double_buffer.hpp>
#include <aot/executor.hpp>

#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "mixed_model.hpp"
#include "seed_model.hpp"

namespace {

std::string text(const aot::Status& s) { return std::string(s.to_string().c_str()); }

struct Event {
  const char* what;
  const void* data;
  std::size_t bytes;
};
std::vector<Event> events;

struct RecordingHooks : aot::NoBufferHooks {
  static void acquire_from_producer(const void* data, std::size_t bytes) noexcept {
    events.push_back({"acquire", data, bytes});
  }
  static void release_to_producer(const void* data, std::size_t bytes) noexcept {
    events.push_back({"release", data, bytes});
  }
  static void before_swap() noexcept { events.push_back({"before", nullptr, 0}); }
  static void after_swap(void* back, std::size_t bytes) noexcept {
    events.push_back({"after", back, bytes});
  }
};

}  // namespace

TEST_CASE("handshake: a published frame is neither torn nor overwritten") {
  aot::DoubleBuffer<seed::a> db;
  STATIC_REQUIRE(aot::DoubleBuffer<seed::a>::count == 2);
  std::uint8_t* first = db.producer_buffer();
  REQUIRE(first != nullptr);
  REQUIRE(reinterpret_cast<std::uintptr_t>(first) % aot::kIoAlignment == 0);
  REQUIRE(first != db.front().data());
  REQUIRE(!db.ready());
  REQUIRE(!db.swap());  // nothing published: nothing changes
  REQUIRE(db.producer_buffer() == first);

  first[0] = 11;
  first[1] = 12;
  db.publish();
  REQUIRE(db.ready());
  REQUIRE(db.producer_buffer() == nullptr);  // the full frame waits: the producer may not write

  REQUIRE(db.swap());
  REQUIRE(db.front().data() == first);
  REQUIRE(db.front()[0] == 11);
  std::uint8_t* second = db.producer_buffer();
  REQUIRE(second != nullptr);
  REQUIRE(second != first);
  REQUIRE(!db.swap());  // one swap per published frame
  REQUIRE(db.front().data() == first);
}

TEST_CASE("hooks run around the exchange with the buffers changing hands") {
  events.clear();
  aot::DoubleBuffer<seed::a, RecordingHooks> db;
  std::uint8_t* filled = db.producer_buffer();
  const std::uint8_t* old_front = db.front().data();
  db.publish();
  REQUIRE(events.empty());  // publishing calls nothing: it may run in an interrupt
  REQUIRE(db.swap());
  REQUIRE(events.size() == 4);
  REQUIRE(std::string(events[0].what) == "before");
  REQUIRE(std::string(events[1].what) == "acquire");
  REQUIRE(events[1].data == filled);  // the consumer reads what the producer wrote
  REQUIRE(events[1].bytes == 2);
  REQUIRE(std::string(events[2].what) == "release");
  REQUIRE(events[2].data == old_front);  // the producer gets the frame the model read
  REQUIRE(std::string(events[3].what) == "after");
  REQUIRE(events[3].data == old_front);
  REQUIRE(!db.swap());
  REQUIRE(events.size() == 4);  // no frame, no hooks
}

TEST_CASE("swap_into: each run reads the newest frame, nothing copied") {
  aot::AotExecutor<seed, 64, aot::BindableBuffers> exec;
  exec.set_input<seed::b>(std::array<std::uint8_t, 2>{100, 200});
  aot::DoubleBuffer<seed::a> db;
  for (std::uint8_t frame = 0; frame < 5; ++frame) {
    std::uint8_t* back = db.producer_buffer();
    REQUIRE(back != nullptr);
    back[0] = frame;
    back[1] = static_cast<std::uint8_t>(frame * 3);
    db.publish();
    REQUIRE(db.swap_into(exec));
    REQUIRE(exec.input<seed::a>().data() == db.front().data());
    REQUIRE(exec.run().ok());
    REQUIRE(exec.get_output<0>()[0] == static_cast<std::uint8_t>(frame + 100));
    REQUIRE(exec.get_output<0>()[1] == static_cast<std::uint8_t>(frame * 3 + 200));
  }
  REQUIRE(exec.input_buffer<seed::a>()[0] == 0);  // the executor's own buffer never used
}

TEST_CASE("packed convention: a swap changes only the DLTensor's data") {
  aot::AotExecutor<mixed, 64, aot::BindableBuffers> exec;
  exec.set_input<mixed::y>(std::array<std::int8_t, 4>{1, 2, 3, 4});
  aot::DoubleBuffer<mixed::x> db;
  for (int frame = 0; frame < 3; ++frame) {
    float* back = db.producer_buffer();
    for (int i = 0; i < 6; ++i) back[i] = static_cast<float>(frame * 10 + i);
    db.publish();
    REQUIRE(db.swap_into(exec));
    REQUIRE(exec.run().ok());
    for (std::size_t i = 0; i < 6; ++i) {
      REQUIRE(exec.get_output<mixed::output0>()[i] ==
              static_cast<float>(frame * 10 + static_cast<int>(i)) * 2.f + 0.5f);
    }
  }
}

TEST_CASE("CallerBuffers: nothing runs before the first frame") {
  aot::AotExecutor<seed, 64, aot::CallerBuffers> exec;
  alignas(16) std::uint8_t b[2] = {1, 1};
  alignas(16) std::uint8_t out[2] = {};
  REQUIRE(exec.bind_input<seed::b>(b).ok());
  REQUIRE(exec.bind_output<0>(out).ok());
  REQUIRE(exec.run().code() == aot::Errc::kUnbound);
  aot::DoubleBuffer<seed::a> db;
  db.producer_buffer()[0] = 41;
  db.publish();
  REQUIRE(db.swap_into(exec));
  REQUIRE(exec.run().ok());
  REQUIRE(out[0] == 42);
}

TEST_CASE("DoubleBufferView: two buffers the caller places, checked") {
  alignas(16) static std::uint8_t bytes[64];
  aot::DoubleBufferView<seed::a> db;
  aot::AotExecutor<seed, 64, aot::BindableBuffers> exec;
  REQUIRE(db.bind(exec).code() == aot::Errc::kNullData);  // nothing attached yet

  auto& a = *reinterpret_cast<std::uint8_t(*)[2]>(bytes);
  auto& b = *reinterpret_cast<std::uint8_t(*)[2]>(bytes + 16);
  auto& odd = *reinterpret_cast<std::uint8_t(*)[2]>(bytes + 33);
  auto& over = *reinterpret_cast<std::uint8_t(*)[2]>(bytes + 1);
  const aot::Status misaligned = db.attach(a, odd);
  REQUIRE(misaligned.code() == aot::Errc::kMisalignedData);
  REQUIRE(misaligned.got() == 1);
  REQUIRE(db.attach(a, a).code() == aot::Errc::kOverlap);
  REQUIRE(db.attach(a, over).code() != aot::Errc::kOk);
  REQUIRE(db.attach(a, b).ok());
  REQUIRE(db.front().data() == a);
  REQUIRE(db.producer_buffer() == b);

  // The back buffer is checked against the executor's memory too.
  alignas(16) static std::uint8_t out[2];
  REQUIRE(exec.bind_output<0>(b).ok());
  const aot::Status s = db.bind(exec);
  REQUIRE(s.code() == aot::Errc::kOverlap);
  REQUIRE(text(s) == "default: input 'a' (index 0): memory overlaps an output's memory");
  REQUIRE(exec.bind_output<0>(out).ok());
  REQUIRE(db.bind(exec).ok());
}

TEST_CASE("a producer thread: every frame processed once, in order (lock-free, TSan-clean)") {
  constexpr int kFrames = 2000;
  aot::AotExecutor<seed, 64, aot::BindableBuffers> exec;
  exec.set_input<seed::b>(std::array<std::uint8_t, 2>{0, 1});
  aot::DoubleBuffer<seed::a> db;
  std::atomic<bool> stop{false};
  std::thread producer([&] {
    for (int frame = 0; frame < kFrames && !stop.load(std::memory_order_relaxed);) {
      std::uint8_t* back = db.producer_buffer();
      if (back == nullptr) {
        std::this_thread::yield();  // the consumer has not taken the last frame yet
        continue;
      }
      back[0] = static_cast<std::uint8_t>(frame);
      back[1] = static_cast<std::uint8_t>(frame >> 8);
      db.publish();
      ++frame;
    }
  });
  int next = 0;
  bool in_order = true;
  while (next < kFrames) {
    if (!db.swap_into(exec)) {
      std::this_thread::yield();
      continue;
    }
    if (!exec.run().ok()) break;
    const auto y = exec.get_output<0>();
    const int got = y[0] | ((y[1] - 1) << 8);  // output = a + b, b = {0, 1}
    if (got != next) in_order = false;
    ++next;
  }
  stop.store(true, std::memory_order_relaxed);
  producer.join();
  REQUIRE(in_order);
  REQUIRE(next == kFrames);
}
