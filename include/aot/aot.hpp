// SPDX-License-Identifier: Apache-2.0
#pragma once

/// Everything of the core. DLPack views come along when <dlpack/dlpack.h> is available
/// (define AOT_NO_DLPACK to leave them out); fmt support is aot/fmt.hpp, included on demand.

#include "aot/arena.hpp"
#include "aot/buffers.hpp"
#include "aot/config.hpp"
#include "aot/double_buffer.hpp"
#include "aot/dtype.hpp"
#include "aot/executor.hpp"
#include "aot/infer_result.hpp"
#include "aot/memory_report.hpp"
#include "aot/model.hpp"
#include "aot/name.hpp"
#include "aot/pools.hpp"
#include "aot/profiler.hpp"
#include "aot/span.hpp"
#include "aot/status.hpp"
#include "aot/tensor_spec.hpp"
#include "aot/tensor_view.hpp"
#include "aot/tvm_metadata.hpp"
#include "aot/typed_io.hpp"
#include "aot/workspace.hpp"

#if !defined(AOT_NO_DLPACK) && defined(__has_include)
#if __has_include(<dlpack/dlpack.h>)
#include "aot/dlpack.hpp"
#endif
#endif
