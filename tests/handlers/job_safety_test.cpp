// Deadline jobs are safe to run together: one that fails for real (a trigger the test creates
// refuses to save one ticket) is undone alone, retried later with its attempts counted, and after
// five attempts set aside as dead with its error kept; the others' effects land. schedule_once
// keeps one undone job per kind and payload.
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <vector>

#include "handler_fixture.hpp"
#include "handlers/ticket_flow.hpp"
#include "ticket_deadline_support.hpp"

namespace whistle::handlers::testing {
namespace {

struct JobRow {
  int attempts = 0;
  std::int64_t due_at = 0;
  std::optional<std::int64_t> done_at;
  std::optional<std::int64_t> dead_at;
  std::string last_error;
};

class JobSafetyTest : public HandlerTest {
 protected:
  // The jobs table's row for a job, read behind the store's back to see its bookkeeping.
  JobRow row(const std::string& kind, const std::string& payload) {
    SQLite::Statement query(db_.raw(),
                            "SELECT attempts, due_at, done_at, dead_at, COALESCE(last_error, '') FROM jobs "
                            "WHERE kind = ? AND payload = ?");
    query.bind(1, kind);
    query.bind(2, payload);
    JobRow found;
    EXPECT_TRUE(query.executeStep()) << kind << " " << payload;
    found.attempts = query.getColumn(0).getInt();
    found.due_at = query.getColumn(1).getInt64();
    if (!query.getColumn(2).isNull()) found.done_at = query.getColumn(2).getInt64();
    if (!query.getColumn(3).isNull()) found.dead_at = query.getColumn(3).getInt64();
    found.last_error = query.getColumn(4).getString();
    EXPECT_FALSE(query.executeStep()) << "one row per kind and payload";
    return found;
  }

  // Runs the due jobs as the server does, failures reported rather than failing the test.
  JobsRun run_due(std::int64_t now) {
    store::Transaction transaction(db_);
    JobsRun run = dispatcher_.run_due_jobs(now);
    transaction.commit();
    return run;
  }

  void refuse_to_save(const store::Ticket& ticket) {
    db_.raw().exec("CREATE TRIGGER refuse_ticket BEFORE UPDATE ON tickets WHEN OLD.id = " +
                   std::to_string(ticket.id) + " BEGIN SELECT RAISE(ABORT, 'test: ticket refused'); END");
  }
};

TEST_F(JobSafetyTest, OneFailingDeadlineJobDoesNotBlockTheOthersAndDiesAfterFiveAttempts) {
  const Services s = services();
  const std::vector<std::string> units{"b3u2", "b3u1", "b1u1", "b5u1"};
  std::vector<store::Ticket> tickets;
  for (const std::string& unit : units)
    tickets.push_back(make_ticket(s, unit, "utilities", kMonday0900).ticket);
  const store::Ticket& failing = tickets[0];
  const std::string payload = ticket_job_payload(failing, failing.stage);
  const std::string kind(kTicketAnswerDeadline);
  refuse_to_save(failing);

  // The reminders only read: all four go out.
  EXPECT_EQ(run_due(kMonday0900 + 90 * 60).replies.size(), 4u);

  const std::int64_t first = kMonday0900 + 2 * kHour;
  JobsRun run = run_due(first);
  ASSERT_EQ(run.failures.size(), 1u);
  EXPECT_EQ(run.failures[0].kind, kind);
  EXPECT_FALSE(run.failures[0].dead);
  for (std::size_t i = 1; i < tickets.size(); ++i) {
    EXPECT_EQ(reload(s, tickets[i]).climbs, 1) << units[i];  // the others climbed
    EXPECT_EQ(events_of(s, tickets[i], "climbed"), 1) << units[i];
  }
  EXPECT_EQ(reload(s, failing).climbs, 0);
  EXPECT_EQ(events_of(s, failing, "climbed"), 0);  // undone whole: no event without its save
  JobRow job = row(kind, payload);
  EXPECT_EQ(job.attempts, 1);
  EXPECT_GT(job.due_at, first);  // tried again later
  EXPECT_FALSE(job.done_at.has_value());
  EXPECT_NE(job.last_error.find("test: ticket refused"), std::string::npos);

  // Each retry at its new time fails again; the fifth sets it aside.
  for (int attempt = 2; attempt <= 5; ++attempt) {
    SCOPED_TRACE(attempt);
    const std::int64_t at = job.due_at;
    run = run_due(at);
    ASSERT_EQ(run.failures.size(), 1u);
    EXPECT_EQ(run.failures[0].dead, attempt == 5);
    job = row(kind, payload);
    EXPECT_EQ(job.attempts, attempt);
    if (attempt < 5) {
      EXPECT_GT(job.due_at, at);
      EXPECT_FALSE(job.dead_at.has_value());
    }
  }
  EXPECT_TRUE(job.done_at.has_value());
  EXPECT_TRUE(job.dead_at.has_value());
  EXPECT_NE(job.last_error.find("test: ticket refused"), std::string::npos);
  EXPECT_EQ(jobs_.dead_count(), 1);

  // Dead, it never runs again, even once the ticket could be saved.
  db_.raw().exec("DROP TRIGGER refuse_ticket");
  run = run_due(job.due_at + kHour);
  EXPECT_TRUE(run.failures.empty());
  EXPECT_EQ(reload(s, failing).climbs, 0);
  EXPECT_EQ(row(kind, payload).attempts, 5);
}

TEST_F(JobSafetyTest, ScheduleOnceKeepsOneUndoneJobPerKindAndPayload) {
  const std::string kind(kTicketAnswerDeadline);
  EXPECT_TRUE(jobs_.schedule_once(kind, "c1", kMonday0900, "7:1"));
  EXPECT_FALSE(jobs_.schedule_once(kind, "c1", kMonday0900 + kHour, "7:1"));  // the same stage
  EXPECT_TRUE(jobs_.schedule_once(kind, "c1", kMonday0900, "7:2"));           // a new stage
  EXPECT_TRUE(jobs_.schedule_once(std::string(kTicketAnswerReminder), "c1", kMonday0900, "7:1"));
  SQLite::Statement count(db_.raw(), "SELECT COUNT(*) FROM jobs WHERE kind = ? AND payload = '7:1'");
  count.bind(1, kind);
  ASSERT_TRUE(count.executeStep());
  EXPECT_EQ(count.getColumn(0).getInt(), 1);

  // Once done, the same kind and payload may be scheduled again (a later window of that stage
  // cannot happen, but a kept row must not block a new chain).
  const std::vector<store::Job> due = jobs_.due(kMonday0900, 10);
  for (const store::Job& job : due)
    jobs_.complete(job.id, kMonday0900);
  EXPECT_TRUE(jobs_.schedule_once(kind, "c1", kMonday0900 + kHour, "7:1"));
}

TEST_F(JobSafetyTest, ATicketGivenTwiceInOneStageKeepsOneDeadline) {
  // Scheduling the window again at the same stage (a retried run of the same job) adds nothing.
  const Services s = services();
  store::Ticket ticket = make_ticket(s, "b3u2", "utilities", kMonday0900).ticket;
  const std::string payload = ticket_job_payload(ticket, ticket.stage);
  EXPECT_FALSE(jobs_.schedule_once(std::string(kTicketAnswerDeadline), "c1", kMonday0900 + kHour, payload));
  EXPECT_EQ(row(std::string(kTicketAnswerDeadline), payload).due_at, kMonday0900 + 2 * kHour);
}

}  // namespace
}  // namespace whistle::handlers::testing
