// SPDX-License-Identifier: Apache-2.0
#include "pools_model.hpp"
