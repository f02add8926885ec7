#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds and runs the quickstart demo: a + b through aot::AotExecutor. Builds only the demo and
# the one model it runs (not aot-gen, the tests or the other examples), so it needs only a
# compiler, CMake 3.18+, a build tool and {fmt}; CMake's own output goes to build/demo.log,
# shown if a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/demo
log=build/demo.log
step() { echo "demo: $*"; }
fail() {
  echo "demo: failed; the last lines of $log:" >&2
  tail -n 40 "$log" >&2
  exit 1
}

# The build tool: Ninja when there is one, else make. A build folder keeps the generator it was
# made with.
packages=(cmake g++ gcc libfmt-dev)
generator=()
if command -v ninja >/dev/null; then
  [ -f "$build/CMakeCache.txt" ] || generator=(-G Ninja)
else
  packages+=(make)
  [ -f "$build/CMakeCache.txt" ] || generator=(-G "Unix Makefiles")
fi
step "[1/4] checking the packages the demo needs (${packages[*]})"
tools/install-deps.sh "${packages[@]}"
mkdir -p build
: >"$log"

step "[2/4] configuring ($build, $(cmake --version | head -n 1))"
cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
  -DCMAKE_C_COMPILER=gcc -DAOT_BUILD_TESTS=OFF -DAOT_BUILD_EXAMPLES=ON -DAOT_BUILD_GENERATOR=OFF \
  -DAOT_INSTALL=OFF >>"$log" 2>&1 || fail

step "[3/4] building examples/quickstart"
cmake --build "$build" --target quickstart -j "$(nproc 2>/dev/null || echo 2)" >>"$log" 2>&1 || fail

step "[4/4] running $build/examples/quickstart/quickstart"
echo
"$build/examples/quickstart/quickstart"
