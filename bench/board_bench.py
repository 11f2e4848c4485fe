#!/usr/bin/env python3
"""The public board under a big community (issue 14): GET /board/{node} with 100k people ranked.

Seeds a database with whistle-bench-seed (the demo org, 100k people, a history, and this month's
work spread over every person), starts `whistle serve` on a copy of it, and times N sequential
requests of each target over one keep-alive HTTP connection (after a warm-up): first while the
ledger does not change, then each right after a new ledger entry — a leader's `加分 @居民N 1 测试`
in the target node's group, posted through the signed generic webhook and committed before the
request is sent. Prints median and p99 per target for both. Target: every page under 50 ms.

usage: bench/board_bench.py [--build build] [--people 100000] [--requests 200] [--changes 100] [--keep DIR]
Needs a build configured with -DWHISTLE_BENCH=ON (targets whistle and whistle-bench-seed).
"""
import argparse
import hashlib
import hmac
import json
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
# The pages a ledger entry changes, each with the group chat its entry is posted in (so the entry
# lands in that node's subtree, and in the community's).
CHANGED_TARGETS = [("/board/c1", "c1"), ("/board/g1", "g1"), ("/board/b3u2", "b3u2"),
                   ("/api/v1/nodes/c1/ranking", "b3u2"), ("/api/v1/nodes/c1/ranking?page=1000", "g1")]
# config/demo.toml's generic platform: its secret, and the community's leader, who may 加分 anywhere.
SECRET = b"whistle-demo-secret"
LEADER = "u-wang"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Ledger:
    """Appends ledger entries the way a chat does: a leader's 加分 through the signed generic webhook."""

    def __init__(self, port, people):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.people = people
        self.sent = 0

    def add_point(self, chat):
        self.sent += 1
        person = (self.sent * 7919) % self.people  # a different person each time, all over the ranking
        body = json.dumps({"id": f"board-bench-{os.getpid()}-{time.time_ns()}", "chat": chat, "from": LEADER,
                           "text": f"加分 @居民{person} 1 测试", "mentions": [f"s-{person}"]},
                          ensure_ascii=False).encode()
        signature = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        self.connection.request("POST", "/hooks/generic/default", body,
                                {"Content-Type": "application/json", "X-Whistle-Signature": signature})
        response = self.connection.getresponse()
        answer = response.read()
        if response.status != 200:
            sys.exit(f"webhook: status {response.status}: {answer[:200]!r}")


def ledger_entries(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/api/v1/nodes/c1/ledger")
    return json.loads(connection.getresponse().read())["entries"]


def timed_get(connection, target):
    started = time.perf_counter()
    connection.request("GET", target)
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        sys.exit(f"{target}: status {response.status}: {body[:200]!r}")
    return elapsed, len(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=str(ROOT / "build"))
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--changes", type=int, default=100, help="requests right after a ledger entry, per target")
    parser.add_argument("--keep", help="keep the seeded database in this folder (reused when present; each run "
                                       "serves a fresh copy, since the run adds ledger entries)")
    args = parser.parse_args()
    build = pathlib.Path(args.build)
    work = pathlib.Path(args.keep) if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="whistle-board-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    def write_config(name, database):
        config = work / name
        config.write_text((ROOT / "config/demo.toml").read_text(encoding="utf-8") +
                          f'\n[server]\nlisten = "127.0.0.1:{port}"\n\n[store]\npath = "{work / database}"\n',
                          encoding="utf-8")
        return config

    config = write_config("board.toml", "board.db")
    if not (work / "board.db").exists():
        started = time.monotonic()
        subprocess.run([str(build / "whistle-bench-seed"), "--config", str(config), "--people", str(args.people),
                        "--tasks", "1000", "--ledger", str(args.people), "--this-month", str(2 * args.people)],
                       check=True)
        print(f"seeded in {time.monotonic() - started:.1f} s", flush=True)
    for suffix in ("", "-wal", "-shm"):
        (work / f"run.db{suffix}").unlink(missing_ok=True)
    shutil.copyfile(work / "board.db", work / "run.db")
    env = dict(os.environ, SPDLOG_LEVEL="warn")
    server = subprocess.Popen([str(build / "whistle"), "serve", "--config", str(write_config("run.toml", "run.db"))],
                              env=env)
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
              f"(n={args.requests}, sequential, keep-alive, the ledger unchanged)")
        for target in TARGETS:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            # The first request of a target after the server started: it builds what the board keeps
            # of the month.
            first, _ = timed_get(connection, target)
            for _ in range(5):  # warm-up: the page cache, the prepared statements
                timed_get(connection, target)
            times = []
            size = 0
            for _ in range(args.requests):
                elapsed, size = timed_get(connection, target)
                times.append(elapsed)
            print(f"{target:42} {size:>8} {first:>7.1f}ms {statistics.median(times):>7.1f}ms "
                  f"{percentile(times, 0.99):>7.1f}ms", flush=True)

        ledger = Ledger(port, args.people)
        before = ledger_entries(port)
        print(f"\n{'target, right after a ledger entry':42} {'entry in':>8} {'max':>9} {'median':>9} {'p99':>9}  "
              f"(n={args.changes}, each after a 加分 committed)")
        for target, chat in CHANGED_TARGETS:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            timed_get(connection, target)
            times = []
            for _ in range(args.changes):
                ledger.add_point(chat)  # answered after its commit: the next read sees the entry
                times.append(timed_get(connection, target)[0])
            print(f"{target:42} {chat:>8} {max(times):>7.1f}ms {statistics.median(times):>7.1f}ms "
                  f"{percentile(times, 0.99):>7.1f}ms", flush=True)
        added = ledger_entries(port) - before
        if added != ledger.sent:
            sys.exit(f"the ledger grew by {added} entries for {ledger.sent} 加分: the changes were not all made")
        print(f"ledger entries added during the run: {added}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
