#pragma once

// Schema version 8 (issue 15): the CHECKs of the two tables every new volunteer's report-in writes,
// roles and signups, said `column IN ('a', 'b', 'c')`. SQLite evaluates an IN list of more than two
// values through a temporary B-tree that it opens, fills and frees at every execution of an INSERT
// (perf: ~1.3 such B-trees per report-in between the two, ~3% of the writer). The same rule said
// with `=` and `OR` is plain comparisons. Both tables are rebuilt as SQLite's ALTER TABLE page
// describes (new table, copy, drop, rename, indexes again); nothing references either, so the
// foreign keys that Database turns on before migrating are kept as they are. Roles keep their
// rowids: PeopleRepository lists a person's roles in the order granted.
//
// The other IN-list CHECKs (tasks, ledger, attendance, tickets) stay: those rows are written far
// less often, and tasks and tickets are referenced by other tables, which a rebuild under foreign
// keys cannot drop.

namespace whistle::store {

inline constexpr const char* kSchemaV8 = R"sql(
CREATE TABLE roles_checked_by_comparison (
  person_id  TEXT NOT NULL REFERENCES people(id),
  node_id    TEXT NOT NULL REFERENCES org_nodes(id),
  role       TEXT NOT NULL CHECK (role = 'leader' OR role = 'staff' OR role = 'volunteer'),
  granted_at INTEGER NOT NULL,
  UNIQUE (person_id, node_id, role)
);
INSERT INTO roles_checked_by_comparison (rowid, person_id, node_id, role, granted_at)
  SELECT rowid, person_id, node_id, role, granted_at FROM roles ORDER BY rowid;
DROP TABLE roles;
ALTER TABLE roles_checked_by_comparison RENAME TO roles;
CREATE INDEX roles_of_officials ON roles(node_id, role) WHERE role <> 'volunteer';

CREATE TABLE signups_checked_by_comparison (
  task_id   INTEGER NOT NULL REFERENCES tasks(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  state     TEXT NOT NULL CHECK (state = 'signed_up' OR state = 'waitlisted' OR state = 'withdrawn'),
  seq       INTEGER NOT NULL,
  at        INTEGER NOT NULL,
  node_id   TEXT,
  PRIMARY KEY (task_id, person_id)
) WITHOUT ROWID;
INSERT INTO signups_checked_by_comparison (task_id, person_id, state, seq, at, node_id)
  SELECT task_id, person_id, state, seq, at, node_id FROM signups;
DROP TABLE signups;
ALTER TABLE signups_checked_by_comparison RENAME TO signups;
)sql";

}  // namespace whistle::store
