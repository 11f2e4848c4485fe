// Counts made straight from the seeded database with Debian's sqlite3 CLI, independently of the
// server's code: what the board shows is compared with these (and these with the seed's hand
// counts in expected.json). The rules are docs/ranking.md's and docs/tickets.md's.
import { execFileSync } from 'node:child_process';

// Asia/Shanghai has no daylight saving: a local month is [first 00:00+08, next first 00:00+08).
export function monthBounds(month) {
  const [year, m] = month.split('-').map(Number);
  const from = Date.parse(`${month}-01T00:00:00+08:00`) / 1000;
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  const to = Date.parse(`${next}-01T00:00:00+08:00`) / 1000;
  return { from, to };
}

export class SeedDb {
  constructor(path) { this.path = path; }

  query(sql) {
    const out = execFileSync('sqlite3', ['-readonly', '-json', this.path, sql], { encoding: 'utf8' });
    return out.trim() === '' ? [] : JSON.parse(out);
  }

  // The node's subtree, as an SQL list of quoted ids.
  subtree(node) {
    const rows = this.query(`WITH RECURSIVE sub(id) AS (SELECT '${node}' UNION ALL
      SELECT o.id FROM org_nodes o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub`);
    return rows.map((r) => `'${r.id}'`).join(',');
  }

  // People of the month in the subtree: earnings only (task, no_show, adjust, wish), most points
  // first, then most minutes, then id.
  ranking(node, month) {
    const { from, to } = monthBounds(month);
    return this.query(`SELECT p.name AS name, SUM(l.points) AS points, SUM(l.minutes) AS minutes
      FROM ledger l JOIN people p ON p.id = l.person_id
      WHERE l.kind IN ('task','no_show','adjust','wish') AND l.at >= ${from} AND l.at < ${to}
        AND l.node_id IN (${this.subtree(node)})
      GROUP BY l.person_id ORDER BY points DESC, minutes DESC, l.person_id`);
  }

  // Open whistles of the subtree with places left (the seed finishes every past task, so no time
  // filter is needed to leave out work waiting for 验收).
  openTasks(node) {
    return this.query(`SELECT t.number, t.title, t.places,
        (SELECT COUNT(*) FROM signups s WHERE s.task_id = t.id AND s.state = 'signed_up') AS signed
      FROM tasks t WHERE t.status = 'open' AND t.node_id IN (${this.subtree(node)})
        AND t.places > (SELECT COUNT(*) FROM signups s WHERE s.task_id = t.id AND s.state = 'signed_up')
      ORDER BY t.start_at, t.number`).map((t) => ({ ...t, left: t.places - t.signed }));
  }

  // Tickets by state, counted by where they were received (first_node) and by where they are now.
  ticketStates(node) {
    const sub = this.subtree(node);
    const count = (column) => Object.fromEntries(this.query(
      `SELECT state, COUNT(*) AS n FROM tickets WHERE ${column} IN (${sub}) GROUP BY state`).map((r) => [r.state, r.n]));
    return { byFirstNode: count('first_node_id'), byNode: count('node_id') };
  }

  // The month's figures and rates as docs/tickets.md defines them (node of receipt, month of
  // receipt, each ticket once).
  ticketFigures(node, month) {
    const { from, to } = monthBounds(month);
    const [f] = this.query(`SELECT COUNT(*) AS received,
        SUM(first_accepted_at IS NOT NULL) AS accepted,
        SUM(answered_in_time) AS answered_in_time,
        SUM(state = 'resolved' OR outcome = 'satisfied' OR (outcome = 'not_rated' AND first_resolved_at IS NOT NULL)) AS solved,
        SUM(rating IS NOT NULL) AS rated,
        SUM(rating >= 4) AS satisfied,
        SUM(state = 'closed') AS closed,
        SUM(reopened > 0) AS reopened,
        SUM(first_resolved_at IS NOT NULL) AS resolved_once,
        SUM(sent_back > 0 OR outcome = 'unresolved') AS sent_back_or_unresolved
      FROM tickets WHERE first_node_id IN (${this.subtree(node)}) AND created_at >= ${from} AND created_at < ${to}`);
    for (const k of Object.keys(f)) f[k] = f[k] ?? 0;
    const rate = (a, b) => (b === 0 ? null : a / b);
    return {
      figures: f,
      rates: {
        response: rate(f.answered_in_time, f.received),
        solve: rate(f.solved, f.received),
        satisfaction: rate(f.satisfied, f.rated),
        close: rate(f.closed, f.received),
        reopen: rate(f.reopened, f.resolved_once),
        send_back: rate(f.sent_back_or_unresolved, f.received),
      },
    };
  }

  // Tickets of the subtree solved (docs/tickets.md's "solved"), whatever their month: what the
  // 回音壁 shows.
  solvedEver(node) {
    const [row] = this.query(`SELECT COUNT(*) AS n FROM tickets WHERE first_node_id IN (${this.subtree(node)})
      AND (state = 'resolved' OR outcome = 'satisfied' OR (outcome = 'not_rated' AND first_resolved_at IS NOT NULL))`);
    return row.n;
  }

  // The names from the community down to the node.
  ancestry(node) {
    return this.query(`WITH RECURSIVE up(id, parent_id, name, depth) AS (
        SELECT id, parent_id, name, 0 FROM org_nodes WHERE id = '${node}'
        UNION ALL SELECT o.id, o.parent_id, o.name, up.depth + 1 FROM org_nodes o JOIN up ON o.id = up.parent_id)
      SELECT name FROM up ORDER BY depth DESC`).map((r) => r.name);
  }

  ledgerDigest(community) {
    const [row] = this.query(`SELECT hash, (SELECT COUNT(*) FROM ledger WHERE community_id = '${community}') AS entries
      FROM ledger WHERE community_id = '${community}' ORDER BY id DESC LIMIT 1`);
    return row;
  }

  personIds() { return this.query('SELECT id FROM people').map((r) => r.id); }
}
