#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test (ctest) — first the
# ordinary build (./build), then the same suite under AddressSanitizer + UBSan (./build-asan).
# WHISTLE_SANITIZED_TESTS=0 skips the second run for a quicker local loop; CI runs both.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/run-suite.sh
if [[ "${WHISTLE_SANITIZED_TESTS:-1}" != 0 ]]; then
  bash scripts/test-sanitized.sh
fi
