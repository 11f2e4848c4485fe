#!/usr/bin/env python3
"""The public board under a big community (issue 14): GET /board/{node} with 100k people ranked.

Seeds a database with whistle-bench-seed (the demo org, 100k people, a history, and this month's
work spread over every person), starts `whistle serve` on it, and times N sequential requests of
each target over one keep-alive HTTP connection (after a warm-up). Prints median and p99 per
target. Target: the community page under 50 ms.

usage: bench/board_bench.py [--build build] [--people 100000] [--requests 200] [--keep DIR]
Needs a build configured with -DWHISTLE_BENCH=ON (targets whistle and whistle-bench-seed).
"""
import argparse
import http.client
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGETS = ["/board/c1", "/board/c1?screen=lobby", "/board/g1", "/board/b3u2", "/api/v1/nodes/c1/ranking",
           "/api/v1/nodes/c1/ranking?page=1000", "/api/v1/nodes/c1/tickets", "/api/v1/nodes/c1/tasks"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", help="keep the seeded database in this folder (reused when present)")
    args = parser.parse_args()
    build = pathlib.Path(args.build)
    work = pathlib.Path(args.keep) if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="whistle-board-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = work / "board.toml"
    config.write_text((ROOT / "config/demo.toml").read_text(encoding="utf-8") +
                      f'\n[server]\nlisten = "127.0.0.1:{port}"\n\n[store]\npath = "{work / "board.db"}"\n',
                      encoding="utf-8")
    if not (work / "board.db").exists():
        started = time.monotonic()
        subprocess.run([str(build / "whistle-bench-seed"), "--config", str(config), "--people", str(args.people),
                        "--tasks", "1000", "--ledger", str(args.people), "--this-month", str(2 * args.people)],
                       check=True)
        print(f"seeded in {time.monotonic() - started:.1f} s", flush=True)
    env = dict(os.environ, SPDLOG_LEVEL="warn")
    server = subprocess.Popen([str(build / "whistle"), "serve", "--config", str(config)], env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("GET", "/healthz")
                if connection.getresponse().read() and True:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        print(f"{'target':42} {'bytes':>8} {'first':>9} {'median':>9} {'p99':>9}  "
              f"(n={args.requests}, sequential, keep-alive)")
        for target in TARGETS:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            # The first request of a target sums the month (the board keeps the sums until the
            # ledger changes): what a page costs right after a new ledger entry.
            started = time.perf_counter()
            connection.request("GET", target)
            connection.getresponse().read()
            first = (time.perf_counter() - started) * 1000
            for _ in range(5):  # warm-up: the page cache, the prepared statements
                connection.request("GET", target)
                connection.getresponse().read()
            times = []
            size = 0
            for _ in range(args.requests):
                started = time.perf_counter()
                connection.request("GET", target)
                response = connection.getresponse()
                body = response.read()
                times.append((time.perf_counter() - started) * 1000)
                if response.status != 200:
                    sys.exit(f"{target}: status {response.status}: {body[:200]!r}")
                size = len(body)
            print(f"{target:42} {size:>8} {first:>7.1f}ms {statistics.median(times):>7.1f}ms "
                  f"{percentile(times, 0.99):>7.1f}ms", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
