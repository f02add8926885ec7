// SPDX-License-Identifier: Apache-2.0
// Compiled to an object file whose symbol table check_static_storage.cmake reads.
#include <aot/arena.hpp>
#include <aot/double_buffer.hpp>
#include <aot/executor.hpp>

#include "seed_model.hpp"

aot::AotExecutor<seed> aot_static_executor;

// Bindings start at the executor's own buffers, a double buffer's pointers at its own two:
// addresses known at link time, so no start-up code either.
aot::AotExecutor<seed, 64, aot::BindableBuffers> aot_static_bindable;
aot::AotExecutor<seed, 64, aot::CallerBuffers, aot::CallerMemory> aot_static_caller;
aot::DoubleBuffer<seed::a> aot_static_frames;

#if __cplusplus >= 202002L
// C++20 states it outright: constant initialisation, no code at start-up.
constinit aot::AotExecutor<seed> aot_constinit_executor;
constinit aot::AotExecutor<seed, 64, aot::BindableBuffers> aot_constinit_bindable;
constinit aot::DoubleBuffer<seed::a> aot_constinit_frames;
#endif

std::uint8_t aot_touch() { return aot_static_executor.get_output<0>()[0]; }
