#include "store/database.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/inbox.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

int inbox_rows(Database& db) {
  return db.raw().execAndGet("SELECT COUNT(*) FROM inbox").getInt();
}

TEST(Database, AFileIsOpenedInWalModeWithForeignKeysOn) {
  testing::TempDatabaseFile file("wal");
  Database db(DatabaseOptions{.path = file.path()});
  EXPECT_EQ(db.raw().execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(db.raw().execAndGet("PRAGMA foreign_keys").getInt(), 1);
  EXPECT_EQ(db.raw().execAndGet("PRAGMA synchronous").getInt(), 1);  // NORMAL
}

TEST(Database, FullSynchronousIsHonouredAndAnythingElseRefused) {
  Database full(DatabaseOptions{.path = ":memory:", .synchronous = "FULL"});
  EXPECT_EQ(full.raw().execAndGet("PRAGMA synchronous").getInt(), 2);
  EXPECT_THROW(Database(DatabaseOptions{.path = ":memory:", .synchronous = "OFF"}), std::runtime_error);
}

TEST(Database, ManualCheckpointsTurnTheAutomaticOnesOff) {
  testing::TempDatabaseFile file("manual");
  Database db(DatabaseOptions{.path = file.path(), .manual_checkpoints = true});
  EXPECT_EQ(db.raw().execAndGet("PRAGMA wal_autocheckpoint").getInt(), 0);
}

TEST(Database, AForeignKeyViolationIsRefused) {
  Database db(DatabaseOptions{.path = ":memory:"});
  EXPECT_THROW(
      db.raw().exec("INSERT INTO chats (id, node_id, community_id, bound_at) VALUES ('x', 'nope', 'c', 0)"),
      std::exception);
}

TEST(Database, AFileThatCannotBeOpenedIsNamedInTheError) {
  const std::string path = "/nonexistent-whistle-dir/whistle.db";
  try {
    Database db(DatabaseOptions{.path = path});
    ADD_FAILURE() << "opened " << path;
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
  }
}

TEST(Transaction, ChangesAreRolledBackUnlessCommitted) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Inbox inbox(db);
  {
    Transaction transaction(db);
    inbox.record("a", 1, "d");
  }
  EXPECT_EQ(inbox_rows(db), 0);
  {
    Transaction transaction(db);
    inbox.record("a", 1, "d");
    transaction.commit();
  }
  EXPECT_EQ(inbox_rows(db), 1);
}

// A read left on its first row pins the snapshot it began in: past COMMIT it would keep the
// connection reading, and the checkpoints could never copy beyond it.
TEST(Transaction, AReadLeftSteppingDoesNotOutliveTheCommit) {
  testing::TempDatabaseFile file("left-stepping");
  Database db(DatabaseOptions{.path = file.path()});
  Inbox inbox(db);
  inbox.record("a", 1, "d");
  SQLite::Statement left(db.raw(), "SELECT key FROM inbox");
  {
    Transaction transaction(db);
    ASSERT_TRUE(left.executeStep());
    inbox.record("b", 1, "d");
    transaction.commit();
  }
  EXPECT_EQ(sqlite3_txn_state(db.raw().getHandle(), nullptr), SQLITE_TXN_NONE);
  EXPECT_EQ(inbox_rows(db), 2);
}

// A write left stepping (RETURNING, read for its first row only) makes SQLite refuse COMMIT; the
// batch must commit all the same, not fail and be delivered again.
TEST(Transaction, AWriteLeftSteppingDoesNotStopTheCommit) {
  testing::TempDatabaseFile file("write-stepping");
  Database db(DatabaseOptions{.path = file.path()});
  db.raw().exec("CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER)");
  SQLite::Statement returning(db.raw(), "INSERT INTO counters VALUES ('a', 1), ('b', 2) RETURNING value");
  {
    Transaction transaction(db);
    ASSERT_TRUE(returning.executeStep());
    transaction.commit();
  }
  EXPECT_EQ(sqlite3_txn_state(db.raw().getHandle(), nullptr), SQLITE_TXN_NONE);
  EXPECT_EQ(db.raw().execAndGet("SELECT COUNT(*) FROM counters").getInt(), 2);
}

TEST(Savepoint, RollingBackOneEventKeepsTheRestOfTheBatch) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Inbox inbox(db);
  Transaction transaction(db);
  {
    Savepoint first(db);
    inbox.record("first", 1, "d");
    first.release();
  }
  {
    Savepoint failing(db);
    inbox.record("failing", 1, "d");
  }
  {
    Savepoint third(db);
    inbox.record("third", 1, "d");
    third.release();
  }
  transaction.commit();
  EXPECT_EQ(inbox_rows(db), 2);
  EXPECT_EQ(inbox.record("failing", 2, "d"), Delivery::first) << "the rolled-back event must be new again";
}

}  // namespace
}  // namespace whistle::store
