#pragma once

namespace SQLite {
class Database;
}

namespace whistle::store {

/// Turns a just-opened in-memory connection into a copy of the empty database that
/// apply_migrations(all_migrations()) makes. The first call in a process runs those migrations
/// once, on a connection of its own; every call copies the result. Afterwards apply_migrations
/// finds the connection's schema current and changes nothing.
///
/// Why: replaying every migration (at version 11: 34 ALTER TABLEs, each re-reading the whole
/// schema) took 45-65 ms a database, 125 ms under AddressSanitizer. That pays where one process
/// opens many, as the sanitized run's test shards do (their run went 129 -> 84 s); a process that
/// opens one, as a plain test or `whistle sim` does, runs the migrations once as before, plus a
/// copy of ~3 ms. The copy keeps the database in memory as before (SQLite's memdb: the journal in
/// memory, no WAL).
void copy_empty_schema_into(SQLite::Database& db);

}  // namespace whistle::store
