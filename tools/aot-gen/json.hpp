// SPDX-License-Identifier: Apache-2.0
#pragma once
// A JSON reader that keeps the line of every value (so that a contradiction can name it),
// refuses duplicate keys, and keeps numbers as written (so that 5.0, 1e300 and 2^64 + 5 are
// never silently read as something else).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report.hpp"

namespace aot_gen::json {

struct Member;

struct Value {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::size_t line = 0;
  bool boolean = false;
  std::string text;  ///< a string's contents, or a number as written
  std::vector<Value> items;
  std::vector<Member> members;  ///< in file order

  const Value* find(std::string_view key) const;
  /// The number as an exact non-negative integer that fits 64 bits, or nullopt.
  std::optional<std::uint64_t> as_uint() const;
  const char* kind_name() const;
};

struct Member {
  std::string key;
  std::size_t line = 0;
  Value value;
};

/// Parses a whole document; throws Stop (with the file's name and the line) on bad JSON.
Value parse(const std::string& file, std::string_view text);

}  // namespace aot_gen::json
