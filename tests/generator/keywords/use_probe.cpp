// SPDX-License-Identifier: Apache-2.0
#include "probe_model.hpp"

static_assert(probe_c::x::shape[0] == 10, "the probe measured x");
