#!/usr/bin/env python3
"""The whistle-storm benchmark: Whistle beside the limit and the peers, in one run.

Started by bench/run.sh, which installs and builds what this needs. Everything runs on 127.0.0.1
and every load is bounded by wrk's -d. Repetitions are interleaved (repetition 1 of every
configuration, then repetition 2, ...) so drift on this shared VM spreads over all of them, and
the tables quote medians.

    bench/run.sh                 # the full run (about 15 minutes)
    bench/run.sh --quick         # 1 repetition of 3 s each, for trying the harness
    bench/run.sh --only saturation,latency,scale,groups,peers

Writes bench/results/latest.md (the tables) and bench/results/latest.json (every raw figure).
"""
import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("WHISTLE_BENCH_BUILD_DIR", os.path.join(ROOT, "build-bench"))
WHISTLE = os.path.join(BUILD, "whistle")
HELLO = os.path.join(BUILD, "whistle-bench-hello")
SEED = os.path.join(BUILD, "whistle-bench-seed")
STORM_LUA = os.path.join(ROOT, "bench", "wrk", "storm.lua")
STORM_ORG = os.path.join(ROOT, "bench", "storm_org.py")
PEERS = os.path.join(ROOT, "bench", "peers")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, where python3-aiohttp is installed
SECRET = "whistle-bench-secret"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

PORT_SERVER = 18080  # the server under test, one at a time
PORT_SINK = 18090  # Whistle's deliver_url: a hello server that takes the outbox's messages


# --------------------------------------------------------------------------------------------
# Processes


class Server:
    """A server under test, started and waited for; its CPU time and peak RSS are read from /proc."""

    def __init__(self, name, argv, cwd=None, env=None, ready=r"listening on http://"):
        self.name = name
        self.log = tempfile.NamedTemporaryFile(prefix=f"bench-{name}-", suffix=".log", delete=False)
        self.process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=self.log,
                                        text=True, start_new_session=True)
        deadline = time.monotonic() + 120
        while True:
            line = self.process.stdout.readline()
            if re.search(ready, line or ""):
                break
            if not line and self.process.poll() is not None:
                raise RuntimeError(f"{name} exited with {self.process.returncode}; log: {self.log.name}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{name} did not start within 120 s; log: {self.log.name}")
        # Keep draining stdout into a file beside the log: closing the pipe instead killed the
        # server with SIGPIPE at its next line, and leaving it unread would block it once full.
        self.drain = threading.Thread(target=self._drain_stdout, daemon=True)
        self.drain.start()

    def _drain_stdout(self):
        with open(self.log.name + ".stdout", "w") as log:
            for line in self.process.stdout:
                log.write(line)
                log.flush()

    def cpu_seconds(self):
        """User + system time of the process and all its threads (and its child processes)."""
        total = 0
        for pid in [self.process.pid] + self._children():
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime
            except (FileNotFoundError, ProcessLookupError):
                pass
        return total / CLOCK_TICKS

    def peak_rss_mb(self):
        peak = 0
        for pid in [self.process.pid] + self._children():
            try:
                with open(f"/proc/{pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak += int(line.split()[1])
            except FileNotFoundError:
                pass
        return peak / 1024

    def _children(self):
        try:
            out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True)
            return [int(pid) for pid in out.stdout.split()]
        except OSError:
            return []

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def metrics(port):
    """Whistle's Prometheus counters as {name: value} (histogram sums and counts included)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    values = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, _, value = line.rpartition(" ")
        values[name] = float(value)
    return values


# --------------------------------------------------------------------------------------------
# Load


def run_wrk(port, groups, seconds, rate=0, tag="run", connections=50, threads=1):
    """One wrk run of the storm; returns its figures plus wrk's own CPU time."""
    out = tempfile.NamedTemporaryFile(prefix="bench-wrk-", suffix=".json", delete=False)
    out.close()
    env = dict(os.environ, STORM_OUT=out.name)
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", STORM_LUA,
            f"http://127.0.0.1:{port}", "--", groups, SECRET, str(rate), tag, str(threads)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    finished = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=seconds + 60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if finished.returncode != 0:
        raise RuntimeError(f"wrk failed: {finished.stderr or finished.stdout}")
    with open(out.name) as file:
        figures = json.load(file)
    os.unlink(out.name)
    figures["wrk_cpu_seconds"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


def measure(server, groups, seconds, warmup, rate=0, tag="run", whistle_port=None):
    """Warm up, then one measured run; adds the server's CPU, RSS and (Whistle) events per commit."""
    if warmup > 0:
        run_wrk(PORT_SERVER, groups, warmup, rate=rate, tag=tag + "w")
    batches_before = metrics(whistle_port) if whistle_port else None
    cpu_before = server.cpu_seconds()
    figures = run_wrk(PORT_SERVER, groups, seconds, rate=rate, tag=tag)
    cpu_after = server.cpu_seconds()
    figures["server_cpu_seconds"] = cpu_after - cpu_before
    duration = figures["duration_us"] / 1e6
    figures["server_cpu_pct"] = 100 * figures["server_cpu_seconds"] / duration
    figures["wrk_cpu_pct"] = 100 * figures["wrk_cpu_seconds"] / duration
    figures["cpu_us_per_request"] = 1e6 * figures["server_cpu_seconds"] / max(1, figures["requests"])
    figures["peak_rss_mb"] = server.peak_rss_mb()
    if whistle_port:
        after = metrics(whistle_port)
        batches = after.get("whistle_batch_size_count", 0) - batches_before.get("whistle_batch_size_count", 0)
        events = after.get("whistle_batch_size_sum", 0) - batches_before.get("whistle_batch_size_sum", 0)
        figures["events_per_commit"] = events / batches if batches else 0
        figures["events_failed"] = after.get("whistle_events_failed_total", 0)
    return figures


# --------------------------------------------------------------------------------------------
# The systems under test


class Workspace:
    """A temp directory per configuration: its org, config and database."""

    def __init__(self, groups=1000, synchronous="NORMAL", threads=1):
        self.dir = tempfile.mkdtemp(prefix="bench-storm-")
        self.db = os.path.join(self.dir, "whistle.db")
        subprocess.run([sys.executable, STORM_ORG, self.dir, "--groups", str(groups), "--port", str(PORT_SERVER),
                        "--db", self.db, "--synchronous", synchronous, "--threads", str(threads),
                        "--deliver-url", f"http://127.0.0.1:{PORT_SINK}/deliver"], check=True)
        self.config = os.path.join(self.dir, "whistle.toml")
        self.groups = os.path.join(self.dir, "groups.tsv")

    def fresh_db(self, template=None):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(self.db + suffix):
                os.unlink(self.db + suffix)
        if template:
            shutil.copyfile(template, self.db)

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def whistle_env():
    # Per-request log lines off: a benchmark measures the event path, not the terminal. Warnings
    # and errors still go to the log file.
    return dict(os.environ, SPDLOG_LEVEL=os.environ.get("SPDLOG_LEVEL", "warn"))


def start_whistle(workspace):
    return Server("whistle", [WHISTLE, "serve", "--config", workspace.config], cwd=workspace.dir,
                  env=whistle_env(), ready=r"whistle: listening on")


def start_hello():
    return Server("hello", [HELLO, str(PORT_SERVER)])


def start_peer(name, workspace, synchronous="NORMAL"):
    env = dict(os.environ, PEER_PORT=str(PORT_SERVER), PEER_DB=os.path.join(workspace.dir, f"{name}.db"),
               PEER_SYNCHRONOUS=synchronous, PEER_SECRET=SECRET)
    for suffix in ("", "-wal", "-shm"):
        path = env["PEER_DB"] + suffix
        if os.path.exists(path):
            os.unlink(path)
    if name == "aiohttp":
        argv = [SYSTEM_PYTHON, os.path.join(PEERS, "aiohttp", "server.py")]
    else:
        argv = ["node", os.path.join(PEERS, "fastify", "server.js")]
    return Server(name, argv, cwd=workspace.dir, env=env)


# --------------------------------------------------------------------------------------------
# Tables


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt_int(value):
    return "–" if value is None else f"{value:,.0f}"


def fmt_latency(us):
    if us is None:
        return "–"
    return f"{us / 1000:.2f} ms" if us >= 1000 else f"{us:.0f} µs"


def fmt_ratio(value):
    return "–" if value is None else f"{value:.2f}"


def summarize(runs, key):
    return median([run.get(key) for run in runs])


def latency_of(runs, percentile):
    return median([run["latency_us"][percentile] for run in runs])


def machine_description():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = []
    for argv in (["wrk", "-v"], ["node", "--version"], [SYSTEM_PYTHON, "--version"], ["sqlite3", "--version"]):
        try:
            out = subprocess.run(argv, capture_output=True, text=True, timeout=10)
            versions.append((out.stdout or out.stderr).strip().splitlines()[0])
        except (OSError, IndexError, subprocess.TimeoutExpired):
            pass
    return (f"{os.cpu_count()} × {model}, {memory:.0f} GiB, {platform.system()} {platform.release()}, "
            f"{platform.freedesktop_os_release().get('PRETTY_NAME', '') if hasattr(platform, 'freedesktop_os_release') else ''}; "
            + "; ".join(versions))


# --------------------------------------------------------------------------------------------
# The run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1 repetition of 3 s: tries the harness")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--only", default="saturation,latency,peers,scale,groups")
    parser.add_argument("--groups-table", default="1000,10000,100000")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results"))
    args = parser.parse_args()
    if args.quick:
        args.reps, args.seconds, args.warmup = 1, 3, 1
    parts = set(args.only.split(","))
    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    raw = {"machine": machine_description(), "date": datetime.datetime.now().isoformat(timespec="seconds"),
           "reps": args.reps, "seconds": args.seconds, "connections": 50, "runs": {}}

    def record(config, figures):
        raw["runs"].setdefault(config, []).append(figures)
        print(f"  {config:<28} {figures['rps']:>9,.0f} req/s  p50 {fmt_latency(figures['latency_us']['p50'])}"
              f"  p99 {fmt_latency(figures['latency_us']['p99'])}  srv {figures['server_cpu_pct']:.0f}%"
              f"  wrk {figures['wrk_cpu_pct']:.0f}%  rss {figures['peak_rss_mb']:.0f} MB"
              f"  errors {figures['status_errors'] + figures['connect_errors'] + figures['read_errors']}"
              + (f"  ev/commit {figures['events_per_commit']:.1f}" if "events_per_commit" in figures else ""),
              flush=True)

    sink = Server("sink", [HELLO, str(PORT_SINK)])
    workspaces = {mode: Workspace(synchronous=mode) for mode in ("NORMAL", "FULL")}
    try:
        def whistle_run(mode, rep, rate=0, label=None, template=None):
            workspace = workspaces[mode]
            workspace.fresh_db(template)
            server = start_whistle(workspace)
            try:
                figures = measure(server, workspace.groups, args.seconds, args.warmup, rate=rate,
                                  tag=f"{label or mode}-{rep}", whistle_port=PORT_SERVER)
            finally:
                server.stop()
            record(label or f"whistle {mode}", figures)
            return figures

        # 1. Saturation: closed loop, 50 connections; Whistle NORMAL/FULL, the limit, the peers.
        if "saturation" in parts or "latency" in parts or "peers" in parts:
            for rep in range(1, args.reps + 1):
                print(f"saturation, repetition {rep}", flush=True)
                for mode in ("NORMAL", "FULL"):
                    whistle_run(mode, rep)
                server = start_hello()
                try:
                    record("hello (limit)", measure(server, workspaces["NORMAL"].groups, args.seconds, args.warmup,
                                                    tag=f"hello-{rep}"))
                finally:
                    server.stop()
                if "peers" in parts:
                    for peer in ("aiohttp", "fastify"):
                        server = start_peer(peer, workspaces["NORMAL"])
                        try:
                            record(f"{peer} NORMAL", measure(server, workspaces["NORMAL"].groups, args.seconds,
                                                             args.warmup, tag=f"{peer}-{rep}"))
                        finally:
                            server.stop()

        # 2. Latency at a fixed offered load: 25/50/75 % of each configuration's saturation median.
        if "latency" in parts:
            targets = {}
            for config in ("whistle NORMAL", "whistle FULL", "aiohttp NORMAL", "fastify NORMAL"):
                if config in raw["runs"]:
                    targets[config] = summarize(raw["runs"][config], "rps")
            for rep in range(1, args.reps + 1):
                print(f"paced latency, repetition {rep}", flush=True)
                for share in (25, 50, 75):
                    for mode in ("NORMAL", "FULL"):
                        rate = int(targets[f"whistle {mode}"] * share / 100)
                        whistle_run(mode, rep, rate=rate, label=f"whistle {mode} @{share}%")
                # The harness's own floor at the rate Whistle's p99 @50% is judged at.
                server = start_hello()
                try:
                    rate = int(targets["whistle NORMAL"] * 0.5)
                    record("hello (limit) @50% of Whistle", measure(server, workspaces["NORMAL"].groups, args.seconds,
                                                                   args.warmup, rate=rate, tag=f"hello-p-{rep}"))
                finally:
                    server.stop()
                for peer in ("aiohttp", "fastify"):
                    config = f"{peer} NORMAL"
                    if config not in targets:
                        continue
                    rate = int(targets[config] * 0.5)
                    server = start_peer(peer, workspaces["NORMAL"])
                    try:
                        record(f"{config} @50%", measure(server, workspaces["NORMAL"].groups, args.seconds,
                                                          args.warmup, rate=rate, tag=f"{peer}-p-{rep}"))
                    finally:
                        server.stop()

        # 3. Scale: the same storm against 100k people, 10k tasks and 1M ledger rows.
        if "scale" in parts:
            workspace = workspaces["NORMAL"]
            workspace.fresh_db()
            seeded = os.path.join(workspace.dir, "seeded.db")
            print("seeding 100k people, 10k tasks, 1M ledger rows", flush=True)
            seed_started = time.monotonic()
            subprocess.run([SEED, "--config", workspace.config, "--people", "100000", "--tasks", "10000",
                            "--ledger", "1000000"], cwd=workspace.dir, check=True)
            raw["seed_seconds"] = time.monotonic() - seed_started
            subprocess.run(["sqlite3", workspace.db, "PRAGMA wal_checkpoint(TRUNCATE);"], check=False,
                           capture_output=True)
            shutil.copyfile(workspace.db, seeded)
            raw["seeded_db_mb"] = os.path.getsize(seeded) / 2**20
            normal_rate = summarize(raw["runs"].get("whistle NORMAL", []), "rps")
            for rep in range(1, args.reps + 1):
                print(f"scale, repetition {rep}", flush=True)
                whistle_run("NORMAL", rep, label="whistle NORMAL, 100k people", template=seeded)
                if normal_rate:
                    whistle_run("NORMAL", rep, rate=int(normal_rate * 0.5), label="whistle NORMAL, 100k people @50%",
                                template=seeded)
            os.unlink(seeded)

        # 4. How throughput and memory change with the size of the org.
        if "groups" in parts:
            sizes = [int(size) for size in args.groups_table.split(",")]
            group_workspaces = {size: Workspace(groups=size) for size in sizes}
            try:
                for rep in range(1, args.reps + 1):
                    print(f"org size, repetition {rep}", flush=True)
                    for size in sizes:
                        workspace = group_workspaces[size]
                        workspace.fresh_db()
                        server = start_whistle(workspace)
                        try:
                            record(f"whistle NORMAL, {size:,} groups",
                                   measure(server, workspace.groups, args.seconds, args.warmup, tag=f"g{size}-{rep}",
                                           whistle_port=PORT_SERVER))
                        finally:
                            server.stop()
            finally:
                for workspace in group_workspaces.values():
                    workspace.remove()
    finally:
        sink.stop()
        for workspace in workspaces.values():
            workspace.remove()

    raw["elapsed_seconds"] = time.time() - started
    with open(os.path.join(args.out, "latest.json"), "w") as file:
        json.dump(raw, file, indent=1)
    report = render(raw, args)
    with open(os.path.join(args.out, "latest.md"), "w") as file:
        file.write(report)
    print()
    print(report)


def render(raw, args):
    runs = raw["runs"]
    lines = [f"# Whistle storm benchmark — {raw['date']}", "",
             f"Machine: {raw['machine']}.", "",
             f"Command: `bash bench/run.sh{' --quick' if args.quick else ''}` · medians of {raw['reps']} "
             f"interleaved repetitions · wrk -t1 -c50, {raw['seconds']} s measured after a {args.warmup} s "
             f"warm-up · all on 127.0.0.1, server and wrk sharing the 2 cores (no pinning) · "
             f"took {raw['elapsed_seconds'] / 60:.1f} min.", ""]

    whistle = runs.get("whistle NORMAL")
    base_rps = summarize(whistle, "rps") if whistle else None

    def row(config, cells):
        lines.append("| " + config + " | " + " | ".join(cells) + " |")

    if whistle:
        lines += ["## Saturation (closed loop, 50 connections)", "",
                  "| configuration | req/s | p50 | p99 | p99.9 | server CPU | wrk CPU | CPU µs/req | peak RSS "
                  "| events/commit | req/s ÷ Whistle NORMAL |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for config in ("whistle NORMAL", "whistle FULL", "hello (limit)", "aiohttp NORMAL", "fastify NORMAL"):
            if config not in runs:
                continue
            r = runs[config]
            rps = summarize(r, "rps")
            epc = summarize(r, "events_per_commit")
            row(config, [fmt_int(rps), fmt_latency(latency_of(r, "p50")), fmt_latency(latency_of(r, "p99")),
                         fmt_latency(latency_of(r, "p999")), f"{summarize(r, 'server_cpu_pct'):.0f}%",
                         f"{summarize(r, 'wrk_cpu_pct'):.0f}%", f"{summarize(r, 'cpu_us_per_request'):.1f}",
                         f"{summarize(r, 'peak_rss_mb'):.0f} MB", "–" if epc is None else f"{epc:.1f}",
                         fmt_ratio(rps / base_rps if base_rps else None)])
        lines.append("")
        peers = [summarize(runs[c], "rps") for c in ("aiohttp NORMAL", "fastify NORMAL") if c in runs]
        if peers:
            best = max(peers)
            lines += [f"Whistle NORMAL ÷ best peer: **{base_rps / best:.2f}×** (target ≥ 4×). "
                      f"Whistle CPU µs/req ÷ best peer's: "
                      f"{summarize(whistle, 'cpu_us_per_request') / min(summarize(runs[c], 'cpu_us_per_request') for c in ('aiohttp NORMAL', 'fastify NORMAL') if c in runs):.2f}.", ""]

    paced = [c for c in runs if "@" in c and "people" not in c]
    if paced:
        lines += ["## Latency at a fixed offered load (paced schedule, 50 connections)", "",
                  "| configuration | offered | achieved req/s | p50 | p99 | p99.9 | max | server CPU | events/commit |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for config in paced:
            r = runs[config]
            epc = summarize(r, "events_per_commit")
            row(config, [config.split("@")[1], fmt_int(summarize(r, "rps")), fmt_latency(latency_of(r, "p50")),
                         fmt_latency(latency_of(r, "p99")), fmt_latency(latency_of(r, "p999")),
                         fmt_latency(latency_of(r, "max")), f"{summarize(r, 'server_cpu_pct'):.0f}%",
                         "–" if epc is None else f"{epc:.1f}"])
        lines.append("")

    scale = [c for c in runs if "people" in c]
    if scale:
        lines += [f"## Scale: 100k people, 10k tasks, 1M ledger rows already stored "
                  f"(seeded in {raw.get('seed_seconds', 0):.0f} s; {raw.get('seeded_db_mb', 0):.0f} MB database)", "",
                  "| configuration | req/s | p50 | p99 | p99.9 | peak RSS | req/s ÷ empty database |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for config in scale:
            r = runs[config]
            rps = summarize(r, "rps")
            empty = base_rps if "@" not in config else None
            row(config, [fmt_int(rps), fmt_latency(latency_of(r, "p50")), fmt_latency(latency_of(r, "p99")),
                         fmt_latency(latency_of(r, "p999")), f"{summarize(r, 'peak_rss_mb'):.0f} MB",
                         fmt_ratio(rps / empty if empty else None)])
        lines.append("")

    sizes = [c for c in runs if c.endswith(" groups")]
    if sizes:
        lines += ["## Org size (NORMAL, saturation)", "",
                  "| groups | req/s | p99 | peak RSS | events/commit | req/s ÷ 1,000 groups |",
                  "|---:|---:|---:|---:|---:|---:|"]
        first = summarize(runs[sizes[0]], "rps")
        for config in sizes:
            r = runs[config]
            rps = summarize(r, "rps")
            row(config.split(", ")[1].replace(" groups", ""),
                [fmt_int(rps), fmt_latency(latency_of(r, "p99")), f"{summarize(r, 'peak_rss_mb'):.0f} MB",
                 f"{summarize(r, 'events_per_commit'):.1f}", fmt_ratio(rps / first if first else None)])
        lines.append("")

    errors = {c: sum(r["status_errors"] + r["connect_errors"] + r["read_errors"] + r["timeouts"] for r in v)
              for c, v in runs.items()}
    bad = {c: n for c, n in errors.items() if n}
    lines.append("Errors (non-2xx, connect, read, timeouts): " + (
        ", ".join(f"{c}: {n}" for c, n in bad.items()) if bad else "none in any run") + ".")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
