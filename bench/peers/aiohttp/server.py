#!/usr/bin/python3
"""The aiohttp peer: what a community IT person would write in Python for the same webhook.

Verifies the HMAC, parses the JSON, stores the message with INSERT OR IGNORE (the dedupe) and
counts it for the sender with one UPDATE, in one transaction, and answers JSON. stdlib sqlite3 is
called from the handler, as small deployments do. Uses uvloop when Debian's python3-uvloop is
installed (PEER_UVLOOP=0 turns it off).

Environment: PEER_PORT (8081), PEER_DB (peer.db), PEER_SYNCHRONOUS (NORMAL|FULL), PEER_SECRET.
"""
import asyncio
import hashlib
import hmac
import json
import os
import sqlite3
import time

from aiohttp import web

SECRET = os.environ.get("PEER_SECRET", "whistle-bench-secret").encode()
SIGNING_KEY = hmac.new(SECRET, digestmod=hashlib.sha256)  # copied per request: the key is hashed once


def open_db(path, synchronous):
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(f"PRAGMA synchronous = {'FULL' if synchronous.upper() == 'FULL' else 'NORMAL'}")
    db.executescript("""
        CREATE TABLE IF NOT EXISTS inbox (key TEXT PRIMARY KEY, received_at INTEGER NOT NULL, body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS people (id TEXT PRIMARY KEY, messages INTEGER NOT NULL DEFAULT 0,
                                           last_at INTEGER);
    """)
    return db


def error(status, message):
    return web.json_response({"error": message}, status=status)


async def webhook(request):
    body = await request.read()
    signature = request.headers.get("X-Whistle-Signature", "")
    mac = SIGNING_KEY.copy()
    mac.update(body)
    if not hmac.compare_digest(signature, "sha256=" + mac.hexdigest()):
        return error(401, "bad signature")
    try:
        message = json.loads(body)
    except ValueError:
        return error(400, "malformed JSON")
    if not isinstance(message, dict):
        return error(400, "the body must be a JSON object")
    for field in ("id", "chat", "from", "text"):
        if field not in message:
            return error(400, f'"{field}" is required')

    db = request.app["db"]
    now = int(time.time())
    db.execute("BEGIN")
    try:
        inserted = db.execute("INSERT OR IGNORE INTO inbox (key, received_at, body) VALUES (?, ?, ?)",
                              (f"generic:default:{message['id']}", now, body.decode())).rowcount
        if inserted:
            db.execute("INSERT INTO people (id, messages, last_at) VALUES (?, 1, ?) "
                       "ON CONFLICT (id) DO UPDATE SET messages = messages + 1, last_at = excluded.last_at",
                       (str(message["from"]), now))
        db.execute("COMMIT")
    except Exception:
        db.execute("ROLLBACK")
        raise
    if not inserted:
        return web.json_response({"ok": True, "duplicate": True, "replies": []})
    return web.json_response({"ok": True, "replies": []})


async def healthz(request):
    return web.Response(text="ok")


def main():
    if os.environ.get("PEER_UVLOOP", "1") != "0":
        try:
            import uvloop
            uvloop.install()
        except ImportError:
            pass
    app = web.Application()
    app["db"] = open_db(os.environ.get("PEER_DB", "peer.db"), os.environ.get("PEER_SYNCHRONOUS", "NORMAL"))
    app.router.add_post("/hooks/generic/default", webhook)
    app.router.add_get("/healthz", healthz)
    port = int(os.environ.get("PEER_PORT", "8081"))
    # run_app calls `print` once the socket listens: the harness waits for this line.
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, handle_signals=True,
                print=lambda _: print(f"listening on http://127.0.0.1:{port}", flush=True))


if __name__ == "__main__":
    main()
