#include "store/jobs.hpp"

#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <string>
#include <utility>
#include <vector>

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

// `pending` answers from memory once a pair was asked (the monthly publication's check on every
// message); after each kind of write the answer must still be the table's. A write that left a pair
// remembered as waiting after its job was done or set aside would keep a community without its
// next publication.
TEST(Jobs, PendingAnswersAsTheTableDoesAfterEveryWrite) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Jobs jobs(db);
  const std::vector<std::pair<std::string, std::string>> pairs{
      {"monthly_publication", "c1"}, {"monthly_publication", "c2"}, {"deadline", "t1"}};
  const auto waits_on_disk = [&](const std::pair<std::string, std::string>& pair) {
    SQLite::Statement query(db.raw(),
                            "SELECT 1 FROM jobs WHERE kind = ? AND payload = ? AND done_at IS NULL");
    query.bind(1, pair.first);
    query.bind(2, pair.second);
    return query.executeStep();
  };
  // Asks every pair, so that the next write finds each one remembered.
  const auto expect_as_on_disk = [&](const char* after) {
    for (const auto& pair : pairs)
      EXPECT_EQ(jobs.pending(pair.first, pair.second), waits_on_disk(pair)) << after << ": " << pair.second;
  };

  expect_as_on_disk("nothing scheduled");
  const std::int64_t first = jobs.schedule("monthly_publication", "c1", 100, "c1");
  const std::int64_t second = jobs.schedule("monthly_publication", "c2", 100, "c2");
  EXPECT_TRUE(jobs.schedule_once("deadline", "c1", 100, "t1"));
  expect_as_on_disk("scheduled");
  EXPECT_FALSE(jobs.schedule_once("deadline", "c1", 50, "t1"));
  expect_as_on_disk("scheduled once more while one waits");
  jobs.complete(first, 100);
  expect_as_on_disk("done");
  EXPECT_EQ(jobs.record_failure(second, 100, 160, 2, "failed"), JobFailure::retried);
  expect_as_on_disk("failed, to be tried again");
  EXPECT_EQ(jobs.record_failure(second, 160, 220, 2, "failed again"), JobFailure::dead);
  expect_as_on_disk("set aside as dead");
  jobs.cancel("deadline", "t1");
  expect_as_on_disk("cancelled");
  EXPECT_FALSE(jobs.pending("monthly_publication", "c1"));  // the script reached each answer
  jobs.schedule("monthly_publication", "c1", 200, "c1");
  expect_as_on_disk("scheduled again");
  EXPECT_TRUE(jobs.pending("monthly_publication", "c1"));
}

TEST(Jobs, NothingScheduledMeansNoNextDue) {
  Database db(DatabaseOptions{.path = ":memory:"});
  EXPECT_FALSE(Jobs(db).next_due().has_value());
}

}  // namespace
}  // namespace whistle::store
