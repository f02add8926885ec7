// SPDX-License-Identifier: Apache-2.0
// Object-file MLFs (the llvm target: codegen/host/lib/*.o), read through libelf: the machine,
// the functions each object defines and needs, and the argument checks TVM's llvm code carries
// as strings ("tvmgen_default___tvm_main__.x.ndim is expected to equal 2"): the signature the
// function enforces at run time, and so the most certain statement of its arguments.
#include <gelf.h>
#include <libelf.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts.hpp"
#include "names.hpp"

namespace aot_gen {

namespace {

bool digits(std::string_view s) {
  return !s.empty() && s.size() < 19 && s.find_first_not_of("0123456789") == std::string::npos;
}

std::uint64_t number(std::string_view s) {
  std::uint64_t v = 0;
  for (char c : s) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return v;
}

/// The checks of one function, by argument name until the positions are known.
struct Checks {
  std::optional<std::size_t> num_args;
  std::map<std::size_t, std::string> position;  ///< arg[i] -> name
  std::map<std::string, std::size_t> ndim;
  std::map<std::string, std::string> dtype;
  std::map<std::string, std::map<std::size_t, std::int64_t>> dims;
};

/// "<fn>.<arg>.<rest>" with fn starting with `prefix`: fn, arg, rest.
bool split_qualified(std::string_view s, const std::string& prefix, std::string& fn,
                     std::string& arg, std::string_view& rest) {
  const std::size_t at = s.find(prefix);
  if (at == std::string_view::npos) return false;
  s.remove_prefix(at);
  const std::size_t dot1 = s.find('.');
  if (dot1 == std::string_view::npos) return false;
  const std::size_t dot2 = s.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos) return false;
  fn = std::string(s.substr(0, dot1));
  arg = std::string(s.substr(dot1 + 1, dot2 - dot1 - 1));
  rest = s.substr(dot2 + 1);
  return c::is_identifier(fn) && c::is_identifier(arg);
}

/// One assertion message of TVM's llvm code, into the checks of its function.
void read_check(std::string_view msg, const std::string& prefix,
                std::map<std::string, Checks>& out) {
  // "Assert fail: <condition>, <message>": both may hold ", ", the message starts with
  // "Argument " or the function's name.
  if (msg.rfind("Assert fail: ", 0) != 0) return;
  std::size_t comma = msg.find(", Argument ");
  if (comma == std::string_view::npos) comma = msg.rfind(", " + prefix);
  if (comma == std::string_view::npos || comma < 13) return;
  const std::string_view cond = msg.substr(13, comma - 13);
  std::string_view text = msg.substr(comma + 2);
  // "tvmgen_m___tvm_main__: num_args should be 4"
  // "tvmgen_m___tvm_main__: Expect arg[0] to be pointer" (the condition names x_code)
  const std::size_t colon = text.find(": ");
  if (text.rfind(prefix, 0) == 0 && colon != std::string_view::npos &&
      text.substr(0, colon).find('.') == std::string_view::npos) {
    const std::string fn(text.substr(0, colon));
    if (!c::is_identifier(fn)) return;
    const std::string_view what = text.substr(colon + 2);
    const std::string_view num = "num_args should be ";
    if (what.rfind(num, 0) == 0 && digits(what.substr(num.size()))) {
      out[fn].num_args = number(what.substr(num.size()));
      return;
    }
    const std::string_view expect = "Expect arg[";
    const std::size_t close = what.find(']');
    if (what.rfind(expect, 0) == 0 && close != std::string_view::npos &&
        what.substr(close) == "] to be pointer") {
      const std::string_view index = what.substr(expect.size(), close - expect.size());
      const std::size_t code = cond.find("_code ==");
      const std::string name(cond.substr(0, code));
      if (digits(index) && code != std::string_view::npos && c::is_identifier(name))
        out[fn].position[number(index)] = name;
    }
    return;
  }
  std::string fn, arg;
  std::string_view rest;
  if (text.rfind("Argument ", 0) == 0) {
    // "Argument <fn>.<arg>.shape[1] has an unsatisfied constraint: 16 == T.Cast(...)"
    if (!split_qualified(text.substr(9), prefix, fn, arg, rest)) return;
    const std::string_view shape = "shape[", tail = "] has an unsatisfied constraint: ";
    const std::size_t close = rest.find(tail);
    if (rest.rfind(shape, 0) != 0 || close == std::string_view::npos) return;
    const std::string_view index = rest.substr(shape.size(), close - shape.size());
    std::string_view value = rest.substr(close + tail.size());
    value = value.substr(0, value.find(' '));
    if (digits(index) && digits(value) &&
        rest.substr(close + tail.size()).find(" == ") == value.size())
      out[fn].dims[arg][number(index)] = static_cast<std::int64_t>(number(value));
    return;
  }
  if (!split_qualified(text, prefix, fn, arg, rest)) return;
  const std::string_view ndim = "ndim is expected to equal ", dtype = "dtype is expected to be ";
  if (rest.rfind(ndim, 0) == 0 && digits(rest.substr(ndim.size()))) {
    out[fn].ndim[arg] = number(rest.substr(ndim.size()));
  } else if (rest.rfind(dtype, 0) == 0 && dtype_bytes(rest.substr(dtype.size())) != 0) {
    out[fn].dtype[arg] = std::string(rest.substr(dtype.size()));
  }
}

}  // namespace

std::string machine_name(std::uint16_t machine) {
  switch (machine) {
    case EM_X86_64:
      return "x86-64";
    case EM_386:
      return "x86 (32-bit)";
    case EM_ARM:
      return "Arm (32-bit)";
    case EM_AARCH64:
      return "AArch64";
    case EM_RISCV:
      return "RISC-V";
    default:
      return "ELF machine " + std::to_string(machine);
  }
}

std::optional<ObjectFile> read_object(const std::string& path, const std::string& shown,
                                      const std::string& bytes, const std::string& module,
                                      Report& report) {
  if (elf_version(EV_CURRENT) == EV_NONE) {
    report.error({shown, 0}, "libelf cannot be initialised");
    return std::nullopt;
  }
  // libelf reads from memory it may not own: a copy it can keep for the object's lifetime.
  std::vector<char> image(bytes.begin(), bytes.end());
  Elf* elf = elf_memory(image.data(), image.size());
  const std::unique_ptr<Elf, int (*)(Elf*)> own(elf, elf_end);
  GElf_Ehdr header;
  if (elf == nullptr || elf_kind(elf) != ELF_K_ELF || gelf_getehdr(elf, &header) == nullptr) {
    report.error({shown, 0}, "not an ELF object file libelf can read");
    return std::nullopt;
  }
  if (header.e_type != ET_REL) {
    report.error({shown, 0}, "an ELF file but not a relocatable object (e_type " +
                                 std::to_string(header.e_type) + "): not what TVM exports");
    return std::nullopt;
  }
  ObjectFile o;
  o.path = path;
  o.shown = shown;
  o.machine = header.e_machine;
  o.is64 = gelf_getclass(elf) == ELFCLASS64;
  std::size_t names = 0;
  if (elf_getshdrstrndx(elf, &names) != 0) {
    report.error({shown, 0}, "its section names cannot be read");
    return std::nullopt;
  }
  const std::string prefix = "tvmgen_" + module + "_";
  std::map<std::string, Checks> checks;
  for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn != nullptr; scn = elf_nextscn(elf, scn)) {
    GElf_Shdr sh;
    if (gelf_getshdr(scn, &sh) == nullptr) continue;
    const char* raw_name = elf_strptr(elf, names, sh.sh_name);
    const std::string_view name = raw_name == nullptr ? "" : raw_name;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (data == nullptr || data->d_buf == nullptr) continue;
    if (sh.sh_type == SHT_SYMTAB && sh.sh_entsize != 0) {
      const std::size_t n = sh.sh_size / sh.sh_entsize;
      for (std::size_t i = 0; i < n && i < 1000000; ++i) {
        GElf_Sym sym;
        if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr) break;
        const char* s = elf_strptr(elf, sh.sh_link, sym.st_name);
        if (s == nullptr || *s == '\0') continue;
        const unsigned bind = GELF_ST_BIND(sym.st_info), type = GELF_ST_TYPE(sym.st_info);
        if (sym.st_shndx == SHN_UNDEF) {
          if (bind == STB_GLOBAL || bind == STB_WEAK) o.undefined.emplace_back(s);
        } else if ((bind == STB_GLOBAL || bind == STB_WEAK) && type == STT_FUNC) {
          o.defined.emplace_back(s);
        }
      }
    } else if (sh.sh_type == SHT_PROGBITS && name.rfind(".rodata", 0) == 0) {
      const std::string_view text(static_cast<const char*>(data->d_buf), data->d_size);
      for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\0', at);
        if (end == std::string_view::npos) end = text.size();
        if (end - at < 4096) read_check(text.substr(at, end - at), prefix, checks);
        at = end + 1;
      }
    }
  }
  for (const auto& [fn, c] : checks) {
    CheckedFunction f;
    f.name = fn;
    f.num_args = c.num_args;
    std::size_t count = c.num_args.value_or(0);
    for (const auto& [i, n] : c.position) count = std::max(count, i + 1);
    if (count > 4096) continue;
    f.args.resize(count);
    for (const auto& [i, n] : c.position) {
      CodeTensor& t = f.args[i];
      t.name = n;
      if (auto d = c.dtype.find(n); d != c.dtype.end()) t.dtype = d->second;
      auto nd = c.ndim.find(n);
      auto dims = c.dims.find(n);
      if (nd == c.ndim.end() || nd->second > 32) continue;
      std::vector<std::int64_t> shape;
      for (std::size_t j = 0; j < nd->second; ++j) {
        if (dims == c.dims.end() || dims->second.count(j) == 0) break;
        shape.push_back(dims->second.at(j));
      }
      if (shape.size() == nd->second) t.shape = std::move(shape);
    }
    o.checked.push_back(std::move(f));
  }
  return o;
}

}  // namespace aot_gen
