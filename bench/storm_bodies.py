#!/usr/bin/env python3
"""Pre-signed storms: every request of a wrk run built and HMAC-signed before wrk starts.

Signing inside wrk (LuaJIT FFI, one HMAC per request on the cores the server shares) capped the
harness at ~43k req/s with wrk at 100 % of a core. Here the bodies are written once, close to the
run, as complete HTTP requests in a file that bench/wrk/storm.lua only replays (see there).

The storms are stateful: numbered report-ins need task numbers, 核销 needs pickup codes, and both
come back only in the server's answers. So a storm has a short setup phase (`setup_storm`), sent
from here over a few keep-alive connections, whose answers tell us the numbers and codes; the
storm's bodies are then written over them. No `ts` is sent (it is optional): the server stamps
each event with its arrival time, so no event of a pre-signed file can fall outside its ±5-minute
window or be re-timed, however long the file waits. Event ids are `<tag>-<n>`, unique per file;
the caller gives every file its own tag, and sizes it for rate × seconds with margin (the replay
reports if it ran out).

    storm_bodies.py OUT --groups groups.tsv --count 100000 --tag r1 [--mix storm] [--port 18080]

File format (read by storm.lua): for each request, a line `<length in bytes, decimal>\\n` and then
exactly that many bytes: the whole HTTP/1.1 request, headers and body.
"""
import argparse
import concurrent.futures
import datetime
import hmac
import http.client
import json
import random
import re
import threading

SECRET = "whistle-bench-secret"
PATH = "/hooks/generic/default"

# The old storm's mix (bench/wrk/storm.lua before issue 15, where wrk built and signed every body),
# kept here in the same proportions; `storm_event` draws from it.
PLACES = (3, 4, 5, 6, 8)
REPORT_FORMS = ("报到", "报到", "報到", "1", "+1", "我来")
CHATTER = ("大家辛苦了", "今天天气不错", "收到", "👍", "明天几点集合？")
SOON_TITLE = "打扫小区花园"
LATER_WHISTLE = "吹哨 清理楼道杂物 {places}人 明天上午9点 2小时"
# The storm's own whistles vary their title and hour: the same leader whistling the same task word
# for word within minutes is a resend, which Whistle answers without making a second task
# (handlers/whistle.cpp), and the mix is meant to make tasks.
STORM_TITLES = ("清理楼道杂物", "打扫单元门口", "整理自行车棚", "擦洗楼梯扶手", "清理小广告", "修剪绿化带",
                "整理快递架", "清扫地下车库")
STORM_HOURS = ("上午8点", "上午9点", "上午10点", "上午11点", "下午2点", "下午3点", "下午4点", "下午5点")


# --------------------------------------------------------------------------------------------
# Bodies and requests


def read_groups(path):
    """groups.tsv from storm_org.py: [(chat, leader, community)]."""
    groups = []
    with open(path, encoding="utf-8") as file:
        for line in file:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                groups.append(tuple(parts))
    if not groups:
        raise SystemExit(f"no groups in {path}")
    return groups


def body_of(event_id, chat, sender, text, extra=""):
    """The generic webhook's JSON, written by hand in a fixed form (as the Lua storm did): every
    string here is ours and needs no escaping beyond what json.dumps gives the text."""
    quoted = json.dumps(text, ensure_ascii=False) if '"' in text or "\\" in text else '"' + text + '"'
    return ('{"id":"' + event_id + '","chat":"' + chat + '","from":"' + sender + '","text":' + quoted + extra +
            '}').encode()


def signature(secret, body):
    return "sha256=" + hmac.digest(secret.encode(), body, "sha256").hex()


def http_request(secret, body, host="127.0.0.1"):
    """The exact bytes wrk sends: the request line, the headers wrk.format would write, the body."""
    head = (f"POST {PATH} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"X-Whistle-Signature: {signature(secret, body)}\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


def write_file(path, requests_iter, secret=SECRET):
    """Writes `<len>\\n<request>` records; returns how many."""
    count = 0
    with open(path, "wb", buffering=1 << 20) as out:
        for body in requests_iter:
            request = http_request(secret, body)
            out.write(b"%d\n" % len(request))
            out.write(request)
            count += 1
    return count


# --------------------------------------------------------------------------------------------
# Talking to the server during setup


class Client:
    """Sends signed events over keep-alive connections (one per worker thread) and returns the
    decoded answers. Used only for setup phases, never for measured load."""

    def __init__(self, port, secret=SECRET, workers=16):
        self.port, self.secret, self.workers = port, secret, workers
        self.local = threading.local()

    def _connection(self):
        if getattr(self.local, "connection", None) is None:
            self.local.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        return self.local.connection

    def send(self, body):
        headers = {"Content-Type": "application/json", "X-Whistle-Signature": signature(self.secret, body)}
        for attempt in range(2):
            connection = self._connection()
            try:
                connection.request("POST", PATH, body=body, headers=headers)
                answer = connection.getresponse()
                data = answer.read().decode()
                if answer.status != 200:
                    raise RuntimeError(f"setup event answered {answer.status}: {data[:200]}")
                return data
            except (ConnectionError, http.client.HTTPException):
                connection.close()
                self.local.connection = None
                if attempt:
                    raise

    def send_all(self, bodies):
        """Sends in parallel; answers in the order of `bodies`."""
        with concurrent.futures.ThreadPoolExecutor(self.workers) as pool:
            return list(pool.map(self.send, bodies))


TASK_NUMBER = re.compile(r"吹哨#(\d+)】")
PICKUP_CODE = re.compile(r"取货码：([2-9A-Z]+)")


def task_number(answer):
    match = TASK_NUMBER.search(answer)
    if not match:
        raise RuntimeError(f"a setup whistle was not answered with a task number: {answer[:300]}")
    return int(match.group(1))


def soon_time(now=None):
    """A start this minute (when most of it is ahead) or the next, Asia/Shanghai (UTC+8, no DST);
    None near midnight, where 今天 would be wrong. The same rule as the old Lua storm."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    local = now + datetime.timedelta(hours=8)
    hour, minute = local.hour, local.minute
    if local.second >= 20:
        minute += 1
    if minute >= 60:
        hour, minute = hour + 1, minute - 60
    if (hour >= 23 and minute >= 55) or hour >= 24:
        return None
    return f"今天{hour:02d}:{minute:02d} 2分钟"


# --------------------------------------------------------------------------------------------
# The storm (the normal mix)


class StormState:
    """What the storm's bodies refer to, learnt in setup: per chat its newest (tomorrow) task and
    its soon task, and pickup codes waiting for 核销 as (code, community)."""

    def __init__(self):
        self.latest = {}
        self.soon = {}
        self.codes = []


def setup_storm(port, groups, tag, codes=600, secret=SECRET, rng=None, max_groups=1000):
    """Whistles one tomorrow task and one soon task in every group (their numbers are what the
    storm's numbered report-ins, check-ins and 验收 name), and buys `codes` towels so the storm has
    pickup codes to 核销: three loop volunteers in each of the first groups get 10 points (加分) and
    redeem up to 4 towels each (2 points a towel), after reporting in to their group's task (which
    tells the server their community).

    In an org of more than `max_groups` groups only that many, spread evenly, get setup tasks (two
    whistles per group would take a minute at 100k groups and change what the org-size table
    measures); the others' report-ins take the bare forms, as the old storm's did in groups where
    it had not yet learnt a task."""
    rng = rng or random.Random(1)
    if len(groups) > max_groups:
        step = len(groups) / max_groups
        groups = [groups[int(i * step)] for i in range(max_groups)]
    client = Client(port, secret)
    state = StormState()
    sequence = iter(range(1, 1 << 40))

    def event(chat, sender, text, extra=""):
        return body_of(f"{tag}-s{next(sequence)}", chat, sender, text, extra)

    later = [event(chat, leader, LATER_WHISTLE.format(places=rng.choice(PLACES))) for chat, leader, _ in groups]
    for (chat, _, _), answer in zip(groups, client.send_all(later)):
        state.latest[chat] = task_number(answer)
    when = soon_time()
    if when:
        soon = [event(chat, leader, f"吹哨 {SOON_TITLE} {rng.choice(PLACES)}人 {when}") for chat, leader, _ in groups]
        for (chat, _, _), answer in zip(groups, client.send_all(soon)):
            state.soon[chat] = task_number(answer)
    # A buyer must belong to a community: the role a signup gives them. Three per group, since a
    # tomorrow task has at least three places.
    buyers = []
    for chat, leader, community in groups:
        for n in range(1, 4):
            if len(buyers) * 4 < codes:
                buyers.append((chat, leader, community, f"v-{chat}-{n}"))
    client.send_all([event(chat, volunteer, f"报到 {state.latest[chat]}") for chat, _, _, volunteer in buyers])
    client.send_all([event(chat, leader, f"加分 @{volunteer} 10 帮忙搬运物资", f',"mentions":["{volunteer}"]')
                     for chat, leader, _, volunteer in buyers])
    redeem = [(community, volunteer) for _, _, community, volunteer in buyers for _ in range(4)][:codes]
    answers = client.send_all([event(f"@{volunteer}", volunteer, "兑换 毛巾", ',"chat_type":"private"')
                               for _, volunteer in redeem])
    for (community, _), answer in zip(redeem, answers):
        match = PICKUP_CODE.search(answer)
        if match:
            state.codes.append((match.group(1), community))
    return state


def storm_event(rng, group, state, code_cursor):
    """One event of the normal mix: (chat or None for the group's, from, text, extra JSON).

    5 % whistles by the leader (4 % tomorrow, 1 % a soon task), 75 % report-ins (numbered for the
    group's setup task half the time, else bare forms), 6 % withdrawals, 3 % queries, 4 % chatter,
    and 7 % the volunteer loop: 2 % 报到/签到 N of the soon task by its first six volunteers, 1 %
    验收 N by the leader, 2 % 加分 with a mention, 1.5 % 兑换 in private, 0.5 % 核销 of a setup
    code by the community's staff (积分 when none is left)."""
    chat, leader, community = group
    r = rng.random()
    if r < 0.04:
        title, hour = rng.choice(STORM_TITLES), rng.choice(STORM_HOURS)
        return None, leader, f"吹哨 {title} {rng.choice(PLACES)}人 明天{hour} 2小时", ""
    if r < 0.05:
        when = soon_time()
        if when:
            return None, leader, f"吹哨 {rng.choice(STORM_TITLES)} {rng.choice(PLACES)}人 {when}", ""
    if r >= 0.93:
        soon = state.soon.get(chat)
        volunteer = f"v-{chat}-{rng.randint(1, 6)}"
        if r < 0.95 and soon:
            return None, volunteer, ("报到 " if rng.random() < 0.5 else "签到 ") + str(soon), ""
        if r < 0.96 and soon:
            return None, leader, f"验收 {soon}", ""
        if r < 0.98:
            return None, leader, f"加分 @{volunteer} {rng.randint(3, 20)} 帮忙搬运物资", f',"mentions":["{volunteer}"]'
        if r < 0.995:
            return f"@{volunteer}", volunteer, "兑换 毛巾", ',"chat_type":"private"'
        if code_cursor[0] < len(state.codes):
            code, code_community = state.codes[code_cursor[0]]
            code_cursor[0] += 1
            return code_community, f"S-{code_community}", f"核销 {code}", ""
        return None, volunteer, "积分", ""
    volunteer = f"v-{chat}-{rng.randint(1, 40)}"
    if r < 0.80:
        task = state.latest.get(chat)
        if task and r < 0.425:
            return None, volunteer, (f"报到 {task}" if r < 0.24 else f"报到 #{task}"), ""
        return None, volunteer, rng.choice(REPORT_FORMS), ""
    if r < 0.86:
        task = state.latest.get(chat)
        word = "取消报到" if rng.random() < 0.5 else "不去了"
        return None, volunteer, f"{word} {task}" if task else word, ""
    if r < 0.89:
        return None, volunteer, "帮助" if rng.random() < 0.5 else "积分", ""
    return None, volunteer, rng.choice(CHATTER), ""


def storm_bodies(groups, state, count, tag, seed=0):
    rng = random.Random(seed)
    code_cursor = [0]
    for n in range(count):
        group = groups[int(rng.random() * len(groups))]
        chat, sender, text, extra = storm_event(rng, group, state, code_cursor)
        yield body_of(f"{tag}-{n}", chat or group[0], sender, text, extra)


# --------------------------------------------------------------------------------------------
# Report-ins only (the judge's storm and the statement counter)


BIG_PLACES = 500  # the most a whistle may ask for: not full within a bounded run of ~150 report-ins a group


def setup_big_tasks(port, groups, tag, tasks_per_group=1, places=BIG_PLACES, secret=SECRET):
    """Whistles `tasks_per_group` large open tasks (tomorrow) in every group; returns
    {chat: [task numbers]}."""
    client = Client(port, secret)
    bodies, chats = [], []
    for t in range(tasks_per_group):
        for chat, leader, _ in groups:
            bodies.append(body_of(f"{tag}-b{t}-{chat}", chat, leader, f"吹哨 大扫除{t + 1} {places}人 明天上午9点 2小时"))
            chats.append(chat)
    tasks = {}
    for chat, answer in zip(chats, client.send_all(bodies)):
        tasks.setdefault(chat, []).append(task_number(answer))
    return tasks


def new_volunteer_bodies(groups, tasks, count, tag, seed=0, ids="sequential"):
    """Every event a report-in from a person never seen before to a random group's big task: the
    people table, the task's signups and the inbox all grow with the run.

    `ids` sequential: the event `<tag>-<n>` from `n-<tag>-<n>`, so consecutive people and events
    sort next to each other. random: the event a UUID's 32 hex digits and the person `ou_` and 32
    more (Feishu's open_id; WeCom's and DingTalk's ids are as scattered), as a platform or a
    script using uuid4 sends them: every new row lands on a leaf of its own in each index keyed
    by them."""
    rng = random.Random(seed)
    # Not random.Random(seed) again: the random ids must not repeat the choice of groups' stream,
    # and each file (seed) must have ids of its own.
    id_rng = random.Random(f"{tag}/{seed}")
    for n in range(count):
        chat = groups[rng.randrange(len(groups))][0]
        if ids == "random":
            event_id, person = f"{id_rng.getrandbits(128):032x}", f"ou_{id_rng.getrandbits(128):032x}"
        else:
            event_id, person = f"{tag}-{n}", f"n-{tag}-{n}"
        yield body_of(event_id, chat, person, f"报到 {tasks[chat][-1]}")


def known_volunteer_bodies(groups, tasks, per_group, tag, task_index=-1):
    """Report-ins by `per_group` known people of every group (`k-<chat>-<i>`, made known in a
    setup phase) to one of the group's big tasks: each (person, task) once, interleaved over the
    groups so consecutive events hit different groups."""
    for i in range(per_group):
        for chat, _, _ in groups:
            yield body_of(f"{tag}-{i}-{chat}", chat, f"k-{chat}-{i}", f"报到 {tasks[chat][task_index]}")


# --------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--groups", required=True, help="groups.tsv from storm_org.py")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--tag", required=True, help="prefix of every event id; unique per file")
    parser.add_argument("--mix", default="storm", choices=("storm", "reportin-new"))
    parser.add_argument("--port", type=int, default=18080, help="the running server, for the setup phase")
    parser.add_argument("--secret", default=SECRET)
    args = parser.parse_args()
    groups = read_groups(args.groups)
    if args.mix == "storm":
        state = setup_storm(args.port, groups, args.tag + "setup", secret=args.secret)
        bodies = storm_bodies(groups, state, args.count, args.tag)
    else:
        tasks = setup_big_tasks(args.port, groups, args.tag + "setup", secret=args.secret)
        bodies = new_volunteer_bodies(groups, tasks, args.count, args.tag)
    print(write_file(args.out, bodies, args.secret), "requests written to", args.out)


if __name__ == "__main__":
    main()
