#pragma once

// Schema version 11 (issue 15): `people` is stored in the order people came, keyed by their
// serial. Until v10 the table was keyed by its rowid, with the platform's id and the serial each
// under an index of its own; now `serial` is the INTEGER PRIMARY KEY (the rowid itself, which
// VACUUM keeps for such a column), and the platform's id keeps its unique index. A new person is
// one B-tree insert fewer, and numbered by SQLite (the largest serial + 1, what v10's sub-select
// and trigger computed): the sub-select, the index `people_by_serial` and the trigger
// `people_get_a_serial` are gone, and a role's `(SELECT serial FROM people WHERE id = ?)` is read
// from the id's index alone. The writer alone, 100,000 report-ins from new volunteers: ~2.5 µs an
// event fewer (bench/README.md, "people stored by their serial").
//
// A table rebuild as SQLite's ALTER TABLE page describes it, run with foreign keys off (seven
// tables name a person; dropping `people` with them on would refuse or count every reference as
// broken), and checked before the commit: the step adds no foreign-key violation (apply_migrations;
// each check reads every reference, ~2 s at 1M ledger rows, once, at the upgrade).
// Every person keeps their id, name, times and serial. `id` becomes NOT NULL: a person without an
// id could not be named by a message, a role or a signup, and none is ever written.

namespace whistle::store {

inline constexpr const char* kSchemaV11 = R"sql(
CREATE TABLE people_by_serial_v11 (
  id         TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  serial     INTEGER PRIMARY KEY
);
INSERT INTO people_by_serial_v11 (serial, id, name, created_at, updated_at)
  SELECT serial, id, name, created_at, updated_at FROM people ORDER BY serial;
DROP TABLE people;
ALTER TABLE people_by_serial_v11 RENAME TO people;
CREATE INDEX people_by_name ON people(name);
)sql";

}  // namespace whistle::store
