#!/usr/bin/env python3
"""Writes the board's seed: a config and a month of `whistle sim` input, and the hand counts.

Used by scripts/board-seed.sh. Everything is drawn from one fixed seed, and the dates are laid
out on the calendar of the current month (Asia/Shanghai): the whole of last month and the first
two days of this one, so "this month" and "last month" on the board always hold the same data,
whatever day the tests run. BOARD_SEED_MONTH=YYYY-MM pins the current month for a replay.

Writes into OUT_DIR:
  config.toml   the org (a community, 2 grids, 4 buildings, 8 units), 60 volunteers with display
                names, residents, a responder (物业), rewards; long deadlines (see RULES below)
  input.jsonl   the sim lines, in time order
  commands.json for every line that is a command: the intent `whistle parse` must read
  expected.json the hand counts the browser tests compare the board with
"""

import json
import os
import random
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Shanghai")
SEED = 14

# The board is served on the real clock after the sim has ended. Deadlines that fall due then
# would climb or close tickets while the tests look at them, so every clock is set beyond the
# month the seed must stay still for: no answer/solve/rating/redemption deadline fires within 60
# days of the sim's end. Tickets climb by hand (上报) and by 回炉 instead.
RULES = """[rules]
answer_hours = 1440
solve_hours = { urgent = 1440, utilities = 1440, general = 1440, complex = 1440 }
rate_days = 60
redemption_days = 60
help_lead_hours = 0
"""

COMMUNITY = ("c1", "翠湖社区", "u-wang", "王书记")
GRIDS = [("g1", "第一网格", "u-g1", "李网格长"), ("g2", "第二网格", "u-g2", "赵网格长")]
BUILDINGS = [
    ("b1", "g1", "1号楼", "u-b1", "孙楼栋长"),
    ("b2", "g1", "2号楼", "u-b2", "钱楼栋长"),
    ("b3", "g2", "3号楼", "u-b3", "吴楼栋长"),
    ("b4", "g2", "4号楼", "u-b4", "郑楼栋长"),
]
UNIT_LEADERS = ["冯单元长", "陈单元长", "褚单元长", "卫单元长", "蒋单元长", "沈单元长", "韩单元长", "杨单元长"]
UNITS = []  # (id, building, name, leader id, leader name)
for b_index, (b_id, _, b_name, _, _) in enumerate(BUILDINGS):
    for u in (1, 2):
        index = len(UNITS)
        UNITS.append((f"{b_id}u{u}", b_id, f"{b_name}{u}单元", f"u-{b_id}u{u}", UNIT_LEADERS[index]))
STAFF = ("u-zhou", "周主任")
SHIFU = ("u-shifu", "刘师傅")
# A resident who reports in private only: the board must never show this name.
PRIVATE_REPORTER = ("u-mi", "秦守密")
# Residents who report in their groups (they never volunteer).
RESIDENTS = [(f"r{i:02d}", name) for i, name in enumerate(
    ["朱大妈", "秦阿姨", "尤大爷", "许奶奶", "何叔叔", "吕阿姨", "施大爷", "张奶奶"], start=1)]

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = ["建国", "秀英", "桂兰", "志强", "海燕", "丽华", "明辉", "玉梅", "国庆", "晓东",
         "淑芬", "文杰", "春生", "红霞", "永福", "雪梅"]
PHONE = "13912345678"

TASK_TITLES = ["清理楼道杂物", "擦洗楼道扶手", "清扫单元门口落叶", "整理自行车棚", "陪护独居老人",
               "张贴防诈骗宣传", "清理小广告", "检查楼道消防器材"]


def volunteers():
    rng = random.Random(SEED)
    names = set()
    people = []
    while len(people) < 60:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name in names:
            continue
        names.add(name)
        index = len(people)
        people.append((f"v{index + 1:02d}", name, UNITS[index % len(UNITS)][0]))
    return people


VOLUNTEERS = volunteers()
NAMES = {pid: name for pid, name, _ in VOLUNTEERS}
for _, _, _, lid, lname in UNITS:
    NAMES[lid] = lname
for _, _, lid, lname in GRIDS:
    NAMES[lid] = lname
for _, _, _, lid, lname in BUILDINGS:
    NAMES[lid] = lname
for pid, name in [COMMUNITY[2:4], STAFF, SHIFU, PRIVATE_REPORTER, *RESIDENTS]:
    NAMES[pid] = name

PARENT = {"c1": None}
for g in GRIDS:
    PARENT[g[0]] = "c1"
for b in BUILDINGS:
    PARENT[b[0]] = b[1]
for u in UNITS:
    PARENT[u[0]] = u[1]
LEADER = {COMMUNITY[0]: COMMUNITY[2]}
LEADER.update({g[0]: g[2] for g in GRIDS})
LEADER.update({b[0]: b[3] for b in BUILDINGS})
LEADER.update({u[0]: u[3] for u in UNITS})


def ancestors(node):
    """The node and every node above it."""
    out = []
    while node:
        out.append(node)
        node = PARENT[node]
    return out


def month_of(d):
    return f"{d.year:04d}-{d.month:02d}"


def this_month():
    pinned = os.environ.get("BOARD_SEED_MONTH")
    if pinned:
        year, month = (int(x) for x in pinned.split("-"))
        return datetime(year, month, 1)
    now = datetime.now(ZONE)
    return datetime(now.year, now.month, 1)


def previous(first):
    return (first - timedelta(days=1)).replace(day=1)


def following(first):
    return (first + timedelta(days=32)).replace(day=1)


def at(t):
    return t.strftime("%Y-%m-%dT%H:%M")


def md(t):
    return f"{t.month}月{t.day}日"


class Script:
    """The sim lines, kept with what each one means, and the model the hand counts come from."""

    def __init__(self):
        self.lines = []  # (time, order, line, intent or None)
        self.order = 0
        self.tasks = []
        self.points = {}  # (month, person) -> [points, minutes, node]
        self.tickets = []

    def say(self, t, chat, who, text, intent, mentions=None):
        line = {"at": at(t), "chat": chat, "from": who, "name": NAMES[who], "text": text}
        if mentions:
            line["mentions"] = mentions
        self.order += 1
        self.lines.append((t, self.order, line, intent))

    def tick(self, t):
        self.order += 1
        self.lines.append((t, self.order, {"at": at(t)}, None))

    def earn(self, t, person, node, points, minutes=0):
        key = (month_of(t), person)
        row = self.points.setdefault(key, [0, 0, set()])
        row[0] += points
        row[1] += minutes
        row[2].add(node)


def plan_tasks(script, rng, now_first):
    """Whistles, report-ins, check-ins/outs, 验收 and 结束; the future ones stay open."""
    last = previous(now_first)
    rounds = [last.replace(day=d, hour=9) for d in (4, 11, 18, 25)]
    rounds += [now_first.replace(day=1, hour=14)]
    whistles = []
    for r_index, start in enumerate(rounds):
        # Last month: every unit, announced two days before at 11:00; this month: every other unit,
        # announced the same morning at 08:00.
        units = UNITS if r_index < 4 else UNITS[::2]
        announce = (start - timedelta(days=2)).replace(hour=11) if r_index < 4 else start.replace(hour=8)
        for u_index, unit in enumerate(units):
            whistles.append((announce + timedelta(minutes=u_index), unit, start, False))
    future_first = following(now_first)
    for u_index, unit in enumerate(UNITS):
        start = future_first.replace(day=5 + u_index, hour=9)
        whistles.append((now_first.replace(day=2, hour=9, minute=u_index), unit, start, True))
    whistles.sort(key=lambda w: w[0])
    number = 0
    for when, unit, start, future in whistles:
        number += 1
        u_id, _, u_name, leader, _ = unit
        places = rng.randint(3, 6)
        points = rng.choice([5, 8, 10, 12, 15])
        title = rng.choice(TASK_TITLES)
        hour = "上午9点" if start.hour == 9 else "下午2点"
        script.say(when, u_id, leader, f"吹哨 {title} {places}人 {md(start)}{hour} 2小时 {points}分", "whistle")
        home = [v for v in VOLUNTEERS if v[2] == u_id]
        if future:
            # Some tasks end up full, some with places left, one with a waitlist.
            wanted = [places + 1, places, places - 1, places - 2, 1, places, places - 1, 2][UNITS.index(unit)]
        else:
            wanted = places + rng.choice([0, 0, 1])
        wanted = max(0, min(wanted, len(home)))
        chosen = rng.sample(home, wanted)
        for s_index, (vid, _, _) in enumerate(chosen):
            script.say(when + timedelta(minutes=20 + s_index), u_id, vid, f"报到 {number}", "report_in")
        signed = [v[0] for v in chosen[:places]]
        task = {"number": number, "node": u_id, "title": title, "start": start, "places": places,
                "points": points, "signed": len(signed), "waitlist": max(0, len(chosen) - places),
                "future": future}
        script.tasks.append(task)
        if future:
            continue
        came = [v for v in signed if rng.random() > 0.15]
        for vid in came:
            script.say(start - timedelta(minutes=5), u_id, vid, f"签到 {number}", "check_in")
        for vid in came:
            script.say(start + timedelta(hours=2), u_id, vid, f"签退 {number}", "check_out")
        script.say(start + timedelta(hours=2, minutes=30), u_id, leader, f"验收 {number}", "confirm")
        script.say(start + timedelta(hours=2, minutes=31), u_id, leader, f"结束 {number}", "finish")
        for vid in came:
            script.earn(start, vid, u_id, points, 120)
        task["confirmed"] = len(came)
        task["no_shows"] = len(signed) - len(came)


def plan_adjustments(script, now_first):
    last = previous(now_first)
    unit_of = {v[0]: v[2] for v in VOLUNTEERS}
    adjustments = [
        (last.replace(day=8, hour=19), "v05", 5, "帮助孤寡老人买菜"),
        (last.replace(day=14, hour=19), "v12", 3, "主动清理积水"),
        (last.replace(day=21, hour=19), "v30", -2, "报到后未请假缺席"),
        (last.replace(day=27, hour=19), "v41", 6, "协助调解邻里纠纷"),
        (now_first.replace(day=2, hour=8), "v17", 4, "夜间巡逻"),
    ]
    for when, vid, points, reason in adjustments:
        unit = unit_of[vid]
        verb = "加分" if points > 0 else "扣分"
        script.say(when, unit, LEADER[unit], f"{verb} @{NAMES[vid]} {abs(points)} {reason}", "adjust", [vid])
        script.earn(when, vid, unit, points)


def break_ties_at_top(script, month, when):
    """A unique first place at every node, so the tests can name the top person without a tie
    rule: the first of the tied (by id) gets a small 加分 from their unit leader, and the nodes
    are looked at again until no first place is shared."""
    nodes = [u[0] for u in UNITS] + [b[0] for b in BUILDINGS] + [g[0] for g in GRIDS] + ["c1"]
    for _ in range(20):
        tied = None
        for node in nodes:
            rows = ranking(script, month, {node})
            if len(rows) > 1 and rows[0]["points"] == rows[1]["points"]:
                tied = rows[0]["id"]
                break
        if tied is None:
            return
        unit = next(v[2] for v in VOLUNTEERS if v[0] == tied)
        script.say(when, unit, LEADER[unit], f"加分 @{NAMES[tied]} 3 组织邻居参加活动", "adjust", [tied])
        script.earn(when, tied, unit, 3)
        when += timedelta(minutes=1)
    raise SystemExit("board_seed: ties at the top did not settle")


def plan_tickets(script, now_first):
    """Tickets through the whole loop; each one's end state is written down by hand."""
    last = previous(now_first)
    T = script.tickets

    def ticket(state, outcome, node, month, received, **kw):
        T.append({"ref": f"T{len(T) + 1}", "state": state, "outcome": outcome, "node": node,
                  "month": month, "received": at(received), **kw})
        return len(T)

    def day(d, h, m=0):
        return last.replace(day=d, hour=h, minute=m)

    def cday(d, h, m=0):
        return now_first.replace(day=d, hour=h, minute=m)

    pm = month_of(last)
    cm = month_of(now_first)
    say = script.say
    # T1: 派单 to 物业, accepted, resolved, rated satisfied.
    n = ticket("closed", "satisfied", "b1u1", pm, day(5, 10), solved_by="物业")
    say(day(5, 10), "b1u1", "r01", "报事 1号楼1单元楼道灯坏了", "ticket")
    say(day(5, 10, 20), "b1u1", "u-b1u1", f"派单 T{n} 物业", "dispatch")
    say(day(5, 10, 40), "wuye", "u-shifu", f"接单 T{n}", "accept")
    say(day(5, 14), "wuye", "u-shifu", f"办结 T{n} 已更换灯泡", "resolve")
    say(day(5, 15), "b1u1", "r01", f"评价 T{n} 满意", "rate")
    # T2: accepted by the unit leader, 回炉 once, resolved again, satisfied.
    n = ticket("closed", "satisfied", "b2u1", pm, day(7, 9, 30), reopened=True)
    say(day(7, 9, 30), "b2u1", "r02", "报事 垃圾桶满了没人清", "ticket")
    say(day(7, 10), "b2u1", "u-b2u1", f"接单 T{n}", "accept")
    say(day(7, 11), "b2u1", "u-b2u1", f"办结 T{n} 已清理", "resolve")
    say(day(7, 13), "b2u1", "r02", f"评价 T{n} 2 还是有味", "rate")
    say(day(7, 15), "b2u1", "u-b2u1", f"办结 T{n} 已消毒清洗", "resolve")
    say(day(7, 16), "b2u1", "r02", f"评价 T{n} 满意", "rate")
    # T3: climbs by hand unit → building → grid, resolved by the grid leader, not rated yet.
    n = ticket("resolved", None, "b3u1", pm, day(9, 10), climbed=2)
    say(day(9, 10), "b3u1", "r05", "报事 小区围墙裂缝需要修补", "ticket")
    say(day(9, 10, 30), "b3u1", "u-b3u1", f"上报 T{n}", "escalate")
    say(day(9, 11), "b3", "u-b3", f"上报 T{n}", "escalate")
    say(day(9, 14), "g2", "u-g2", f"接单 T{n}", "accept")
    say(day(12, 10), "g2", "u-g2", f"办结 T{n} 已联系施工队修补", "resolve")
    # T4: a phone number typed in the report.
    n = ticket("closed", "satisfied", "b4u2", pm, day(12, 10), phone=PHONE)
    say(day(12, 10), "b4u2", "r08", f"报事 4号楼2单元下水道堵了 联系电话{PHONE}", "ticket")
    say(day(12, 10, 30), "b4u2", "u-b4u2", f"接单 T{n}", "accept")
    say(day(12, 16), "b4u2", "u-b4u2", f"办结 T{n} 已疏通", "resolve")
    say(day(12, 18), "b4u2", "r08", f"评价 T{n} 满意", "rate")
    # T5: reported in private by someone who never reported in: the community has it.
    n = ticket("closed", "satisfied", "c1", pm, day(15, 11), private=True)
    say(day(15, 11), "@u-mi", "u-mi", "报事 有人乱停车堵住消防通道", "ticket")
    say(day(15, 12), "c1", "u-wang", f"接单 T{n}", "accept")
    say(day(15, 15), "c1", "u-wang", f"办结 T{n} 已联系车主挪车", "resolve")
    say(day(15, 16), "@u-mi", "u-mi", "满意", "rate")
    # T6: closed unresolved with a reason.
    n = ticket("closed", "unresolved", "b1u2", pm, day(18, 10))
    say(day(18, 10), "b1u2", "r03", "报事 楼上装修太吵", "ticket")
    say(day(18, 11), "b1u2", "u-b1u2", f"关闭 T{n} 不属实", "close")
    # T7: 派单 to 物业, sent back, taken by the unit leader, satisfied.
    n = ticket("closed", "satisfied", "b2u2", pm, day(20, 10), sent_back=True)
    say(day(20, 10), "b2u2", "r04", "报事 电梯有异响", "ticket")
    say(day(20, 10, 20), "b2u2", "u-b2u2", f"派单 T{n} 物业", "dispatch")
    say(day(20, 11), "wuye", "u-shifu", f"退回 T{n} 电梯归维保公司管", "send_back")
    say(day(20, 11, 30), "b2u2", "u-b2u2", f"接单 T{n}", "accept")
    say(day(21, 10), "b2u2", "u-b2u2", f"办结 T{n} 已联系电梯维保", "resolve")
    say(day(21, 12), "b2u2", "r04", f"评价 T{n} 满意", "rate")
    # T8: a 微心愿 claimed by a volunteer, satisfied: wish points.
    wisher = next(v[0] for v in VOLUNTEERS if v[2] == "b3u2")
    n = ticket("closed", "satisfied", "b3u2", pm, day(22, 10), wish=wisher)
    say(day(22, 10), "b3u2", "r06", "微心愿 想要一副老花镜", "ticket")
    say(day(22, 11), "b3u2", wisher, f"认领 T{n}", "claim")
    say(day(22, 16), "b3u2", wisher, f"办结 T{n} 已送到", "resolve")
    say(day(22, 17), "b3u2", "r06", f"评价 T{n} 满意", "rate")
    script.earn(day(22, 17), wisher, "b3u2", 5)
    # T9: 点单 dispatched to a volunteer, resolved, waiting for the rating.
    helper = next(v[0] for v in VOLUNTEERS if v[2] == "b4u1")
    n = ticket("resolved", None, "b4u1", pm, day(26, 10))
    say(day(26, 10), "b4u1", "r07", "点单 需要代买降压药", "ticket")
    say(day(26, 10, 15), "b4u1", "u-b4u1", f"派单 T{n} @{NAMES[helper]}", "dispatch", [helper])
    say(day(26, 10, 30), "@" + helper, helper, f"接单 T{n}", "accept")
    say(day(26, 15), "@" + helper, helper, f"办结 T{n} 已送药上门", "resolve")
    # This month.
    n = ticket("accepted", None, "b1u2", cm, cday(1, 10))
    say(cday(1, 10), "b1u2", "r03", "报事 1号楼2单元水管漏水", "ticket")
    say(cday(1, 10, 30), "b1u2", "u-b1u2", f"接单 T{n}", "accept")
    n = ticket("accepted", None, "b4u1", cm, cday(1, 15))
    say(cday(1, 15), "b4u1", "r07", "报事 健身器材坏了", "ticket")
    say(cday(1, 15, 20), "b4u1", "u-b4u1", f"派单 T{n} 物业", "dispatch")
    say(cday(1, 16), "wuye", "u-shifu", f"接单 T{n}", "accept")
    n = ticket("assigned", None, "b2u1", cm, cday(2, 9))
    say(cday(2, 9), "b2u1", "r02", "报事 楼道堆放杂物", "ticket")
    n = ticket("closed", "satisfied", "b3u2", cm, cday(2, 9, 30))
    say(cday(2, 9, 30), "b3u2", "r06", "报事 楼下路灯不亮", "ticket")
    say(cday(2, 9, 45), "b3u2", "u-b3u2", f"接单 T{n}", "accept")
    say(cday(2, 10, 30), "b3u2", "u-b3u2", f"办结 T{n} 已修好", "resolve")
    say(cday(2, 11), "b3u2", "r06", f"评价 T{n} 满意", "rate")


def plan_redemptions(script, now_first):
    """One redemption held (its code goes in private), one made and cancelled."""
    last_month = month_of(previous(now_first))
    ranked = sorted(((p, pid) for (mo, pid), (p, _, _) in script.points.items() if mo == last_month),
                    reverse=True)
    rich, second = ranked[0][1], ranked[1][1]
    script.say(now_first.replace(day=2, hour=10, minute=30), "@" + rich, rich, "兑换 洗衣液", "redeem")
    script.say(now_first.replace(day=2, hour=10, minute=40), "@" + second, second, "兑换 毛巾", "redeem")
    script.say(now_first.replace(day=2, hour=10, minute=45), "@" + second, second, "取消兑换", "cancel_redeem")
    return rich


def config_text():
    def q(ids):
        return "[" + ", ".join(f'"generic:{i}"' for i in ids) + "]"

    parts = ["# Written by scripts/board_seed.py: the board's seed community (issue 14).",
             '[platforms.generic.default]\nsecret = "board-seed-secret-not-for-production"\n'
             'deliver_url = "http://127.0.0.1:9/deliver"\n', RULES]
    c_id, c_name, c_leader, _ = COMMUNITY
    parts.append(f'[[node]]\nid = "{c_id}"\nlevel = "community"\nname = "{c_name}"\nchats = {q([c_id])}\n'
                 f'leaders = {q([c_leader])}\nstaff = {q([STAFF[0]])}\n')
    for g_id, g_name, leader, _ in GRIDS:
        parts.append(f'[[node]]\nid = "{g_id}"\nlevel = "grid"\nparent = "c1"\nname = "{g_name}"\n'
                     f'chats = {q([g_id])}\nleaders = {q([leader])}\n')
    for b_id, g_id, b_name, leader, _ in BUILDINGS:
        parts.append(f'[[node]]\nid = "{b_id}"\nlevel = "building"\nparent = "{g_id}"\nname = "{b_name}"\n'
                     f'chats = {q([b_id])}\nleaders = {q([leader])}\n')
    for u_id, b_id, u_name, leader, _ in UNITS:
        parts.append(f'[[node]]\nid = "{u_id}"\nlevel = "unit"\nparent = "{b_id}"\nname = "{u_name}"\n'
                     f'chats = {q([u_id])}\nleaders = {q([leader])}\n')
    parts.append(f'[[responder]]\nid = "wuye"\nname = "物业"\nnode = "c1"\nchats = {q(["wuye"])}\n'
                 f'members = {q([SHIFU[0]])}\n')
    for rid, name, points, stock in [("rice", "大米5斤", 50, 10), ("soap", "洗衣液", 30, 20),
                                      ("towel", "毛巾", 20, 50)]:
        parts.append(f'[[reward]]\nid = "{rid}"\nname = "{name}"\npoints = {points}\nstock = {stock}\n')
    for pid, name in sorted(NAMES.items()):
        parts.append(f'[[person]]\nid = "generic:{pid}"\nname = "{name}"\n')
    return "\n".join(parts)


def ranking(script, month, nodes=None):
    rows = []
    for (mo, pid), (points, minutes, where) in script.points.items():
        if mo != month:
            continue
        if nodes is not None and not any(set(ancestors(n)) & nodes for n in where):
            continue
        rows.append({"id": pid, "name": NAMES[pid], "points": points, "minutes": minutes})
    rows.sort(key=lambda r: (-r["points"], -r["minutes"], r["id"]))
    return rows


def expected(script, now_first, end, rich):
    last = previous(now_first)
    out = {"now_month": month_of(now_first), "last_month": month_of(last), "end": at(end), "nodes": {}}
    all_nodes = ["c1"] + [g[0] for g in GRIDS] + [b[0] for b in BUILDINGS] + [u[0] for u in UNITS]
    for node in all_nodes:
        subtree = {n for n in all_nodes if node in ancestors(n)}
        e = {}
        for label, month in (("this_month", month_of(now_first)), ("last_month", month_of(last))):
            # Points of a person counted in this subtree (each person's entries here all sit in one
            # unit, their home unit, so a person's total is whole or absent).
            rows = ranking(script, month, {node})
            e[label] = {"people": len(rows), "top": rows[0] if rows else None,
                        "points": sum(r["points"] for r in rows)}
        tasks = [t for t in script.tasks if t["future"] and t["node"] in subtree and t["signed"] < t["places"]]
        e["open_tasks_with_places_left"] = len(tasks)
        e["places_left"] = sum(t["places"] - t["signed"] for t in tasks)
        states = {}
        for t in script.tickets:
            if t["node"] in subtree:
                states[t["state"]] = states.get(t["state"], 0) + 1
        e["ticket_states_by_first_node"] = states
        out["nodes"][node] = e
    out["tasks"] = [{**t, "start": at(t["start"])} for t in script.tasks]
    out["tickets"] = script.tickets
    out["private_reporter"] = PRIVATE_REPORTER[1]
    out["phone"] = PHONE
    out["redeemed_by"] = NAMES[rich]
    month = month_of(now_first)
    received = [t for t in script.tickets if t["month"] == month]
    out["this_month_tickets"] = {
        "received": len(received),
        "rated": sum(1 for t in received if t["outcome"] == "satisfied"),
        "satisfied": sum(1 for t in received if t["outcome"] == "satisfied"),
    }
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: board_seed.py OUT_DIR")
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    now_first = this_month()
    rng = random.Random(SEED)
    script = Script()
    plan_tasks(script, rng, now_first)
    plan_adjustments(script, now_first)
    plan_tickets(script, now_first)
    last = previous(now_first)
    break_ties_at_top(script, month_of(last), last.replace(day=27, hour=20))
    break_ties_at_top(script, month_of(now_first), now_first.replace(day=2, hour=8, minute=10))
    rich = plan_redemptions(script, now_first)
    end = now_first.replace(day=2, hour=12)
    script.tick(end)
    script.lines.sort(key=lambda item: (item[0], item[1]))
    with open(os.path.join(out_dir, "input.jsonl"), "w", encoding="utf-8") as f:
        for _, _, line, _ in script.lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    commands = [{"at": line["at"], "chat": line["chat"], "from": line["from"], "text": line["text"],
                 "intent": intent} for _, _, line, intent in script.lines if intent]
    with open(os.path.join(out_dir, "commands.json"), "w", encoding="utf-8") as f:
        json.dump(commands, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out_dir, "config.toml"), "w", encoding="utf-8") as f:
        f.write(config_text())
        f.write(f'\n[store]\npath = "{os.path.abspath(os.path.join(out_dir, "board.db"))}"\n')
    with open(os.path.join(out_dir, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected(script, now_first, end, rich), f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
