// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

/// Byte-for-byte snapshot of an executor, to prove a failed call changed nothing.
template <class Exec>
struct Snapshot {
  explicit Snapshot(const Exec& e) { std::memcpy(bytes.data(), &e, sizeof(Exec)); }
  bool same_as(const Exec& e) const { return std::memcmp(bytes.data(), &e, sizeof(Exec)) == 0; }
  std::array<unsigned char, sizeof(Exec)> bytes{};
};
