#!/usr/bin/env bash
# Seeds the public board (issue 14): writes OUT_DIR/config.toml and a month of `whistle sim` input
# (scripts/board_seed.py, deterministic), checks that the bot reads every command line as meant
# (`whistle parse`), runs the sim into OUT_DIR/board.db, and checks that every command was answered
# and none came back "not understood". The hand counts the browser tests compare the board with
# are in OUT_DIR/expected.json.
#
#   bash scripts/board-seed.sh OUT_DIR
#
# WHISTLE_BIN: the binary (default build/whistle of this checkout). BOARD_SEED_MONTH=YYYY-MM pins
# "this month" (default: the current month in Asia/Shanghai).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [[ $# -ne 1 ]]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 2
fi
out="$1"
whistle="${WHISTLE_BIN:-$here/build/whistle}"
if [[ ! -x "$whistle" ]]; then
  echo "board-seed: no binary at $whistle (build it, or set WHISTLE_BIN)" >&2
  exit 2
fi

mkdir -p "$out"
# A database left by an earlier run would receive the same lines a second time.
rm -f "$out/board.db" "$out/board.db-wal" "$out/board.db-shm"
python3 "$here/scripts/board_seed.py" "$out"
python3 "$here/scripts/board_seed_check.py" parse "$whistle" "$out"
"$whistle" sim --config "$out/config.toml" --db "$out/board.db" <"$out/input.jsonl" >"$out/sim-output.jsonl"
python3 "$here/scripts/board_seed_check.py" answers "$out"
"$whistle" check --config "$out/config.toml" --db "$out/board.db" >"$out/check.json"
echo "board-seed: $(wc -l <"$out/input.jsonl") lines in, $(wc -l <"$out/sim-output.jsonl") answers out," \
  "database $out/board.db"
