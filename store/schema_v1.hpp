#pragma once

// Schema version 1: the org tree, people, tasks and signups, the event path's inbox/outbox/jobs,
// and — created now so the schema reads as a whole — the tables of the later issues (attendance,
// the append-only ledger, rewards and redemptions, tickets). Every row that belongs to a community
// carries its community_id: the community is the unit a later backend can spread over instances.

namespace whistle::store {

inline constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE org_nodes (
  id           TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  level        INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
  parent_id    TEXT REFERENCES org_nodes(id),
  name         TEXT NOT NULL
);
CREATE INDEX org_nodes_by_parent ON org_nodes(parent_id);

CREATE TABLE chats (
  id           TEXT PRIMARY KEY,
  node_id      TEXT NOT NULL REFERENCES org_nodes(id),
  community_id TEXT NOT NULL,
  bound_at     INTEGER NOT NULL
);
CREATE INDEX chats_by_node ON chats(node_id);

CREATE TABLE people (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX people_by_name ON people(name);

CREATE TABLE roles (
  person_id  TEXT NOT NULL REFERENCES people(id),
  node_id    TEXT NOT NULL REFERENCES org_nodes(id),
  role       TEXT NOT NULL CHECK (role IN ('leader', 'staff', 'volunteer')),
  granted_at INTEGER NOT NULL,
  UNIQUE (person_id, node_id, role)
);
CREATE INDEX roles_by_node ON roles(node_id, role);

CREATE TABLE responders (
  id           TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  node_id      TEXT NOT NULL REFERENCES org_nodes(id),
  name         TEXT NOT NULL
);
CREATE TABLE responder_chats (
  responder_id TEXT NOT NULL REFERENCES responders(id),
  chat         TEXT NOT NULL UNIQUE
);

CREATE TABLE tasks (
  id           INTEGER PRIMARY KEY,
  community_id TEXT NOT NULL,
  number       INTEGER NOT NULL,
  node_id      TEXT NOT NULL REFERENCES org_nodes(id),
  chat_id      TEXT NOT NULL,
  creator_id   TEXT NOT NULL REFERENCES people(id),
  title        TEXT NOT NULL,
  place        TEXT,
  places       INTEGER CHECK (places IS NULL OR places > 0),
  points       INTEGER NOT NULL DEFAULT 0,
  start_at     INTEGER,
  end_at       INTEGER,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished', 'cancelled')),
  created_at   INTEGER NOT NULL,
  closed_at    INTEGER,
  UNIQUE (community_id, number)
);

CREATE TABLE task_posts (
  task_id   INTEGER NOT NULL REFERENCES tasks(id),
  chat_id   TEXT NOT NULL,
  UNIQUE (task_id, chat_id)
);
CREATE INDEX task_posts_by_chat ON task_posts(chat_id, task_id);

CREATE TABLE signups (
  task_id   INTEGER NOT NULL REFERENCES tasks(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  state     TEXT NOT NULL CHECK (state IN ('signed_up', 'waitlisted', 'withdrawn')),
  seq       INTEGER NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (task_id, person_id)
) WITHOUT ROWID;
CREATE INDEX signups_by_state ON signups(task_id, state, seq);

CREATE TABLE inbox (
  key         TEXT PRIMARY KEY,
  received_at INTEGER NOT NULL,
  answer      TEXT
) WITHOUT ROWID;

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id    TEXT,
  chat            TEXT NOT NULL,
  text            TEXT NOT NULL,
  mentions        TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX outbox_unsent_by_chat ON outbox(chat, id) WHERE sent_at IS NULL;

CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT NOT NULL,
  community_id TEXT NOT NULL,
  due_at       INTEGER NOT NULL,
  payload      TEXT NOT NULL DEFAULT '',
  done_at      INTEGER
);
CREATE INDEX jobs_undone_by_due ON jobs(due_at, id) WHERE done_at IS NULL;
CREATE INDEX jobs_by_payload ON jobs(kind, payload) WHERE done_at IS NULL;

CREATE TABLE attendance (
  task_id        INTEGER NOT NULL REFERENCES tasks(id),
  person_id      TEXT NOT NULL REFERENCES people(id),
  community_id   TEXT NOT NULL,
  checked_in_at  INTEGER,
  checked_out_at INTEGER,
  lat            REAL,
  lon            REAL,
  flagged        TEXT,
  confirmed_at   INTEGER,
  PRIMARY KEY (task_id, person_id)
) WITHOUT ROWID;

CREATE TABLE ledger (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id  TEXT NOT NULL,
  person_id     TEXT NOT NULL REFERENCES people(id),
  points        INTEGER NOT NULL,
  minutes       INTEGER NOT NULL DEFAULT 0,
  reason        TEXT NOT NULL,
  author_id     TEXT,
  task_id       INTEGER REFERENCES tasks(id),
  at            INTEGER NOT NULL,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE INDEX ledger_by_person ON ledger(community_id, person_id, at);
-- The ledger is append-only: a correction is a new entry, never an edit.
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

CREATE TABLE rewards (
  id           TEXT NOT NULL,
  community_id TEXT NOT NULL,
  name         TEXT NOT NULL,
  points       INTEGER NOT NULL CHECK (points > 0),
  stock        INTEGER NOT NULL CHECK (stock >= 0),
  PRIMARY KEY (community_id, id)
) WITHOUT ROWID;

CREATE TABLE redemptions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id TEXT NOT NULL,
  person_id    TEXT NOT NULL REFERENCES people(id),
  reward_id    TEXT NOT NULL,
  quantity     INTEGER NOT NULL CHECK (quantity > 0),
  points       INTEGER NOT NULL,
  code         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('pending', 'picked_up', 'cancelled', 'expired')),
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  closed_at    INTEGER,
  UNIQUE (community_id, code)
);

CREATE TABLE tickets (
  id            INTEGER PRIMARY KEY,
  community_id  TEXT NOT NULL,
  number        INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('report', 'request', 'wish')),
  node_id       TEXT NOT NULL REFERENCES org_nodes(id),
  chat_id       TEXT NOT NULL,
  reporter_id   TEXT NOT NULL REFERENCES people(id),
  assignee      TEXT,
  text          TEXT NOT NULL,
  urgency_class TEXT NOT NULL,
  status        TEXT NOT NULL,
  reopened      INTEGER NOT NULL DEFAULT 0,
  sent_back     INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  accept_by     INTEGER,
  solve_by      INTEGER,
  closed_at     INTEGER,
  close_reason  TEXT,
  UNIQUE (community_id, number)
);

CREATE TABLE ticket_events (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  kind      TEXT NOT NULL,
  actor_id  TEXT,
  note      TEXT,
  at        INTEGER NOT NULL
);
)sql";

}  // namespace whistle::store
