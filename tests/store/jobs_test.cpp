#include "store/jobs.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

TEST(Jobs, DueJobsComeEarliestFirstAndOnlyUntilDone) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Jobs jobs(db);
  auto late = jobs.schedule("task_reminder", "c1", 300, "2");
  auto early = jobs.schedule("task_reminder", "c1", 100, "1");
  jobs.schedule("task_reminder", "c1", 900, "3");
  EXPECT_EQ(jobs.next_due(), 100);
  auto due = jobs.due(300, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, early);
  EXPECT_EQ(due[0].payload, "1");
  EXPECT_EQ(due[1].id, late);
  jobs.complete(early, 150);
  EXPECT_EQ(jobs.due(300, 10).size(), 1u);
  EXPECT_EQ(jobs.next_due(), 300);
}

TEST(Jobs, CancellingDropsOnlyTheUndoneJobsOfThatKindAndPayload) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Jobs jobs(db);
  jobs.schedule("task_reminder", "c1", 100, "1");
  jobs.schedule("task_reminder", "c1", 100, "2");
  jobs.schedule("other", "c1", 100, "1");
  jobs.cancel("task_reminder", "1");
  auto due = jobs.due(100, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].payload, "2");
  EXPECT_EQ(due[1].kind, "other");
}

TEST(Jobs, JobsSurviveReopeningTheFile) {
  const std::string path = ::testing::TempDir() + "whistle-jobs.db";
  std::remove(path.c_str());
  {
    Database db(DatabaseOptions{.path = path});
    Jobs(db).schedule("task_reminder", "c1", 100, "7");
  }
  Database db(DatabaseOptions{.path = path});
  EXPECT_EQ(Jobs(db).next_due(), 100);
  for (const char* suffix : {"", "-wal", "-shm"})
    std::remove((path + suffix).c_str());
}

// The scheduler reads the next due time again only after job_writes() moved (bot/scheduler).
TEST(Jobs, EveryWriteThatCanMakeAJobDueSoonerIsCounted) {
  testing::TempDatabaseFile file("job-writes");
  Database db(DatabaseOptions{.path = file.path()});
  Jobs jobs(db);
  std::uint64_t seen = db.job_writes();
  const auto moved = [&] {
    const bool changed = db.job_writes() != seen;
    seen = db.job_writes();
    return changed;
  };
  const std::int64_t reminder = jobs.schedule("task_reminder", "c1", 100, "1");
  EXPECT_TRUE(moved());
  EXPECT_TRUE(jobs.schedule_once("deadline", "c1", 200, "t1"));
  EXPECT_TRUE(moved());
  EXPECT_FALSE(jobs.schedule_once("deadline", "c1", 50, "t1"));  // one waits already: nothing added
  EXPECT_FALSE(moved());
  EXPECT_EQ(jobs.record_failure(reminder, 100, 160, 3, "failed"), JobFailure::retried);
  EXPECT_TRUE(moved());
  jobs.next_due();
  jobs.complete(reminder, 170);
  jobs.cancel("deadline", "t1");  // later or none: never sooner
  EXPECT_FALSE(moved());

  // Another connection (a CLI command beside the server) may have scheduled one: seen as a write.
  {
    Database other(DatabaseOptions{.path = file.path()});
    Jobs(other).schedule("task_reminder", "c1", 10, "2");
  }
  db.hot();  // outside a transaction, the look that notices another connection's commit
  EXPECT_TRUE(moved());
}

TEST(Jobs, NothingScheduledMeansNoNextDue) {
  Database db(DatabaseOptions{.path = ":memory:"});
  EXPECT_FALSE(Jobs(db).next_due().has_value());
}

}  // namespace
}  // namespace whistle::store
