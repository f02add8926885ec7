// SPDX-License-Identifier: Apache-2.0
#include "archive.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

namespace aot_gen {
namespace {

namespace fs = std::filesystem;

}  // namespace

bool read_in_full(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  const bool object = ends(".o") && path.find("/lib/") != std::string::npos;
  return name == "metadata.json" || name == "relay.txt" || ends(".c") || ends(".cc") ||
         ends(".cpp") || ends(".h") || ends(".relay") || object;
}

namespace {

/// "./a//b/" -> "a/b"; refuses absolute paths and "..".
std::string clean_path(const std::string& origin, std::string raw) {
  // Zip tools on Windows may write '\\' between folders; no MLF name holds one.
  for (char& c : raw) {
    if (c == '\\') c = '/';
  }
  if (!raw.empty() && raw[0] == '/') {
    throw Stop{{origin, 0}, "entry '" + printable(raw) + "' has an absolute path: refused"};
  }
  std::string out;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t end = raw.find('/', start);
    if (end == std::string::npos) end = raw.size();
    const std::string part = raw.substr(start, end - start);
    if (part == "..") {
      throw Stop{{origin, 0},
                 "entry '" + printable(raw) + "' points outside the archive ('..'): refused"};
    }
    if (!part.empty() && part != ".") out += (out.empty() ? "" : "/") + part;
    start = end + 1;
  }
  return out;
}

bool starts(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

/// Maps the layouts real repositories commit onto the MLF's own.
void canonical(Archive& a, std::map<std::string, std::string> raw) {
  auto has = [&](auto pred) {
    for (const auto& [path, text] : raw) {
      if (pred(path)) return true;
    }
    return false;
  };
  auto is_mlf_root = [&] {
    return has([](const std::string& p) {
      return p == "metadata.json" || starts(p, "codegen/") || starts(p, "host/src/") ||
             starts(p, "host/include/") || starts(p, "src/") || starts(p, "include/") ||
             starts(p, "lib/");
    });
  };
  // An archive whose files all sit in one top folder ("kws/metadata.json").
  std::string wrapper;
  for (int level = 0; level < 3 && !raw.empty() && !is_mlf_root(); ++level) {
    const std::string first = raw.begin()->first;
    const std::size_t slash = first.find('/');
    if (slash == std::string::npos) break;
    const std::string top = first.substr(0, slash + 1);
    if (has([&](const std::string& p) { return !starts(p, top); })) break;
    std::map<std::string, std::string> inner;
    for (auto& [path, text] : raw) inner[path.substr(top.size())] = std::move(text);
    raw = std::move(inner);
    wrapper += top;
  }
  if (!is_mlf_root()) {
    // Several MLFs side by side ("v011/metadata.json", "v012/metadata.json").
    std::set<std::string> tops;
    for (const auto& [path, text] : raw) {
      const std::size_t slash = path.find('/');
      if (slash == std::string::npos) continue;
      const std::string rest = path.substr(slash + 1);
      if (rest == "metadata.json" || starts(rest, "codegen/")) tops.insert(path.substr(0, slash));
    }
    if (tops.size() > 1) {
      std::string list;
      for (const std::string& t : tops) list += (list.empty() ? "" : ", ") + printable(t) + "/";
      throw Stop{
          {a.origin + (wrapper.empty() ? "" : "/" + wrapper.substr(0, wrapper.size() - 1)), 0},
          "holds " + std::to_string(tops.size()) + " Model Library Format folders (" + list +
              "): give one of them"};
    }
  }
  std::string prefix;  // what the canonical path adds in front of the found one
  if (has([](const std::string& p) { return p == "metadata.json" || starts(p, "codegen/"); })) {
    prefix = "";
  } else if (has([](const std::string& p) {
               return starts(p, "host/src/") || starts(p, "host/include/") ||
                      starts(p, "host/lib/");
             })) {
    prefix = "codegen/";
    a.layout = "a codegen folder";
  } else if (has([](const std::string& p) {
               return starts(p, "include/") || starts(p, "lib/") ||
                      (starts(p, "src/") && p.size() > 2 && p.compare(p.size() - 2, 2, ".c") == 0);
             })) {
    prefix = "codegen/host/";
    a.layout = "a codegen/host folder";
  }
  for (auto& [path, text] : raw) {
    const std::string canon = prefix + path;
    a.found_as[canon] = wrapper + path;
    a.files[canon] = std::move(text);
  }
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Stop{{p.string(), 0}, "cannot be read"};
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof()) throw Stop{{p.string(), 0}, "cannot be read"};
  return s.str();
}

/// A hint when the user named one file of an MLF instead of its folder.
std::string one_of_its_files(const std::string& origin) {
  return read_in_full(origin) ? "; give the MLF's folder or archive, not one of its files" : "";
}

struct ArchiveDeleter {
  void operator()(struct archive* a) const { archive_read_free(a); }
};

Archive read_libarchive(const std::string& origin, std::string_view bytes, const fs::path* file) {
  std::unique_ptr<struct archive, ArchiveDeleter> ar(archive_read_new());
  if (!ar) throw Stop{{origin, 0}, "out of memory"};
  archive_read_support_filter_all(ar.get());
  archive_read_support_format_tar(ar.get());
  archive_read_support_format_zip(ar.get());
  const int opened = file != nullptr
                         ? archive_read_open_filename(ar.get(), file->c_str(), 1 << 16)
                         : archive_read_open_memory(ar.get(), bytes.data(), bytes.size());
  auto error_text = [&] {
    const char* e = archive_error_string(ar.get());
    return printable(e != nullptr ? e : "unknown error", 200);
  };
  if (opened != ARCHIVE_OK) {
    throw Stop{{origin, 0},
               "not an archive aot-gen can read (a folder, .tar, .tar.gz, .tgz or .zip): " +
                   error_text() + one_of_its_files(origin)};
  }
  std::map<std::string, std::string> raw;
  std::size_t entries = 0, kept = 0;
  while (true) {
    struct archive_entry* entry = nullptr;
    const int r = archive_read_next_header(ar.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) {
      if (entries == 0) {
        throw Stop{{origin, 0},
                   "not an archive aot-gen can read (a folder, .tar, .tar.gz, .tgz or .zip): " +
                       error_text() + one_of_its_files(origin)};
      }
      throw Stop{{origin, 0}, "damaged archive: " + error_text()};
    }
    if (++entries > kMaxArchiveEntries) {
      throw Stop{{origin, 0},
                 "more than " + std::to_string(kMaxArchiveEntries) +
                     " entries: not a Model Library Format archive"};
    }
    const char* name = archive_entry_pathname(entry);
    const std::string raw_name = name != nullptr ? name : "";
    const std::string path = clean_path(origin, raw_name);
    const auto type = archive_entry_filetype(entry);
    if (archive_entry_hardlink(entry) != nullptr || type == AE_IFLNK) {
      throw Stop{{origin, 0},
                 "entry '" + printable(raw_name) +
                     "' is a link; a Model Library Format archive holds regular files only"};
    }
    if (type == AE_IFDIR || path.empty()) continue;
    if (type != AE_IFREG) {
      throw Stop{{origin, 0}, "entry '" + printable(raw_name) + "' is not a regular file"};
    }
    if (raw.count(path) != 0) {
      throw Stop{{origin, 0}, "entry '" + printable(raw_name) + "' appears twice"};
    }
    std::string& text = raw[path];
    if (!read_in_full(path)) continue;
    const la_int64_t size = archive_entry_size(entry);
    if (archive_entry_size_is_set(entry) && size >= 0 &&
        static_cast<std::uint64_t>(size) > kMaxReadBytes - kept) {
      throw Stop{{origin, 0},
                 "'" + printable(raw_name) + "' is larger than aot-gen reads (" +
                     std::to_string(kMaxReadBytes >> 20) + " MiB in all)"};
    }
    char buffer[1 << 16];
    while (true) {
      const la_ssize_t n = archive_read_data(ar.get(), buffer, sizeof buffer);
      if (n == 0) break;
      if (n < 0) throw Stop{{origin, 0}, "damaged archive: " + error_text()};
      kept += static_cast<std::size_t>(n);
      if (kept > kMaxReadBytes) {
        throw Stop{
            {origin, 0},
            "holds more than " + std::to_string(kMaxReadBytes >> 20) + " MiB of sources: not read"};
      }
      text.append(buffer, static_cast<std::size_t>(n));
    }
  }
  Archive a;
  a.origin = origin;
  canonical(a, std::move(raw));
  return a;
}

}  // namespace

const std::string* Archive::find(const std::string& path) const {
  auto it = files.find(path);
  return it == files.end() ? nullptr : &it->second;
}

std::string Archive::shown(const std::string& path) const {
  auto it = found_as.find(path);
  return origin + "/" + (it == found_as.end() ? path : it->second);
}

Archive read_archive_bytes(const std::string& name, std::string_view bytes) {
  return read_libarchive(name, bytes, nullptr);
}

Archive read_archive(const std::string& path) {
  const fs::path p(path);
  std::error_code ec;
  const fs::file_status st = fs::status(p, ec);
  if (ec || !fs::exists(st)) throw Stop{{path, 0}, "no such file or folder"};
  if (!fs::is_directory(st)) return read_libarchive(path, {}, &p);
  std::map<std::string, std::string> raw;
  std::size_t kept = 0;
  try {
    for (auto it = fs::recursive_directory_iterator(p); it != fs::recursive_directory_iterator();
         ++it) {
      if (raw.size() > kMaxArchiveEntries) {
        throw Stop{{path, 0},
                   "more than " + std::to_string(kMaxArchiveEntries) +
                       " files: not a Model Library Format folder"};
      }
      // Version control and editor state are not part of a model.
      if (it->is_directory() && it->path().filename().string().rfind('.', 0) == 0) {
        it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file()) continue;
      const std::string rel = fs::relative(it->path(), p).generic_string();
      std::string& text = raw[rel];
      if (!read_in_full(rel)) continue;
      text = read_file(it->path());
      kept += text.size();
      if (kept > kMaxReadBytes) {
        throw Stop{
            {path, 0},
            "holds more than " + std::to_string(kMaxReadBytes >> 20) + " MiB of sources: not read"};
      }
    }
  } catch (const fs::filesystem_error& e) {
    throw Stop{{path, 0}, std::string("cannot be read: ") + e.code().message()};
  }
  Archive a;
  a.origin = path;
  canonical(a, std::move(raw));
  return a;
}

}  // namespace aot_gen
