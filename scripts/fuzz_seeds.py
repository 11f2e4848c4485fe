#!/usr/bin/env python3
"""Seeds for the fuzzers, pulled from the test suite: every chat line the parser tests and the language corpus read, every
webhook body the adapter and integration tests send (and a body per chat line), and every TOML
config the config tests load. Writes OUT/<target>/<n> files; run by scripts/fuzz.sh.

    fuzz_seeds.py OUT
"""
import glob
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
RAW = re.compile(r'R"(\w*)\((.*?)\)\1"', re.S)


def cpp_strings(paths):
    for path in paths:
        with open(path, encoding="utf-8") as file:
            source = file.read()
        for match in RAW.finditer(source):
            yield match.group(2)
        for match in STRING.finditer(RAW.sub("", source)):
            try:
                yield bytes(match.group(1), "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
            except (UnicodeDecodeError, UnicodeEncodeError):
                yield match.group(1)


def write(out, target, items):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    count = 0
    for item in items:
        data = item.encode("utf-8") if isinstance(item, str) else item
        name = hashlib.sha1(data).hexdigest()[:16]
        with open(os.path.join(folder, name), "wb") as file:
            file.write(data)
        count += 1
    return count


def main():
    out = sys.argv[1]
    tests = lambda pattern: sorted(glob.glob(os.path.join(ROOT, "tests", pattern), recursive=True))

    lines = {s for s in cpp_strings(tests("handlers/language/*.cpp") + tests("handlers/language/*.hpp") + tests("handlers/*.cpp"))
             if s and any(ord(c) > 127 for c in s) and len(s) < 400}
    # The language corpus: every line people were imagined typing, with its expected parse.
    for path in tests("handlers/language/corpus/*.jsonl"):
        with open(path, encoding="utf-8") as file:
            lines.update(json.loads(row)["text"] for row in file if row.strip())
    parser = write(out, "parser_fuzzer", lines)

    bodies = {s for s in cpp_strings(tests("bot/generic_adapter_test.cpp") + tests("integration/*.cpp"))
              if s.lstrip().startswith("{")}
    for i, line in enumerate(sorted(lines)[:400]):
        body = {"id": f"seed-{i}", "chat": "b3u2", "from": "u-chen", "text": line}
        if i % 3 == 0:
            body.update({"chat_type": "group", "mentions": ["whistle"], "ts": 1764000000, "name": "陈"})
        if i % 7 == 0:
            body.update({"location": {"lat": 31.2, "lon": 121.5}})
        bodies.add(json.dumps(body, ensure_ascii=i % 2 == 0))
    webhook = write(out, "generic_webhook_fuzzer", bodies)

    configs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "config", "*.toml")) +
                       glob.glob(os.path.join(ROOT, "tests", "config", "data", "**", "*.toml"), recursive=True)):
        with open(path, encoding="utf-8") as file:
            configs.append(file.read())
    configs += [s for s in cpp_strings(tests("config/*.cpp") + tests("config/*.hpp"))
                if "=" in s and ("[" in s or "\n" in s)]
    config = write(out, "config_fuzzer", configs)

    # Feishu: the JSON written in its tests, and a text event per chat line (the hand-written event
    # shapes are in tests/fuzz/seeds/feishu_fuzzer/).
    feishu_bodies = {s for s in cpp_strings(tests("bot/adapters/feishu_*_test.cpp")) if s.lstrip().startswith("{")}
    for i, line in enumerate(sorted(lines)[:200]):
        message = {"message_id": f"om_seed{i}", "chat_id": "oc_seed", "chat_type": "p2p" if i % 5 == 0 else "group",
                   "message_type": "text", "create_time": "1764000000123",
                   "content": json.dumps({"text": ("@_user_1 " if i % 2 else "") + line}, ensure_ascii=False)}
        if i % 2:
            message["mentions"] = [{"key": "@_user_1", "id": {"open_id": "ou_botself"}, "name": "吹哨"}]
        feishu_bodies.add(json.dumps({"schema": "2.0",
                                      "header": {"event_id": f"seed-{i}", "event_type": "im.message.receive_v1",
                                                 "token": "fuzz-verification-token"},
                                      "event": {"sender": {"sender_id": {"open_id": "ou_seed"}, "sender_type": "user"},
                                                "message": message}}, ensure_ascii=i % 3 == 0))
    feishu = write(out, "feishu_fuzzer", feishu_bodies)
    # WeCom: the XML and JSON plaintexts the adapter tests seal, and a text message per chat line.
    wecom_sources = tests("bot/adapters/wecom_*.cpp")
    xml = {s for s in cpp_strings(wecom_sources) if s.lstrip().startswith("<xml")}
    xml.update(f"<xml><FromUserName>u{i}</FromUserName><MsgType>text</MsgType><Content><![CDATA[{line}]]>"
               f"</Content><MsgId>{i}</MsgId></xml>" for i, line in enumerate(sorted(lines)[:200]))
    wecom = write(out, "wecom_fuzzer", xml)
    bot_json = {s for s in cpp_strings(wecom_sources) if s.lstrip().startswith("{")}
    bot_json.update(json.dumps({"msgid": f"m{i}", "chatid": "wrG", "chattype": "group", "from": {"userid": "u"},
                                "msgtype": "text", "text": {"content": "@RobotA " + line}}, ensure_ascii=False)
                    for i, line in enumerate(sorted(lines)[:200]))
    wecom_bot = write(out, "wecom_bot_fuzzer", bot_json)
    print(f"seeds: parser {parser}, webhook {webhook}, config {config}, feishu {feishu}, wecom {wecom}, "
          f"wecom_bot {wecom_bot} (in {out})")
    # DingTalk and Telegram decoders: every JSON body (payloads, patches, answers) of their tests.
    for platform in ("dingtalk", "telegram"):
        bodies = {s for s in cpp_strings(tests(f"bot/adapters/{platform}_adapter_test.cpp"))
                  if s.lstrip().startswith("{")}
        print(f"seeds: {platform} {write(out, platform + '_fuzzer', bodies)}")


if __name__ == "__main__":
    main()
