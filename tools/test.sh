#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds and runs every test: g++ and clang++, C++17 and C++20, Debug and Release (-O3), ASan+UBSan, TSan,
# the Cortex-M firmware under QEMU, a short run of every fuzz target (FUZZ_SECONDS each,
# default 15; tools/fuzz.sh runs them longer), and every script the documentation names, once,
# from a fresh copy of the tree (tools/check-scripts.sh).
# Pass preset names to run only those (see CMakePresets.json); `fuzz` is the fuzz run,
# `scripts` the scripts' run.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh cmake ninja-build g++ clang binutils catch2 libfmt-dev libdlpack-dev git \
  libarchive-dev libelf-dev pkg-config libcli11-dev gcc-arm-none-eabi libnewlib-arm-none-eabi \
  libstdc++-arm-none-eabi-newlib qemu-system-arm libbenchmark-dev valgrind libclang-rt-14-dev \
  python3-dev pybind11-dev python3-numpy python3-pytest python3-matplotlib
presets=("$@")
[ ${#presets[@]} -eq 0 ] && presets=(gcc-cxx17 clang-cxx20 gcc-cxx20-release clang-cxx17-release asan-ubsan tsan fuzz scripts)
mkdir -p build
start=${SECONDS}
# Each step's time, for whoever keeps CI well under its limit.
took() { echo "    ($((SECONDS - step)) s; $((SECONDS - start)) s in all)"; }
step=${SECONDS}
echo "=== lint"
tools/lint.sh
took
step=${SECONDS}
echo "=== docs"
tools/docs.sh
took
for preset in "${presets[@]}"; do
  step=${SECONDS}
  if [ "${preset}" = fuzz ]; then
    echo "=== fuzz (${FUZZ_SECONDS:-15} s per target)"
    FUZZ_JOBS=2 tools/fuzz.sh "${FUZZ_SECONDS:-15}"
    took
    continue
  fi
  if [ "${preset}" = scripts ]; then
    echo "=== scripts (each once, from a fresh copy)"
    tools/check-scripts.sh
    took
    continue
  fi
  log="build/${preset}.log"
  echo "=== ${preset}"
  if cmake --workflow --preset "${preset}" >"${log}" 2>&1; then
    grep -E "tests passed|tests failed" "${log}"
    took
  else
    tail -n 100 "${log}"
    echo "=== ${preset} FAILED (full log: ${log})"
    exit 1
  fi
done
