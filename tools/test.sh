#!/usr/bin/env bash
# Builds and runs every test: g++ and clang++, C++17 and C++20, Debug and -O2, ASan+UBSan, TSan,
# and the Cortex-M firmware under QEMU.
# Pass preset names to run only those (see CMakePresets.json).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh cmake ninja-build g++ clang binutils catch2 libfmt-dev libdlpack-dev git \
  libarchive-dev libcli11-dev gcc-arm-none-eabi libnewlib-arm-none-eabi \
  libstdc++-arm-none-eabi-newlib qemu-system-arm libbenchmark-dev valgrind
presets=("$@")
[ ${#presets[@]} -eq 0 ] && presets=(gcc-cxx17 clang-cxx20 gcc-cxx20-release clang-cxx17-release asan-ubsan tsan)
mkdir -p build
echo "=== lint"
tools/lint.sh
for preset in "${presets[@]}"; do
  log="build/${preset}.log"
  echo "=== ${preset}"
  if cmake --workflow --preset "${preset}" >"${log}" 2>&1; then
    grep -E "tests passed|tests failed" "${log}"
  else
    tail -n 100 "${log}"
    echo "=== ${preset} FAILED (full log: ${log})"
    exit 1
  fi
done
