#!/usr/bin/env bash
# Installs what the peers need, only what is missing: Debian's Python with aiohttp (and uvloop,
# which a careful deployer would add), Node.js with npm, and the fastify peer's npm packages.
# better-sqlite3 is compiled here against Debian's Node headers (/usr/include/node): no prebuilt
# binary or header tarball is downloaded.
set -euo pipefail
cd "$(dirname "$0")"
WHISTLE_SETUP_EXTRA="python3 python3-aiohttp python3-uvloop nodejs make g++ ${WHISTLE_SETUP_EXTRA:-}" \
  bash ../../scripts/setup.sh
# Node.js from NodeSource carries its own npm (and conflicts with Debian's npm package).
if ! command -v npm >/dev/null; then
  WHISTLE_SETUP_EXTRA="npm" bash ../../scripts/setup.sh
fi
cd fastify
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]] ||
  ! node -e "require('better-sqlite3')" 2>/dev/null; then
  npm_config_nodedir=/usr npm ci --build-from-source --no-audit --no-fund
fi
