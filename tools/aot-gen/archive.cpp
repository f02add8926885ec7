// Reading an MLF from a folder or an uncompressed tar (ustar, pax and GNU long names, as
// Python's tarfile and GNU tar write them).
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "aot_gen.hpp"

namespace aot_gen {
namespace {

namespace fs = std::filesystem;

std::string normalize(std::string path) {
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error(p.string(), 0, "cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::uint64_t octal(const char* field, std::size_t n, const std::string& tar, std::size_t at) {
  std::uint64_t v = 0;
  std::size_t i = 0;
  while (i < n && (field[i] == ' ' || field[i] == '\0')) ++i;
  for (; i < n && field[i] >= '0' && field[i] <= '7'; ++i)
    v = v * 8 + static_cast<unsigned>(field[i] - '0');
  if (i < n && field[i] != ' ' && field[i] != '\0') {
    throw Error(tar, 0,
                "not a tar archive (bad number in the header at byte " + std::to_string(at) + ")");
  }
  return v;
}

std::string field(const char* p, std::size_t n) {
  std::size_t len = 0;
  while (len < n && p[len] != '\0') ++len;
  return std::string(p, len);
}

/// "path=" from a pax extended header ("<len> key=value\n" records).
std::string pax_path(const std::string& records) {
  std::size_t pos = 0;
  while (pos < records.size()) {
    const std::size_t space = records.find(' ', pos);
    if (space == std::string::npos) break;
    const std::size_t len = std::stoul(records.substr(pos, space - pos));
    const std::string rec = records.substr(space + 1, len - (space - pos) - 2);
    if (rec.rfind("path=", 0) == 0) return rec.substr(5);
    pos += len;
  }
  return "";
}

}  // namespace

Archive read_tar(const std::string& path) {
  const std::string tar = read_file(path);
  Archive a;
  a.origin = path;
  if (tar.size() < 512 || tar.size() % 512 != 0) {
    throw Error(path, 0,
                "not a tar archive (size " + std::to_string(tar.size()) +
                    " is not a multiple of 512; compressed archives are not supported)");
  }
  std::string long_name;
  std::size_t at = 0;
  bool ended = false;
  while (at + 512 <= tar.size()) {
    const char* h = tar.data() + at;
    if (std::all_of(h, h + 512, [](char c) { return c == '\0'; })) {  // end marker
      ended = true;
      break;
    }
    // The checksum counts the checksum field as spaces.
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < 512; ++i) {
      sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(h[i]);
    }
    if (sum != octal(h + 148, 8, path, at)) {
      throw Error(
          path, 0,
          "not a tar archive (header checksum mismatch at byte " + std::to_string(at) + ")");
    }
    const std::uint64_t size = octal(h + 124, 12, path, at);
    const char type = h[156];
    std::string name = field(h, 100);
    if (std::memcmp(h + 257, "ustar", 5) == 0) {
      const std::string prefix = field(h + 345, 155);
      if (!prefix.empty()) name = prefix + "/" + name;
    }
    const std::size_t data = at + 512;
    if (data + size > tar.size())
      throw Error(path, 0, "truncated tar archive: '" + name + "' runs past the end");
    const std::string body = tar.substr(data, size);
    at = data + (size + 511) / 512 * 512;
    if (type == 'L') {  // GNU long name for the next entry
      long_name = field(body.data(), body.size());
      continue;
    }
    if (type == 'x') {  // pax extended header for the next entry
      long_name = pax_path(body);
      continue;
    }
    if (type == 'g') continue;  // pax global header
    if (!long_name.empty()) {
      name = long_name;
      long_name.clear();
    }
    if (type == '0' || type == '\0') a.files[normalize(name)] = body;
  }
  if (!ended) throw Error(path, 0, "truncated tar archive: no end-of-archive marker");
  return a;
}

Archive read_archive(const std::string& path) {
  const fs::path p(path);
  if (!fs::exists(p)) throw Error(path, 0, "no such file or folder");
  if (!fs::is_directory(p)) return read_tar(path);
  Archive a;
  a.origin = path;
  for (const auto& entry : fs::recursive_directory_iterator(p)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = fs::relative(entry.path(), p).generic_string();
    // Weights as C arrays and TVM's runtime sources are large and not read; list them only.
    const bool needed =
        rel == "metadata.json" || rel.rfind("codegen/", 0) == 0 || rel.rfind("src/", 0) == 0;
    a.files[rel] = needed ? read_file(entry.path()) : std::string();
  }
  return a;
}

}  // namespace aot_gen
