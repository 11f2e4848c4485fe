#include "store/wal_write_batching.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

/// A raw connection, so each test sets exactly the cache and sync it needs.
class Connection {
 public:
  Connection(const std::string& path, const char* vfs) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, vfs);
    if (rc != SQLITE_OK) throw std::runtime_error(sqlite3_errstr(rc));
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
    exec("PRAGMA wal_autocheckpoint = 0");  // everything stays in the WAL: what a crash leaves
  }
  ~Connection() { sqlite3_close(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    if (rc != SQLITE_OK) throw std::runtime_error(sql + ": " + message);
  }
  long long number(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr);
    const long long value = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
    sqlite3_finalize(statement);
    return value;
  }
  std::string text(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr);
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW)
      value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    return value;
  }

 private:
  sqlite3* db_ = nullptr;
};

/// Write system calls made by this process so far (Linux counts them in /proc/self/io).
long long write_calls() {
  std::ifstream io("/proc/self/io");
  std::string key;
  long long value = 0;
  while (io >> key >> value)
    if (key == "syscw:") return value;
  return -1;
}

/// What a killed process leaves: the database and WAL files as they are now, copied beside.
void copy_as_left_by_a_crash(const std::string& from, const std::string& to) {
  for (const char* suffix : {"", "-wal"}) {
    std::filesystem::copy_file(from + suffix, to + suffix, std::filesystem::copy_options::overwrite_existing);
  }
  std::filesystem::remove(to + "-shm");
}

/// Opens a transaction that writes `rows` KiB-sized rows into a new table `t`, far more than a
/// cache of 20 pages holds: SQLite writes frames to the WAL before the commit.
void begin_past_the_cache(Connection& db, int rows) {
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB)");
  db.exec("PRAGMA cache_size = 20");
  db.exec("BEGIN");
  db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(rows) +
          ") INSERT INTO t SELECT i, randomblob(1000) FROM n");
}

/// Write calls made by one commit of twenty rows that sort far apart, so dirty twenty-odd pages,
/// through `vfs` (nullptr: SQLite's own).
long long writes_for_a_commit_of_twenty_pages(const char* vfs, const std::string& name) {
  testing::TempDatabaseFile file(name);
  Connection db(file.path(), vfs);
  db.exec("CREATE TABLE t (k TEXT PRIMARY KEY, v BLOB)");
  db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) "
      "INSERT INTO t SELECT printf('%08d', i * 7919 % 4001), zeroblob(200) FROM n");
  const long long before = write_calls();
  db.exec("BEGIN");
  // One row per statement, as the repositories write: a multi-row statement would also write a
  // statement journal to a temporary file.
  for (int i = 1; i <= 20; ++i)
    db.exec("INSERT INTO t VALUES (printf('%08d-x', " + std::to_string(i * 200) + "), zeroblob(200))");
  db.exec("COMMIT");
  return write_calls() - before;
}

// The count is the whole process's (sanitizers make write calls of their own), so the same commit
// through SQLite's own VFS is the yardstick: there it is two writes a page.
TEST(WalWriteBatching, ACommitOfManyPagesReachesTheFileInAFewWrites) {
  ASSERT_GE(write_calls(), 0) << "this kernel does not count write calls";
  const long long plain = writes_for_a_commit_of_twenty_pages(nullptr, "wal-plain-writes");
  const long long batched =
      writes_for_a_commit_of_twenty_pages(wal_write_batching_vfs(), "wal-batched-writes");
  EXPECT_GE(plain, 40);
  EXPECT_LE(batched * 5, plain) << "a commit of twenty-odd pages took " << batched << " writes, " << plain
                                << " without batching";
}

TEST(WalWriteBatching, WhatACommitWroteIsInTheFilesWhenTheCommitReturns) {
  testing::TempDatabaseFile file("wal-batching-commit");
  testing::TempDatabaseFile crashed("wal-batching-commit-crashed");
  Connection db(file.path(), wal_write_batching_vfs());
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
  for (int i = 1; i <= 3; ++i) {
    db.exec("INSERT INTO t (v) VALUES ('row " + std::to_string(i) + "')");
    copy_as_left_by_a_crash(file.path(), crashed.path());
    Connection recovered(crashed.path(), nullptr);
    EXPECT_EQ(recovered.number("SELECT count(*) FROM t"), i);
    EXPECT_EQ(recovered.text("PRAGMA integrity_check"), "ok");
  }
}

// A transaction that outgrows its page cache writes frames before it commits, and when it then
// changes one of those pages again SQLite overwrites the frame and rewrites the checksums of
// every frame after it, the commit frame's last, with no page following that header.
TEST(WalWriteBatching, ATransactionThatSpillsAndRewritesFramesIsWholeWhenTheCommitReturns) {
  testing::TempDatabaseFile file("wal-batching-spill");
  testing::TempDatabaseFile crashed("wal-batching-spill-crashed");
  Connection db(file.path(), wal_write_batching_vfs());
  // 6 MiB: more than the cache holds, more than is kept for one write, and more than the platform
  // VFS writes in one call.
  begin_past_the_cache(db, 6000);
  db.exec("UPDATE t SET v = zeroblob(1000) WHERE k <= 10");
  db.exec("COMMIT");
  copy_as_left_by_a_crash(file.path(), crashed.path());
  Connection recovered(crashed.path(), nullptr);
  EXPECT_EQ(recovered.number("SELECT count(*) FROM t"), 6000);
  EXPECT_EQ(recovered.number("SELECT count(*) FROM t WHERE v = zeroblob(1000)"), 10);
  EXPECT_EQ(recovered.text("PRAGMA integrity_check"), "ok");
}

TEST(WalWriteBatching, ARolledBackTransactionLeavesNothingBehind) {
  testing::TempDatabaseFile file("wal-batching-rollback");
  Connection db(file.path(), wal_write_batching_vfs());
  begin_past_the_cache(db, 2000);
  db.exec("ROLLBACK");
  db.exec("INSERT INTO t VALUES (1, 'after')");
  Connection other(file.path(), nullptr);
  EXPECT_EQ(other.number("SELECT count(*) FROM t"), 1);
  EXPECT_EQ(other.text("PRAGMA integrity_check"), "ok");
}

// A transaction that spilled frames and rolled back leaves them with no commit to write them out;
// another connection then commits over the same stretch of the WAL.
TEST(WalWriteBatching, FramesOfARolledBackSpillNeverOverwriteALaterCommit) {
  testing::TempDatabaseFile file("wal-batching-stale");
  Connection db(file.path(), wal_write_batching_vfs());
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB)");
  // Every page in the database file, none in the WAL: the rollback reads nothing from the WAL.
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.exec("PRAGMA cache_size = 20");
  db.exec("BEGIN");
  db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
      "INSERT INTO t SELECT i, randomblob(1000) FROM n");
  db.exec("ROLLBACK");
  {
    Connection other(file.path(), nullptr);
    other.exec(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
        "INSERT INTO t SELECT i, zeroblob(1000) FROM n");
  }
  EXPECT_EQ(db.number("SELECT count(*) FROM t"), 3000);  // reads the WAL: writes anything kept
  Connection fresh(file.path(), nullptr);
  EXPECT_EQ(fresh.number("SELECT count(*) FROM t WHERE v = zeroblob(1000)"), 3000);
  EXPECT_EQ(fresh.text("PRAGMA integrity_check"), "ok");
}

// Recovery reads the WAL frame by frame up to the first frame that is not valid — after a
// restart, one of the old frames behind the new ones — which is where the next commit goes.
TEST(WalWriteBatching, AOnePageCommitRightAfterRecoveryIsWhole) {
  testing::TempDatabaseFile file("wal-batching-recovery");
  testing::TempDatabaseFile crashed("wal-batching-recovery-crashed");
  testing::TempDatabaseFile crashed_again("wal-batching-recovery-crashed-again");
  {
    Connection setup(file.path(), nullptr);
    setup.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
    setup.exec("INSERT INTO t VALUES (1, 'one')");
    setup.exec(
        "CREATE TABLE filler (k INTEGER PRIMARY KEY, v BLOB); "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
        "INSERT INTO filler SELECT i, randomblob(1000) FROM n");
    setup.exec("PRAGMA wal_checkpoint(RESTART)");
    // A shorter WAL over the old one; t's page and the schema stay in the database file only.
    setup.exec("UPDATE filler SET v = zeroblob(1000) WHERE k <= 20");
    copy_as_left_by_a_crash(file.path(), crashed.path());
  }
  Connection db(crashed.path(), wal_write_batching_vfs());
  db.exec("UPDATE t SET v = 'two' WHERE k = 1");  // one frame, its header where recovery read last
  copy_as_left_by_a_crash(crashed.path(), crashed_again.path());
  Connection recovered(crashed_again.path(), nullptr);
  EXPECT_EQ(recovered.text("SELECT v FROM t WHERE k = 1"), "two");
  EXPECT_EQ(recovered.number("SELECT count(*) FROM filler WHERE v = zeroblob(1000)"), 20);
}

// Without powersafe overwrite SQLite pads a synchronous commit to a sector and splits its last
// frame around a sync: such a WAL is left as SQLite writes it, and other connections read it.
TEST(WalWriteBatching, AWalPaddedToSectorsIsReadRightByOtherConnections) {
  testing::TempDatabaseFile file("wal-batching-padded");
  Connection db("file:" + file.path() + "?psow=0", wal_write_batching_vfs());
  db.exec("PRAGMA synchronous = FULL");
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
  Connection other(file.path(), nullptr);
  for (int i = 1; i <= 5; ++i) {
    db.exec("INSERT INTO t VALUES (" + std::to_string(i) + ", 'row')");
    EXPECT_EQ(other.number("SELECT count(*) FROM t"), i);
  }
  EXPECT_EQ(other.text("PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace whistle::store
