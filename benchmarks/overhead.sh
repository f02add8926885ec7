#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Instructions per inference through AotExecutor (overhead_aot) and through the plain C driver
# (overhead_c) for each model, from callgrind at two iteration counts (the difference removes
# start-up). -O2. The last line is the worst ratio. AOT_QUICK=1 counts 10 and 30 iterations
# instead of 1000 and 11000 (the same figures, in seconds: tools/check-scripts.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh cmake ninja-build g++ valgrind libdlpack-dev libbenchmark-dev
build=build/overhead
cmake -S . -B "${build}" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DAOT_BUILD_BENCHMARKS=ON -DAOT_BUILD_TESTS=OFF \
  -DAOT_BUILD_EXAMPLES=OFF -DAOT_BUILD_GENERATOR=OFF >/dev/null
cmake --build "${build}" --target overhead_aot overhead_c >/dev/null

low=1000
high=11000
if [ "${AOT_QUICK:-0}" = 1 ]; then
  low=10
  high=30
fi
# count [callgrind options...] -- program args: instructions callgrind collected.
count() {
  local opts=()
  while [ "$1" != "--" ]; do
    opts+=("$1")
    shift
  done
  shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "${opts[@]}" "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
# per_inference <program> <mode> [callgrind options...]
per_inference() {
  local prog=$1 mode=$2 a b
  shift 2
  a=$(count "$@" -- "${build}/benchmarks/${prog}" "${low}" "${mode}")
  b=$(count "$@" -- "${build}/benchmarks/${prog}" "${high}" "${mode}")
  echo $(((b - a) / (high - low)))
}

echo "$(g++ --version | head -1), -O2, $(uname -m); instructions per inference (callgrind)"
printf '%-10s %-22s %10s %10s %8s\n' model convention aot c aot/c
worst=0
for entry in "seed:C interface" "extpool:C interface + pool" "mixed:packed" "arena:workspace arena" \
  "kwsnet:120 KB workspace arena" "bound:caller's buffers" "frames:double-buffered"; do
  model=${entry%%:*}
  convention=${entry#*:}
  aot=$(per_inference overhead_aot "${model}")
  c=$(per_inference overhead_c "${model}")
  ratio=$(awk -v a="${aot}" -v c="${c}" 'BEGIN { printf "%.3f", a / c }')
  worst=$(awk -v r="${ratio}" -v w="${worst}" 'BEGIN { print (r > w) ? r : w }')
  printf '%-10s %-22s %10d %10d %8s\n' "${model}" "${convention}" "${aot}" "${c}" "${ratio}"
done
printf 'max ratio aot/c = %.2f\n' "${worst}"

# One TVMBackendAllocWorkspace and one TVMBackendFreeWorkspace call: kwsnet makes 10 of each
# per inference (its call sites, each run once). Only the functions' own instructions count
# (--toggle-collect).
calls=10
per_call() {
  per_inference "$1" kwsnet "--toggle-collect=$2" |
    awk -v n="${calls}" '{ printf "%.1f", $1 / n }'
}
printf 'TVMBackendAllocWorkspace per call: aot %s, C bump allocator %s instructions\n' \
  "$(per_call overhead_aot TVMBackendAllocWorkspace)" "$(per_call overhead_c TVMBackendAllocWorkspace)"
printf 'TVMBackendFreeWorkspace per call: aot %s, C bump allocator %s instructions\n' \
  "$(per_call overhead_aot TVMBackendFreeWorkspace)" "$(per_call overhead_c TVMBackendFreeWorkspace)"

# The runtime interface: two set_input(DLTensor) calls and a run, by name against by index.
index=$(per_inference overhead_aot dl-index)
name=$(per_inference overhead_aot dl-name)
printf 'set_input(DLTensor) by name costs %d instructions more per call than by index\n' \
  $(((name - index) / 2))
