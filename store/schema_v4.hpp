#pragma once

// Schema version 4: the resident ticket loop (issue 12) and jobs that cannot block each other.
// - Jobs get an idempotency key (one deadline job per ticket and stage: scheduling it twice keeps
//   one), an attempt count, and a dead state: a job that failed `kJobAttempts` times is set aside
//   (done_at and dead_at set, the error kept) instead of being retried ahead of everything else.
// - Version 1's tickets had no writer, so they are replaced rather than altered: the state is a
//   CHECK constraint, the assignee is a person or a responder (two columns, at most one set), and
//   the ratings, reopen, send-back and climb counts are columns the figures read.
// - A responder's members (who may accept, resolve and send back its tickets) are stored with it.

namespace whistle::store {

inline constexpr const char* kSchemaV4 = R"sql(
ALTER TABLE jobs ADD COLUMN key TEXT;
ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN dead_at INTEGER;
ALTER TABLE jobs ADD COLUMN last_error TEXT;
CREATE UNIQUE INDEX jobs_by_key ON jobs(key) WHERE key IS NOT NULL AND done_at IS NULL;
CREATE INDEX jobs_dead ON jobs(dead_at) WHERE dead_at IS NOT NULL;

CREATE TABLE responder_members (
  responder_id TEXT NOT NULL REFERENCES responders(id),
  person_id    TEXT NOT NULL,
  UNIQUE (responder_id, person_id)
);
CREATE INDEX responder_members_by_person ON responder_members(person_id);

DROP TABLE ticket_events;
DROP TABLE tickets;

CREATE TABLE tickets (
  id                 INTEGER PRIMARY KEY,
  community_id       TEXT NOT NULL,
  number             INTEGER NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('report', 'order', 'wish')),
  urgency_class      TEXT NOT NULL CHECK (urgency_class IN ('urgent', 'utilities', 'general', 'complex')),
  category           TEXT,
  danger             INTEGER NOT NULL DEFAULT 0 CHECK (danger IN (0, 1)),
  first_node_id      TEXT NOT NULL REFERENCES org_nodes(id),
  node_id            TEXT NOT NULL REFERENCES org_nodes(id),
  chat_id            TEXT NOT NULL,
  private            INTEGER NOT NULL CHECK (private IN (0, 1)),
  reporter_id        TEXT NOT NULL REFERENCES people(id),
  text               TEXT NOT NULL,
  place              TEXT,
  state              TEXT NOT NULL
                     CHECK (state IN ('open', 'assigned', 'accepted', 'resolved', 'closed')),
  outcome            TEXT CHECK (outcome IN ('satisfied', 'unresolved', 'not_rated')),
  assignee_person    TEXT REFERENCES people(id),
  assignee_responder TEXT REFERENCES responders(id),
  dispatched_by      TEXT,
  claimed_by         TEXT,
  resolved_by        TEXT,
  resolution         TEXT,
  close_reason       TEXT,
  rating             INTEGER CHECK (rating BETWEEN 1 AND 5),
  rating_note        TEXT,
  ratings            INTEGER NOT NULL DEFAULT 0,
  reopened           INTEGER NOT NULL DEFAULT 0,
  sent_back          INTEGER NOT NULL DEFAULT 0,
  climbs             INTEGER NOT NULL DEFAULT 0,
  stage              INTEGER NOT NULL DEFAULT 0,
  created_at         INTEGER NOT NULL,
  assigned_at        INTEGER,
  answer_by          INTEGER,
  accepted_at        INTEGER,
  first_accepted_at  INTEGER,
  answered_in_time   INTEGER NOT NULL DEFAULT 0 CHECK (answered_in_time IN (0, 1)),
  solve_from         INTEGER NOT NULL,
  solve_by           INTEGER,
  resolved_at        INTEGER,
  first_resolved_at  INTEGER,
  closed_at          INTEGER,
  CHECK ((state = 'closed') = (outcome IS NOT NULL)),
  CHECK (assignee_person IS NULL OR assignee_responder IS NULL),
  CHECK (state = 'open' OR state = 'closed' OR assignee_person IS NOT NULL
         OR assignee_responder IS NOT NULL),
  UNIQUE (community_id, number)
);
CREATE INDEX tickets_open_by_node ON tickets(node_id, created_at) WHERE state <> 'closed';
CREATE INDEX tickets_open_by_first_node ON tickets(first_node_id, created_at) WHERE state <> 'closed';
CREATE INDEX tickets_open_by_person ON tickets(assignee_person) WHERE state <> 'closed';
CREATE INDEX tickets_open_by_responder ON tickets(assignee_responder) WHERE state <> 'closed';
CREATE INDEX tickets_by_reporter ON tickets(reporter_id, created_at);
CREATE INDEX tickets_by_receipt ON tickets(community_id, created_at);

CREATE TABLE ticket_events (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  kind      TEXT NOT NULL,
  actor_id  TEXT,
  note      TEXT,
  at        INTEGER NOT NULL
);
CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id, id);

CREATE TABLE ticket_attachments (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  kind      TEXT NOT NULL,
  content   TEXT NOT NULL,
  at        INTEGER NOT NULL
);
CREATE INDEX ticket_attachments_by_ticket ON ticket_attachments(ticket_id, id);

CREATE TABLE danger_alerts (
  chat    TEXT PRIMARY KEY,
  last_at INTEGER NOT NULL
);
)sql";

}  // namespace whistle::store
