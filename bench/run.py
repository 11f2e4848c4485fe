#!/usr/bin/env python3
"""The whistle-storm benchmark: Whistle beside the limit and the peers, in one run.

Started by bench/run.sh, which installs and builds what this needs. Everything runs on 127.0.0.1
and every load is bounded by wrk's -d. Repetitions are interleaved (repetition 1 of every
configuration, then repetition 2, ...) so drift on this shared VM spreads over all of them, and
the tables quote medians.

    bench/run.sh                 # the full run (about 20 minutes)
    bench/run.sh --quick         # 1 repetition of 3 s each, for trying the harness
    bench/run.sh --only saturation,latency,scale,groups,peers
    bench/run.sh --only saturation --layouts two,pinned   # Whistle threads=2 (the base) vs threads=1 pinned
    bench/run.sh --only limit --reps 3                    # the limit (hello) alone, pinned and not
    bench/run.sh --only bigtask                           # the judge's storm (issue 15), see bigtask()

Every request wrk sends is built and signed before wrk starts (bench/storm_bodies.py writes a file
per run, bench/wrk/storm.lua replays it), so wrk spends its core on sending, not on HMAC.

Writes bench/results/latest.md (the tables) and bench/results/latest.json (every raw figure).
"""
import argparse
import datetime
import itertools
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
sys.path.insert(0, os.path.join(ROOT, "bench"))
import storm_bodies  # noqa: E402  (bench/ is not a package)
PEERS = os.path.join(ROOT, "bench", "peers")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, where python3-aiohttp is installed
SECRET = "whistle-bench-secret"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# WHISTLE_BENCH_PORT moves both, so two benchmarks (one per worktree) need not collide.
PORT_SERVER = int(os.environ.get("WHISTLE_BENCH_PORT", "18080"))  # the server under test, one at a time
PORT_SINK = PORT_SERVER + 10  # Whistle's deliver_url: a hello server that takes the outbox's messages


# --------------------------------------------------------------------------------------------
# Processes


class Server:
    """A server under test, started and waited for; its CPU time and peak RSS are read from /proc."""

    def __init__(self, name, argv, cwd=None, env=None, ready=r"listening on http://", cpus=None):
        self.name = name
        if cpus is not None:
            argv = ["taskset", "-c", cpus] + argv  # taskset execs the server: same pid
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

    def thread_times(self):
        """Per thread name: seconds on a CPU and seconds runnable but waiting for one (schedstat).
        Whistle names its threads (bot/thread_name.hpp); the main thread keeps the process's name."""
        times = {}
        for pid in [self.process.pid] + self._children():
            try:
                tasks = os.listdir(f"/proc/{pid}/task")
            except FileNotFoundError:
                continue
            for tid in tasks:
                try:
                    with open(f"/proc/{pid}/task/{tid}/comm") as comm:
                        name = comm.read().strip()
                    with open(f"/proc/{pid}/task/{tid}/schedstat") as schedstat:
                        on_cpu_ns, waiting_ns = (int(v) for v in schedstat.read().split()[:2])
                except (FileNotFoundError, ProcessLookupError, ValueError):
                    continue  # a thread that just ended, or a kernel without schedstat
                total = times.setdefault(name, [0.0, 0.0])
                total[0] += on_cpu_ns / 1e9
                total[1] += waiting_ns / 1e9
        return times

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


def machine_times():
    """/proc/stat's first line: jiffies of all CPUs by state (user, nice, system, idle, iowait, …)."""
    with open("/proc/stat") as stat:
        return [int(v) for v in stat.readline().split()[1:]]


def thread_shares(before, after, duration):
    """Each thread name's share of the run on a CPU and runnable-waiting, in % of one CPU."""
    shares = {}
    for name, (on_cpu, waiting) in after.items():
        was = before.get(name, (0.0, 0.0))
        shares[name] = {"cpu_pct": 100 * (on_cpu - was[0]) / duration,
                        "wait_pct": 100 * (waiting - was[1]) / duration}
    return shares


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


# Where the server and wrk run. The history's rows shared both cores unpinned with threads = 1;
# issue 15 asks for the server on one core beside wrk (each pinned to its own) and for the server
# on both cores with threads = 2 (wrk then shares them, unpinned).
# The base is the product as it is deployed: the default threads = 2, nothing pinned, wrk beside
# it; the peers run the same way. The pinned single thread follows it in the saturation table.
DEFAULT_LAYOUTS = "two,pinned"
LAYOUTS = {
    "shared": {"threads": 1, "server_cpus": None, "wrk_cpus": None, "label": ""},
    "pinned": {"threads": 1, "server_cpus": "1", "wrk_cpus": "0", "label": " [1 thread, pinned]"},
    "two": {"threads": 2, "server_cpus": None, "wrk_cpus": None, "label": " [2 threads]"},
    "two-pinned-wrk": {"threads": 2, "server_cpus": "1", "wrk_cpus": "0", "label": " [2 threads, pinned]"},
}


def run_wrk(port, requests_file, seconds, rate=0, connections=50, threads=1, cpus=None):
    """One wrk run replaying a file of signed requests; returns its figures plus wrk's own CPU."""
    out = tempfile.NamedTemporaryFile(prefix="bench-wrk-", suffix=".json", delete=False)
    out.close()
    env = dict(os.environ, STORM_OUT=out.name)
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", STORM_LUA,
            f"http://127.0.0.1:{port}", "--", requests_file, str(rate), str(threads)]
    if cpus is not None:
        argv = ["taskset", "-c", cpus] + argv
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    finished = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=seconds + 120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if finished.returncode != 0:
        raise RuntimeError(f"wrk failed: {finished.stderr or finished.stdout}")
    with open(out.name) as file:
        figures = json.load(file)
    os.unlink(out.name)
    figures["wrk_cpu_seconds"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


class Bodies:
    """Writes the request files for one server's lifetime: the storm's setup (task numbers and
    pickup codes learnt from a running Whistle; made up for a peer or the limit, which read no
    commands) and then one file per wrk run, each with its own id prefix, sized for the rate
    expected × seconds with margin. Generating ~65k requests/s, it runs between wrk runs."""

    # Requests per second assumed for a first run, before any was measured; later runs of the
    # same configuration size their files from its fastest run so far.
    FIRST_GUESS = 20000
    expected = {}  # configuration → the fastest req/s seen

    def __init__(self, workspace, config, mix="storm", port=PORT_SERVER, whistle=True, units_only=False,
                 ids="sequential"):
        self.workspace, self.config, self.mix, self.ids = workspace, config, mix, ids
        self.fixed = None
        self.groups = storm_bodies.read_groups(workspace.groups)
        if units_only:
            self.groups = [group for group in self.groups if re.search(r"u\d+$", group[0])]
        self.files = []
        self.tag = f"{re.sub(r'[^A-Za-z0-9]', '', config)[:16]}{int(time.time() * 1000) % 10**9}"
        if mix == "storm":
            if whistle:
                self.state = storm_bodies.setup_storm(port, self.groups, self.tag + "s")
            else:
                self.state = made_up_state(self.groups)
        elif mix == "reportin-new":
            if whistle:
                self.tasks = storm_bodies.setup_big_tasks(port, self.groups, self.tag + "s")
            else:
                self.tasks = {chat: [n + 1] for n, (chat, _, _) in enumerate(self.groups)}
        else:
            raise ValueError(mix)

    def fix(self, count):
        """Every run replays the same file of `count` requests (for the limit, which does not
        deduplicate: a file sized for 100k req/s would take longer to write than the run)."""
        self.fixed = None
        self.fixed = self.file_for(0, count=count)

    def file_for(self, seconds, rate=0, label="run", count=None):
        if self.fixed:
            return self.fixed
        if count is None:
            per_second = rate if rate > 0 else max(self.expected.get(self.config, 0), self.FIRST_GUESS)
            count = int(per_second * seconds * 1.5) + 1000
        path = os.path.join(self.workspace.dir, f"requests-{label}-{len(self.files)}.http")
        tag = f"{self.tag}{label}{len(self.files)}"
        if self.mix == "storm":
            bodies = storm_bodies.storm_bodies(self.groups, self.state, count, tag, seed=len(self.files))
        else:
            bodies = storm_bodies.new_volunteer_bodies(self.groups, self.tasks, count, tag, seed=len(self.files),
                                                       ids=self.ids)
        storm_bodies.write_file(path, bodies, SECRET)
        self.files.append(path)
        return path

    def saw(self, rps):
        self.expected[self.config] = max(self.expected.get(self.config, 0), rps)

    def remove(self):
        for path in self.files:
            if os.path.exists(path):
                os.unlink(path)


def made_up_state(groups):
    """Task numbers and codes for servers that do not read commands: the bodies keep the storm's
    shapes and sizes."""
    state = storm_bodies.StormState()
    for n, (chat, _, community) in enumerate(groups):
        state.latest[chat] = n + 1
        state.soon[chat] = len(groups) + n + 1
    state.codes = [(f"Q{n}", groups[0][2]) for n in range(600)]
    return state


def measure(server, bodies, seconds, warmup, rate=0, whistle_port=None, layout=None, repeat_ok=False,
            before_run=None):
    """Warm up, then one measured run; adds the server's CPU, RSS and (Whistle) events per commit.
    `before_run` is called once the run's requests are written, right before wrk starts."""
    layout = layout or LAYOUTS["shared"]
    if warmup > 0:
        warm = run_wrk(PORT_SERVER, bodies.file_for(warmup, rate, "warmup"), warmup, rate=rate, cpus=layout["wrk_cpus"])
        if rate <= 0:
            bodies.saw(warm["rps"])  # sizes the measured run's file
    requests_file = bodies.file_for(seconds, rate)
    if before_run:
        before_run()
    batches_before = metrics(whistle_port) if whistle_port else None
    cpu_before = server.cpu_seconds()
    threads_before = server.thread_times()
    machine_before = machine_times()
    figures = run_wrk(PORT_SERVER, requests_file, seconds, rate=rate, cpus=layout["wrk_cpus"])
    machine_after = machine_times()
    threads_after = server.thread_times()
    cpu_after = server.cpu_seconds()
    if rate <= 0:
        bodies.saw(figures["rps"])
    if figures["repeated"] and not repeat_ok:
        print(f"  warning: {figures['repeated']:,} requests repeated ids (the file ran out); "
              "the next run of this configuration gets a bigger file", flush=True)
    figures["server_cpu_seconds"] = cpu_after - cpu_before
    duration = figures["duration_us"] / 1e6
    figures["server_cpu_pct"] = 100 * figures["server_cpu_seconds"] / duration
    figures["wrk_cpu_pct"] = 100 * figures["wrk_cpu_seconds"] / duration
    figures["cpu_us_per_request"] = 1e6 * figures["server_cpu_seconds"] / max(1, figures["requests"])
    figures["wrk_us_per_request"] = 1e6 * figures["wrk_cpu_seconds"] / max(1, figures["requests"])
    figures["peak_rss_mb"] = server.peak_rss_mb()
    # Where the server's threads spent the run, and how much of the machine nobody used: a thread
    # that waits runnable while CPUs idle is the scheduler's placement, not work (bench/README.md,
    # "where the threads' time goes").
    figures["threads"] = thread_shares(threads_before, threads_after, duration)
    spent = [b - a for a, b in zip(machine_before, machine_after)]
    figures["machine_idle_pct"] = 100 * (spent[3] + spent[4]) / max(1, sum(spent))  # idle + iowait
    if whistle_port:
        after = metrics(whistle_port)
        batches = after.get("whistle_batch_size_count", 0) - batches_before.get("whistle_batch_size_count", 0)
        events = after.get("whistle_batch_size_sum", 0) - batches_before.get("whistle_batch_size_sum", 0)
        figures["events_per_commit"] = events / batches if batches else 0
        figures["events_failed"] = after.get("whistle_events_failed_total", 0)
        # The share of the run the WAL checkpointer spent in its rounds (copies, fsyncs, restarts):
        # the requests that arrive meanwhile are the slowest at half load (README, "where the
        # tail at half load comes from").
        busy = after.get("whistle_checkpoint_duration_seconds_sum", 0) - \
            batches_before.get("whistle_checkpoint_duration_seconds_sum", 0)
        figures["checkpoint_busy_pct"] = 100 * busy / duration
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


def start_whistle(workspace, layout=None):
    layout = layout or LAYOUTS["shared"]
    # `[server] threads` in the workspace's config (whistle serve has no --threads option).
    with open(workspace.config, encoding="utf-8") as file:
        config = re.sub(r"(?m)^threads = \d+$", f"threads = {layout['threads']}", file.read())
    with open(workspace.config, "w", encoding="utf-8") as file:
        file.write(config)
    return Server("whistle", [WHISTLE, "serve", "--config", workspace.config],
                  cwd=workspace.dir, env=whistle_env(), ready=r"whistle: listening on", cpus=layout["server_cpus"])


def start_hello(layout=None):
    return Server("hello", [HELLO, str(PORT_SERVER)], cpus=(layout or LAYOUTS["shared"])["server_cpus"])


def start_peer(name, workspace, synchronous="NORMAL", layout=None):
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
    return Server(name, argv, cwd=workspace.dir, env=env, cpus=(layout or LAYOUTS["shared"])["server_cpus"])


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


class WindowSampler:
    """Reads Whistle's processed-event counter every `step` seconds during a run, so a long run
    shows whether its rate falls as the tables grow."""

    def __init__(self, port, step=5):
        self.port, self.step = port, step
        self.rates = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _events(self):
        return metrics(self.port).get("whistle_batch_size_sum", 0)

    def _run(self):
        last, last_time = self._events(), time.monotonic()
        while not self.stopped.wait(self.step - (time.monotonic() - last_time)):
            now_events, now = self._events(), time.monotonic()
            self.rates.append((now_events - last) / (now - last_time))
            last, last_time = now_events, now

    def stop(self):
        self.stopped.set()
        self.thread.join()
        return self.rates


def bigtask(args, raw, workspace, record):
    """The judge's storm (issue 15): 1,000 unit groups, each with one large open task whistled in
    setup (500 places, the most a whistle may ask), and then only report-ins to it, each from a
    person never seen before; Whistle (threads = 2 and 1, unpinned) beside the fastify peer, each
    from a fresh database, for a short and a long load. If an event's cost grows with the task's
    signups, the people table or the inbox, the long run's rate falls below the short one's, and
    Whistle's 5-second windows (from its /metrics) show when."""
    lengths = [int(n) for n in args.bigtask_seconds.split(",")]
    layouts = [LAYOUTS[name] for name in args.bigtask_layouts.split(",")]
    for rep in range(1, args.reps + 1):
        print(f"bigtask storm, repetition {rep}", flush=True)
        for ids, seconds in itertools.product(args.bigtask_ids.split(","), lengths):
            # The ids' kind is named in the key only when random: the sequential rows keep the
            # names of earlier results.
            named = " (random ids)" if ids == "random" else ""
            for layout in layouts:
                key = f"bigtask whistle {layout['threads']} thread{'s' if layout['threads'] > 1 else ''}{named}"
                workspace.fresh_db()
                server = start_whistle(workspace, layout)
                bodies = None
                samplers = []
                try:
                    bodies = Bodies(workspace, key, mix="reportin-new", units_only=True, ids=ids)
                    figures = measure(server, bodies, seconds, 0, whistle_port=PORT_SERVER, layout=layout,
                                      before_run=lambda: samplers.append(WindowSampler(PORT_SERVER)))
                    figures["windows_eps"] = samplers[0].stop()
                finally:
                    for sampler in samplers:
                        sampler.stop()
                    server.stop()
                    if bodies:
                        bodies.remove()
                record(f"{key}, {seconds} s", figures)
                print("    events/s per 5 s: " + ", ".join(f"{r:,.0f}" for r in figures["windows_eps"]), flush=True)
            key = f"bigtask fastify{named}"
            server = start_peer("fastify", workspace)
            bodies = None
            try:
                bodies = Bodies(workspace, key, mix="reportin-new", whistle=False, units_only=True, ids=ids)
                record(f"{key}, {seconds} s", measure(server, bodies, seconds, 0))
            finally:
                server.stop()
                if bodies:
                    bodies.remove()


# --------------------------------------------------------------------------------------------
# The run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1 repetition of 3 s: tries the harness")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--only", default="saturation,latency,peers,scale,groups",
                        help="any of saturation, latency, peers, scale, groups, limit, bigtask")
    parser.add_argument("--layouts", default=DEFAULT_LAYOUTS,
                        help="where server and wrk run, the first is the base of every other table: "
                             + ", ".join(LAYOUTS))
    parser.add_argument("--groups-table", default="1000,10000,100000")
    parser.add_argument("--bigtask-seconds", default="5,30", help="the bigtask storm's two load lengths")
    parser.add_argument("--bigtask-ids", default="sequential,random",
                        help="the new volunteers' and events' ids in the bigtask storm: sequential "
                             "(n-<tag>-<n>), random (32 hex digits, as uuid4 or a platform's open_id), or both")
    parser.add_argument("--bigtask-layouts", default="two,shared",
                        help="Whistle's layouts in the bigtask storm (two: threads = 2, shared: threads = 1; "
                             "both unpinned, as the judge's run)")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results"))
    args = parser.parse_args()
    if args.quick:
        args.reps, args.seconds, args.warmup = 1, 3, 1
    parts = set(args.only.split(","))
    layouts = args.layouts.split(",")
    for name in layouts:
        if name not in LAYOUTS:
            parser.error(f"unknown layout {name}; known: {', '.join(LAYOUTS)}")
    base_layout = LAYOUTS[layouts[0]]
    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    raw = {"machine": machine_description(), "date": datetime.datetime.now().isoformat(timespec="seconds"),
           "reps": args.reps, "seconds": args.seconds, "connections": 50, "layouts": layouts,
           "base": "whistle NORMAL" + base_layout["label"], "runs": {}}

    def whistle_config(mode, layout):
        return f"whistle {mode}{layout['label']}"

    def limit_config(layout):
        return "hello (limit)" + (" [pinned]" if layout["server_cpus"] else " [unpinned]")

    def peer_config(peer):
        return f"{peer} NORMAL" + (" [pinned]" if base_layout["server_cpus"] else "")

    def record(config, figures):
        raw["runs"].setdefault(config, []).append(figures)
        print(f"  {config:<36} {figures['rps']:>9,.0f} req/s  p50 {fmt_latency(figures['latency_us']['p50'])}"
              f"  p99 {fmt_latency(figures['latency_us']['p99'])}  srv {figures['server_cpu_pct']:.0f}%"
              f"  wrk {figures['wrk_cpu_pct']:.0f}%  rss {figures['peak_rss_mb']:.0f} MB"
              f"  errors {figures['status_errors'] + figures['connect_errors'] + figures['read_errors']}"
              + (f"  ev/commit {figures['events_per_commit']:.1f}" if "events_per_commit" in figures else "")
              + (f"  checkpointing {figures['checkpoint_busy_pct']:.0f}%" if "checkpoint_busy_pct" in figures else "")
              + (f"  REPEATED {figures['repeated']:,}" if figures.get("repeated") and "hello" not in config else ""),
              flush=True)

    sink = Server("sink", [HELLO, str(PORT_SINK)])
    workspaces = {mode: Workspace(synchronous=mode) for mode in ("NORMAL", "FULL")}
    try:
        def whistle_run(mode, layout, rate=0, label=None, template=None, workspace=None):
            workspace = workspace or workspaces[mode]
            config = label or whistle_config(mode, layout)
            workspace.fresh_db(template)
            server = start_whistle(workspace, layout)
            bodies = None
            try:
                bodies = Bodies(workspace, config)
                figures = measure(server, bodies, args.seconds, args.warmup, rate=rate, whistle_port=PORT_SERVER,
                                  layout=layout)
            finally:
                server.stop()
                if bodies:
                    bodies.remove()
            record(config, figures)
            return figures

        def other_run(config, server, layout, rate=0):
            bodies = None
            try:
                bodies = Bodies(workspaces["NORMAL"], config, whistle=False)
                # The limit does not deduplicate: a smaller file, replayed round, does for it.
                limit = config.startswith("hello") and rate <= 0
                if limit:
                    bodies.fix(300000)
                record(config, measure(server, bodies, args.seconds, args.warmup, rate=rate, layout=layout,
                                       repeat_ok=limit))
            finally:
                server.stop()
                if bodies:
                    bodies.remove()

        # 1. Saturation: closed loop, 50 connections; Whistle NORMAL/FULL in every layout, the
        #    limit in each pinning used, the peers in the base layout.
        #    `--only limit` measures the limit alone.
        if parts & {"saturation", "latency", "peers", "limit"}:
            pinnings = {}
            for name in layouts:
                pinnings.setdefault(bool(LAYOUTS[name]["server_cpus"]), LAYOUTS[name])
            for rep in range(1, args.reps + 1):
                print(f"saturation, repetition {rep}", flush=True)
                for name in layouts if parts - {"limit"} else []:
                    for mode in ("NORMAL", "FULL"):
                        whistle_run(mode, LAYOUTS[name])
                for layout in pinnings.values():
                    other_run(limit_config(layout), start_hello(layout), layout)
                if "peers" in parts:
                    for peer in ("aiohttp", "fastify"):
                        other_run(peer_config(peer), start_peer(peer, workspaces["NORMAL"], layout=base_layout),
                                  base_layout)

        # 2. Latency at a fixed offered load: 25/50/75 % of each configuration's saturation median,
        #    in the base layout.
        if "latency" in parts:
            targets = {}
            for config in [whistle_config(mode, base_layout) for mode in ("NORMAL", "FULL")] + \
                    [peer_config(peer) for peer in ("aiohttp", "fastify")]:
                if config in raw["runs"]:
                    targets[config] = summarize(raw["runs"][config], "rps")
            for rep in range(1, args.reps + 1):
                print(f"paced latency, repetition {rep}", flush=True)
                for share in (25, 50, 75):
                    for mode in ("NORMAL", "FULL"):
                        rate = int(targets[whistle_config(mode, base_layout)] * share / 100)
                        whistle_run(mode, base_layout, rate=rate, label=f"{whistle_config(mode, base_layout)} @{share}%")
                # The harness's own floor at the rate Whistle's p99 @50% is judged at.
                rate = int(targets[raw["base"]] * 0.5)
                other_run(limit_config(base_layout) + " @50% of Whistle", start_hello(base_layout), base_layout,
                          rate=rate)
                for peer in ("aiohttp", "fastify"):
                    config = peer_config(peer)
                    if config not in targets:
                        continue
                    other_run(f"{config} @50%", start_peer(peer, workspaces["NORMAL"], layout=base_layout), base_layout,
                              rate=int(targets[config] * 0.5))

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
            normal_rate = summarize(raw["runs"].get(raw["base"], []), "rps")
            for rep in range(1, args.reps + 1):
                print(f"scale, repetition {rep}", flush=True)
                whistle_run("NORMAL", base_layout, label="whistle NORMAL, 100k people", template=seeded)
                if normal_rate:
                    whistle_run("NORMAL", base_layout, rate=int(normal_rate * 0.5),
                                label="whistle NORMAL, 100k people @50%", template=seeded)
            os.unlink(seeded)

        # 4. How throughput and memory change with the size of the org.
        if "groups" in parts:
            sizes = [int(size) for size in args.groups_table.split(",")]
            group_workspaces = {size: Workspace(groups=size) for size in sizes}
            try:
                for rep in range(1, args.reps + 1):
                    print(f"org size, repetition {rep}", flush=True)
                    for size in sizes:
                        whistle_run("NORMAL", base_layout, label=f"whistle NORMAL, {size:,} groups",
                                    workspace=group_workspaces[size])
            finally:
                for workspace in group_workspaces.values():
                    workspace.remove()

        # 5. The judge's storm (issue 15): report-ins only, each from a new volunteer, to one large
        #    open task per group; Whistle with 2 and 1 threads beside fastify, short and long runs.
        if "bigtask" in parts:
            # 1,310 nodes: ten whole communities, whose units are exactly 1,000 groups.
            units = Workspace(groups=1310)
            try:
                bigtask(args, raw, units, record)
            finally:
                units.remove()
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
    layouts = raw.get("layouts", ["shared"])
    where = {"shared": "server (threads = 1) and wrk sharing the 2 cores unpinned",
             "pinned": "server (threads = 1) on core 1 and wrk on core 0 (taskset)",
             "two": "server (threads = 2) and wrk sharing the 2 cores unpinned",
             "two-pinned-wrk": "server (threads = 2) on core 1 and wrk on core 0 (taskset)"}
    lines = [f"# Whistle storm benchmark — {raw['date']}", "",
             f"Machine: {raw['machine']}.", "",
             f"Command: `bash bench/run.sh{' --quick' if args.quick else ''}"
             f"{' --only ' + args.only if args.only != 'saturation,latency,peers,scale,groups' else ''}"
             f"{' --layouts ' + args.layouts if args.layouts != DEFAULT_LAYOUTS else ''}` · medians of {raw['reps']} "
             f"interleaved repetitions · wrk -t1 -c50 replaying pre-signed requests, {raw['seconds']} s measured "
             f"after a {args.warmup} s warm-up · all on 127.0.0.1 · layouts: "
             + "; ".join(f"{name}: {where.get(name, name)}" for name in layouts)
             + " (the first is the base of the other tables; the peers and the limit run in it)"
             + (f" · the bigtask storm: {args.bigtask_seconds.replace(',', ' and ')} s loads, no warm-up"
                if "bigtask" in args.only else "")
             + f" · took {raw['elapsed_seconds'] / 60:.1f} min.", ""]

    base = raw.get("base", "whistle NORMAL")
    whistle = runs.get(base)
    base_rps = summarize(whistle, "rps") if whistle else None

    def row(config, cells):
        lines.append("| " + config + " | " + " | ".join(cells) + " |")

    saturation = [c for c in runs if "@" not in c and "people" not in c and not c.endswith(" groups")
                  and not c.startswith("bigtask")]
    if saturation:
        lines += ["## Saturation (closed loop, 50 connections)", "",
                  "| configuration | req/s | p50 | p99 | p99.9 | server CPU | wrk CPU | CPU µs/req | wrk µs/req "
                  f"| peak RSS | events/commit | req/s ÷ {base} |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for config in saturation:
            r = runs[config]
            rps = summarize(r, "rps")
            epc = summarize(r, "events_per_commit")
            row(config, [fmt_int(rps), fmt_latency(latency_of(r, "p50")), fmt_latency(latency_of(r, "p99")),
                         fmt_latency(latency_of(r, "p999")), f"{summarize(r, 'server_cpu_pct'):.0f}%",
                         f"{summarize(r, 'wrk_cpu_pct'):.0f}%", f"{summarize(r, 'cpu_us_per_request'):.1f}",
                         f"{summarize(r, 'wrk_us_per_request'):.1f}",
                         f"{summarize(r, 'peak_rss_mb'):.0f} MB", "–" if epc is None else f"{epc:.1f}",
                         fmt_ratio(rps / base_rps if base_rps else None)])
        lines.append("")
        peer_configs = [c for c in saturation if c.startswith(("aiohttp", "fastify"))]
        if peer_configs and whistle:
            best = max(summarize(runs[c], "rps") for c in peer_configs)
            cheapest = min(summarize(runs[c], "cpu_us_per_request") for c in peer_configs)
            lines += [f"{base} ÷ best peer: **{base_rps / best:.2f}×** (target ≥ 4×). "
                      f"Whistle CPU µs/req ÷ best peer's: {summarize(whistle, 'cpu_us_per_request') / cheapest:.2f}."]
            for other in [c for c in saturation if c.startswith("whistle NORMAL") and c != base]:
                lines.append(f"{other} ÷ best peer: {summarize(runs[other], 'rps') / best:.2f}×.")
            lines.append("")

    paced = [c for c in runs if "@" in c and "people" not in c and not c.startswith("bigtask")]
    if paced:
        lines += ["## Latency at a fixed offered load (paced schedule, 50 connections)", "",
                  "| configuration | offered | achieved req/s | p50 | p99 | p99.9 | max | server CPU | events/commit "
                  "| checkpointing |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for config in paced:
            r = runs[config]
            epc = summarize(r, "events_per_commit")
            busy = summarize(r, "checkpoint_busy_pct")
            row(config, [config.split("@")[1], fmt_int(summarize(r, "rps")), fmt_latency(latency_of(r, "p50")),
                         fmt_latency(latency_of(r, "p99")), fmt_latency(latency_of(r, "p999")),
                         fmt_latency(latency_of(r, "max")), f"{summarize(r, 'server_cpu_pct'):.0f}%",
                         "–" if epc is None else f"{epc:.1f}", "–" if busy is None else f"{busy:.0f}%"])
        lines.append("")

    timed = [c for c in saturation + paced if any("threads" in run for run in runs[c])]
    if timed:
        lines += ["## The threads' time (% of one CPU: on a CPU · runnable, waiting for one)", "",
                  "Each thread of the server by name (Whistle's: `whistle` the network, or everything at "
                  "`threads = 1`; `whistle-writer`, `whistle-ckpt`, `whistle-net`), from "
                  "`/proc/<pid>/task/*/schedstat`; beside it the share of all the machine's CPU time that was "
                  "idle (iowait included). "
                  "A thread that waits while CPUs idle waits for the scheduler, not for work.", "",
                  "| configuration | threads over 1% | machine idle |", "|---|---|---:|"]
        for config in timed:
            r = [run for run in runs[config] if "threads" in run]
            names = sorted({name for run in r for name in run["threads"]})
            cells = []
            for name in names:
                cpu = median([run["threads"].get(name, {}).get("cpu_pct") for run in r])
                wait = median([run["threads"].get(name, {}).get("wait_pct") for run in r])
                if cpu is not None and cpu >= 1:
                    cells.append((cpu, f"`{name}` {cpu:.0f} · {wait:.0f}"))
            idle = summarize(r, "machine_idle_pct")
            row(config, [", ".join(text for _, text in sorted(cells, reverse=True)) or "–",
                         "–" if idle is None else f"{idle:.0f}%"])
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

    big = [c for c in runs if c.startswith("bigtask")]
    if big:
        lines += ["## The judge's storm: report-ins from new volunteers to one 500-place task per unit "
                  "(1,000 units, closed loop, 50 connections, fresh database each)", "",
                  "| configuration | req/s | p50 | p99 | server CPU | CPU µs/req | peak RSS | events/commit "
                  "| Whistle's events/s per 5 s | req/s ÷ fastify (same length) |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
        for config in big:
            r = runs[config]
            rps = summarize(r, "rps")
            epc = summarize(r, "events_per_commit")
            kind, length = config.rsplit(", ", 1)
            named = " (random ids)" if kind.endswith("(random ids)") else ""
            peer = runs.get(f"bigtask fastify{named}, {length}")
            windows = r[-1].get("windows_eps")
            row(config, [fmt_int(rps), fmt_latency(latency_of(r, "p50")), fmt_latency(latency_of(r, "p99")),
                         f"{summarize(r, 'server_cpu_pct'):.0f}%", f"{summarize(r, 'cpu_us_per_request'):.1f}",
                         f"{summarize(r, 'peak_rss_mb'):.0f} MB", "–" if epc is None else f"{epc:.1f}",
                         " · ".join(f"{w:,.0f}" for w in windows) if windows else "–",
                         fmt_ratio(rps / summarize(peer, "rps")) if peer and "fastify" not in config else "–"])
        lines.append("")

    repeated = {c: sum(r.get("repeated", 0) for r in v) for c, v in runs.items() if not c.startswith("hello")}
    repeated = {c: n for c, n in repeated.items() if n}
    if repeated:
        lines.append("Requests that repeated an id (a request file ran out; the server answered them as "
                     "redeliveries): " + ", ".join(f"{c}: {n:,}" for c, n in repeated.items()) + ".")
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
