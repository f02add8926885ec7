// SPDX-License-Identifier: Apache-2.0
// The header aot_add_model wrote with WORKSPACE_SIZE and WORKSPACE_ALIGNMENT: it compiles (its
// own static_assert ties the model's figure to the macro) and says what the keywords said.
#include <aot/aot.hpp>

#include "noplan_model.hpp"

static_assert(noplan::workspace_size == 2048);
static_assert(noplan::model_workspace_size == TVMGEN_NOPLAN_WORKSPACE_SIZE);
static_assert(noplan::model_workspace_size == 3072);
static_assert(noplan::workspace_alignment == 16);
static_assert(noplan::uses_backend_workspace);

aot::AotExecutor<noplan> exec;
