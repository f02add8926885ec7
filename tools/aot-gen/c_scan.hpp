// SPDX-License-Identifier: Apache-2.0
#pragma once
// A linear scanner for the C that TVM generates: file-scope declarations, function
// definitions with their parameters and the calls they make, struct definitions, static
// variables and #define lines, each with its line. No regular expressions (libstdc++'s
// recurse per character) and no recursion: any input is read in one pass.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aot_gen::c {

/// A declarator's type: the words (qualifiers dropped) and the number of '*'.
struct Type {
  std::vector<std::string> words;  ///< e.g. {"uint8_t"}, {"struct", "tvmgen_m_inputs"}
  int pointers = 0;
  bool well_formed = true;  ///< only identifiers and '*' were seen

  std::string str() const;   ///< "uint8_t*", "struct tvmgen_m_inputs*"
  std::string base() const;  ///< "uint8_t"
};

struct Param {
  Type type;
  std::string name;  ///< may be empty in a declaration
};

struct Call {
  std::string callee;
  std::vector<std::string> args;  ///< each argument's tokens joined without spaces
  std::size_t line = 0;
};

/// `(T*)name` in a body: what the code takes the pointer `name` to point to.
struct Cast {
  Type type;  ///< the pointer type cast to, e.g. {"int8_t"} with one '*'
  std::string operand;
  std::size_t line = 0;
};

/// `T* name = from;` or `T* name = (T*)from;` in a body: a local pointer naming another.
struct Alias {
  Type type;
  std::string name, from;
  std::size_t line = 0;
};

struct Function {
  std::string name;
  std::vector<Param> params;
  bool defined = false;  ///< a definition, not a prototype
  std::size_t line = 0;
  std::vector<Call> calls;     ///< every call in the body, in order (definitions only)
  std::vector<Cast> casts;     ///< casts of a plain name to a pointer type (definitions only)
  std::vector<Alias> aliases;  ///< pointer locals initialised from a name (definitions only)
};

/// A file-scope `... ( ... ) {` whose declarator could not be read: the names it holds
/// before a '(', so that a function defined there is never taken for a missing one.
struct Unreadable {
  std::vector<std::string> names;
  std::size_t line = 0;
};

struct Member {
  Type type;
  std::string name;
  std::vector<std::uint64_t> dims;  ///< array dimensions
  std::uint64_t aligned = 0;        ///< __attribute__((aligned(N)))
  std::size_t line = 0;
};

struct Struct {
  std::string name;
  std::vector<Member> members;
  bool well_formed = true;  ///< every member was `type name[dims] attributes;`
  std::size_t line = 0;
};

struct Variable {
  std::string name;
  Type type;  ///< "struct global_const_workspace" for a pool
  std::vector<std::uint64_t> dims;
  bool is_static = false;
  bool is_const = false;
  bool is_extern = false;
  std::string section;        ///< __attribute__((section("...")))
  std::uint64_t aligned = 0;  ///< __attribute__((aligned(N))), 0 when absent
  std::size_t line = 0;
  std::size_t end_line = 0;  ///< line of the closing ';'
};

struct Macro {
  std::string name;
  std::string value;
  bool function_like = false;
  std::size_t line = 0;
};

/// The initialiser of a variable whose name starts with the prefix scan() was given: its
/// tokens as written (strings with their quotes), comments left out.
struct Initializer {
  std::string name;
  std::size_t line = 0;
  std::vector<std::string> tokens;
};

struct File {
  std::vector<Function> functions;
  std::vector<Struct> structs;
  std::vector<Variable> variables;
  std::vector<Macro> macros;
  std::vector<std::string> includes;
  std::vector<Unreadable> unreadable;
  std::vector<Initializer> initializers;
  /// TVM's "// of total size N bytes" after a constant pool: (line, N).
  std::vector<std::pair<std::size_t, std::uint64_t>> total_size_comments;
};

/// Scans one C file or header: every file-scope function, struct, variable and macro. The
/// arguments of calls are kept only for callees whose names start with `call_prefix`, the
/// initialisers only of variables whose names start with `initializer_prefix` (none if empty).
File scan(std::string_view text, std::string_view call_prefix,
          std::string_view initializer_prefix = {});

/// A C integer constant as a #define may spell it: 42, 42u, 0x2A, 052, (42), ((uint32_t)42).
std::optional<std::uint64_t> parse_integer(std::string_view text);

/// Whether `s` is a C identifier.
bool is_identifier(std::string_view s);

}  // namespace aot_gen::c
