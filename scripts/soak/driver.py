#!/usr/bin/python3
"""The kill -9 soak: a whistle storm against the real server while it is killed and restarted, the
database is made read-only and the disk fills up; then the end state is checked against what the
load generator and a fake deliver_url receiver saw. Started by scripts/soak.sh.

    driver.py --whistle build/whistle --minutes 10 --work DIR

Two runs:
  1. `kills`   — the storm for MINUTES on an ext4 file; SIGKILL at random moments (every 3–20 s)
                 and restart; for 10 s in the middle the database files are immutable
                 (chattr +i: writes through open files fail, as on a disk remounted read-only).
  2. `diskfull` — one minute on a 256 MiB tmpfs that is filled up for 10 s in the middle.
Like a platform, the generator redelivers every event until it gets a 2xx, and also redelivers a
share of events that already got one. Exit status 0 only if every check held. A message may reach
the receiver twice only across a kill (accepted, not yet marked sent when the process died; at most
the deliveries in flight then); a repeat within one process's life fails the run.

The mix runs the whole volunteer loop, so the ledger checks run over a real ledger: most whistles
are for tomorrow morning (report-ins, waitlists, withdrawals), but 1 % of events whistle a
two-minute task starting this minute or the next (Asia/Shanghai, the server's clock), and 12 %
follow those tasks and the points: report-ins to them, 签到 N while they run, 签退 N and the
leader's 验收 N after their end, the leader's 加分 @volunteer N 理由 (with mentions), 兑换 of a
catalog item by volunteers the generator knows to have the points, and 核销 CODE by the
community's staff, with the pickup code taken from the private message the receiver got (or an
inline reply). After the storm a bounded settling phase (at most SETTLE_SECONDS, no new tasks)
lets the last tasks end and be checked out, confirmed and picked up. The end state must then also
pass `whistle verify-ledger`, and the ledger must hold task, adjust and redeem entries.

A fifth of those loop steps run the resident ticket loop: residents 报事/报修/求助 in the groups,
the group's leader 接单 and 办结 the tickets learnt from the answers, and the reporter rates
them (7 in 10 satisfied, the rest 回炉). The end state must hold tickets closed satisfied, none
received twice, and no more reopens than unsatisfied ratings.
"""
import argparse
import asyncio
import collections
import hashlib
import hmac
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from aiohttp import ClientSession, ClientTimeout, TCPConnector, web

SECRET = "whistle-bench-secret"
PORT = 18480
RECEIVER_PORT = 18490
MAX_IN_FLIGHT = 64  # the outbox sender's deliveries at once (bot/outbox_sender.hpp): at most lost per kill
CONCURRENCY = 32
OFFERED_PER_SECOND = 1500  # enough to keep batches and kills interesting, not to fill the disk
LOCAL = ZoneInfo("Asia/Shanghai")  # the communities' time zone (the config's default)
SOON_MINUTES = 2  # a soon task's length
SETTLE_SECONDS = 150  # at most, after the storm, for the last soon tasks to end and be settled
# Whistles vary: the same one word for word from the same leader within minutes is a resend.
TITLES = ("清理楼道杂物", "打扫小区花园", "整理自行车棚", "擦洗楼梯扶手", "清理小广告", "整理快递架")
HOURS = ("上午8点", "上午9点", "上午10点", "上午11点", "下午2点", "下午3点", "下午4点", "下午5点")
REWARDS = {"毛巾": 2, "洗衣液": 5, "大米5斤": 10}  # bench/storm_org.py's catalog: name → points
CODE = re.compile(r"取货码：([2-9A-Z]{4,6})")
TICKET = re.compile(r"【工单T(\d+)】")
REPORTS = ["报事 楼道灯坏了", "报修 水管漏水", "反映 楼下垃圾没人清", "報事 樓道燈壞了", "求助 家里老人需要代买药"]


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()


class Receiver:
    """The deliver_url: verifies each delivery's signature and counts it by X-Whistle-Delivery."""

    def __init__(self):
        self.accepted = collections.Counter()  # delivery id → times answered 200
        self.accepted_at = collections.defaultdict(list)  # delivery id → time.monotonic() of each 200
        self.bad_signatures = 0
        self.refuse_share = 0.02  # answered 500 now and then, so the sender's retries run
        self.storm = None  # learns pickup codes from the private messages delivered

    async def handle(self, request):
        body = await request.read()
        if not hmac.compare_digest(request.headers.get("X-Whistle-Signature", ""), sign(body)):
            self.bad_signatures += 1
            return web.json_response({"error": "bad signature"}, status=401)
        if random.random() < self.refuse_share:
            return web.json_response({"error": "try later"}, status=500)
        delivery = int(request.headers["X-Whistle-Delivery"])
        self.accepted[delivery] += 1
        self.accepted_at[delivery].append(time.monotonic())
        if self.storm is not None:
            self.storm.learn_reply(json.loads(body))
        return web.json_response({"ok": True})

    async def start(self):
        app = web.Application()
        app.router.add_post("/deliver", self.handle)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", RECEIVER_PORT).start()

    async def stop(self):
        await self.runner.cleanup()


class Server:
    """`whistle serve` on one database; killed with SIGKILL and started again on the same file."""

    def __init__(self, whistle, config, log_path):
        self.whistle, self.config, self.log_path = whistle, config, log_path
        self.process = None
        self.starts = 0

    def start(self):
        log = open(self.log_path, "a")
        self.process = subprocess.Popen([self.whistle, "serve", "--config", self.config], stdout=subprocess.PIPE,
                                        stderr=log, text=True, env=dict(os.environ, SPDLOG_LEVEL="warn"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if "whistle: listening on" in line:
                self.starts += 1
                return
            if not line and self.process.poll() is not None:
                break
        raise RuntimeError(f"whistle did not start (exit {self.process.poll()}); see {self.log_path}")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


class Storm:
    """The events of the run and everything the generator learnt about each."""

    def __init__(self, groups, tag):
        self.groups = groups  # (chat, leader, community)
        self.tag = tag
        self.sent = 0
        self.events = {}  # id → {"body", "kind", "from", "answer", "acks"}
        self.latest_task = {}
        self.statuses = collections.Counter()
        self.mismatched_redeliveries = []
        self.ok_for_unstored = []
        self.soon_until = None  # soon tasks are whistled only while they can end before this
        self.soon = {}  # (chat, number) → a soon task: start/end (epoch s), places, people
        self.reporters = collections.defaultdict(set)  # chat → volunteers who reported in there
        self.balance = collections.Counter()  # volunteer → points the generator expects them to hold
        self.codes = {}  # pickup code → (community, volunteer), learnt from replies and deliveries
        self.picked = set()  # codes whose 核销 was sent
        # The resident ticket loop: (chat, number) → {"reporter", "leader", "state"}; a ticket is
        # learnt from the reporter's answer, then taken, resolved and rated (satisfied or 回炉).
        self.tickets = {}
        self.rated = collections.Counter()  # "satisfied" / "unsatisfied" ratings sent

    def soon_start(self, now):
        """A start this minute (when most of it is still ahead) or the next, in local time, and
        the whistle's text for it; None when the task could not end before soon_until.

        Near local midnight the start may fall on the next day (明天00:00), and a task may run
        across midnight: a run started in the last minutes of a day still whistles soon tasks."""
        local = datetime.fromtimestamp(now, LOCAL)
        start = local.replace(second=0, microsecond=0)
        if local.second >= 20:
            start += timedelta(minutes=1)
        end = start + timedelta(minutes=SOON_MINUTES)
        if self.soon_until is None or end.timestamp() > self.soon_until:
            return None
        day = "今天" if start.date() == local.date() else "明天"
        return start.timestamp(), end.timestamp(), f"{day}{start:%H:%M} {SOON_MINUTES}分钟"

    def make(self, settling=False):
        """Makes the next event; while settling, only the soon tasks' and redemptions' own steps
        (None when nothing is left to do)."""
        self.sent += 1
        now = time.time()
        chat, leader, community = random.choice(self.groups)
        volunteer = f"v-{chat}-{random.randint(1, 12)}"
        r = 0.9 if settling else random.random()
        task = self.latest_task.get(chat)
        extra = {}
        soon = None
        if r < 0.01 and (soon := self.soon_start(now)):
            kind, sender = "soon_whistle", leader
            text = f"吹哨 {random.choice(TITLES)} {random.choice([3, 4])}人 {soon[2]}"
        elif r < 0.05:
            # Varied: the same whistle word for word within minutes is a resend, and makes no task.
            kind, sender = "whistle", leader
            text = f"吹哨 {random.choice(TITLES)} {random.choice([2, 3, 4])}人 明天{random.choice(HOURS)} 2小时"
        elif r < 0.75:
            kind, sender = "report_in", volunteer
            forms = ["报到", "報到", "1", "+1", "我来"] + ([f"报到 {task}", f"报到 #{task}"] * 3 if task else [])
            text = random.choice(forms)
        elif r < 0.82:
            kind, sender, text = "withdraw", volunteer, f"取消报到 {task}" if task else "不去了"
        elif r < 0.85:
            kind, sender, text = "query", volunteer, random.choice(["帮助", "积分"])
        elif r < 0.88:
            kind, sender, text = "chatter", volunteer, random.choice(["收到", "大家辛苦了", "👍"])
        else:
            step = self.loop_step(now, settling)
            if step is None:
                if settling:
                    self.sent -= 1
                    return None
                kind, sender, text = "query", volunteer, "积分"
            else:
                kind, chat, sender, text, extra = step
        if kind == "report_in":
            self.reporters[chat].add(sender)
        event_id = f"{self.tag}-{self.sent}"
        body = json.dumps({"id": event_id, "chat": chat, "from": sender, "text": text, **extra},
                          ensure_ascii=False).encode()
        self.events[event_id] = {"body": body, "kind": kind, "from": sender, "chat": chat, "answer": None, "acks": 0,
                                 "soon": soon}
        return event_id

    def ticket_step(self):
        """One step of the ticket loop: a report, or the next step of a ticket already known."""
        moving = [k for k, t in self.tickets.items() if t["state"] != "closed"]
        if moving and random.random() < 0.7:
            key = random.choice(moving)
            chat, number = key
            t = self.tickets[key]
            if t["state"] == "new":
                t["state"] = "accepted"
                return "ticket_accept", chat, t["leader"], f"接单 T{number}", {}
            if t["state"] == "accepted":
                t["state"] = "resolved"
                return "ticket_resolve", chat, t["leader"], f"办结 T{number} 已处理", {}
            if random.random() < 0.7:
                t["state"] = "closed"
                self.rated["satisfied"] += 1
                return "ticket_rate", chat, t["reporter"], f"评价 T{number} 满意", {}
            t["state"] = "accepted"  # 回炉: back to whoever resolved it
            self.rated["unsatisfied"] += 1
            return "ticket_rate", chat, t["reporter"], f"评价 T{number} 2 还是不行", {}
        chat, _, _ = random.choice(self.groups)
        return "ticket", chat, f"r-{chat}-{random.randint(1, 5)}", random.choice(REPORTS), {}

    def loop_step(self, now, settling):
        """One step of the volunteer loop: (kind, chat, from, text, extra fields) or None."""
        if not settling and random.random() < 0.2:
            return self.ticket_step()
        running = [k for k, t in self.soon.items() if now < t["end"] - 3]
        ended = [k for k, t in self.soon.items() if now > t["end"] + 2 and t["confirmations"] < 2]
        r = random.random()
        if settling:  # only what still has to happen: check-outs, confirmations, pickups
            r = 0.3 if ended else 0.95
        if r < 0.3 and running:
            key = random.choice(running)
            chat, number = key
            t = self.soon[key]
            unchecked = sorted(t["reported"] - t["checked_in"])
            if len(t["reported"]) < t["places"] + 1 or not unchecked:
                volunteer = f"v-{chat}-{random.randint(1, 12)}"
                t["reported"].add(volunteer)
                return "report_in", chat, volunteer, f"报到 {number}", {}
            volunteer = random.choice(unchecked)
            t["checked_in"].add(volunteer)
            return "check_in", chat, volunteer, random.choice(["签到", "簽到", "打卡"]) + f" {number}", {}
        if r < 0.5 and ended:
            key = random.choice(ended)
            chat, number = key
            t = self.soon[key]
            out = sorted(t["checked_in"] - t["checked_out"])
            if out and random.random() < 0.9:
                volunteer = random.choice(out)
                t["checked_out"].add(volunteer)
                return "check_out", chat, volunteer, f"签退 {number}", {}
            t["confirmations"] += 1
            return "confirm", chat, t["leader"], f"验收 {number}", {}
        if r < 0.7:
            chat, leader, _ = random.choice(self.groups)
            if self.reporters[chat]:
                volunteer = random.choice(sorted(self.reporters[chat]))
                points = random.randint(3, 20)
                self.balance[volunteer] += points
                return ("adjust", chat, leader, f"加分 @{volunteer} {points} 帮忙搬运物资",
                        {"mentions": [volunteer]})
        if r < 0.85:
            rich = [v for v, points in self.balance.items() if points >= min(REWARDS.values())]
            if rich:
                volunteer = random.choice(rich)
                item = random.choice([name for name, price in REWARDS.items() if price <= self.balance[volunteer]])
                self.balance[volunteer] -= REWARDS[item]
                # Said in the group, the code comes through the outbox; in private, inline.
                if random.random() < 0.5:
                    return "redeem", volunteer.rsplit("-", 1)[0].removeprefix("v-"), volunteer, f"兑换 {item}", {}
                return "redeem", "@" + volunteer, volunteer, f"兑换 {item}", {"chat_type": "private"}
        waiting = [code for code in self.codes if code not in self.picked]
        if waiting:
            code = random.choice(waiting)
            self.picked.add(code)
            community = self.codes[code][0]
            return "pickup", community, f"S-{community}", f"核销 {code}", {}
        return None

    def settled(self, now):
        """True once every soon task has ended and been confirmed, and every code picked up."""
        return (all(now > t["end"] + 2 and t["confirmations"] >= 2 for t in self.soon.values())
                and all(code in self.picked for code in self.codes))

    def learn_reply(self, reply):
        """A pickup code in a private message (inline or delivered through the outbox)."""
        match = CODE.search(reply.get("text", ""))
        chat = reply.get("chat", "")
        if match and chat.startswith("@v-"):
            volunteer = chat[1:]
            community = re.match(r"v-(c\d+)", volunteer).group(1)
            self.codes.setdefault(match.group(1), (community, volunteer))

    def learn(self, event_id, answer):
        event = self.events[event_id]
        for reply in answer.get("replies", []):
            self.learn_reply(reply)
            ticket = TICKET.search(reply.get("text", ""))
            if event["kind"] == "ticket" and ticket and reply.get("chat") == event["chat"]:
                leader = next(g[1] for g in self.groups if g[0] == event["chat"])
                self.tickets.setdefault((event["chat"], ticket.group(1)),
                                        {"reporter": event["from"], "leader": leader, "state": "new"})
            match = re.search(r"吹哨#(\d+)】", reply.get("text", ""))
            if match and "回复「报到" in reply.get("text", ""):
                self.latest_task[reply["chat"]] = match.group(1)
                if event["soon"] and reply["chat"] == event["chat"]:
                    start, end, _ = event["soon"]
                    places = int(re.search(r"(\d+)人", json.loads(event["body"])["text"]).group(1))
                    self.soon.setdefault((event["chat"], match.group(1)), {
                        "start": start, "end": end, "places": places, "leader": event["from"], "reported": set(),
                        "checked_in": set(), "checked_out": set(), "confirmations": 0})


async def deliver(session, storm, event_id):
    """Sends one event until it gets a 2xx, as a platform would; returns its status history."""
    event = storm.events[event_id]
    backoff = 0.05
    while True:
        try:
            async with session.post(f"http://127.0.0.1:{PORT}/hooks/generic/default", data=event["body"],
                                    headers={"X-Whistle-Signature": sign(event["body"]),
                                             "Content-Type": "application/json"}) as answer:
                status = answer.status
                text = await answer.text()
        except Exception:  # connection refused or reset while the server is down: not a 2xx
            status, text = 0, ""
        storm.statuses[status] += 1
        if 200 <= status < 300:
            replies = json.loads(text).get("replies")
            if event["answer"] is None:
                event["answer"] = replies
                storm.learn(event_id, json.loads(text))
            elif replies != event["answer"]:
                storm.mismatched_redeliveries.append(event_id)
            event["acks"] += 1
            return
        await asyncio.sleep(backoff)
        backoff = min(backoff * 2, 1.0)


def metrics_backlog():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/metrics", timeout=5) as answer:
            for line in answer.read().decode().splitlines():
                if line.startswith("whistle_outbox_backlog "):
                    return int(float(line.split()[1]))
    except OSError:
        return None
    return None


async def run(name, args, db_dir, seconds, kills, failure):
    """One soak run; returns (summary, failures)."""
    workspace = os.path.join(args.work, name)
    os.makedirs(workspace, exist_ok=True)
    db = os.path.join(db_dir, "whistle.db")
    subprocess.run([sys.executable, args.storm_org, workspace, "--groups", "200", "--port", str(PORT), "--db", db,
                    "--deliver-url", f"http://127.0.0.1:{RECEIVER_PORT}/deliver"], check=True)
    with open(os.path.join(workspace, "groups.tsv")) as file:
        groups = [tuple(line.rstrip("\n").split("\t")[:3]) for line in file if line.strip()]
    receiver = Receiver()
    await receiver.start()
    server = Server(args.whistle, os.path.join(workspace, "whistle.toml"), os.path.join(workspace, "whistle.log"))
    server.start()
    storm = Storm(groups, name)
    receiver.storm = storm
    # Soon tasks must end in time to be settled within the settling phase (a task whistled now
    # ends 2–2.7 minutes from now, so even a one-minute run whistles them for its first ~40 s).
    storm.soon_until = time.time() + seconds + SETTLE_SECONDS - 30
    killed = 0
    kill_times = []  # (SIGKILL sent, next start begun), time.monotonic()
    window_statuses = collections.Counter()
    stop_at = time.monotonic() + seconds
    failures = []

    async with ClientSession(connector=TCPConnector(limit=CONCURRENCY), timeout=ClientTimeout(total=15)) as session:
        pending = set()

        # Killing and the failure window never overlap: a server restarted on an immutable file
        # could not open it for writing at all, which is a different failure from the one tested.
        server_lock = asyncio.Lock()

        async def killer():
            nonlocal killed
            while time.monotonic() < stop_at:
                await asyncio.sleep(random.uniform(3, 20))
                async with server_lock:
                    if time.monotonic() >= stop_at:
                        continue
                    killed_at = time.monotonic()
                    await asyncio.to_thread(server.kill)
                    killed += 1
                    # At least 50 ms dead: whatever the killed process had sent is answered before
                    # the next one starts, so each delivery is put on the right side of the kill.
                    await asyncio.sleep(random.uniform(0.05, 1))
                    kill_times.append((killed_at, time.monotonic()))
                    await asyncio.to_thread(server.start)

        async def failure_window():
            # Its own timer, not the send loop: while every answer is a 503 the send loop waits for
            # pending deliveries, and the cause must go away on time regardless.
            nonlocal window_statuses
            await asyncio.sleep(seconds / 2)
            async with server_lock:
                before = collections.Counter(storm.statuses)
                await asyncio.to_thread(failure.begin)
                try:
                    await asyncio.sleep(10)
                finally:
                    window_statuses = storm.statuses - before
                    await asyncio.to_thread(failure.end)

        killer_task = asyncio.create_task(killer()) if kills else None
        window_task = asyncio.create_task(failure_window())
        interval = 1 / OFFERED_PER_SECOND
        next_send = time.monotonic()
        acked_ids = []
        while time.monotonic() < stop_at:
            # A share of what was already acknowledged comes again, as platforms redeliver.
            if acked_ids and random.random() < 0.05:
                event_id = random.choice(acked_ids)
            else:
                event_id = storm.make()
                acked_ids.append(event_id)
            pending.add(asyncio.create_task(deliver(session, storm, event_id)))
            while len(pending) >= CONCURRENCY * 4:
                _, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            next_send += interval
            await asyncio.sleep(max(0, next_send - time.monotonic()))
        await window_task
        if killer_task:
            await killer_task
        if server.process.poll() is not None:
            server.start()
        # Settling, bounded: the last soon tasks end and are checked out and confirmed, the last
        # codes picked up (a code arrives through the outbox, so this waits for deliveries too).
        settle_stop = time.monotonic() + SETTLE_SECONDS
        while time.monotonic() < settle_stop and not storm.settled(time.time()):
            event_id = storm.make(settling=True)
            if event_id is not None:
                pending.add(asyncio.create_task(deliver(session, storm, event_id)))
            await asyncio.sleep(0.02)
        if not storm.settled(time.time()):
            failures.append(f"the soon tasks and redemptions did not settle within {SETTLE_SECONDS} s")
        # Every event gets its 2xx in the end (bounded: a stuck server fails the run).
        done, not_done = await asyncio.wait(pending, timeout=120)
        if not_done:
            failures.append(f"{len(not_done)} events never got a 2xx within 120 s after the storm")
        # The outbox drains to the receiver (refusing nothing now).
        receiver.refuse_share = 0
        deadline = time.monotonic() + 120
        backlog = metrics_backlog()
        while backlog != 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            backlog = metrics_backlog()
        if backlog != 0:
            failures.append(f"the outbox did not drain within 120 s (backlog {backlog})")
    exit_code = server.stop()
    await receiver.stop()
    if exit_code != 0:
        failures.append(f"whistle exited {exit_code} on SIGTERM")

    # ---- the end state, against what the generator and the receiver saw ----
    check = subprocess.run([args.whistle, "check", "--db", db], capture_output=True, text=True)
    report = json.loads(check.stdout) if check.stdout else {"violations": [check.stderr]}
    if check.returncode != 0:
        failures += [f"whistle check: {v}" for v in report.get("violations", [])] or ["whistle check failed"]
    verify = subprocess.run([args.whistle, "verify-ledger", "--db", db], capture_output=True, text=True)
    if verify.returncode != 0:
        failures.append(f"whistle verify-ledger exited {verify.returncode}: "
                        f"{(verify.stdout + verify.stderr).strip().splitlines()[-3:]}")
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    # The volunteer loop really ran, and no effect was applied twice.
    ledger = dict(connection.execute("SELECT kind, COUNT(*) FROM ledger GROUP BY kind").fetchall())
    for kind in ("task", "adjust", "redeem"):
        if not ledger.get(kind):
            failures.append(f"no {kind} entry in the ledger: the loop was not exercised")
    redemptions = dict(connection.execute("SELECT status, COUNT(*) FROM redemptions GROUP BY status").fetchall())
    if not redemptions.get("picked_up"):
        failures.append(f"no redemption was picked up: {redemptions}")
    kinds = collections.Counter(e["kind"] for e in storm.events.values())
    paid_twice = connection.execute("SELECT COUNT(*) FROM (SELECT 1 FROM ledger WHERE kind = 'task' "
                                    "GROUP BY task_id, person_id HAVING COUNT(*) > 1)").fetchone()[0]
    if paid_twice:
        failures.append(f"{paid_twice} people paid twice for one task")
    for kind, ledger_kind in (("adjust", "adjust"), ("redeem", "redeem")):
        if ledger.get(ledger_kind, 0) > kinds[kind]:
            failures.append(f"{ledger[ledger_kind]} {ledger_kind} entries from {kinds[kind]} {kind} events")
    if len(redemptions) and sum(redemptions.values()) != ledger.get("redeem", 0):
        failures.append(f"{sum(redemptions.values())} redemptions but {ledger.get('redeem', 0)} redeem entries")
    negative = connection.execute("SELECT COUNT(*) FROM (SELECT 1 FROM ledger GROUP BY community_id, person_id "
                                  "HAVING SUM(points) < 0)").fetchone()[0]
    if negative:
        failures.append(f"{negative} balances below zero")
    # The ticket loop ran, and nothing of it was applied twice.
    tickets = dict(connection.execute("SELECT state || COALESCE('/' || outcome, ''), COUNT(*) FROM tickets "
                                      "GROUP BY 1").fetchall())
    received_twice = connection.execute("SELECT COUNT(*) FROM (SELECT 1 FROM ticket_events WHERE kind = 'received' "
                                        "GROUP BY ticket_id HAVING COUNT(*) > 1)").fetchone()[0]
    reopened = connection.execute("SELECT COALESCE(SUM(reopened), 0) FROM tickets").fetchone()[0]
    if sum(tickets.values()) > kinds["ticket"]:
        failures.append(f"{sum(tickets.values())} tickets from {kinds['ticket']} reports")
    if not tickets.get("closed/satisfied"):
        failures.append(f"no ticket was closed satisfied: {tickets}")
    if received_twice:
        failures.append(f"{received_twice} tickets received twice")
    if reopened > storm.rated["unsatisfied"]:
        failures.append(f"{reopened} reopens from {storm.rated['unsatisfied']} unsatisfied ratings")
    attendance = dict(zip(("checked_in", "checked_out", "flagged"), connection.execute(
        "SELECT COUNT(checked_in_at), COUNT(checked_out_at), COUNT(flagged) FROM attendance").fetchone()))
    stored = {row[0].removeprefix("generic:default:") for row in connection.execute("SELECT key FROM inbox")}
    acknowledged = {event_id for event_id, event in storm.events.items() if event["acks"] > 0}
    if stored != acknowledged:
        failures.append(f"inbox and acknowledged events differ: {len(acknowledged - stored)} acknowledged but not "
                        f"stored, {len(stored - acknowledged)} stored but never acknowledged")
    if len(acknowledged) != len(storm.events):
        failures.append(f"{len(storm.events) - len(acknowledged)} events never acknowledged")
    if storm.mismatched_redeliveries:
        failures.append(f"{len(storm.mismatched_redeliveries)} redeliveries got a different answer than the first "
                        f"(applied twice?), e.g. {storm.mismatched_redeliveries[:3]}")
    reporters = collections.Counter(e["from"] for e in storm.events.values() if e["kind"] == "report_in")
    signups = connection.execute("SELECT person_id, COUNT(*) FROM signups GROUP BY person_id").fetchall()
    for person, count in signups:
        if count > reporters.get(person.removeprefix("generic:"), 0):
            failures.append(f"{person} holds {count} signups from "
                            f"{reporters.get(person.removeprefix('generic:'), 0)} report-ins")
            break
    outbox = dict(connection.execute("SELECT id, sent_at IS NOT NULL FROM outbox").fetchall())
    connection.close()
    unsent = [i for i, sent in outbox.items() if not sent]
    lost = [i for i, sent in outbox.items() if sent and receiver.accepted[i] == 0]
    unknown = [i for i in receiver.accepted if i not in outbox]
    doubled = {i: n for i, n in receiver.accepted.items() if n > 1}
    if unsent:
        failures.append(f"{len(unsent)} outbox messages never sent")
    if lost:
        failures.append(f"{len(lost)} outbox messages marked sent but never received, e.g. {lost[:3]}")
    if unknown:
        failures.append(f"{len(unknown)} deliveries of messages not in the outbox")
    repeats_by_kill, unexplained = repeats_across_kills(receiver.accepted_at, kill_times)
    if unexplained:
        failures.append(f"{len(unexplained)} messages delivered again by the process that had delivered them "
                        f"(no kill between): {unexplained[:5]}")
    if any(n > MAX_IN_FLIGHT for n in repeats_by_kill):
        failures.append(f"more messages delivered again after one kill than can be in flight ({MAX_IN_FLIGHT}): "
                        f"{repeats_by_kill}")
    if receiver.bad_signatures:
        failures.append(f"{receiver.bad_signatures} deliveries with a bad signature")
    window = window_statuses
    if window[503] == 0:
        failures.append(f"no 503 while {failure.what}: {dict(window)}")
    if kills and killed < max(1, int(seconds / 60)):
        failures.append(f"only {killed} kills in {seconds:.0f} s")

    summary = {
        "run": name, "seconds": seconds, "events": len(storm.events), "requests": sum(storm.statuses.values()),
        "answers": {str(k): v for k, v in sorted(storm.statuses.items())},
        "redelivered_after_ack": sum(max(0, e["acks"] - 1) for e in storm.events.values()),
        "kills": killed, "starts": server.starts, f"during {failure.what}": {str(k): v for k, v in window.items()},
        "outbox_messages": len(outbox), "deliveries_received": sum(receiver.accepted.values()),
        "delivered_twice": len(doubled), "delivered_again_after_each_kill": repeats_by_kill,
        "tasks": report.get("tasks"), "signups": report.get("signups"),
        "soon_tasks": len(storm.soon), "events_by_kind": dict(sorted(kinds.items())),
        "attendance": attendance, "ledger": ledger, "redemptions": redemptions,
        "tickets": tickets, "ticket_ratings": dict(storm.rated), "reopened": reopened,
        "failures": failures,
    }
    return summary, failures


def repeats_across_kills(accepted_at, kill_times):
    """Which repeated deliveries a kill explains, and which it does not.

    A delivery the receiver accepted but the killed process had not yet marked sent goes out again
    from the next process (the receiver drops it by X-Whistle-Delivery): at most the deliveries in
    flight at the kill. A repeat with no kill between it and the delivery before it is the bot's own
    doing, which the design forbids. Returns (repeats per kill, ids repeated with no kill between)."""
    per_kill = [0] * len(kill_times)
    unexplained = []
    for delivery, times in accepted_at.items():
        times = sorted(times)
        for earlier, later in zip(times, times[1:]):
            # The kill that ended the process which made the earlier delivery, if one did.
            ended_by = next((k for k, (_, restarted) in enumerate(kill_times) if earlier < restarted), None)
            if ended_by is not None and later > kill_times[ended_by][0]:
                per_kill[ended_by] += 1
            else:
                unexplained.append(delivery)
    return per_kill, unexplained


class ReadOnly:
    what = "the database was read-only"

    def __init__(self, db_dir):
        self.files = [os.path.join(db_dir, name) for name in ("whistle.db", "whistle.db-wal")]

    def begin(self):
        subprocess.run(["chattr", "+i", *self.files], check=True)

    def end(self):
        subprocess.run(["chattr", "-i", *self.files], check=True)


class DiskFull:
    what = "the disk was full"

    def __init__(self, db_dir):
        self.filler = os.path.join(db_dir, "filler")

    def begin(self):
        subprocess.run(["dd", "if=/dev/zero", f"of={self.filler}", "bs=1M"], capture_output=True)

    def end(self):
        os.unlink(self.filler)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--whistle", required=True)
    parser.add_argument("--storm-org", required=True)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    results = []

    ext4_dir = os.path.join(args.work, "kills-db")
    os.makedirs(ext4_dir, exist_ok=True)
    summary, failures = await run("kills", args, ext4_dir, args.minutes * 60, True, ReadOnly(ext4_dir))
    results.append(summary)
    print(json.dumps(summary, ensure_ascii=False, indent=1), flush=True)

    tmpfs_dir = os.path.join(args.work, "diskfull-db")
    os.makedirs(tmpfs_dir, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", tmpfs_dir], check=True)
    try:
        summary, more = await run("diskfull", args, tmpfs_dir, 60, False, DiskFull(tmpfs_dir))
    finally:
        subprocess.run(["umount", "-l", tmpfs_dir])
    results.append(summary)
    print(json.dumps(summary, ensure_ascii=False, indent=1), flush=True)
    failures += more
    print("SOAK " + ("PASSED" if not failures else "FAILED:\n  " + "\n  ".join(failures)), flush=True)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
