#include "store/database.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

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
