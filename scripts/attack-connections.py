#!/usr/bin/env python3
"""Connection exhaustion against a real `whistle serve` on 127.0.0.1, with the default caps.

Starts the server on the demo community (a temporary database, a free port), then runs two phases
while a normal client sends one signed webhook a second from 127.0.0.1 and counts the answers:

  slowloris  N connections (default 1,100) each trickling one header byte every 2 s and
             reconnecting when dropped;
  idle       N connections (default 5,000) that connect and say nothing, reconnecting when dropped.

The attackers connect from other loopback addresses (127.0.1.x, bound before connect), as a botnet
would from other hosts: `--sources 1` puts the whole attack on one other address to show the
per-address cap, and `--sources 0` on the normal client's own address (a NAT shared with the
attacker). Every phase is bounded in time; all traffic goes to 127.0.0.1.

  python3 scripts/attack-connections.py --binary build/whistle [--sources 0]
"""
import argparse
import asyncio
import hashlib
import hmac
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

SECRET = b"whistle-demo-secret"
HOST = "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


async def normal_request(port, n):
    body = json.dumps({"id": f"attack-probe-{time.time_ns()}-{n}", "chat": "b3u2", "from": "u-chen",
                       "name": "u-chen", "text": "帮助", "ts": int(time.time())}).encode()
    signature = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    request = (f"POST /hooks/generic/default HTTP/1.1\r\nHost: whistle\r\nContent-Type: application/json\r\n"
               f"X-Whistle-Signature: {signature}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
               ).encode() + body
    started = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port, local_addr=(HOST, 0)), 5)
        writer.write(request)
        status_line = await asyncio.wait_for(reader.readline(), 5)
        writer.close()
        status = int(status_line.split()[1]) if status_line else 0
    except (OSError, asyncio.TimeoutError, ValueError, IndexError):
        status = 0
    return status, time.monotonic() - started


async def prober(port, stop, results):
    n = 0
    while not stop.is_set():
        n += 1
        results.append(await normal_request(port, n))
        try:
            await asyncio.wait_for(stop.wait(), 1)
        except asyncio.TimeoutError:
            pass


async def attacker(port, source, mode, stop, stats):
    """One attacking slot: keeps a connection open (reconnecting when the server drops it)."""
    header = b"POST /hooks/generic/default HTTP/1.1\r\nHost: whistle\r\nX-Pad: " + b"a" * 4000
    while not stop.is_set():
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(HOST, port, local_addr=(source, 0)), 5)
        except (OSError, asyncio.TimeoutError):
            stats["connect_failed"] += 1
            await asyncio.sleep(0.5)
            continue
        stats["connections"] += 1
        stats["open"] += 1
        sent = 0
        try:
            while not stop.is_set():
                if mode == "slowloris":
                    writer.write(header[sent:sent + 1])
                    sent += 1
                    await writer.drain()
                # Wait 2 s, or less if the server closes us (the read ends).
                try:
                    data = await asyncio.wait_for(reader.read(4096), 2)
                    if not data or data.startswith(b"HTTP/1.1 503"):
                        if data.startswith(b"HTTP/1.1 503"):
                            stats["refused"] += 1
                        break
                except asyncio.TimeoutError:
                    pass
        except OSError:
            pass
        finally:
            stats["open"] -= 1
            stats["dropped_by_server"] += 0 if stop.is_set() else 1
            writer.close()


async def phase(name, port, count, sources, mode, seconds):
    stop = asyncio.Event()
    stats = {"connections": 0, "open": 0, "peak_open": 0, "refused": 0, "dropped_by_server": 0,
             "connect_failed": 0}
    probes = []
    if sources == 0:
        # The attacker shares the normal client's own address (a NAT, or the issue's own test).
        source_ips = [HOST]
    else:
        source_ips = [f"127.0.1.{1 + i % 250}" if sources > 1 else "127.0.2.1" for i in range(sources)]
    tasks = [asyncio.create_task(attacker(port, source_ips[i % len(source_ips)], mode, stop, stats))
             for i in range(count)]
    # Let the attack build up before the normal client starts.
    deadline = time.monotonic() + 10
    while stats["open"] < count * 0.95 and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    probe_task = asyncio.create_task(prober(port, stop, probes))
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        stats["peak_open"] = max(stats["peak_open"], stats["open"])
        await asyncio.sleep(0.2)
    stop.set()
    await asyncio.wait_for(asyncio.gather(probe_task, *tasks, return_exceptions=True), 15)
    ok = [t for s, t in probes if s == 200]
    where = "127.0.0.1 (the normal client's own address)" if sources == 0 else f"{sources} address(es)"
    print(f"{name}: {count} attackers from {where}, peak {stats['peak_open']} open, "
          f"{stats['connections']} connections made, {stats['dropped_by_server']} dropped by the server, "
          f"{stats['refused']} refused 503, {stats['connect_failed']} connects failed; "
          f"normal requests: {len(ok)}/{len(probes)} answered 200"
          + (f", slowest {max(ok) * 1000:.0f} ms" if ok else ""), flush=True)
    return len(ok) == len(probes) and probes


def metrics(port):
    with socket.create_connection((HOST, port), 5) as s:
        s.sendall(b"GET /metrics HTTP/1.1\r\nHost: whistle\r\nConnection: close\r\n\r\n")
        s.settimeout(5)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return "\n".join(line for line in data.decode().splitlines() if line.startswith("whistle_connections"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="build/whistle")
    parser.add_argument("--slowloris", type=int, default=1100)
    parser.add_argument("--idle", type=int, default=5000)
    parser.add_argument("--sources", type=int, default=20, help="attacking addresses (1: one address; 0: the normal client's own, 127.0.0.1)")
    parser.add_argument("--seconds", type=float, default=15, help="each phase, once the attack is up")
    args = parser.parse_args()

    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        demo = open(os.path.join(os.path.dirname(__file__), "..", "config", "demo.toml")).read()
        config = os.path.join(tmp, "attack.toml")
        with open(config, "w") as f:
            f.write(f'[server]\nlisten = "{HOST}:{port}"\n\n[store]\npath = "{tmp}/whistle.db"\n\n{demo}')
        log = open(os.path.join(tmp, "server.log"), "w+")
        env = dict(os.environ, SPDLOG_LEVEL=os.environ.get("SPDLOG_LEVEL", "warn"))
        server = subprocess.Popen([args.binary, "serve", "--config", config], stdout=log, stderr=log, env=env)
        try:
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                try:
                    socket.create_connection((HOST, port), 1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            results = []
            if args.slowloris:
                results.append(asyncio.run(phase("slowloris", port, args.slowloris, args.sources, "slowloris",
                                                 args.seconds)))
            if args.idle:
                results.append(asyncio.run(phase("idle", port, args.idle, args.sources, "idle", args.seconds)))
            print(metrics(port))
        finally:
            server.terminate()
            server.wait(10)
        log.seek(0)
        lines = log.read().splitlines()
        warns = [line for line in lines if re.search(r"\]\s*\[?warn", line)]
        print(f"server log at SPDLOG_LEVEL={env['SPDLOG_LEVEL']}: {len(lines)} lines ({len(warns)} warn)")
        for line in lines[:8]:
            print("  " + line)
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
