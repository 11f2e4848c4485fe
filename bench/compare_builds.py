#!/usr/bin/env python3
"""Two builds of Whistle on the same storm: is one of them dearer per event?

    /usr/bin/python3 bench/compare_builds.py BEFORE_BUILD_DIR AFTER_BUILD_DIR [--reps 6] [--callgrind]

Both builds are bench builds (RelWithDebInfo, WHISTLE_BENCH=ON; make the "before" one in a
`git worktree`). Two measures, because CPU time on this VM drifts by ±10 % over minutes:

- interleaved (default): before, after, before, after … on the saturation storm (fresh database,
  2 s warm-up, 10 s measured); user and system CPU per request from /proc. Interleaving keeps a slow
  minute of the machine from landing on one build only; the medians are compared.
- --callgrind: each build once under valgrind's callgrind, instructions per event over 20 s of the
  storm after 10 s of warm-up. Deterministic enough to settle a few per cent (user space only).
"""
import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (the harness: workspaces, servers, wrk)


def cpu_times(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) / bench.CLOCK_TICKS, int(fields[12]) / bench.CLOCK_TICKS


def start(build, workspace, prefix=()):
    return bench.Server("whistle", [*prefix, os.path.join(build, "whistle"), "serve", "--config", workspace.config],
                        cwd=workspace.dir, env=bench.whistle_env(), ready=r"whistle: listening on")


def interleaved_run(build, workspace, tag):
    workspace.fresh_db()
    server = start(build, workspace)
    bodies = None
    try:
        bodies = bench.Bodies(workspace, "compare")
        bench.run_wrk(bench.PORT_SERVER, bodies.file_for(2, label="warmup"), 2)
        requests_file = bodies.file_for(10)
        user0, sys0 = cpu_times(server.process.pid)
        figures = bench.run_wrk(bench.PORT_SERVER, requests_file, 10)
        user1, sys1 = cpu_times(server.process.pid)
        bodies.saw(figures["rps"])
    finally:
        server.stop()
        if bodies:
            bodies.remove()
    requests = figures["requests"]
    return {"rps": figures["rps"], "user_us": 1e6 * (user1 - user0) / requests,
            "sys_us": 1e6 * (sys1 - sys0) / requests}


def callgrind_run(build, workspace, tag):
    workspace.fresh_db()
    out_dir = tempfile.mkdtemp(prefix="bench-callgrind-")
    server = start(build, workspace, ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_dir}/cg.%p"])
    bodies = None
    try:
        bodies = bench.Bodies(workspace, "callgrind")
        bodies.expected["callgrind"] = 2000  # a server under callgrind: ~1,000 req/s; files sized for twice that
        bench.run_wrk(bench.PORT_SERVER, bodies.file_for(10, label="warmup"), 10)
        requests_file = bodies.file_for(20)
        before = bench.metrics(bench.PORT_SERVER)
        subprocess.run(["callgrind_control", "-z", str(server.process.pid)], check=True, capture_output=True)
        bench.run_wrk(bench.PORT_SERVER, requests_file, 20)
        subprocess.run(["callgrind_control", "-d", "measured", str(server.process.pid)], check=True,
                       capture_output=True)
        after = bench.metrics(bench.PORT_SERVER)
    finally:
        server.stop()
        if bodies:
            bodies.remove()
    events = after["whistle_batch_size_sum"] - before["whistle_batch_size_sum"]
    for dump in glob.glob(f"{out_dir}/cg.*"):
        text = open(dump, errors="replace").read()
        total = re.search(r"^(?:summary|totals):\s*(\d+)", text, re.M)
        if total and "Trigger: dump measured" in text[:2000]:
            return {"events": events, "instructions_per_event": int(total.group(1)) / events, "dump": dump}
    raise RuntimeError(f"no measured callgrind dump in {out_dir}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--reps", type=int, default=6)
    parser.add_argument("--callgrind", action="store_true")
    args = parser.parse_args()
    builds = {"before": os.path.abspath(args.before), "after": os.path.abspath(args.after)}
    bench.HELLO = os.path.join(builds["after"], "whistle-bench-hello")
    workspace = bench.Workspace()
    sink = bench.Server("sink", [bench.HELLO, str(bench.PORT_SINK)])
    results = {name: [] for name in builds}
    try:
        if args.callgrind:
            for name, build in builds.items():
                figures = callgrind_run(build, workspace, name)
                print(f"{name}: {figures['instructions_per_event']:,.0f} instructions per event "
                      f"over {figures['events']:,.0f} events ({figures['dump']})", flush=True)
            return
        for rep in range(1, args.reps + 1):
            for name, build in builds.items():
                figures = interleaved_run(build, workspace, f"{name}{rep}")
                results[name].append(figures)
                print(f"{name} rep {rep}: {figures['rps']:,.0f} req/s, CPU per request user "
                      f"{figures['user_us']:.1f} µs + system {figures['sys_us']:.1f} µs", flush=True)
        for name, runs in results.items():
            print(f"{name}: median {statistics.median(r['rps'] for r in runs):,.0f} req/s, median CPU per request "
                  f"{statistics.median(r['user_us'] + r['sys_us'] for r in runs):.1f} µs")
    finally:
        sink.stop()
        workspace.remove()


if __name__ == "__main__":
    main()
