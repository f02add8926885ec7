// Compiled to an object file whose symbol table check_static_storage.cmake reads.
#include <aot/executor.hpp>

#include "seed_model.hpp"

aot::AotExecutor<seed> aot_static_executor;

#if __cplusplus >= 202002L
// C++20 states it outright: constant initialisation, no code at start-up.
constinit aot::AotExecutor<seed> aot_constinit_executor;
#endif

std::uint8_t aot_touch() { return aot_static_executor.get_output<0>()[0]; }
