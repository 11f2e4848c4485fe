#include "bot/record_pruner.hpp"

#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include "store/database.hpp"
#include "store/inbox.hpp"

namespace whistle::bot {
namespace {

constexpr std::int64_t kDay = 86400;

class RecordPrunerTest : public ::testing::Test {
 protected:
  store::Database db{store::DatabaseOptions{.path = ":memory:"}};
  store::Inbox inbox{db};

  void record(const std::string& key, std::int64_t at) {
    store::Transaction transaction(db);
    inbox.record(key, at, "digest");
    transaction.commit();
  }
  std::int64_t inbox_rows() { return db.raw().execAndGet("SELECT COUNT(*) FROM inbox").getInt64(); }
};

TEST_F(RecordPrunerTest, APassRunsAtOnceThenWaitsHours) {
  constexpr std::int64_t kHour = 3600;
  record("generic:default:m-1", 1 * kDay);
  record("generic:default:m-2", 10 * kDay + kHour);
  RecordPruner pruner(db, 30 * kDay);
  pruner.run_if_due(40 * kDay);
  EXPECT_EQ(inbox_rows(), 1);
  // Two hours later m-2 is past the window, but the next pass is hours away.
  pruner.run_if_due(40 * kDay + 2 * kHour);
  EXPECT_EQ(inbox_rows(), 1);
  pruner.run_if_due(40 * kDay + RecordPruner::kBetweenPasses);
  EXPECT_EQ(inbox_rows(), 0);
}

TEST_F(RecordPrunerTest, NoWindowKeepsEverything) {
  record("generic:default:m-1", 1 * kDay);
  RecordPruner pruner(db, 0);
  pruner.run_if_due(1000 * kDay);
  EXPECT_EQ(inbox_rows(), 1);
}

}  // namespace
}  // namespace whistle::bot
