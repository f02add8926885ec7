#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Flash and RAM of the same firmware written two ways for a Cortex-M4F (-Os, -fno-exceptions,
# -fno-rtti, -fno-threadsafe-statics): the plain C driver TVM's demos use (size_c.c) and
# AotExecutor (size_aot.cpp). Prints .text/.data/.bss of both and the difference.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools/install-deps.sh cmake ninja-build g++ libfmt-dev libarchive-dev libelf-dev pkg-config libcli11-dev \
  gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib
work=build/size
mkdir -p "${work}"
# aot-gen runs on the host; the firmware project needs it for its MLF model.
cmake -S . -B "${work}/host" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAOT_BUILD_TESTS=OFF \
  -DAOT_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "${work}/host" --target aot-gen >/dev/null
g++ -std=c++17 -O2 examples/cortex-m/reference.cpp -o "${work}/reference"
"${work}/reference" >"${work}/expected.h"
# The firmware project also builds armnet from the MLF the reference writes (not measured here,
# but aot_add_model needs it at configure time).
"${work}/reference" --armnet "${work}/armnet"
cmake -S examples/cortex-m -B "${work}/arm" -G Ninja \
  -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/toolchains/arm-none-eabi-cortex-m4.cmake" \
  -DCMAKE_BUILD_TYPE=MinSizeRel -DAOT_GEN_EXECUTABLE="$PWD/${work}/host/tools/aot-gen/aot-gen" \
  -DEXPECTED_DIR="$PWD/${work}" >/dev/null
cmake --build "${work}/arm" --target size_c.elf size_aot.elf >/dev/null
read -r c_text c_data c_bss _ < <(arm-none-eabi-size "${work}/arm/size_c.elf" | tail -1)
read -r a_text a_data a_bss _ < <(arm-none-eabi-size "${work}/arm/size_aot.elf" | tail -1)
echo "$(arm-none-eabi-gcc --version | head -1), Cortex-M4F, -Os"
printf '%-22s %8s %8s %8s\n' "" .text .data .bss
printf '%-22s %8d %8d %8d\n' "C driver (size_c)" "$c_text" "$c_data" "$c_bss"
printf '%-22s %8d %8d %8d\n' "AotExecutor (size_aot)" "$a_text" "$a_data" "$a_bss"
printf '%-22s %+8d %+8d %+8d\n' "difference" $((a_text - c_text)) $((a_data - c_data)) $((a_bss - c_bss))
