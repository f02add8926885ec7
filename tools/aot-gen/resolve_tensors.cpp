// SPDX-License-Identifier: Apache-2.0
// Each input's and output's dtype, shape and byte size: from the Relay text, metadata.json,
// the header's size macros, what the code says (resolve_tensor_code.cpp) and --dtype/--shape.
#include <cstdint>
#include <set>
#include <utility>

#include "resolve_steps.hpp"

namespace aot_gen::resolving {

namespace {

/// A claim about one fact of one tensor.
template <class T>
struct Claim {
  T value;
  Where where;
  bool option = false;
};

}  // namespace

/// Metadata's and Relay's tensors by sanitised name, looked up once per tensor.
void Tensors::index_sources() {
  if (md_ != nullptr) {
    for (const MetadataTensor& m : md_->inputs) md_inputs_.emplace(sanitize(m.raw_name), &m);
    for (const MetadataTensor& m : md_->outputs) md_outputs_.emplace(sanitize(m.raw_name), &m);
  }
  if (relay_) {
    for (const RelayTensor& r : relay_->inputs) {
      if (r.dtype) relay_inputs_.emplace(sanitize(r.raw_name), &r);
    }
  }
}

const MetadataTensor* Tensors::md_tensor(bool input, const TensorFacts& t) const {
  const auto& m = input ? md_inputs_ : md_outputs_;
  auto it = m.find(t.sanitized);
  return it == m.end() ? nullptr : it->second;
}

const RelayTensor* Tensors::relay_tensor(bool input, std::size_t index,
                                         const TensorFacts& t) const {
  if (!relay_) return nullptr;
  if (input) {
    auto it = relay_inputs_.find(t.sanitized);
    return it == relay_inputs_.end() ? nullptr : it->second;
  }
  if (relay_->outputs && index < relay_->outputs->size() &&
      relay_->outputs->size() == model_.outputs.size())
    return &(*relay_->outputs)[index];
  return nullptr;
}

struct Tensors::Pending {
  bool input;
  std::size_t index;
  std::vector<Claim<std::uint64_t>> bytes;
  std::optional<Claim<std::vector<std::int64_t>>> shape;
  std::optional<Claim<std::string>> dtype;
  bool bad_option = false;  ///< an option or the code was refused: its error says what to fix
};

void Tensors::resolve_tensors() {
  if (!names_known_) return;
  index_sources();
  map_typed_params();
  std::vector<Pending> pending;
  for (bool input : {true, false}) {
    auto& list = input ? model_.inputs : model_.outputs;
    for (std::size_t i = 0; i < list.size(); ++i) {
      pending.push_back(gather(input, i, list[i]));
    }
  }
  // io_size_bytes in metadata: the one tensor nothing else sizes gets the remainder, where
  // io_size_bytes is the sum of the inputs and outputs (MLF v5 only).
  if (io_is_sum()) {
    std::size_t unknown = 0;
    Pending* last = nullptr;
    std::uint64_t known = 0;
    bool overflow = false;
    for (Pending& p : pending) {
      const std::optional<std::uint64_t> b = bytes_of(p);
      if (!b) {
        ++unknown;
        last = &p;
      } else {
        overflow = overflow || known + *b < known;
        known += *b;
      }
    }
    if (unknown == 1 && !overflow && known <= md_->io->value) {
      last->bytes.push_back({md_->io->value - known, md_->io->where, false});
    }
  }
  for (Pending& p : pending) settle(p);
}

/// The byte size a tensor's facts fix, if any.
std::optional<std::uint64_t> Tensors::bytes_of(const Pending& p) const {
  if (!p.bytes.empty()) return p.bytes.front().value;
  if (p.shape && p.dtype && dtype_bytes(p.dtype->value) != 0) {
    std::uint64_t n = dtype_bytes(p.dtype->value);
    for (std::int64_t d : p.shape->value) {
      if (d <= 0 || n > UINT64_MAX / static_cast<std::uint64_t>(d)) return std::nullopt;
      n *= static_cast<std::uint64_t>(d);
    }
    return n;
  }
  return std::nullopt;
}

Tensors::Pending Tensors::gather(bool input, std::size_t index, TensorFacts& t) {
  Pending p{input, index, {}, std::nullopt, std::nullopt, false};
  const std::string role = input ? "input" : "output";
  const std::string who = role + " '" + printable(t.raw_name) + "'";
  auto add_dtype = [&](const std::string& value, const Where& where, bool option) {
    if (!p.dtype) {
      p.dtype = Claim<std::string>{value, where, option};
    } else if (p.dtype->value != value) {
      error(where, "dtype of " + who + " is " + printable(value, 40) + " here but " +
                       p.dtype->value + " in " + p.dtype->where.str());
    }
  };
  auto add_shape = [&](const std::vector<std::int64_t>& value, const Where& where, bool option) {
    if (!p.shape) {
      p.shape = Claim<std::vector<std::int64_t>>{value, where, option};
    } else if (p.shape->value != value) {
      error(where, "shape of " + who + " is " + join_shape(value) + " here but " +
                       join_shape(p.shape->value) + " in " + p.shape->where.str());
    }
  };
  auto add_bytes = [&](std::uint64_t value, const Where& where) {
    for (const Claim<std::uint64_t>& b : p.bytes) {
      if (b.value != value) {
        error(where, "byte size of " + who + " is " + std::to_string(value) + " here but " +
                         std::to_string(b.value) + " in " + b.where.str());
        return;
      }
    }
    p.bytes.push_back({value, where, false});
  };
  if (const RelayTensor* r = relay_tensor(input, index, t)) {
    if (r->dtype) add_dtype(*r->dtype, {relay_->path, r->line}, false);
    if (r->dtype) add_shape(r->shape, {relay_->path, r->line}, false);
  }
  if (const MetadataTensor* m = md_tensor(input, t)) {
    if (m->dtype) add_dtype(m->dtype->value, m->dtype->where, false);
    if (m->size) add_bytes(m->size->value, m->size->where);
  }
  if (header_) {
    auto it = header_->sizes.find(upper(t.sanitized));
    if (it != header_->sizes.end()) {
      t.size_macro = "TVMGEN_" + upper(model_.module) + "_" + upper(t.sanitized) + "_SIZE";
      add_bytes(it->second.value, it->second.where);
    }
  }
  // What the code states for TVM's own runtime (the metadata module of packed exports) or
  // checks at run time (the argument checks of llvm objects).
  if (const auto [ct, where] = code_tensor(input, index); ct != nullptr) {
    if (ct->dtype) add_dtype(*ct->dtype, where, false);
    if (ct->shape) add_shape(*ct->shape, where, false);
  }
  // The code disagreeing with itself is reported already: no second error for the dtype.
  if ((input ? conflicted_in_ : conflicted_out_).count(index) != 0) p.bad_option = true;
  // Typed parameters of __tvm_main__: a set of dtypes (uint16_t may be a 16-bit float).
  const auto& typed = input ? typed_in_ : typed_out_;
  auto ty = typed.find(index);
  if (ty != typed.end()) {
    if (p.dtype && ty->second.dtypes.count(p.dtype->value) == 0) {
      error(ty->second.where, "parameter of " + who + " is " + ty->second.c_type + "* here but " +
                                  "its dtype is " + p.dtype->value + " in " + p.dtype->where.str());
    } else if (!p.dtype) {
      const std::string chosen = ty->second.dtypes.size() == 1
                                     ? *ty->second.dtypes.begin()
                                     : preferred_dtype_of_c_type(ty->second.c_type);
      // int8_t is also how TVM stores bool; that is rare enough not to mention each time.
      if (ty->second.dtypes.size() > 1 && chosen != "int8") {
        std::vector<std::string> others;
        for (const std::string& d : ty->second.dtypes)
          if (d != chosen) others.push_back(d);
        note(ty->second.where, who + " is " + ty->second.c_type + "*: read as " + chosen +
                                   " (it may also be " + join(others) + "; " + flag("--dtype") +
                                   " " + t.sanitized + "=<dtype> says which)");
      }
      p.dtype = Claim<std::string>{chosen, ty->second.where, false};
    }
  }
  // What the user said, checked against the above.
  if (const std::string* d = option_for(opt_.dtypes, t)) {
    if (dtype_bytes(*d) == 0) {
      p.bad_option = true;
      error(option_where("--dtype"), "unknown dtype '" + printable(*d, 40) + "' for " + who +
                                         " (aot knows " + dtype_names() + ")");
    } else {
      if (ty != typed.end() && ty->second.dtypes.count(*d) == 0) {
        error(option_where("--dtype"), who + " is " + *d + " here but its parameter is " +
                                           ty->second.c_type + "* in " + ty->second.where.str());
      } else if (p.dtype && ty != typed.end() && p.dtype->where == ty->second.where &&
                 p.dtype->value != *d) {
        p.dtype = Claim<std::string>{*d, option_where("--dtype"), true};  // which 16-bit type
      } else {
        add_dtype(*d, option_where("--dtype"), true);
      }
    }
  }
  if (const auto* s = option_for(opt_.shapes, t)) add_shape(*s, option_where("--shape"), true);
  return p;
}

/// A fact left to the probe (resolve_probe.cpp), with what to say when it does not settle it.
// Filled member by member: GCC 12 at -O3 takes a braced Deferred's strings for uninitialised.
void Tensors::defer(const Pending& p, bool size_missing, const Where& where,
                    const std::string& text, const std::string& comment) {
  Context::Deferred d;
  d.input = p.input;
  d.index = p.index;
  d.size_missing = size_missing;
  d.where = where;
  d.text = text;
  d.comment = comment;
  d.dtype_option = size_missing && p.dtype && p.dtype->option;
  ctx_.deferred.push_back(std::move(d));
}

void Tensors::settle(Pending& p) {
  TensorFacts& t = (p.input ? model_.inputs : model_.outputs)[p.index];
  const std::string role = p.input ? "input" : "output";
  const std::string who = role + " '" + printable(t.raw_name) + "'";
  if (!p.dtype) {
    if (p.bad_option) return;
    missing({mlf_.origin, 0}, who + " has no dtype in any source: give " + flag("--dtype") + " " +
                                  t.sanitized + "=<" + "int8|float32|...>");
    if (!p.shape && p.bytes.empty()) {
      missing({mlf_.origin, 0}, who + " has no shape and no byte size in any source: give " +
                                    flag("--shape") + " " + t.sanitized + "=d0,d1,...");
    }
    return;
  }
  const std::size_t elem = dtype_bytes(p.dtype->value);
  if (elem == 0) {
    if (!p.dtype->option) {
      error(p.dtype->where, who + " has dtype '" + printable(p.dtype->value, 40) +
                                "', which aot has no C++ type for (aot knows " + dtype_names() +
                                ")");
    }
    return;
  }
  t.dtype = p.dtype->value;
  if (!p.shape) {
    if (p.bytes.empty()) {
      const std::string text = who + " has no shape and no byte size in any source: give " +
                               flag("--shape") + " " + t.sanitized + "=d0,d1,...";
      // The probe may measure it (resolve_probe.cpp); this error is its fallback.
      if (opt_.probe) {
        defer(p, true, {mlf_.origin, 0}, text, {});
        return;
      }
      missing({mlf_.origin, 0}, text);
      return;
    }
    const Claim<std::uint64_t>& b = p.bytes.front();
    if (b.value % elem != 0 || b.value == 0) {
      error(b.where,
            who + " is " + std::to_string(b.value) + " bytes, not a whole number of " + t.dtype);
      return;
    }
    t.shape = {static_cast<std::int64_t>(b.value / elem)};
    t.shape_from_size = true;
    note(b.where, who + ": no shape in any source, using (" + std::to_string(b.value / elem) +
                      ") from its byte size; " + flag("--shape") + " " + t.sanitized +
                      "=... gives the real one");
  } else {
    t.shape = p.shape->value;
  }
  const Where shape_from = p.shape ? p.shape->where : Where{};
  std::uint64_t bytes = elem;
  for (std::int64_t d : t.shape) {
    if (d <= 0) {
      error(shape_from, who + " has dimension " + std::to_string(d) + " in " + join_shape(t.shape));
      return;
    }
    if (bytes > UINT64_MAX / static_cast<std::uint64_t>(d) ||
        bytes * static_cast<std::uint64_t>(d) > (std::uint64_t{1} << 48)) {
      error(shape_from, who + " shape " + join_shape(t.shape) + " x " + t.dtype +
                            " is larger than any memory (more than 2^48 bytes)");
      return;
    }
    bytes *= static_cast<std::uint64_t>(d);
  }
  for (const Claim<std::uint64_t>& b : p.bytes) {
    if (b.value != bytes) {
      error(p.shape && p.shape->option ? p.shape->where : b.where,
            who + " is " + std::to_string(b.value) + " bytes in " + b.where.str() + ", but shape " +
                join_shape(t.shape) + " x " + t.dtype +
                (p.shape ? " (from " + shape_from.str() + ")" : "") + " is " +
                std::to_string(bytes) + " bytes");
      return;
    }
  }
  t.size_bytes = bytes;
  t.size_where = !p.bytes.empty() ? p.bytes.front().where : shape_from;
  // Facts only an option states. metadata's io_size_bytes checks the sum of all sizes (v5).
  const std::string io = io_is_sum() ? in_mlf(md_->io->where) : "";
  t.size_from_option = p.bytes.empty() && ((p.shape && p.shape->option) || p.dtype->option);
  if (p.shape && p.shape->option) {
    const bool relay_shape = relay_tensor(p.input, p.index, t) != nullptr;
    if (!p.bytes.empty() && !relay_shape) {
      t.comments.push_back("shape from " + flag("--shape") +
                           "; its element count is checked against " +
                           in_mlf(p.bytes.front().where));
    } else if (!relay_shape && !io.empty()) {
      t.comments.push_back("shape from " + flag("--shape") +
                           "; the sizes of all tensors together are checked against " + io +
                           " (io_size_bytes)");
    } else if (!relay_shape) {
      const std::string comment =
          "shape unverified (from " + flag("--shape") + "): no source states a shape or a size";
      const std::string text = who + ": shape " + join_shape(t.shape) + " unverified (from " +
                               flag("--shape") + "): no source states a shape or a size";
      // The probe checks it against what the code touches (resolve_probe.cpp), or says this.
      if (opt_.probe) {
        defer(p, false, option_where("--shape"), text, comment);
      } else {
        t.comments.push_back(comment);
        note(option_where("--shape"), text);
      }
    }
  } else if (!p.shape) {
    t.comments.push_back("shape (" + std::to_string(t.shape[0]) + ") from the byte size in " +
                         in_mlf(p.bytes.front().where) + ": no source states the real shape");
  }
  if (p.dtype->option) {
    if (p.bytes.empty() || !p.shape || p.shape->option) {
      t.comments.push_back("dtype unverified (from " + flag("--dtype") + "): no source states it");
      note(option_where("--dtype"), who + ": dtype " + t.dtype + " unverified (from " +
                                        flag("--dtype") + "): no source states it");
    } else {
      t.comments.push_back("dtype from " + flag("--dtype") + "; checked against the shape in " +
                           in_mlf(shape_from) + " and the size in " +
                           in_mlf(p.bytes.front().where));
    }
  }
}

void Tensors::check_options_name_tensors() {
  if (!names_known_) return;
  auto names = [&] {
    std::vector<std::string> all;
    for (const auto* l : {&model_.inputs, &model_.outputs})
      for (const TensorFacts& t : *l) all.push_back(t.raw_name);
    return join(all);
  };
  auto known = [&](const std::string& n) {
    for (const auto* l : {&model_.inputs, &model_.outputs})
      for (const TensorFacts& t : *l)
        if (t.raw_name == n || t.sanitized == n) return true;
    return false;
  };
  for (const auto& [n, v] : opt_.shapes) {
    if (!known(n))
      error(option_where("--shape"), "no tensor '" + printable(n) + "' in module " + model_.module +
                                         " (it has " + names() + ")");
  }
  for (const auto& [n, v] : opt_.dtypes) {
    if (!known(n))
      error(option_where("--dtype"), "no tensor '" + printable(n) + "' in module " + model_.module +
                                         " (it has " + names() + ")");
  }
}

/// io_size_bytes is the sum of the inputs' and outputs' bytes in MLF v5 (TVM 0.8 and early
/// 0.9); from v6 on TVM counts other tensors of main in it too, so it only bounds their sum.
void Tensors::check_io_size() {
  if (md_ == nullptr || !md_->io || report_.failed()) return;
  std::uint64_t sum = 0;
  bool wrapped = false;
  for (const auto* l : {&model_.inputs, &model_.outputs}) {
    for (const TensorFacts& t : *l) {
      wrapped = wrapped || sum + t.size_bytes < sum;
      sum += t.size_bytes;
    }
  }
  const bool exact = io_is_sum();
  if (!wrapped && (exact ? sum == md_->io->value : sum <= md_->io->value)) return;
  std::vector<std::string> parts;
  for (const auto* l : {&model_.inputs, &model_.outputs})
    for (const TensorFacts& t : *l)
      parts.push_back(
          printable(t.raw_name, 40) + " " + std::to_string(t.size_bytes) +
          (t.size_from_option ? " from " + flag("--shape") + "/" + flag("--dtype") : ""));
  const std::string io = "io_size_bytes is " + std::to_string(md_->io->value);
  if (exact) {
    error(md_->io->where, io + " but the inputs and outputs add up to " + std::to_string(sum) +
                              " (" + join(parts) + "); in MLF version 5 it is their sum");
  } else {
    error(md_->io->where, io + " but the inputs and outputs alone take " + std::to_string(sum) +
                              " (" + join(parts) +
                              "); from MLF version 6 on it counts them and other tensors of "
                              "main, never less");
  }
}

}  // namespace aot_gen::resolving
