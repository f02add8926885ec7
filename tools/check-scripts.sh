#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every script the documentation names, as a reader would: from a fresh copy of the
# tree (the files git tracks or would track, no build folder), each once, in its quick mode
# (AOT_QUICK=1) where it has one, and checks each printed its result. A script named in a
# README or docs/*.md that this check neither runs nor knows to be run by tools/test.sh is an
# error: a new one must be added here. tools/test.sh runs this check (`tools/test.sh scripts`).
# Usage: tools/check-scripts.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# <script> <what its output must contain>: run here, in this order.
run_here=(
  "tools/demo.sh|output = [4, 7]"
  "benchmarks/compile_cost.sh|difference"
  "benchmarks/overhead.sh|max ratio aot/c"
  "benchmarks/size/size.sh|AotExecutor (size_aot)"
  "benchmarks/python_overhead.sh|over the C++ run"
)
# Run by tools/test.sh itself (the script, lint, the API reference, the fuzz run), or by
# every script above (install-deps.sh).
run_elsewhere=(tools/test.sh tools/check-scripts.sh tools/lint.sh tools/docs.sh tools/fuzz.sh tools/install-deps.sh)

named=$(git ls-files -co --exclude-standard '*.md' | grep -v '^tests/fixtures/' |
  xargs grep -ohE '\b(tools|benchmarks)/[A-Za-z0-9_./-]+\.sh\b' | sort -u)
known=" ${run_elsewhere[*]} "
for entry in "${run_here[@]}"; do known+="${entry%%|*} "; done
unknown=0
for script in ${named}; do
  if [[ "${known}" != *" ${script} "* ]]; then
    echo "check-scripts: ${script} is named in the documentation but neither run here nor by" \
      "tools/test.sh: add it to tools/check-scripts.sh" >&2
    unknown=1
  fi
  if [ ! -x "${script}" ]; then
    echo "check-scripts: ${script} is named in the documentation but is not an executable file" >&2
    unknown=1
  fi
done
[ "${unknown}" -eq 0 ] || exit 1

# The fresh copy: what a clone of this tree would hold, with its uncommitted changes.
copy=build/scripts/tree
rm -rf "${copy}"
mkdir -p "${copy}"
git ls-files -z -co --exclude-standard |
  while IFS= read -r -d '' f; do [ -e "${f}" ] && printf '%s\0' "${f}"; done |
  tar --null -T - -cf - | tar -C "${copy}" -xf -

failed=0
for entry in "${run_here[@]}"; do
  script=${entry%%|*}
  expect=${entry#*|}
  log="build/scripts/$(basename "${script}" .sh).log"
  start=${SECONDS}
  if (cd "${copy}" && AOT_QUICK=1 "./${script}") >"${log}" 2>&1 && grep -qF "${expect}" "${log}"; then
    echo "check-scripts: ${script} ok ($((SECONDS - start)) s)"
  else
    tail -n 30 "${log}"
    echo "check-scripts: ${script} FAILED from a fresh copy (log: ${log})"
    failed=1
  fi
done
exit "${failed}"
