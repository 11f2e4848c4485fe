#!/usr/bin/env bash
# Builds one configuration into $WHISTLE_BUILD_DIR and runs its tests with ctest. The test command
# (scripts/test.sh) runs it for the ordinary build and for the sanitized one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir "${WHISTLE_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)" --timeout 600
