#!/usr/bin/env bash
# Fuzzes the parser, the generic webhook decoder and the config loader with libFuzzer (clang 14,
# AddressSanitizer + UBSan), each for SECONDS (default 60), all targets at once (one process per
# target; 2 cores run 3 targets at two thirds of a core each).
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     targets: parser_fuzzer generic_webhook_fuzzer config_fuzzer
#                                                  feishu_fuzzer wecom_fuzzer wecom_bot_fuzzer
#                                                  dingtalk_fuzzer telegram_fuzzer
#
# Seeds: tests/fuzz/seeds/<target>/ plus lines, bodies and files pulled from the test suite
# (scripts/fuzz_seeds.py). The grown corpus stays in build-fuzz/corpus/<target>/ for the next run;
# findings (crash-*, leak-*, timeout-*) land in build-fuzz/findings/<target>/ and make the script
# exit non-zero. Logs: build-fuzz/logs/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(parser_fuzzer generic_webhook_fuzzer config_fuzzer feishu_fuzzer wecom_fuzzer wecom_bot_fuzzer
           dingtalk_fuzzer telegram_fuzzer)
fi

WHISTLE_SETUP_EXTRA="clang-14 libclang-rt-14-dev python3 ${WHISTLE_SETUP_EXTRA:-}" bash scripts/setup.sh
build=build-fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWHISTLE_FUZZ=ON \
  -DWHISTLE_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

python3 scripts/fuzz_seeds.py "$build/seeds"
mkdir -p "$build/logs"
pids=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  findings="$build/findings/$target"
  mkdir -p "$corpus" "$findings"
  dict=tests/fuzz/$target.dict
  # -max_total_time bounds the run; -timeout flags an input that takes over 10 s as a hang.
  "$build/fuzz/$target" "$corpus" "tests/fuzz/seeds/$target" "$build/seeds/$target" \
    -dict="$dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$build/logs/$target.log" 2>&1 &
  pids+=($!)
done

status=0
for i in "${!pids[@]}"; do
  target=${targets[$i]}
  if ! wait "${pids[$i]}"; then status=1; fi
  echo "== $target: $(grep -E '^#[0-9]+.*(DONE|pulse|NEW)' "$build/logs/$target.log" | tail -1)"
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$build/logs/$target.log" || true
  if compgen -G "$build/findings/$target/*" >/dev/null; then
    echo "   findings: $(ls "$build/findings/$target")"
    status=1
  fi
done
exit $status
