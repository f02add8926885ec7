#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the API reference with Doxygen (docs/Doxyfile) into <out>/html, default
# build/docs/html, and fails on any Doxygen warning: an undocumented public member or a
# reference that resolves to nothing is a defect of the manual, and a count that may grow is
# one nobody reads. Installs doxygen (Debian's) if it is missing.
# Usage: tools/docs.sh [out]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh doxygen
out="${1:-build/docs}"
log="${out}/warnings.log"
# project(VERSION) is the one place a release changes the version.
version=$(sed -n 's/^project(aot VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
# A page or member removed from the headers must not live on in the manual.
rm -rf "${out}/html"
mkdir -p "${out}"
start=${SECONDS}
# Settings given after the file's own override them; relative paths are the repository's.
status=0
{
  cat docs/Doxyfile
  echo "PROJECT_NUMBER = ${version}"
  echo "OUTPUT_DIRECTORY = ${out}"
  echo "WARN_LOGFILE = ${log}"
} | doxygen - || status=$?
warnings=$(grep -c . "${log}" || true)
if [ "${status}" -ne 0 ] || [ "${warnings}" -ne 0 ]; then
  cat "${log}"
  echo "docs: FAILED, ${warnings} warning(s) from doxygen $(doxygen --version) (exit ${status})"
  exit 1
fi
echo "docs: ${out}/html/index.html, 0 warnings, $((SECONDS - start)) s"
