#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test (ctest) — first the
# ordinary build (./build), then the public board in headless Chromium over that build
# (scripts/test-browser.sh, once per run), then the same suite under AddressSanitizer + UBSan
# (./build-asan). WHISTLE_SANITIZED_TESTS=0 skips the sanitized run and WHISTLE_BROWSER_TESTS=0
# the browser tests for a quicker local loop; CI runs all three.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/run-suite.sh
bash scripts/test-browser.sh
if [[ "${WHISTLE_SANITIZED_TESTS:-1}" != 0 ]]; then
  bash scripts/test-sanitized.sh
fi
