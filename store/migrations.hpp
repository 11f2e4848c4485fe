#pragma once

#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace whistle::store {

/// One schema step: the SQL that takes the database from version `version - 1` to `version`.
struct Migration {
  int version = 0;
  std::string_view sql;
  /// The step rebuilds a table that others reference (SQLite's ALTER TABLE procedure): it runs
  /// with foreign keys off, and fails if it leaves more references broken than it found.
  bool rebuilds_a_referenced_table = false;
};

/// Every schema step of this build, oldest first.
const std::vector<Migration>& all_migrations();

/// Applies the steps newer than the file's `PRAGMA user_version`, all in one transaction, so a
/// failing step leaves the file as it was. Throws std::runtime_error when the file is newer than
/// `steps` knows, or when a step fails. The connection's `PRAGMA foreign_keys` is as it was after.
void apply_migrations(SQLite::Database& db, const std::vector<Migration>& steps);

}  // namespace whistle::store
