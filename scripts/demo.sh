#!/usr/bin/env bash
# The main job: installs what is missing, builds, and serves the built-in demo community on
# 127.0.0.1:8080 with ./whistle.db (pass --config FILE to serve your own community instead).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec "./${WHISTLE_BUILD_DIR:-build}/whistle" serve "$@"
