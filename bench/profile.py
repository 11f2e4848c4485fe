#!/usr/bin/env python3
"""Where Whistle's time goes at saturation: `perf` on the server during the storm.

Run after bench/run.sh has built ./build-bench (RelWithDebInfo, so symbols resolve):

    /usr/bin/python3 bench/profile.py [--seconds 8] [--layout pinned|two|shared]

Starts the same workspace, sink and storm as the saturation run (NORMAL, 1,000 groups, wrk -c50),
samples the server with `perf record --call-graph dwarf` for a few seconds in the middle, and
writes bench/results/profile.txt: the functions by time including callees (where the time goes)
and by self time (what burns it). Needs `perf` (Debian linux-perf) and root or
kernel.perf_event_paranoid <= 1. Load and sampling are bounded by --seconds.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (the harness: workspaces, servers, wrk)


def perf_report(data, children, limit):
    argv = ["perf", "report", "-i", data, "--stdio", "--sort", "symbol", "-g", "none",
            "--percent-limit", str(limit), "--children" if children else "--no-children"]
    report = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    lines = []
    for line in report.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        line = re.sub(r"\s+-\s+-\s*$", "", line.rstrip())  # perf's empty caller/callee columns
        lines.append(line if len(line) <= 160 else line[:157] + "...")  # long template names
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=8, help="how long perf samples (the storm runs 4 s longer)")
    parser.add_argument("--layout", default="shared", choices=sorted(bench.LAYOUTS),
                        help="where server and wrk run (bench/run.py's layouts)")
    parser.add_argument("--out", default=os.path.join(bench.ROOT, "bench", "results", "profile.txt"))
    args = parser.parse_args()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    data = os.path.join(os.path.dirname(args.out), "perf.data")

    workspace = bench.Workspace(synchronous="NORMAL")
    sink = bench.Server("sink", [bench.HELLO, str(bench.PORT_SINK)])
    server = None
    try:
        workspace.fresh_db()
        layout = bench.LAYOUTS[args.layout]
        server = bench.start_whistle(workspace, layout)
        bodies = bench.Bodies(workspace, "profile")
        requests_file = bodies.file_for(args.seconds + 4)
        storm = {}
        load = threading.Thread(target=lambda: storm.update(
            bench.run_wrk(bench.PORT_SERVER, requests_file, args.seconds + 4, cpus=layout["wrk_cpus"])))
        load.start()
        time.sleep(2)  # past the first tasks and signups, into the steady storm
        subprocess.run(["perf", "record", "-q", "-F", "499", "--call-graph", "dwarf,16384", "-o", data,
                        "-p", str(server.process.pid), "--", "sleep", str(args.seconds)],
                       check=True, capture_output=True)
        load.join()
    finally:
        if server:
            server.stop()
        sink.stop()
        workspace.remove()

    text = [f"# perf profile of whistle serve at saturation ({storm.get('rps', 0):,.0f} req/s while sampled)",
            f"# command: /usr/bin/python3 bench/profile.py --seconds {args.seconds}", "",
            "## Including callees (where the time goes), >= 4 %", perf_report(data, True, 4), "",
            "## Self time (what burns it), >= 1 %", perf_report(data, False, 1), ""]
    with open(args.out, "w") as file:
        file.write("\n".join(text))
    os.unlink(data)
    print("\n".join(text))


if __name__ == "__main__":
    main()
