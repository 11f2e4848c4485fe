#pragma once

// Schema version 7 (issue 15, the judge's storm): fewer B-trees that a new volunteer's report-in
// inserts into at a scattered place. Once a table outgrows what one batch's rows share, every such
// insert dirties a page of its own, which the commit writes to the WAL and the checkpoint copies
// again: a report-in then cost ~8 KB of writes and ~15-25 µs per scattered B-tree, and the event's
// cost grew with the tables (bench/event_growth.cpp; numbers in bench/README.md).
//
// - roles_by_node listed every role at a node, but only leaders and staff are ever looked up by
//   node (PeopleRepository::holders*): volunteers, nearly every row, no longer enter it.
// - signups_by_state served reads that all name the task, and a task's signups are one range of
//   the primary key (task_id, person_id) already; the writer keeps them in memory anyway.
// - The inbox was keyed by its text key with each event's answer in the row, ~340 bytes: ten rows
//   to a page, inserted wherever the platform's id sorts. Its rows now go in arrival order (rowid)
//   and only the key goes in a dense unique index (~90 to a page) that the page cache keeps.

namespace whistle::store {

inline constexpr const char* kSchemaV7 = R"sql(
DROP INDEX roles_by_node;
CREATE INDEX roles_of_officials ON roles(node_id, role) WHERE role <> 'volunteer';

DROP INDEX signups_by_state;

CREATE TABLE inbox_in_arrival_order (
  key         TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  answer      TEXT,
  digest      BLOB
);
INSERT INTO inbox_in_arrival_order (key, received_at, answer, digest)
  SELECT key, received_at, answer, digest FROM inbox ORDER BY received_at, key;
DROP TABLE inbox;
ALTER TABLE inbox_in_arrival_order RENAME TO inbox;
CREATE UNIQUE INDEX inbox_by_key ON inbox(key);
)sql";

}  // namespace whistle::store
