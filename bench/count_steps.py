#!/usr/bin/env python3
"""Counts SQLite statements per event: a uprobe on `sqlite3_step` counted by `perf stat` on the
Whistle process during a bounded storm, divided by the events it processed (from /metrics).

    /usr/bin/python3 bench/count_steps.py                        # the normal storm mix, 4 s
    /usr/bin/python3 bench/count_steps.py --mix reportin-known   # report-ins by known people only
    /usr/bin/python3 bench/count_steps.py --mix reportin-new     # report-ins by new people only
    /usr/bin/python3 bench/count_steps.py --mix all --threads 2 --rate 3000

Mixes (all on bench/storm_org.py's 1,000 groups, requests pre-signed by bench/storm_bodies.py):
- storm: the benchmark's mix (bench/README.md), after its setup phase.
- reportin-new: each event `报到 N` to the group's 500-place task by a person never seen before.
- reportin-known: each event `报到 N` to the group's second 500-place task by a person who
  already reported in to its first (setup, not counted): known to the people table, not signed
  up to this task.

The count is the whole process's: the event path, the BEGIN/COMMIT of each batch, the outbox's
delivery to the sink and the checkpointer — everything an event costs in statements — and is
also given per thread (the main thread, which owns the store with `threads = 1`, and the others,
unnamed, by count). Events per
commit come from Whistle's batch histogram (`whistle_batch_size` sum ÷ count), as bench/run.py
reads it. Needs root (or perf_event_paranoid ≤ 1) for the uprobe; the probe is left defined
(`perf probe -d 'probe_libsqlite3:*'` removes it).
"""
import argparse
import math
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (bench/run.py: the servers, workspaces and wrk runs)
import storm_bodies  # noqa: E402


def sqlite_library(binary):
    """The libsqlite3 whistle loads (ldd), or the binary itself when SQLite is linked in."""
    out = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    match = re.search(r"libsqlite3\S*\s+=>\s+(\S+)", out)
    return os.path.realpath(match.group(1)) if match else binary


def step_probe(library):
    """Defines the uprobe on sqlite3_step in `library` (once) and returns its perf event name."""
    def listed():
        out = subprocess.run(["perf", "probe", "-l"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "sqlite3_step" in line and library in line:
                return line.split()[0]
        return None

    event = listed()
    if event is None:
        added = subprocess.run(["perf", "probe", "-x", library, "sqlite3_step"], capture_output=True, text=True)
        event = listed()
        if event is None:
            raise SystemExit(f"cannot add the uprobe on sqlite3_step in {library}:\n{added.stderr}")
    return event


def count_during(pid, event, work):
    """Runs `work()` while perf stat counts `event` in each thread of process `pid`; returns
    ({thread id: count}, work's result)."""
    out = tempfile.NamedTemporaryFile(prefix="bench-steps-", suffix=".csv", delete=False)
    out.close()
    perf = subprocess.Popen(["perf", "stat", "--per-thread", "-x", ",", "-e", event, "-p", str(pid), "-o", out.name],
                            stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # perf attaches before the load starts
    try:
        result = work()
    finally:
        perf.send_signal(signal.SIGINT)
        perf.wait(timeout=30)
    with open(out.name) as file:
        text = file.read()
    os.unlink(out.name)
    counts = {}
    for line in text.splitlines():
        fields = line.split(",")  # comm-tid,count,unit,event,...
        if len(fields) > 3 and fields[3] == event:
            counts[int(fields[0].rsplit("-", 1)[1])] = int(fields[1]) if fields[1].isdigit() else 0
    if not counts:
        raise RuntimeError(f"perf stat counted nothing for {event}:\n{text}")
    return counts, result


def send_all(requests_file, count, layout):
    """Replays a setup file until every request of it was sent once (repeats are redeliveries)."""
    seconds = max(2, math.ceil(count / 4000))
    for _ in range(6):
        figures = run.run_wrk(run.PORT_SERVER, requests_file, seconds, cpus=layout["wrk_cpus"])
        if figures["sent"] >= count:
            return
        seconds *= 2
    raise RuntimeError("the setup requests could not all be sent")


def measure_mix(mix, args, workspace, event):
    layout = dict(run.LAYOUTS[args.layout])
    if args.threads:
        layout["threads"] = args.threads
    workspace.fresh_db()
    server = run.start_whistle(workspace, layout)
    try:
        groups = storm_bodies.read_groups(workspace.groups)
        expected = args.rate if args.rate > 0 else args.expect
        count = int(expected * args.seconds * 1.3) + 1000
        tag = f"steps{int(time.time()) % 100000}"
        requests_file = os.path.join(workspace.dir, f"steps-{mix}.http")
        if mix == "storm":
            state = storm_bodies.setup_storm(run.PORT_SERVER, groups, tag + "s")
            storm_bodies.write_file(requests_file, storm_bodies.storm_bodies(groups, state, count, tag))
        elif mix == "reportin-new":
            tasks = storm_bodies.setup_big_tasks(run.PORT_SERVER, groups, tag + "s")
            storm_bodies.write_file(requests_file, storm_bodies.new_volunteer_bodies(groups, tasks, count, tag))
        else:
            tasks = storm_bodies.setup_big_tasks(run.PORT_SERVER, groups, tag + "s", tasks_per_group=2)
            per_group = math.ceil(count / len(groups))
            setup_file = os.path.join(workspace.dir, "steps-known-setup.http")
            storm_bodies.write_file(setup_file, storm_bodies.known_volunteer_bodies(groups, tasks, per_group,
                                                                                    tag + "k", task_index=0))
            print(f"  making {per_group * len(groups):,} people known (report-ins to a first task)", flush=True)
            send_all(setup_file, per_group * len(groups), layout)
            os.unlink(setup_file)
            storm_bodies.write_file(requests_file, storm_bodies.known_volunteer_bodies(groups, tasks, per_group, tag))
        time.sleep(1)  # let the setup's outbox drain before counting
        before = run.metrics(run.PORT_SERVER)
        by_thread, figures = count_during(server.process.pid, event, lambda: run.run_wrk(
            run.PORT_SERVER, requests_file, args.seconds, rate=args.rate, cpus=layout["wrk_cpus"]))
        steps = sum(by_thread.values())
        main_steps = by_thread.get(server.process.pid, 0)
        after = run.metrics(run.PORT_SERVER)
        os.unlink(requests_file)
    finally:
        server.stop()
    events = after.get("whistle_batch_size_sum", 0) - before.get("whistle_batch_size_sum", 0)
    commits = after.get("whistle_batch_size_count", 0) - before.get("whistle_batch_size_count", 0)
    return {"mix": mix, "steps": steps, "events": events, "commits": commits, "rps": figures["rps"],
            "repeated": figures["repeated"], "steps_per_event": steps / events if events else float("nan"),
            "events_per_commit": events / commits if commits else float("nan"), "threads": layout["threads"],
            "main_steps_per_event": main_steps / events if events else float("nan"),
            "other_steps": sorted((n for tid, n in by_thread.items() if tid != server.process.pid and n),
                                  reverse=True)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mix", default="storm", choices=("storm", "reportin-known", "reportin-new", "all"))
    parser.add_argument("--seconds", type=int, default=4, help="length of the counted load (≤ 30)")
    parser.add_argument("--rate", type=int, default=0, help="paced req/s (0: saturation, closed loop)")
    parser.add_argument("--expect", type=int, default=10000,
                        help="req/s assumed at saturation, to size the request files (and the known people)")
    parser.add_argument("--layout", default="pinned", choices=sorted(run.LAYOUTS))
    parser.add_argument("--threads", type=int, default=0, help="override the layout's [server] threads")
    parser.add_argument("--groups", type=int, default=1000)
    args = parser.parse_args()
    if not 1 <= args.seconds <= 30:
        parser.error("--seconds must be 1..30")
    library = sqlite_library(run.WHISTLE)
    event = step_probe(library)
    print(f"counting {event} ({library}) in {run.WHISTLE}", flush=True)
    sink = run.Server("sink", [run.HELLO, str(run.PORT_SINK)])
    workspace = run.Workspace(groups=args.groups)
    results = []
    try:
        for mix in (("storm", "reportin-known", "reportin-new") if args.mix == "all" else (args.mix,)):
            result = measure_mix(mix, args, workspace, event)
            results.append(result)
            print(f"  {mix:<15} {result['steps_per_event']:6.2f} steps/event  {result['events_per_commit']:5.1f} "
                  f"events/commit  ({result['steps']:,} steps, {result['events']:,.0f} events, "
                  f"{result['commits']:,.0f} commits, {result['rps']:,.0f} req/s, threads = {result['threads']}"
                  + (f", {result['repeated']:,} REPEATED ids" if result["repeated"] else "") + ")", flush=True)
            print(f"  {'':<15} of which the main thread {result['main_steps_per_event']:.2f}/event; other threads: "
                  + (", ".join(f"{n / result['events']:.2f}" for n in result["other_steps"]) or "none"), flush=True)
    finally:
        sink.stop()
        workspace.remove()
    print()
    print("| mix | sqlite3_step per event | events per commit | events | req/s |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['mix']} | {r['steps_per_event']:.2f} | {r['events_per_commit']:.1f} | {r['events']:,.0f} "
              f"| {r['rps']:,.0f} |")


if __name__ == "__main__":
    main()
