#!/usr/bin/env bash
# The kill -9 soak (scripts/soak/driver.py): the storm for MINUTES (default 10) while the server
# is killed with SIGKILL at random and restarted, the database is made read-only for 10 s, and —
# in a second, one-minute run — the disk fills up for 10 s; then the end state is checked against
# what the load generator and a fake deliver_url receiver saw. Needs root (chattr, mount).
#
#   bash scripts/soak.sh [MINUTES]        # exit 0 only if every check held
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
WHISTLE_SETUP_EXTRA="python3 python3-aiohttp e2fsprogs ${WHISTLE_SETUP_EXTRA:-}" bash scripts/setup.sh
bash scripts/build.sh
work=$(mktemp -d /tmp/whistle-soak.XXXXXX)
cleanup() {
  chattr -i "$work"/kills-db/whistle.db* 2>/dev/null || true
  umount -l "$work/diskfull-db" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
echo "soak: ${minutes} min in $work"
# Bounded: the storm's minutes, the one-minute disk-full run, at most 2.5 minutes of settling the
# volunteer loop per run and at most 10 minutes of draining.
timeout $(( ${minutes%.*} * 60 + 1200 )) /usr/bin/python3 scripts/soak/driver.py --whistle build/whistle \
  --storm-org bench/storm_org.py --minutes "$minutes" --work "$work"
