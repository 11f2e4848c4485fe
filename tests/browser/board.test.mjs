// The public board (issue 14) in Debian's headless Chromium over a database seeded by a month of
// `whistle sim` (scripts/board-seed.sh): what a person sees on the community, a grid, a building
// and a unit page, on a phone (390×844) and on the lobby screen (1920×1080, ?screen=lobby),
// compared with counts made independently from the database (sqlite3) and with the seed's hand
// counts; the JSON API agreeing with the page; nothing personal leaving the server.
//
// Run by scripts/test-browser.sh. Environment: WHISTLE_BIN (default build/whistle),
// BOARD_SEED_DIR (a seeded directory; default: seeded here into a temporary one), CHROMIUM
// (default /usr/bin/chromium), BOARD_ARTIFACTS (default artifacts/board).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

import { SeedDb } from './lib/db.mjs';
import { SECTIONS, figure, readBoard } from './lib/page.mjs';
import { BOARD_TOKEN, startServer, stopServer, writeServeConfig } from './lib/server.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const binary = resolve(process.env.WHISTLE_BIN ?? join(repo, 'build/whistle'));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const artifacts = resolve(process.env.BOARD_ARTIFACTS ?? join(repo, 'artifacts/board'));

// The community, a grid, a building and a unit: 第一网格 › 2号楼 › 2号楼1单元 has open tasks with
// places left, a ticket waiting for 接单 and one that was reopened.
const NODES = ['c1', 'g1', 'b2', 'b2u1'];
const VIEWPORTS = {
  phone: { width: 390, height: 844, query: '' },
  lobby: { width: 1920, height: 1080, query: '?screen=lobby' },
};
const PHONE_RUN = /1[3-9]\d{9}/;
const DIGITS_11 = /(?<!\d)\d{11}(?!\d)/;

let seedDir; let db; let expected; let server; let browser;

function seed() {
  if (process.env.BOARD_SEED_DIR) return resolve(process.env.BOARD_SEED_DIR);
  const dir = mkdtempSync(join(tmpdir(), 'board-seed-'));
  execFileSync('bash', [join(repo, 'scripts/board-seed.sh'), dir], { stdio: 'inherit', env: { ...process.env, WHISTLE_BIN: binary } });
  return dir;
}

async function get(path, headers = {}) {
  const answer = await fetch(server.base + path, { headers });
  const body = await answer.text();
  return { status: answer.status, headers: answer.headers, body, json: () => JSON.parse(body) };
}

async function api(path) {
  const answer = await get(path);
  assert.equal(answer.status, 200, `${path}: ${answer.status} ${answer.body.slice(0, 200)}`);
  return answer.json();
}

// Nothing personal: no person id, no phone number, not the private reporter's name. Hashes (the
// ledger's digests, 64 hex digits) are taken out first: a long hex run often holds 11 decimal
// digits in a row. Bare person ids (v01, u-wang) are looked for in what is read (text, JSON), not
// in markup, where an SVG path ("v10") may hold the same letters.
function assertNothingPersonal(where, raw, { markup = false } = {}) {
  const text = raw.replace(/[0-9a-f]{32,}/gi, '<hash>');
  assert.ok(!text.includes('generic:'), `${where}: a platform id ("generic:")`);
  assert.ok(!PHONE_RUN.test(text), `${where}: a phone number (${PHONE_RUN.exec(text)?.[0]})`);
  assert.ok(!DIGITS_11.test(text), `${where}: an 11-digit run (${DIGITS_11.exec(text)?.[0]})`);
  assert.ok(!text.includes(expected.private_reporter), `${where}: the private reporter's name`);
  if (markup) return;
  for (const id of db.personIds()) {
    const bare = id.replace(/^generic:/, '');
    assert.ok(!new RegExp(`(?<![\\w-])${bare}(?![\\w-])`).test(text), `${where}: the person id ${bare}`);
  }
}

const close = (a, b) => Math.abs(Number(a) - Number(b)) < 0.006;
// A rate on the page is a percentage or a fraction; its raw number is either.
const sameRate = (shown, fraction) => close(shown, fraction) || close(Number(shown) / 100, fraction);
const hours = (minutes) => Math.round(minutes / 6) / 10;

before(async () => {
  assert.ok(existsSync(binary), `no whistle binary at ${binary} (WHISTLE_BIN)`);
  assert.ok(existsSync(chromium), `no Chromium at ${chromium} (CHROMIUM; Debian package chromium)`);
  seedDir = seed();
  expected = JSON.parse(readFileSync(join(seedDir, 'expected.json'), 'utf8'));
  db = new SeedDb(join(seedDir, 'board.db'));
  server = await startServer({ binary, config: writeServeConfig(seedDir), db: join(seedDir, 'board.db') });
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await stopServer(server);
});

describe('the seed', () => {
  it('holds what its hand counts say (the database agrees with expected.json)', () => {
    const c1 = expected.nodes.c1;
    const top = db.ranking('c1', expected.now_month)[0];
    assert.deepEqual({ name: top.name, points: top.points }, { name: c1.this_month.top.name, points: c1.this_month.top.points });
    assert.equal(db.openTasks('c1').length, c1.open_tasks_with_places_left);
    assert.deepEqual(db.ticketStates('c1').byFirstNode, c1.ticket_states_by_first_node);
  });

  it('is seeded for the month the server is in', async () => {
    const ranking = await api('/api/v1/nodes/c1/ranking');
    assert.equal(ranking.month, expected.now_month, 'the seed was made in another month than the server thinks it is: seed again');
  });
});

describe('the JSON API', () => {
  it('lists the org tree with the community at its root', async () => {
    const { nodes } = await api('/api/v1/nodes');
    const ids = db.query('SELECT id FROM org_nodes ORDER BY id').map((r) => r.id);
    assert.deepEqual(nodes.map((n) => n.id).sort(), ids);
    const community = nodes.find((n) => n.id === 'c1');
    assert.equal(community.parent, null);
    assert.equal(community.name, '翠湖社区');
    assert.equal(nodes.find((n) => n.id === 'b2u1').parent, 'b2');
  });

  for (const node of NODES) {
    it(`${node}: ranking, tasks and tickets agree with the database`, async () => {
      const ranking = await api(`/api/v1/nodes/${node}/ranking`);
      const people = db.ranking(node, expected.now_month);
      assert.equal(ranking.total_people, people.length);
      if (people.length) {
        assert.equal(ranking.people[0].name, people[0].name);
        assert.equal(ranking.people[0].points, people[0].points);
        assert.equal(ranking.people[0].rank, 1);
        assert.ok(close(ranking.people[0].hours, hours(people[0].minutes)));
      }
      assert.equal(ranking.whole.points, people.reduce((s, p) => s + p.points, 0));
      const last = await api(`/api/v1/nodes/${node}/ranking?month=${expected.last_month}`);
      const lastPeople = db.ranking(node, expected.last_month);
      assert.equal(last.total_people, lastPeople.length);
      assert.equal(last.people[0].name, lastPeople[0].name);
      assert.equal(last.people[0].points, lastPeople[0].points);
      assert.equal(last.people[0].name, expected.nodes[node].last_month.top.name, 'the hand count of last month\'s first place');

      const tasks = await api(`/api/v1/nodes/${node}/tasks`);
      const open = db.openTasks(node);
      assert.equal(tasks.total, open.length);
      assert.equal(tasks.total, expected.nodes[node].open_tasks_with_places_left, 'the hand count of open tasks');
      assert.deepEqual(tasks.tasks.map((t) => t.ref).sort(), open.map((t) => `#${t.number}`).sort());
      for (const t of tasks.tasks) {
        const row = open.find((o) => `#${o.number}` === t.ref);
        assert.equal(t.left, row.left, `${t.ref} places left`);
        assert.equal(t.wanted - t.signed, t.left);
      }

      const echo = await api(`/api/v1/nodes/${node}/echo`);
      assert.equal(echo.total, db.solvedEver(node), 'the 回音壁 holds every solved ticket of the subtree');

      const tickets = await api(`/api/v1/nodes/${node}/tickets`);
      const states = db.ticketStates(node);
      const shown = Object.fromEntries(Object.entries(tickets.states).filter(([, n]) => n > 0));
      assert.ok([states.byFirstNode, states.byNode].some((s) => JSON.stringify(Object.entries(s).sort()) === JSON.stringify(Object.entries(shown).sort())),
        `states ${JSON.stringify(shown)} are neither by node of receipt ${JSON.stringify(states.byFirstNode)} nor by current node ${JSON.stringify(states.byNode)}`);
      for (const month of [expected.now_month, expected.last_month]) {
        const answer = await api(`/api/v1/nodes/${node}/tickets?month=${month}`);
        const mine = db.ticketFigures(node, month);
        for (const key of ['received', 'accepted', 'solved', 'rated', 'satisfied', 'closed']) {
          assert.equal(answer.figures[key], mine.figures[key], `${month} ${key}`);
        }
        for (const [key, rate] of Object.entries(mine.rates)) {
          if (rate === null) assert.equal(answer.rates[key], null, `${month} rate ${key}`);
          else assert.ok(close(answer.rates[key], rate), `${month} rate ${key}: ${answer.rates[key]} ≠ ${rate}`);
        }
      }
      // docs/ranking.md: equal points share a rank (1, 2, 2, 4), as 排行 says in the chat.
      ranking.people.forEach((p, i) => {
        const shared = ranking.people.findIndex((q) => q.points === p.points) + 1;
        assert.equal(p.rank, shared, `${p.name} with ${p.points} points ranks ${p.rank}, 排行 says ${shared}`);
      });

    });
  }

  it('shows no resident\'s words on the 回音壁, and never names a reporter', async () => {
    const echo = await api('/api/v1/nodes/c1/echo');
    assert.ok(echo.total >= 1);
    for (const t of echo.tickets) assert.ok(!('reporter' in t), `${t.ref} carries a reporter`);
    const phoneTicket = expected.tickets.find((t) => t.phone);
    const shown = echo.tickets.find((t) => t.ref === phoneTicket.ref);
    if (shown) assert.ok(!shown.summary.includes(expected.phone.slice(0, 3)), shown.summary);
  });

  it('says nothing personal in any public answer', async () => {
    const paths = ['/api/v1/nodes'];
    for (const node of NODES) {
      for (const route of ['ranking', `ranking?month=${expected.last_month}`, 'tasks', 'tickets', 'tickets/trend', 'echo', 'ledger']) {
        paths.push(`/api/v1/nodes/${node}/${route}`);
      }
    }
    for (const path of paths) assertNothingPersonal(path, (await get(path)).body);
  });

  it('answers a repeated request with 304 when the ETag matches', async () => {
    const first = await get('/api/v1/nodes/c1/ranking');
    const etag = first.headers.get('etag');
    assert.ok(etag, 'an ETag');
    assert.match(first.headers.get('cache-control') ?? '', /public/);
    const again = await get('/api/v1/nodes/c1/ranking', { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    const other = await get('/api/v1/nodes/c1/ranking', { 'If-None-Match': '"not-this-one"' });
    assert.equal(other.status, 200);
  });

  it('refuses bad query values with 400, officials\' exports without the token with 401', async () => {
    assert.equal((await get('/api/v1/nodes/c1/ranking?month=2026-13')).status, 400);
    assert.equal((await get('/api/v1/nodes/c1/ranking?page=0')).status, 400);
    const noToken = await get(`/api/v1/nodes/c1/report?month=${expected.last_month}&format=json`);
    assert.equal(noToken.status, 401);
    assert.match(noToken.headers.get('www-authenticate') ?? '', /^Bearer/);
    const withToken = await get(`/api/v1/nodes/c1/report?month=${expected.last_month}&format=json`, { Authorization: `Bearer ${BOARD_TOKEN}` });
    assert.equal(withToken.status, 200);
  });
});

describe('the page in Chromium', () => {
  for (const [screen, view] of Object.entries(VIEWPORTS)) {
    for (const node of NODES) {
      it(`${node} on the ${screen} (${view.width}×${view.height}) shows the data`, async () => {
        const page = await browser.newPage();
        try {
          await page.setViewport({ width: view.width, height: view.height });
          const answer = await page.goto(`${server.base}/board/${node}${view.query}`, { waitUntil: 'load' });
          assert.equal(answer.status(), 200);
          await page.screenshot({ path: join(artifacts, `${screen}-${node}.png`) });
          const board = await readBoard(page);

          const names = board.sections.map((s) => s.name);
          for (const s of SECTIONS) {
            if (s === 'children-this-month' && node === 'b2u1') assert.ok(!names.includes(s), 'a unit has no children to rank');
            else assert.ok(names.includes(s), `section ${s}`);
          }
          assert.equal(board.refresh?.split(/[;,]/)[0].trim(), screen === 'lobby' ? '60' : '300');
          // This month's first place, and last month's, as the database has them.
          const people = db.ranking(node, expected.now_month);
          assert.equal(board.thisMonth[0].key, people[0].name);
          assert.ok(board.thisMonth[0].values.includes(String(people[0].points)), `points ${people[0].points} in ${board.thisMonth[0].values}`);
          assert.equal(board.thisMonth[0].key, expected.nodes[node].this_month.top.name, 'the hand count of the first place');
          const lastPeople = db.ranking(node, expected.last_month);
          assert.equal(board.lastMonth[0].key, lastPeople[0].name);
          assert.ok(board.lastMonth[0].values.includes(String(lastPeople[0].points)));
          assert.ok(board.thisMonth.length <= 50, 'one page of 50 at most');

          // The open tasks with places left, each with the places it still has.
          const open = db.openTasks(node);
          assert.deepEqual(board.tasks.map((t) => t.key).sort(), open.map((t) => `#${t.number}`).sort());
          for (const t of board.tasks) {
            const left = open.find((o) => `#${o.number}` === t.key).left;
            assert.ok(t.values.includes(String(left)), `${t.key}: ${left} places left in ${t.values}`);
          }

          // Tickets by state and this month's rates.
          const api = await (await get(`/api/v1/nodes/${node}/tickets`)).json();
          for (const [state, count] of Object.entries(api.states)) {
            const shown = await figure(page, 'tickets', state);
            if (shown) assert.equal(Number(shown.value), count, `tickets ${state}`);
            else if (count > 0) assert.ok(board.ticketValues.includes(String(count)), `a figure ${count} for ${state}`);
          }
          const mine = db.ticketFigures(node, expected.now_month);
          for (const [key, rate] of Object.entries(mine.rates)) {
            const shown = await figure(page, 'tickets', key);
            if (rate === null || !shown) continue;
            assert.ok(sameRate(shown.value, rate), `rate ${key}: page ${shown.value}, database ${rate}`);
          }

          // The trend: this month's and last month's bars.
          assert.equal(board.trend.filter((r) => r.received !== null).length >= 12, true, '12 months of bars');
          for (const month of [expected.now_month, expected.last_month]) {
            const bar = board.trend.find((r) => r.month === month && r.received !== null);
            assert.equal(Number(bar.received), db.ticketFigures(node, month).figures.received, `${month} received`);
          }

          // The ledger's digest as anyone can recompute it.
          const ledger = db.ledgerDigest('c1');
          assert.ok(board.text.includes(ledger.hash) || (await page.content()).includes(ledger.hash), 'the ledger digest');

          // Nothing personal, in what is read and in what is sent.
          assertNothingPersonal(`${node} ${screen} text`, board.text);
          assertNothingPersonal(`${node} ${screen} html`, await page.content(), { markup: true });

          // The header's path reads from the community down (社区 › 网格 › 楼栋).
          if (node !== 'c1') {
            const path = (board.header.split('\n').find((line) => line.includes('›')) ?? '').split('›').map((x) => x.trim());
            const ancestry = db.ancestry(node);
            assert.deepEqual(path.filter((name) => ancestry.includes(name)), ancestry.filter((name) => path.includes(name)),
              `the path ${path.join(' › ')} reads from the community down (${ancestry.join(' › ')})`);
            assert.equal(path[0], '翠湖社区', `the path ${path.join(' › ')} starts at the community`);
          }


          if (screen === 'phone') {
            assert.ok(board.scrollWidth <= view.width + 1, `no sideways scrolling on a phone (${board.scrollWidth}px)`);
          } else {
            for (const s of board.sections) assert.ok(s.top < view.height, `${s.name} starts on the screen (top ${Math.round(s.top)})`);
          }
        } finally {
          await page.close();
        }
      });
    }
  }

  it('follows a child link from the community to a grid, and shows the path', async () => {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(`${server.base}/board/c1`, { waitUntil: 'load' });
      const link = await page.$('a[href$="/board/g1"]');
      assert.ok(link, 'a link to /board/g1');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
      assert.match(page.url(), /\/board\/g1$/);
      const text = await page.evaluate(() => document.body.innerText);
      assert.ok(text.includes('第一网格'));
      assert.ok(text.includes('翠湖社区'), 'the path names the community');
    } finally {
      await page.close();
    }
  });

  it('answers an unknown node with a Chinese 404 page linking back to /board', async () => {
    const page = await browser.newPage();
    try {
      const answer = await page.goto(`${server.base}/board/no-such-node`, { waitUntil: 'load' });
      assert.equal(answer.status(), 404);
      assert.ok(await page.$('a[href="/board"]'), 'a link to /board');
    } finally {
      await page.close();
    }
  });
});
