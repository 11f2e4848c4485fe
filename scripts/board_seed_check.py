#!/usr/bin/env python3
"""Checks the board's seed against the bot itself (used by scripts/board-seed.sh).

  board_seed_check.py parse WHISTLE_BIN OUT_DIR   every command line read with the intent meant
  board_seed_check.py answers OUT_DIR             every command line answered, none "not understood"

A seed whose lines the bot reads differently from what the hand counts assume would make the
browser tests compare the board with a wrong count, so both are checked before anything else.
"""

import json
import os
import subprocess
import sys

# What the bot answers to a line it does not understand (config/templates/zh-CN.toml,
# unknown_hint and unknown_menu).
NOT_UNDERSTOOD = "没看懂"
# Refusals: the line was understood but did nothing (a seed never asks for what it may not do).
REFUSALS = ["只有", "没有找到", "不能", "无法", "请先", "还没有报到", "不在签到时间"]


def load_commands(out_dir):
    with open(os.path.join(out_dir, "commands.json"), encoding="utf-8") as f:
        return json.load(f)


def check_parse(whistle, out_dir):
    config = os.path.join(out_dir, "config.toml")
    failures = []
    for c in load_commands(out_dir):
        result = subprocess.run([whistle, "parse", "--config", config, "--at", c["at"], c["text"]],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            failures.append(f"{c['text']}: whistle parse exited {result.returncode}: {result.stderr.strip()}")
            continue
        intent = json.loads(result.stdout)["intent"]
        if intent != c["intent"]:
            failures.append(f"{c['at']} {c['text']!r}: read as {intent}, meant {c['intent']}")
    return failures


def check_answers(out_dir):
    answers = {}
    with open(os.path.join(out_dir, "sim-output.jsonl"), encoding="utf-8") as f:
        for raw in f:
            line = json.loads(raw)
            answers.setdefault(line["at"], []).append(line)
    failures = []
    for c in load_commands(out_dir):
        # The answer comes at the line's time, in its chat or in private to the sender.
        mine = [a for a in answers.get(c["at"], []) if a["chat"] in (c["chat"], "@" + c["from"])]
        if not mine:
            failures.append(f"{c['at']} {c['chat']} {c['text']!r}: no answer")
            continue
        for a in mine:
            if NOT_UNDERSTOOD in a["text"]:
                failures.append(f"{c['at']} {c['text']!r}: not understood: {a['text']}")
            elif c["from"] in a.get("mentions", []) and any(word in a["text"] for word in REFUSALS):
                failures.append(f"{c['at']} {c['text']!r}: refused: {a['text']}")
    return failures


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "parse":
        failures = check_parse(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "answers":
        failures = check_answers(sys.argv[2])
    else:
        sys.exit("usage: board_seed_check.py parse WHISTLE_BIN OUT_DIR | answers OUT_DIR")
    for failure in failures:
        print("board-seed: " + failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
