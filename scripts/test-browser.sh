#!/usr/bin/env bash
# The public board's browser tests (issue 14): installs what they need only when it is missing
# (Debian's chromium, a Chinese font for readable screenshots, sqlite3, node/npm), runs `npm ci` in
# tests/browser only when node_modules is missing or older than the lock file, seeds a month of
# `whistle sim` into a temporary directory (scripts/board-seed.sh), and runs the tests in headless
# Chromium. Screenshots go to artifacts/board/. Exit status: the tests'.
#
# WHISTLE_BIN: the binary (default build/whistle). WHISTLE_BROWSER_TESTS=0 skips everything.
# Nothing here downloads a browser: puppeteer-core drives /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${WHISTLE_BROWSER_TESTS:-1}" == 0 ]]; then
  echo "test-browser: skipped (WHISTLE_BROWSER_TESTS=0)"
  exit 0
fi
started=$(date +%s)

# The same way scripts/setup.sh installs: only what is missing, non-interactive, apt-get update
# once. node and npm are looked for as commands: a NodeSource nodejs brings its own npm, and
# Debian's npm package would conflict with it.
missing=()
for p in chromium sqlite3 fonts-wqy-microhei; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]} > 0)); then
  echo "test-browser: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

export PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROME_DOWNLOAD=1
# npm ci deletes and reinstalls node_modules: only when it is missing or the lock file changed
# since (npm writes node_modules/.package-lock.json at every install).
if [[ ! -f tests/browser/node_modules/.package-lock.json ||
  tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi

WHISTLE_BIN="$(realpath "${WHISTLE_BIN:-build/whistle}")"
export WHISTLE_BIN
seed="$(mktemp -d /tmp/whistle-board-seed.XXXXXX)"
bash scripts/board-seed.sh "$seed"
# The hand counts beside the screenshots, for whoever compares them.
mkdir -p artifacts/board
cp "$seed/expected.json" artifacts/board/expected.json

status=0
artifacts="$PWD/artifacts/board"
(cd tests/browser && BOARD_SEED_DIR="$seed" BOARD_ARTIFACTS="$artifacts" CHROMIUM=/usr/bin/chromium \
  node --test --test-reporter=spec board.test.mjs) || status=$?
if ((status == 0)); then
  rm -rf "$seed"
  echo "test-browser: passed in $(($(date +%s) - started)) s; screenshots in artifacts/board/"
else
  # The seeded database stays for a look: whistle serve --config "$seed/config.toml".
  echo "test-browser: FAILED in $(($(date +%s) - started)) s; screenshots in artifacts/board/, seed kept in $seed"
fi
exit "$status"
