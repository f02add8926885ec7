// SPDX-License-Identifier: Apache-2.0
// Fuzz target: aot_gen::read_archive_bytes, the archive reader (libarchive underneath: tar
// with pax and GNU extensions, compressed tars, zip).
//
// The input is the archive. Stop is the reader's way of refusing one, a fine outcome; any other
// exception, a crash, a hang or a memory blow-up is a bug. Invariants checked:
//   - a refusal (Stop) becomes one message of one line (no control bytes), as main() prints it;
//   - every canonical path and every found_as path is relative, non-empty, and has no "..",
//     "." or empty component ("./a//b/" is read as "a/b", ".." and absolute paths refused);
//   - found_as has an entry for exactly the canonical paths of `files`;
//   - files aot-gen does not read are listed with empty contents (archive.hpp);
//   - the limits of archive.hpp hold (entries, bytes kept).
//
// The libFuzzer build also has a custom mutator: after libFuzzer's own mutation of the bytes
// it recomputes the checksum of every tar header it can walk to (three times in four), so that
// mutations reach the pax records, names and contents instead of stopping at "damaged tar
// archive". It is not used when replaying.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>

#include "archive.hpp"
#include "fuzz_support.hpp"
#include "report.hpp"

namespace {

using fuzz::fail;
using fuzz::shown;

void check_one_line(const aot_gen::Message& m) {
  const std::string s = m.str();
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) fail("a message is not one printable line: " + shown(s));
  }
}

/// Relative, non-empty, no "", "." or ".." component.
void check_path(const std::string& p, const char* what) {
  if (p.empty()) fail(std::string(what) + " is empty");
  if (p[0] == '/') fail(std::string(what) + " is absolute: " + shown(p));
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = p.find('/', start);
    const std::string_view part = std::string_view(p).substr(
        start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == "..") {
      fail(std::string(what) + " has an empty, '.' or '..' component: " + shown(p));
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string origin = "fuzz.tar";
  aot_gen::Archive a;
  try {
    a = aot_gen::read_archive_bytes(origin, bytes);
  } catch (const aot_gen::Stop& s) {
    check_one_line({aot_gen::Message::Kind::kError, s.where, s.text});
    return 0;
  } catch (const std::exception& e) {
    fail(std::string("read_archive_bytes threw something else than Stop: ") + e.what());
  } catch (...) {
    fail("read_archive_bytes threw something else than Stop");
  }
  if (a.origin != origin) fail("origin is " + shown(a.origin));
  if (a.files.size() > aot_gen::kMaxArchiveEntries) fail("more files than kMaxArchiveEntries");
  if (a.files.size() != a.found_as.size()) fail("files and found_as differ in size");
  std::size_t kept = 0;
  for (const auto& [path, text] : a.files) {
    check_path(path, "a canonical path");
    const auto it = a.found_as.find(path);
    if (it == a.found_as.end()) fail("no found_as for " + shown(path));
    check_path(it->second, "a found_as path");
    if (!aot_gen::read_in_full(path) && !text.empty()) {
      fail("a file aot-gen does not read has contents: " + shown(path));
    }
    kept += text.size();
    const std::string s = a.shown(path);
    if (s.rfind(origin + "/", 0) != 0) fail("shown() does not start with the origin: " + shown(s));
  }
  if (kept > aot_gen::kMaxReadBytes) fail("more than kMaxReadBytes kept");
  return 0;
}

// ---- the custom mutator (libFuzzer builds only) ---------------------------------------------

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size)
    __attribute__((weak));

namespace {

/// An octal field of a tar header, or -1.
long long octal(const std::uint8_t* field, std::size_t n) {
  long long v = 0;
  std::size_t i = 0;
  while (i < n && field[i] == ' ') ++i;
  bool any = false;
  for (; i < n && field[i] >= '0' && field[i] <= '7'; ++i) {
    v = v * 8 + static_cast<long long>(field[i] - '0');
    if (v > (1LL << 40)) return -1;
    any = true;
  }
  return any ? v : -1;
}

/// Rewrites the checksum of each ustar header from the first one on, following the sizes.
void fix_tar_checksums(std::uint8_t* data, std::size_t size) {
  std::size_t at = 0;
  while (at + 512 <= size) {
    std::uint8_t* h = data + at;
    if (std::memcmp(h + 257, "ustar", 5) != 0) return;
    unsigned sum = 0;
    for (std::size_t i = 0; i < 512; ++i) sum += (i >= 148 && i < 156) ? 32u : h[i];
    char field[8];
    std::snprintf(field, sizeof field, "%06o", sum & 0777777u);
    std::memcpy(h + 148, field, 6);
    h[154] = 0;
    h[155] = ' ';
    const long long n = octal(h + 124, 12);
    if (n < 0) return;
    at += 512 + (static_cast<std::size_t>(n) + 511) / 512 * 512;
  }
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
  if (LLVMFuzzerMutate == nullptr) return size;
  const std::size_t n = LLVMFuzzerMutate(data, size, max_size);
  if (seed % 4 != 0) fix_tar_checksums(data, n);
  return n;
}
