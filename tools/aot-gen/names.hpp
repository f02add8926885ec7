// SPDX-License-Identifier: Apache-2.0
#pragma once
// Names and dtypes: TVM's sanitising, the dtypes aot has C++ types for, C element types, and
// which names a C++ identifier in a generated description may take.

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace aot_gen {

/// A C or C++ string literal of any bytes (tensor names may hold any). Bytes outside printable
/// ASCII, and '?' (trigraphs), are octal escapes, which unlike \x never swallow what follows.
std::string c_string_literal(const std::string& s);

/// As TVM sanitises a tensor name for C: every byte not [A-Za-z0-9] becomes '_'.
std::string sanitize(std::string_view raw);
std::string upper(std::string s);
std::string lower(std::string s);

/// Bytes per element of a dtype aot supports ("int8", "float32", ...), or 0.
std::size_t dtype_bytes(std::string_view dtype);
/// The C++ element type for a dtype ("std::int8_t"), or "" when aot has none.
std::string cpp_element_type(std::string_view dtype);
/// Every dtype name aot supports, comma-separated, for messages.
std::string dtype_names();

/// The dtypes a C element type in generated code may stand for: "int8_t" -> {"int8", "bool"};
/// "uint16_t" -> {"uint16", "float16", "bfloat16"}; "void" or unknown -> {}.
std::set<std::string> dtypes_of_c_type(std::string_view c_type);
/// The dtype a C element type stands for when nothing else says: "uint16_t" -> "uint16".
std::string preferred_dtype_of_c_type(std::string_view c_type);
/// The C++ spelling of a C element type TVM writes ("int8_t" -> "std::int8_t"), or "".
std::string cpp_spelling_of_c_type(std::string_view c_type);

/// Names a nested type of a model description cannot take: the members of a description and
/// of aot::TensorSpec, and the namespaces the generated header uses (std, aot).
bool is_description_member(std::string_view s);
/// C and C++ keywords and alternative tokens (C++20 included).
bool is_keyword(std::string_view s);
/// A C++ identifier the program may declare: not a keyword, not reserved (`__x`, `_X`).
bool is_plain_identifier(std::string_view s);

}  // namespace aot_gen
