// SPDX-License-Identifier: Apache-2.0
#pragma once
// The body of the Relay text's `def @main`: which qnn operator consumes each input and
// produces each output, and the scale and zero point it gives them (relay_body.cpp).

#include <cstddef>
#include <string>

#include "facts.hpp"

namespace aot_gen {

/// Reads main's body from its '{' at `pos` (on line `line`) of `code` (the Relay text with
/// its comments blanked) and fills r.input_quant and r.output_quant for r.inputs and the
/// outputs. Text it does not understand adds nothing: the body never causes an error.
void read_relay_body(const std::string& code, std::size_t pos, std::size_t line, RelayFacts& r);

}  // namespace aot_gen
