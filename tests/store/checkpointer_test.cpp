#include "store/checkpointer.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store/database.hpp"
#include "store/inbox.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

TEST(Checkpointer, CopiesTheWalIntoTheDatabaseWhileTheWriterSkipsCheckpoints) {
  testing::TempDatabaseFile file("checkpoint");
  Database writer(DatabaseOptions{.path = file.path(), .manual_checkpoints = true});
  Checkpointer checkpointer(file.path(), std::chrono::milliseconds(1));
  Inbox inbox(writer);
  for (int i = 0; i < 50; ++i)
    inbox.record("k" + std::to_string(i), i);

  // Wait (with a deadline, not a fixed sleep) until a checkpoint has run after the writes.
  const long long runs_before = checkpointer.runs();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (checkpointer.runs() < runs_before + 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  ASSERT_GE(checkpointer.runs(), runs_before + 2);
  // Every WAL frame has been copied back: a PASSIVE checkpoint now has nothing left to do.
  SQLite::Statement check(writer.raw(), "PRAGMA wal_checkpoint(PASSIVE)");
  ASSERT_TRUE(check.executeStep());
  EXPECT_EQ(check.getColumn(1).getInt(), check.getColumn(2).getInt());
}

TEST(Checkpointer, AFileThatCannotBeOpenedIsReportedAtOnce) {
  EXPECT_THROW(Checkpointer("/nonexistent-dir/whistle.db"), std::runtime_error);
}

}  // namespace
}  // namespace whistle::store
