#!/usr/bin/env bash
# The benchmark in one command: installs what it needs (wrk, sqlite3, Node/npm and the peers'
# packages, Python's aiohttp), builds Whistle with its benchmark programs into ./build-bench, and
# runs bench/run.py, which writes bench/results/latest.md. Everything runs on 127.0.0.1 and every
# load is bounded in time (about 20 minutes of load, plus the build; --quick for a 2-minute try of the harness).
#
#   bash bench/run.sh [--quick] [--only saturation,latency,peers,scale,groups,limit,bigtask]
#                     [--layouts two,pinned] [--bigtask-seconds 5,30]     (see bench/run.py)
set -euo pipefail
cd "$(dirname "$0")/.."
WHISTLE_SETUP_EXTRA="wrk sqlite3 ${WHISTLE_SETUP_EXTRA:-}" bash scripts/setup.sh
bash bench/peers/setup.sh
export WHISTLE_BUILD_DIR=${WHISTLE_BENCH_BUILD_DIR:-build-bench}
WHISTLE_BUILD_TYPE=RelWithDebInfo WHISTLE_CMAKE_ARGS="-DWHISTLE_BENCH=ON -DWHISTLE_TESTS=OFF" bash scripts/build.sh
export WHISTLE_BENCH_BUILD_DIR="$PWD/$WHISTLE_BUILD_DIR"
exec /usr/bin/python3 bench/run.py "$@"
