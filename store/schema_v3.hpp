#pragma once

// Schema version 3: the volunteer loop (issue 11).
// - Ledger entries name what they are (`kind`), the node whose ranking they count for (`node_id`),
//   and the hash now covers every field (store/ledger_chain.hpp). Version 1's ledger had no writer,
//   so no chain of the old form exists to carry over.
// - A signup keeps the node of the chat where the person reported in: a task's points count there.
// - Tasks get their sign-in code; check-in and check-out keep their own places, and an attendance
//   row says how it was settled.
// - `publications` keeps every monthly 公示 with the digest it showed.

namespace whistle::store {

inline constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE ledger ADD COLUMN kind TEXT NOT NULL DEFAULT 'task'
  CHECK (kind IN ('task', 'no_show', 'adjust', 'redeem', 'refund', 'wish'));
ALTER TABLE ledger ADD COLUMN node_id TEXT REFERENCES org_nodes(id);
CREATE INDEX ledger_by_month ON ledger(community_id, at);
CREATE INDEX ledger_chain_order ON ledger(community_id, id);
CREATE INDEX ledger_by_task ON ledger(task_id, person_id, kind) WHERE task_id IS NOT NULL;

ALTER TABLE signups ADD COLUMN node_id TEXT;

ALTER TABLE tasks ADD COLUMN sign_code TEXT;

ALTER TABLE attendance RENAME COLUMN lat TO in_lat;
ALTER TABLE attendance RENAME COLUMN lon TO in_lon;
ALTER TABLE attendance ADD COLUMN out_lat REAL;
ALTER TABLE attendance ADD COLUMN out_lon REAL;
ALTER TABLE attendance ADD COLUMN node_id TEXT;
ALTER TABLE attendance ADD COLUMN outcome TEXT
  CHECK (outcome IS NULL OR outcome IN ('confirmed', 'vouched', 'refused', 'no_show'));
ALTER TABLE attendance ADD COLUMN settled_by TEXT;
ALTER TABLE attendance ADD COLUMN minutes INTEGER;
CREATE INDEX attendance_by_person ON attendance(person_id, task_id);

CREATE INDEX redemptions_by_person ON redemptions(community_id, person_id, status);
CREATE INDEX redemptions_pending_by_expiry ON redemptions(expires_at) WHERE status = 'pending';

CREATE TABLE publications (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id TEXT NOT NULL,
  node_id      TEXT NOT NULL REFERENCES org_nodes(id),
  month        TEXT NOT NULL,             -- "2026-10": the month published
  digest       TEXT NOT NULL,             -- the ledger's last hash when it was published
  entries      INTEGER NOT NULL,          -- how many ledger entries that digest covers
  author_id    TEXT,                      -- NULL: the scheduled 民情日 publication
  text         TEXT NOT NULL,
  at           INTEGER NOT NULL
);
CREATE INDEX publications_by_node ON publications(node_id, month);

-- Redemption (issue 11, the service center): who handed the goods out or cancelled, the name the
-- item had when it was redeemed (a later rename must not change what the claim ticket says), and
-- the node the held points counted for, so the refund counts for the same one.
ALTER TABLE redemptions ADD COLUMN closed_by TEXT;
ALTER TABLE redemptions ADD COLUMN item_name TEXT NOT NULL DEFAULT '';
ALTER TABLE redemptions ADD COLUMN node_id TEXT;

-- Ranking and the monthly publication: the month's attendance and tasks read as index ranges, and
-- one scheduled publication per node and month (a hand-posted 公示 may repeat, author set).
CREATE INDEX attendance_by_month ON attendance(community_id, confirmed_at);
CREATE INDEX tasks_by_month ON tasks(community_id, COALESCE(start_at, created_at));
CREATE INDEX redemptions_by_month ON redemptions(community_id, created_at);
CREATE UNIQUE INDEX publications_scheduled_once ON publications(node_id, month) WHERE author_id IS NULL;

-- Sign-in codes: wrong codes tried per person and task, so four digits cannot be guessed from home.
CREATE TABLE sign_code_failures (
  task_id   INTEGER NOT NULL REFERENCES tasks(id),
  person_id TEXT NOT NULL,
  failures  INTEGER NOT NULL,
  PRIMARY KEY (task_id, person_id)
) WITHOUT ROWID;
)sql";

}  // namespace whistle::store
