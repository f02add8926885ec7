#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds and runs the quickstart demo: a + b through aot::AotExecutor.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh cmake ninja-build g++ libfmt-dev libdlpack-dev libarchive-dev libcli11-dev
cmake --workflow --preset demo >/dev/null
build/demo/examples/quickstart/quickstart
