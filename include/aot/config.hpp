// SPDX-License-Identifier: Apache-2.0
#pragma once

// AOT_VERSION_*: their own header, which configuring checks against project(VERSION).
#include "aot/version.hpp"

/// Default alignment, in bytes, of every buffer an executor owns. TVM aligns its own
/// allocations to 64 bytes and assumes at least 16 for inputs and outputs.
#ifndef AOT_DEFAULT_ALIGNMENT
#define AOT_DEFAULT_ALIGNMENT 64
#endif

/// 1: runs audit the TVMBackendAllocWorkspace arena: a free must release the last live block
/// (else kWorkspaceFreeOrder / kWorkspaceForeignFree) and the high-water mark is kept for
/// workspace_peak(). 0, the default: a free sets the arena's top back to the block, as a C bump
/// allocator does, which is all TVM's generated code needs; an allocation that does not fit is
/// an error either way. aot-gen's probe writes the peak a run needs as the model's
/// `measured_workspace_peak`. It must be the same in every translation unit of a program, the
/// TVM runtime symbols' included: CMake's AOT_WORKSPACE_AUDIT option sets it on aot::aot.
#ifndef AOT_WORKSPACE_AUDIT
#define AOT_WORKSPACE_AUDIT 0
#endif

/// Bytes an executor keeps for the message generated code passes to TVMAPISetLastError.
#ifndef AOT_LAST_ERROR_CAPACITY
#define AOT_LAST_ERROR_CAPACITY 128
#endif

/// Debug checks for programmer errors that cannot be caught at compile time (a view
/// index out of range, reading the value of a failed Result). They trap; they never throw.
#ifndef AOT_ENABLE_ASSERTS
#ifdef NDEBUG
#define AOT_ENABLE_ASSERTS 0
#else
#define AOT_ENABLE_ASSERTS 1
#endif
#endif

/// How a failed AOT_ASSERT stops the program: with AOT_COLD below, the compiler-specific
/// spellings in the library's headers (GCC and Clang). Define it for another compiler, e.g.
/// `std::abort()` or `__debugbreak()`.
#ifndef AOT_TRAP
#define AOT_TRAP() __builtin_trap()
#endif

#if AOT_ENABLE_ASSERTS
#define AOT_ASSERT(cond) ((cond) ? static_cast<void>(0) : AOT_TRAP())
#else
#define AOT_ASSERT(cond) static_cast<void>(0)
#endif

/// Marks a rarely taken path (an arena's overflow) out of line, so that the common path
/// keeps its registers: an allocation's instructions stay those of a C bump allocator.
#ifndef AOT_COLD
#if defined(__GNUC__)
#define AOT_COLD __attribute__((noinline, cold))
#else
#define AOT_COLD
#endif
#endif
