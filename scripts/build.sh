#!/usr/bin/env bash
# Installs what is missing, then configures and builds Whistle into ./build (or $WHISTLE_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build_dir=${WHISTLE_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${WHISTLE_BUILD_TYPE:-RelWithDebInfo}" ${WHISTLE_CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
