#!/usr/bin/env bash
# Instructions per inference through AotExecutor (overhead_aot) and through the plain C driver
# (overhead_c) for each model, from callgrind at two iteration counts (the difference removes
# start-up). -O2. The last line is the worst ratio.
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
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
per_inference() {
  local a b
  a=$(count "${build}/benchmarks/$1" "${low}" "$2")
  b=$(count "${build}/benchmarks/$1" "${high}" "$2")
  echo $(((b - a) / (high - low)))
}

echo "$(g++ --version | head -1), -O2, $(uname -m); instructions per inference (callgrind)"
printf '%-10s %-22s %10s %10s %8s\n' model convention aot c aot/c
worst=0
for entry in "seed:C interface" "extpool:C interface + pool" "mixed:packed" "arena:workspace arena"; do
  model=${entry%%:*}
  convention=${entry#*:}
  aot=$(per_inference overhead_aot "${model}")
  c=$(per_inference overhead_c "${model}")
  ratio=$(awk -v a="${aot}" -v c="${c}" 'BEGIN { printf "%.3f", a / c }')
  worst=$(awk -v r="${ratio}" -v w="${worst}" 'BEGIN { print (r > w) ? r : w }')
  printf '%-10s %-22s %10d %10d %8s\n' "${model}" "${convention}" "${aot}" "${c}" "${ratio}"
done
printf 'max ratio aot/c = %.2f\n' "${worst}"
