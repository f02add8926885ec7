#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# clang-format (the tree must be formatted) and clang-tidy (.clang-tidy) over the project's
# own C++ code. Needs a configured build for compile_commands.json: the gcc-cxx17 preset.
# The database holds GCC's flags, some of which clang does not know (-Wno-restrict): those are
# GCC's business, not clang-tidy's. The Cortex-M firmware is cross-compiled and not in that database; clang-format covers it.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh clang-format clang-tidy
files=$(git ls-files -co --exclude-standard '*.hpp' '*.cpp' | grep -v '^tests/fixtures/')
clang-format --dry-run -Werror ${files}
# Generated headers (aot_add_model) exist only after a build.
cmake --preset gcc-cxx17 >/dev/null
cmake --build --preset gcc-cxx17 >/dev/null
git ls-files -co --exclude-standard 'tests/unit/*.cpp' 'tests/noexcept/*.cpp' 'tests/generator/*.cpp' \
  'tests/fuzz/*.cpp' 'tests/python/*.cpp' 'python/*.cpp' \
  'examples/*.cpp' 'tools/aot-gen/*.cpp' 'benchmarks/*.cpp' 'tests/heap/*.cpp' |
  grep -v -e '^examples/cortex-m/' -e '^benchmarks/compile/' -e '^tests/generator/keywords/' |
  xargs -P2 -n1 clang-tidy -p build/gcc-cxx17 --quiet --extra-arg=-Wno-unknown-warning-option \
    2>/dev/null
echo "lint: clean"
