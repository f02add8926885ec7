#pragma once

#include <array>
#include <cstdint>
#include <cstring>

extern "C" {
/// Last message the fixtures passed to TVMAPISetLastError (tests/fixtures/support).
const char* aot_fixture_last_error(void);
void aot_fixture_clear_last_error(void);
}

/// Byte-for-byte snapshot of an executor, to prove a failed call changed nothing.
template <class Exec>
struct Snapshot {
  explicit Snapshot(const Exec& e) { std::memcpy(bytes.data(), &e, sizeof(Exec)); }
  bool same_as(const Exec& e) const { return std::memcmp(bytes.data(), &e, sizeof(Exec)) == 0; }
  std::array<unsigned char, sizeof(Exec)> bytes{};
};
