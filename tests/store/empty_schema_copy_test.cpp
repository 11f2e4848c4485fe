// An in-memory database starts as a copy of the migrated empty database (store/empty_schema_copy.hpp):
// it must be the database the migrations make, and behave as an in-memory database of its own.

#include "store/empty_schema_copy.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/database.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

DatabaseOptions in_memory() {
  DatabaseOptions options;
  options.path = ":memory:";
  return options;
}

// Every table, index and trigger as SQLite keeps it, the SQL included.
std::vector<std::string> schema_of(Database& db) {
  std::vector<std::string> rows;
  SQLite::Statement query(
      db.raw(), "SELECT type, name, tbl_name, ifnull(sql, '') FROM sqlite_schema ORDER BY type, name");
  while (query.executeStep()) {
    rows.push_back(query.getColumn(0).getString() + " " + query.getColumn(1).getString() + " on " +
                   query.getColumn(2).getString() + ": " + query.getColumn(3).getString());
  }
  return rows;
}

TEST(EmptySchemaCopy, AnInMemoryDatabaseHasTheSchemaAFileGetsFromTheMigrations) {
  testing::TempDatabaseFile file("migrated");
  Database migrated(DatabaseOptions{.path = file.path()});
  Database copied(in_memory());

  EXPECT_EQ(copied.schema_version(), Database::latest_schema_version());
  const std::vector<std::string> expected = schema_of(migrated);
  EXPECT_GT(expected.size(), 20u);  // the tables and indexes of every version, not an empty list
  EXPECT_EQ(schema_of(copied), expected);
}

TEST(EmptySchemaCopy, EachInMemoryDatabaseIsItsOwn) {
  Database first(in_memory());
  first.raw().exec("INSERT INTO inbox (key, received_at) VALUES ('only-in-the-first', 1)");
  Database second(in_memory());

  EXPECT_EQ(second.raw().execAndGet("SELECT COUNT(*) FROM inbox").getInt(), 0);
  EXPECT_EQ(first.raw().execAndGet("SELECT COUNT(*) FROM inbox").getInt(), 1);
}

TEST(EmptySchemaCopy, AnInMemoryDatabaseGrowsWellPastTheCopy) {
  Database db(in_memory());
  const int pages_at_start = db.raw().execAndGet("PRAGMA page_count").getInt();
  db.raw().exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
      "INSERT INTO inbox (key, received_at) SELECT 'key-' || i || '-' || hex(randomblob(64)), i FROM n");

  EXPECT_EQ(db.raw().execAndGet("SELECT COUNT(*) FROM inbox").getInt(), 20000);
  EXPECT_GT(db.raw().execAndGet("PRAGMA page_count").getInt(), 4 * pages_at_start);
}

TEST(EmptySchemaCopy, AnInMemoryDatabaseKeepsItsJournalInMemoryAndItsForeignKeysOn) {
  Database db(in_memory());

  EXPECT_EQ(db.raw().execAndGet("PRAGMA journal_mode").getString(), "memory");
  EXPECT_EQ(db.raw().execAndGet("PRAGMA foreign_keys").getInt(), 1);
  {
    Transaction undone(db);
    db.raw().exec("INSERT INTO inbox (key, received_at) VALUES ('rolled-back', 1)");
  }  // no commit: rolled back
  EXPECT_EQ(db.raw().execAndGet("SELECT COUNT(*) FROM inbox").getInt(), 0);
}

}  // namespace
}  // namespace whistle::store
