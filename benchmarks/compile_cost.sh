#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Compile time of a translation unit using aot (aot/aot.hpp, an 8-tensor model, typed calls)
# against the same code written by hand with <array> and <cstring>: median of 7, -O2 -c.
# AOT_QUICK=1 compiles each once (tools/check-scripts.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh g++ libdlpack-dev
cxx=${CXX:-g++}
runs=7
[ "${AOT_QUICK:-0}" = 1 ] && runs=1
median() {
  local src=$1 times=()
  for _ in $(seq "${runs}"); do
    local start end
    start=$(date +%s%N)
    "${cxx}" -std=c++17 -O2 -Iinclude -c "${src}" -o /dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}
plain=$(median benchmarks/compile/plain.cpp)
with=$(median benchmarks/compile/with_aot.cpp)
echo "$(${cxx} --version | head -1), -std=c++17 -O2 -c, median of ${runs}"
printf '%-34s %6d ms\n' "<array> + <cstring>, by hand" "${plain}"
printf '%-34s %6d ms\n' "aot/aot.hpp + 8-tensor executor" "${with}"
printf '%-34s %+6d ms\n' "difference" $((with - plain))
