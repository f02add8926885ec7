// SPDX-License-Identifier: Apache-2.0
#pragma once

// Written from project(aot VERSION ...) by cmake/aotVersion.cmake and kept in the source tree,
// so that a build that only adds include/ to its include path sees the version the package
// says; configuring the project fails while the two differ.

/// Library version.
#define AOT_VERSION_MAJOR 0
#define AOT_VERSION_MINOR 1
#define AOT_VERSION_PATCH 0
#define AOT_VERSION_STRING "0.1.0"
