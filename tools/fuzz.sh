#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan) and runs each for
# <seconds> on a copy of its corpus, never writing into the source tree.
#
# Usage: tools/fuzz.sh <seconds> [target...]     (targets: tests/fuzz/fuzz_<target>.cpp; all
#                                                 of them when none is named)
# Environment:
#   FUZZ_JOBS=<n>        targets run at once (default 1; 2 on a two-core machine)
#   FUZZ_BUILD_DIR=<dir> build folder (default build/fuzz, the preset's)
#   FUZZ_KEEP_GOING=1    go on after a finding (libFuzzer's fork mode) until the time is up
#   FUZZ_ARGS="..."      more libFuzzer flags for every target
#
# Under <build>: work/<target>/ the corpus (the seeds plus what the run added; kept between
# runs, seeds re-copied), artifacts/<target>/ each crash, timeout, leak or out-of-memory input,
# logs/<target>.log libFuzzer's output. Prints one line per target (execs, coverage, result)
# and exits non-zero when any target found something.
# Reproduce a finding: <build>/tests/fuzz/fuzz_<target> <artifact>; minimise it:
# <build>/tests/fuzz/fuzz_<target> -minimize_crash=1 -runs=10000 <artifact>
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]] || [ "$1" -eq 0 ]; then
  echo "usage: tools/fuzz.sh <seconds per target> [target...]" >&2
  exit 2
fi
seconds=$1
shift

tools/install-deps.sh cmake ninja-build clang libclang-rt-14-dev libarchive-dev libelf-dev pkg-config libfmt-dev \
  libcli11-dev catch2 libdlpack-dev

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/fuzz_*.cpp; do
    name=$(basename "${src}" .cpp)
    targets+=("${name#fuzz_}")
  done
fi
for t in "${targets[@]}"; do
  if [ ! -f "tests/fuzz/fuzz_${t}.cpp" ]; then
    echo "fuzz.sh: no target '${t}' (tests/fuzz/fuzz_${t}.cpp)" >&2
    exit 2
  fi
done

build=${FUZZ_BUILD_DIR:-build/fuzz}
jobs=${FUZZ_JOBS:-1}
mkdir -p "${build}"
echo "=== configure and build (${build})"
log="${build}/build.log"
if [ "${build}" = "build/fuzz" ]; then
  configure=(cmake --preset fuzz)
  compile=(cmake --build --preset fuzz)
else
  configure=(cmake --preset fuzz -B "${build}")
  compile=(cmake --build "${build}")
fi
build_targets=()
for t in "${targets[@]}"; do build_targets+=("fuzz_${t}"); done
if ! { "${configure[@]}" && "${compile[@]}" --target "${build_targets[@]}"; } >"${log}" 2>&1; then
  tail -n 60 "${log}"
  echo "=== build FAILED (full log: ${log})"
  exit 1
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# run <target>: one libFuzzer run; its output in logs/<target>.log.
run() {
  local t=$1
  local bin="${build}/tests/fuzz/fuzz_${t}"
  local work="${build}/work/${t}" artifacts="${build}/artifacts/${t}"
  mkdir -p "${work}" "${artifacts}" "${build}/logs"
  cp -r "tests/fuzz/corpus/${t}/." "${work}/"
  local args=(-max_total_time="${seconds}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
              -artifact_prefix="${artifacts}/")
  case "${t}" in
    archive | pipeline) args+=(-max_len=65536) ;;
  esac
  if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  "${bin}" "${args[@]}" ${FUZZ_ARGS:-} "${work}" >"${build}/logs/${t}.log" 2>&1
}

# summary <target> <exit code>: the one-line result; returns 1 when something was found.
summary() {
  local t=$1 rc=$2
  local log="${build}/logs/${t}.log" status execs cov found
  status=$(grep -E '^#[0-9]+' "${log}" | tail -n 1 || true)
  execs=$(grep -oE '^stat::number_of_executed_units: [0-9]+' "${log}" | tail -n 1 | awk '{print $2}')
  [ -z "${execs}" ] && execs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"${status}")
  cov=$(grep -oE 'cov: [0-9]+' <<<"${status}" | awk '{print $2}')
  found=$(find "${build}/artifacts/${t}" -newer "${build}/logs/.start" -type f | wc -l)
  local result="ok"
  if [ "${rc}" -ne 0 ] || [ "${found}" -gt 0 ]; then
    result=$(grep -m1 -oE 'invariant broken: .{0,100}|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-z-]+( [a-z-]+)?|runtime error: .{0,80}' "${log}" || true)
    result="FOUND ${found} input(s) in ${build}/artifacts/${t}/ (${result:-exit ${rc}}; log ${log})"
  fi
  printf '%-10s %4ss  execs %-10s cov %-6s %s\n' "${t}" "${seconds}" "${execs:-?}" "${cov:-?}" "${result}"
  [ "${result}" = "ok" ]
}

mkdir -p "${build}/logs"
touch "${build}/logs/.start"
echo "=== fuzzing ${targets[*]}: ${seconds} s each, ${jobs} at a time"
declare -A pids=()
failed=0
finish() {
  local t=$1 rc=0
  wait "${pids[$t]}" || rc=$?
  unset "pids[$t]"
  summary "${t}" "${rc}" || failed=1
}
for t in "${targets[@]}"; do
  while [ ${#pids[@]} -ge "${jobs}" ]; do
    # The oldest running target finishes first: all run for the same time.
    for running in "${!pids[@]}"; do
      if ! kill -0 "${pids[$running]}" 2>/dev/null; then
        finish "${running}"
        break
      fi
    done
    [ ${#pids[@]} -ge "${jobs}" ] && sleep 1
  done
  run "${t}" &
  pids[$t]=$!
done
for t in "${targets[@]}"; do
  [ -n "${pids[$t]:-}" ] && finish "${t}"
done
exit "${failed}"
