// SPDX-License-Identifier: Apache-2.0
// kTvmgenMetadata: the TVMMetadata struct TVM writes into the C of packed exports for its own
// runtime, with one TVMTensorInfo (name, shape, dtype) per input, output and workspace pool:
//
//   static const int64_t kTvmgenMetadata_inputs_0_shape[2] = {1L, 16L};
//   static const struct TVMTensorInfo kTvmgenMetadata_inputs[1] = {
//   {"x" /* name*/, kTvmgenMetadata_inputs_0_shape, 2L /* num_shape*/, {2, 32, 1} /* dtype*/}};
//   static const struct TVMMetadata kTvmgenMetadata[1] = {{1L /* version*/,
//   kTvmgenMetadata_inputs, 1L /* num_inputs*/, ..., "tvmgen_default" /* mod_name*/}};
//
// Read from the scanner's copy of those initialisers; the layout is TVMMetadata version 1.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "facts.hpp"
#include "names.hpp"

namespace aot_gen {

namespace {

/// A braced initialiser as a tree: a leaf (one value, its tokens joined) or a list.
struct Node {
  std::string leaf;
  std::vector<Node> items;
  bool list = false;
};

/// Builds the tree without recursion; nullopt for unbalanced braces or nesting past 8.
std::optional<Node> parse(const std::vector<std::string>& tokens) {
  std::vector<Node> stack;
  Node root;
  bool have_root = false;
  std::string leaf;
  bool in_leaf = false;
  auto end_leaf = [&] {
    if (in_leaf && !stack.empty()) stack.back().items.push_back(Node{leaf, {}, false});
    leaf.clear();
    in_leaf = false;
  };
  for (const std::string& t : tokens) {
    if (t == "{") {
      if (in_leaf || stack.size() >= 8 || have_root) return std::nullopt;
      stack.push_back(Node{{}, {}, true});
    } else if (t == "}") {
      if (stack.empty()) return std::nullopt;
      end_leaf();
      Node done = std::move(stack.back());
      stack.pop_back();
      if (stack.empty()) {
        root = std::move(done);
        have_root = true;
      } else {
        stack.back().items.push_back(std::move(done));
        in_leaf = false;
      }
    } else if (t == ",") {
      end_leaf();
    } else {
      if (stack.empty()) return std::nullopt;
      leaf += t;
      in_leaf = true;
    }
  }
  if (!stack.empty() || !have_root) return std::nullopt;
  return root;
}

std::optional<std::int64_t> integer(const Node& n) {
  if (n.list) return std::nullopt;
  std::string s = n.leaf;
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.erase(0, 1);
  }
  const std::optional<std::uint64_t> v = c::parse_integer(s);
  if (!v || *v > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
  return negative ? -static_cast<std::int64_t>(*v) : static_cast<std::int64_t>(*v);
}

/// A C string literal's contents, or nullopt (escapes other than the plain ones refused).
std::optional<std::string> string(const Node& n) {
  if (n.list || n.leaf.size() < 2 || n.leaf.front() != '"' || n.leaf.back() != '"')
    return std::nullopt;
  const std::string body = n.leaf.substr(1, n.leaf.size() - 2);
  if (body.find('\\') != std::string::npos || body.find('"') != std::string::npos)
    return std::nullopt;
  return body;
}

/// {code, bits, lanes} as TVM's dtype name.
std::optional<std::string> dtype(const Node& n) {
  if (!n.list || n.items.size() != 3) return std::nullopt;
  const auto code = integer(n.items[0]), bits = integer(n.items[1]), lanes = integer(n.items[2]);
  if (!code || !bits || !lanes || *lanes != 1) return std::nullopt;
  static const std::map<std::int64_t, std::string> kinds = {
      {0, "int"}, {1, "uint"}, {2, "float"}, {4, "bfloat"}};
  if (*code == 1 && *bits == 1) return std::string("bool");
  auto k = kinds.find(*code);
  if (k == kinds.end()) return std::nullopt;
  const std::string name = k->second + std::to_string(*bits);
  return dtype_bytes(name) != 0 ? std::optional<std::string>(name) : std::nullopt;
}

}  // namespace

std::optional<MetadataModuleFacts> read_metadata_module(const SourceFile& file, Report& report) {
  std::map<std::string, const c::Initializer*> init;
  for (const c::Initializer& i : file.code.initializers) init.emplace(i.name, &i);
  auto top = init.find("kTvmgenMetadata");
  if (top == init.end()) return std::nullopt;
  MetadataModuleFacts m;
  m.shown = file.shown;
  m.line = top->second->line;
  auto cannot = [&](std::size_t line, const std::string& what) {
    report.note({file.shown, line},
                "kTvmgenMetadata: " + what + " cannot be read; TVM's metadata module is left out");
    return std::nullopt;
  };
  // The arrays of TVMTensorInfo: {name, shape array, num_shape, dtype} each.
  auto tensors = [&](const Node& ref, const Node& count, std::vector<CodeTensor>& out) -> bool {
    const std::optional<std::int64_t> n = integer(count);
    if (!n || *n < 0 || *n > 100000) return false;
    if (*n == 0) return true;
    auto arr = ref.list ? init.end() : init.find(ref.leaf);
    if (arr == init.end()) return false;
    const std::optional<Node> list = parse(arr->second->tokens);
    if (!list || list->items.size() != static_cast<std::size_t>(*n)) return false;
    for (const Node& info : list->items) {
      if (!info.list || info.items.size() != 4) return false;
      CodeTensor t;
      t.line = arr->second->line;
      const std::optional<std::string> name = string(info.items[0]);
      const std::optional<std::int64_t> ndim = integer(info.items[2]);
      t.dtype = dtype(info.items[3]);
      if (!name || !ndim || *ndim < 0 || *ndim > 32 || !t.dtype) return false;
      t.name = *name;
      std::vector<std::int64_t> shape;
      if (*ndim > 0) {
        auto s = info.items[1].list ? init.end() : init.find(info.items[1].leaf);
        if (s == init.end()) return false;
        const std::optional<Node> dims = parse(s->second->tokens);
        if (!dims || dims->items.size() != static_cast<std::size_t>(*ndim)) return false;
        for (const Node& d : dims->items) {
          const std::optional<std::int64_t> v = integer(d);
          if (!v || *v < 0) return false;
          shape.push_back(*v);
        }
      }
      t.shape = std::move(shape);
      out.push_back(std::move(t));
    }
    return true;
  };
  const std::optional<Node> root = parse(top->second->tokens);
  // kTvmgenMetadata[1] = {{version, inputs, n, outputs, n, pools, n, constants, n, mod_name}}
  if (!root || root->items.size() != 1 || !root->items[0].list)
    return cannot(m.line, "its initialiser");
  const std::vector<Node>& f = root->items[0].items;
  if (f.empty() || integer(f[0]) != 1) return cannot(m.line, "a TVMMetadata version other than 1");
  if (f.size() != 10) return cannot(m.line, "its fields");
  if (!tensors(f[1], f[2], m.inputs)) return cannot(m.line, "its inputs");
  if (!tensors(f[3], f[4], m.outputs)) return cannot(m.line, "its outputs");
  if (!tensors(f[5], f[6], m.workspace_pools)) return cannot(m.line, "its workspace pools");
  const std::optional<std::string> mod = string(f[9]);
  if (!mod) return cannot(m.line, "its mod_name");
  m.mod_name = *mod;
  return m;
}

}  // namespace aot_gen
