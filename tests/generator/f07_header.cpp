// SPDX-License-Identifier: Apache-2.0
// Finding F07: tensors named like C++ namespaces (std), description members (shape, raw_name)
// and the model itself once gave headers that did not compile. Built once per header: each
// must compile, pass the model checks, and find its tensor by its real name.
#include <aot/aot.hpp>

#include F07_HEADER

#define F07_STRING2(x) #x
#define F07_STRING(x) F07_STRING2(x)

static_assert(aot::find_input<F07_MODEL>(F07_STRING(F07_TENSOR)) == 0);
static_assert(aot::input_t<F07_MODEL, 0>::raw_name == F07_STRING(F07_TENSOR));

aot::AotExecutor<F07_MODEL> exec;
