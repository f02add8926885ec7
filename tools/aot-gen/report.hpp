// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where a fact came from, and the list of problems and notes one run of aot-gen collects:
// every problem is reported, not only the first.

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace aot_gen {

/// A file and line ("metadata.json:12"), or an option ("--shape"); line 0: the whole file.
struct Where {
  std::string file;
  std::size_t line = 0;

  std::string str() const;
  bool empty() const { return file.empty(); }
  bool operator==(const Where& o) const { return file == o.file && line == o.line; }
};

/// The raw text of an input as one printable line: control bytes escaped, long text cut.
std::string printable(std::string_view text, std::size_t max = 80);

struct Message {
  enum class Kind { kError, kNote };
  Kind kind;
  Where where;
  std::string text;

  std::string str() const;  ///< "aot-gen: error: <where>: <text>"
};

/// Collects errors and notes in the order they are found; duplicates are dropped, and past
/// kMaxMessages only the count goes on.
class Report {
 public:
  static constexpr std::size_t kMaxMessages = 200;

  void error(Where where, std::string text);
  void note(Where where, std::string text);
  bool failed() const { return errors_ > 0; }
  std::size_t errors() const { return errors_; }
  const std::vector<Message>& messages() const { return messages_; }
  std::size_t dropped() const { return dropped_; }

 private:
  void add(Message m);
  std::vector<Message> messages_;
  std::set<std::string> seen_;
  std::size_t errors_ = 0;
  std::size_t dropped_ = 0;
};

/// A problem that stops reading one input; the caller reports it and goes on with the others.
struct Stop {
  Where where;
  std::string text;
};

}  // namespace aot_gen
