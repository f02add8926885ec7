#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What a Python call costs over the C++ run: builds the seed and kwsnet modules in the
# gcc-cxx20-release preset (-O3; its tests leave Python out, so they are asked for) and runs
# benchmarks/python/overhead.py with the Python 3 the modules are built for.
# Usage: benchmarks/python_overhead.sh [--number N] [--repeat R]
# AOT_QUICK=1 measures 3 x 100 calls (tools/check-scripts.sh: the script works, not the figures).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset gcc-cxx20-release -DAOT_TEST_PYTHON=ON >/dev/null
cmake --build --preset gcc-cxx20-release --target py_seed py_kwsnet >/dev/null
python=$(sed -n 's/^Python3_EXECUTABLE:FILEPATH=//p' build/gcc-cxx20-release/CMakeCache.txt)
quick=()
[ "${AOT_QUICK:-0}" = 1 ] && quick=(--number 100 --repeat 3)
PYTHONPATH=build/gcc-cxx20-release/tests/python "${python:-python3}" benchmarks/python/overhead.py \
  "${quick[@]}" "$@"
