#pragma once

// Schema version 10 (issue 15): a person's roles are keyed by a number that grows with time, not
// by the platform's id. A platform's ids are scattered (Feishu's open_id, WeCom's and DingTalk's
// user ids, a script's uuid4s): every new volunteer's role landed on a leaf of its own in roles'
// unique (person_id, node_id, role) — a page dirtied, written to the WAL and copied by the
// checkpoint, for each report-in. The writer alone with random ids spent 20–30% of its time there
// at 200k–300k people (bench/README.md, "scattered ids"). Keyed by `people.serial`, a new person's
// role goes at the end of the index, where the batch's other new roles are.
//
// `people.serial`: the people in the order they came (the rowid at this migration, then MAX + 1).
// Not the rowid itself: VACUUM may renumber the rowids of a table without an INTEGER PRIMARY KEY.
// PeopleRepository's INSERTs give it; the trigger gives it to a row inserted by anyone else (a
// test, the bench seeder, a hand on the sqlite3 shell), so no person is ever without one. Roles
// are rebuilt as SQLite's ALTER TABLE page describes, keeping their rowids (the order granted);
// nothing references roles. A role whose person has no row (impossible with foreign keys on)
// fails the migration rather than being dropped.

namespace whistle::store {

inline constexpr const char* kSchemaV10 = R"sql(
ALTER TABLE people ADD COLUMN serial INTEGER;
UPDATE people SET serial = rowid;
CREATE UNIQUE INDEX people_by_serial ON people(serial);
CREATE TRIGGER people_get_a_serial AFTER INSERT ON people WHEN NEW.serial IS NULL
BEGIN
  UPDATE people SET serial = (SELECT IFNULL(MAX(serial), 0) + 1 FROM people) WHERE rowid = NEW.rowid;
END;

CREATE TABLE roles_by_person_serial (
  person_id     TEXT NOT NULL REFERENCES people(id),
  person_serial INTEGER NOT NULL,
  node_id       TEXT NOT NULL REFERENCES org_nodes(id),
  role          TEXT NOT NULL CHECK (role = 'leader' OR role = 'staff' OR role = 'volunteer'),
  granted_at    INTEGER NOT NULL,
  UNIQUE (person_serial, node_id, role)
);
INSERT INTO roles_by_person_serial (rowid, person_id, person_serial, node_id, role, granted_at)
  SELECT r.rowid, r.person_id, p.serial, r.node_id, r.role, r.granted_at
  FROM roles r LEFT JOIN people p ON p.id = r.person_id ORDER BY r.rowid;
DROP TABLE roles;
ALTER TABLE roles_by_person_serial RENAME TO roles;
CREATE INDEX roles_of_officials ON roles(node_id, role) WHERE role <> 'volunteer';
)sql";

}  // namespace whistle::store
