// Starts `whistle serve` over the seeded database on 127.0.0.1 (port 0: the server picks a free
// one and prints it) and stops it again. The binary is $WHISTLE_BIN (default build/whistle).
import { spawn } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BOARD_TOKEN = 'board-test-token-0123456789abcdef';

// The seed's config plus the board's token, so the non-public routes can be asked for too.
export function writeServeConfig(seedDir) {
  const config = readFileSync(join(seedDir, 'config.toml'), 'utf8');
  const path = join(seedDir, 'serve.toml');
  writeFileSync(path, `${config}\n[board]\ntoken = "${BOARD_TOKEN}"\n`);
  return path;
}

// Resolves with { base, process, log } once /healthz answers 200; rejects when the server exits
// first or does not answer within the deadline.
export async function startServer({ binary, config, db, deadlineMs = 20000 }) {
  const child = spawn(binary, ['serve', '--config', config, '--db', db, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SPDLOG_LEVEL: process.env.SPDLOG_LEVEL ?? 'warn' },
  });
  const log = [];
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" line within ${deadlineMs} ms:\n${log.join('')}`)), deadlineMs);
    const onData = (chunk) => {
      log.push(chunk.toString());
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log.join(''));
      if (match) { clearTimeout(timer); resolve(Number(match[1])); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => log.push(chunk.toString()));
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`whistle serve exited ${code}:\n${log.join('')}`)); });
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (exited) throw new Error(`whistle serve exited ${exited.code}:\n${log.join('')}`);
    try {
      const answer = await fetch(`${base}/healthz`);
      if (answer.status === 200) break;
    } catch { /* not accepting yet */ }
    if (Date.now() > until) throw new Error(`/healthz not 200 within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { base, process: child, log };
}

export async function stopServer(server) {
  if (!server || server.process.exitCode !== null) return;
  const gone = new Promise((resolve) => server.process.on('exit', resolve));
  server.process.kill('SIGTERM');
  const timer = setTimeout(() => server.process.kill('SIGKILL'), 10000);
  await gone;
  clearTimeout(timer);
}
