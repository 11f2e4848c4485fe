// The Node.js peer: fastify + better-sqlite3, what a community IT person would write in
// JavaScript for the same webhook. Verifies the HMAC over the raw body, parses the JSON, stores
// the message with INSERT OR IGNORE (the dedupe) and counts it for the sender with one upsert,
// in one transaction, and answers JSON.
//
// Environment: PEER_PORT (8081), PEER_DB (peer.db), PEER_SYNCHRONOUS (NORMAL|FULL), PEER_SECRET.
'use strict';
const crypto = require('node:crypto');
const Database = require('better-sqlite3');
const fastify = require('fastify')({ logger: false });

const secret = process.env.PEER_SECRET || 'whistle-bench-secret';
const port = Number(process.env.PEER_PORT || 8081);
const db = new Database(process.env.PEER_DB || 'peer.db');
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${(process.env.PEER_SYNCHRONOUS || 'NORMAL').toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL'}`);
db.exec(`
  CREATE TABLE IF NOT EXISTS inbox (key TEXT PRIMARY KEY, received_at INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS people (id TEXT PRIMARY KEY, messages INTEGER NOT NULL DEFAULT 0, last_at INTEGER);
`);
const insertMessage = db.prepare('INSERT OR IGNORE INTO inbox (key, received_at, body) VALUES (?, ?, ?)');
const countMessage = db.prepare(
  'INSERT INTO people (id, messages, last_at) VALUES (?, 1, ?) ' +
  'ON CONFLICT (id) DO UPDATE SET messages = messages + 1, last_at = excluded.last_at');
const store = db.transaction((message, raw, now) => {
  const inserted = insertMessage.run(`generic:default:${message.id}`, now, raw).changes === 1;
  if (inserted) countMessage.run(String(message.from), now);
  return inserted;
});

// Keep the raw bytes: the signature covers them, not a re-serialisation of the parsed object.
fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => done(null, body));

fastify.post('/hooks/generic/default', async (request, reply) => {
  const raw = request.body;
  if (!Buffer.isBuffer(raw)) return reply.code(400).send({ error: 'the body must be JSON' });
  const expected = Buffer.from('sha256=' + crypto.createHmac('sha256', secret).update(raw).digest('hex'));
  const given = Buffer.from(request.headers['x-whistle-signature'] || '');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return reply.code(401).send({ error: 'bad signature' });
  }
  let message;
  try {
    message = JSON.parse(raw);
  } catch {
    return reply.code(400).send({ error: 'malformed JSON' });
  }
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    return reply.code(400).send({ error: 'the body must be a JSON object' });
  }
  for (const field of ['id', 'chat', 'from', 'text']) {
    if (!(field in message)) return reply.code(400).send({ error: `"${field}" is required` });
  }
  const inserted = store(message, raw.toString('utf8'), Math.floor(Date.now() / 1000));
  return inserted ? { ok: true, replies: [] } : { ok: true, duplicate: true, replies: [] };
});

fastify.get('/healthz', async () => 'ok');

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => fastify.close().then(() => { db.close(); process.exit(0); }));
}

fastify.listen({ host: '127.0.0.1', port }).then(() => {
  console.log(`listening on http://127.0.0.1:${port}`);
});
