// SPDX-License-Identifier: Apache-2.0
#pragma once
// An MLF's files, from a folder or any archive libarchive reads (.tar, .tar.gz, .tgz, .zip),
// under canonical paths whatever the layout: a full MLF, one wrapped in a top folder, a
// committed `codegen/` or `codegen/host` folder on its own.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "report.hpp"

namespace aot_gen {

struct Archive {
  std::string origin;  ///< the folder or archive as the user named it
  /// How the layout was read, when it is not a whole MLF ("a codegen/host folder").
  std::string layout;
  /// Canonical path ("codegen/host/src/default_lib0.c") -> contents. Files aot-gen does not
  /// read (runtime sources, parameters) are listed with empty contents.
  std::map<std::string, std::string> files;
  /// Canonical path -> the path inside `origin` as found there.
  std::map<std::string, std::string> found_as;

  const std::string* find(const std::string& path) const;
  /// The name to show in messages: origin + "/" + the path as found.
  std::string shown(const std::string& path) const;
};

/// Limits that keep a hostile archive from exhausting the machine.
inline constexpr std::size_t kMaxArchiveEntries = 100000;
inline constexpr std::size_t kMaxReadBytes = std::size_t{1} << 30;  // what aot-gen keeps

/// Whether aot-gen keeps a file's contents (metadata, generated code, Relay text); the others
/// are listed with empty contents.
bool read_in_full(const std::string& path);

/// Reads a folder or an archive file; throws Stop when it cannot.
Archive read_archive(const std::string& path);
/// Reads an archive held in memory (`name` is used in messages).
Archive read_archive_bytes(const std::string& name, std::string_view bytes);

}  // namespace aot_gen
