// SPDX-License-Identifier: Apache-2.0
#include "bare_model.hpp"
