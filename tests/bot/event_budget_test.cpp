// The writer's statement budget per event and the hot state (docs/hot_state.md): a report-in runs
// at most four statements of its own, however large its task, and a conversation applied in batches
// with the hot state kept gives the same replies and rows as one with it dropped before every event.
#include "bot/event_processor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "store/database.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/statement_trace.hpp"
#include "store/tasks.hpp"
#include "tests/bot/event_fixture.hpp"

namespace whistle::bot {
namespace {

using test_events::kMonday0900;
using test_events::webhook_event;

// What a batch costs once, whatever its size: BEGIN, the look at other connections' writes, the
// batch's inbox keys read and its rows written, COMMIT.
bool budget_per_batch(const std::string& sql) {
  return sql == "BEGIN IMMEDIATE" || sql == "COMMIT" || sql == "PRAGMA data_version" ||
         sql.starts_with("SELECT key, digest, answer") || sql.starts_with("INSERT INTO inbox");
}

class EventBudget : public ::testing::Test {
 protected:
  // Applies a batch that must be applied whole; records the statements it ran.
  void run(const std::vector<InboundEvent>& batch) {
    store::StatementTrace trace(db_);
    for (const EventOutcome& outcome : processor_.apply(batch))
      EXPECT_EQ(outcome.status, EventOutcome::Status::applied);
    statements_ = trace.statements();
  }
  std::size_t total() const { return statements_.size(); }
  std::size_t per_event() const {
    return static_cast<std::size_t>(
        std::count_if(statements_.begin(), statements_.end(),
                      [](const std::string& sql) { return !budget_per_batch(sql); }));
  }
  std::string listed() const {
    std::string list;
    for (const std::string& sql : statements_)
      list += sql + "\n";
    return list;
  }

  // 陈单元长 whistles in b3u2 with few places: most report-ins end on the waitlist.
  void whistle(const std::string& id) {
    run({webhook_event(id, "b3u2", "u-chen", "陈单元长", "吹哨 打扫楼道 5人 周六上午9点 2小时")});
  }

  std::vector<InboundEvent> new_volunteers(const std::string& prefix, int count, int task) {
    std::vector<InboundEvent> batch;
    for (int i = 0; i < count; ++i) {
      const std::string who = prefix + std::to_string(i);
      batch.push_back(
          webhook_event("r-" + who, "b3u2", "u-" + who, "志愿者" + who, "报到 " + std::to_string(task)));
    }
    return batch;
  }

  test_events::DemoWriter writer_;
  store::Database& db_ = writer_.db;
  EventProcessor& processor_ = writer_.processor;
  std::vector<std::string> statements_;
};

TEST_F(EventBudget, ANewVolunteersReportInRunsAtMostFourStatements) {
  whistle("w-1");
  run(new_volunteers("warm", 1, 1));  // the first report-in reads the chat, the task and its signups

  run(new_volunteers("a", 1, 1));
  // Their row, their signup, their role: the rest is answered from memory.
  EXPECT_LE(per_event(), 4u) << listed();
  EXPECT_EQ(per_event(), 3u) << listed();

  // In a batch, the batch's own statements are shared: at most four each, all told.
  run(new_volunteers("b", 10, 1));
  EXPECT_LE(total(), 4u * 10) << listed();
}

TEST_F(EventBudget, AKnownVolunteersReportInRunsAtMostFourStatements) {
  whistle("w-1");
  whistle("w-2");
  run(new_volunteers("a", 1, 1));     // u-a0 is now a known volunteer of b3u2
  run(new_volunteers("warm", 1, 2));  // someone else's report-in read task 2's signups
  run({webhook_event("r-known", "b3u2", "u-a0", "志愿者a0", "报到 2")});
  // Only the signup is written.
  EXPECT_LE(per_event(), 4u) << listed();
  EXPECT_EQ(per_event(), 1u) << listed();
}

TEST_F(EventBudget, AReportInCostsTheSameWithAThousandSignupsOnTheTask) {
  whistle("w-1");
  whistle("w-2");
  {
    // Task 2 has a thousand people signed up or waiting already.
    store::Transaction transaction(db_);
    store::PeopleRepository people(db_);
    store::SignupRepository signups(db_);
    const std::int64_t task = store::TaskRepository(db_).by_number("c1", 2)->id;
    for (int i = 0; i < 1000; ++i) {
      const std::string person = "generic:u-many" + std::to_string(i);
      people.touch(person, "", kMonday0900);
      signups.put(task, person, i < 5 ? store::SignupState::signed_up : store::SignupState::waitlisted,
                  kMonday0900);
    }
    transaction.commit();
  }
  db_.drop_hot_state();
  run(new_volunteers("warm1-", 1, 1));
  run(new_volunteers("warm2-", 1, 2));

  run(new_volunteers("small", 1, 1));
  const std::size_t small = per_event();
  run(new_volunteers("large", 1, 2));
  EXPECT_EQ(per_event(), small) << listed();
  EXPECT_LE(per_event(), 4u) << listed();
}

TEST_F(EventBudget, AFailingEventFallsBackToOneSavepointPerEventAndMemoryFollowsTheDisk) {
  whistle("w-1");
  // The hook fails the second event after its handler wrote: the batch is applied again one by one.
  int calls = 0;
  EventProcessor failing(db_, writer_.dispatcher, writer_.templates, writer_.config,
                         EventProcessorOptions{.after_handling = [&calls](const handlers::Message& message) {
                           ++calls;
                           if (message.sender == "generic:u-b1") throw std::runtime_error("injected failure");
                         }});
  const std::vector<EventOutcome> outcomes = failing.apply(new_volunteers("b", 3, 1));
  EXPECT_EQ(outcomes[0].status, EventOutcome::Status::applied);
  EXPECT_EQ(outcomes[1].status, EventOutcome::Status::failed);
  EXPECT_EQ(outcomes[2].status, EventOutcome::Status::applied);
  EXPECT_EQ(calls, 2 + 3);  // together up to the failure, then one by one

  const std::int64_t task = store::TaskRepository(db_).by_number("c1", 1)->id;
  store::SignupRepository signups(db_);
  const int in_memory = signups.count(task, store::SignupState::signed_up);
  const bool b1_in_memory = signups.find(task, "generic:u-b1").has_value();
  db_.drop_hot_state();
  EXPECT_EQ(signups.count(task, store::SignupState::signed_up), in_memory);
  EXPECT_EQ(in_memory, 2);
  EXPECT_FALSE(b1_in_memory);
  EXPECT_FALSE(signups.find(task, "generic:u-b1"));
}

TEST_F(EventBudget, TheSameEventTwiceInOneBatchIsAnsweredTheSameAndAppliedOnce) {
  whistle("w-1");
  const InboundEvent once = webhook_event("r-twice", "b3u2", "u-twice", "两次", "报到 1");
  InboundEvent other = webhook_event("r-twice", "b3u2", "u-twice", "两次", "报到 2");
  const std::vector<EventOutcome> outcomes = processor_.apply(std::vector<InboundEvent>{once, once, other});
  EXPECT_EQ(outcomes[0].status, EventOutcome::Status::applied);
  EXPECT_EQ(outcomes[1].status, EventOutcome::Status::duplicate);
  EXPECT_EQ(outcomes[1].inline_replies, outcomes[0].inline_replies);
  EXPECT_EQ(outcomes[2].status, EventOutcome::Status::conflict);
  // And in a later batch, from the row written at the end of this one.
  const EventOutcome again = processor_.apply(std::vector<InboundEvent>{once}).front();
  EXPECT_EQ(again.status, EventOutcome::Status::duplicate);
  EXPECT_EQ(again.inline_replies, outcomes[0].inline_replies);
}

// The same conversation twice: once as the server runs it (batches, the hot state kept), once with
// the hot state dropped before every event (every read from SQLite). Replies and rows must agree.
struct DifferentialRun : test_events::DemoWriter {
  using DemoWriter::DemoWriter;
  // Every row of every table, sorted, as text.
  std::vector<std::string> rows() {
    std::vector<std::string> all;
    SQLite::Statement tables(db.raw(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
      const std::string table = tables.getColumn(0).getString();
      SQLite::Statement rows(db.raw(), "SELECT * FROM \"" + table + "\"");
      while (rows.executeStep()) {
        std::string row = table;
        for (int i = 0; i < rows.getColumnCount(); ++i) {
          const SQLite::Column column = rows.getColumn(i);
          row += column.isNull() ? "|NULL"
                                 : "|" + std::string(static_cast<const char*>(column.getBlob()),
                                                     static_cast<std::size_t>(column.getBytes()));
        }
        all.push_back(std::move(row));
      }
    }
    std::sort(all.begin(), all.end());
    return all;
  }
};

// Whistles, report-ins to the waitlist, renames, withdrawals that move people up, fewer places,
// a private report-in, a check-in, a ticket, a redemption, a redelivery and a reused id, a
// cancelled task, lists.
// One line of a scripted conversation: where, who (id and display name), what.
struct ScriptLine {
  const char* chat;
  const char* from;
  const char* name;
  const char* text;
};

// The script's lines as webhook events a minute apart, with ids `prefix`0, `prefix`1…
std::vector<InboundEvent> script_events(const std::vector<ScriptLine>& script, const std::string& prefix,
                                        std::int64_t first_at) {
  std::vector<InboundEvent> events;
  for (std::size_t i = 0; i < script.size(); ++i) {
    const ScriptLine& line = script[i];
    events.push_back(webhook_event(prefix + std::to_string(i), line.chat, line.from, line.name, line.text,
                                   first_at + static_cast<std::int64_t>(i) * 60));
  }
  return events;
}

std::vector<InboundEvent> conversation() {
  const std::vector<ScriptLine> script{
      {"b3u2", "u-chen", "陈单元长", "吹哨 打扫楼道 2人 周六上午9点 2小时"},
      {"b3u2", "u-a", "阿甲", "报到"},
      {"b3u2", "u-b", "", "1"},
      {"b3u2", "u-c", "阿丙", "报到 1"},
      {"b3u2", "u-d", "阿丁", "+1"},
      {"b3u2", "u-a", "阿甲", "报到 1"},
      {"b3u2", "u-b", "阿乙", "任务"},
      {"b3u2", "u-a", "阿甲改", "取消 1"},
      {"b3u2", "u-c", "阿丙", "报到 1"},
      {"b3u1", "u-feng", "冯单元长", "吹哨 清理车棚 3人 周六下午2点 2小时"},
      {"b3u1", "u-e", "阿戊", "报到"},
      {"@u-f", "u-f", "阿己", "报到 2"},
      {"b3u2", "u-a", "阿甲", "报到 1"},
      {"b3u2", "u-chen", "陈单元长", "修改 1 人数 1"},
      {"b3u2", "u-d", "阿丁", "我不去了"},
      {"b3u2", "u-b", "阿乙", "积分"},
      {"b3u2", "u-chen", "陈单元长", "吹哨 搬桌子 10人 明天上午10点 1小时"},
      {"b3u2", "u-g", "阿庚", "报到 3"},
      {"b3u2", "u-g", "阿庚", "报到"},
      {"b3u2", "u-chen", "陈单元长", "撤销 3"},
      {"b3u2", "u-g", "阿庚", "报到 3"},
      {"b3u2", "u-j", "阿壬", "报到"},
      {"b3u2", "u-j", "阿壬", "任务"},
      {"b3u2", "u-h", "阿辛", "签到 1"},
      {"b3u2", "u-b", "阿乙", "签到 1"},
      {"b3u1", "u-e", "阿戊", "我不去了"},
      {"b3u1", "u-i", "", "报到 2"},
      {"b3u2", "u-x", "生人", "你好"},
      {"g9", "u-y", "外人", "报到 1"},
      {"b3u2", "u-zhang", "张三", "报事 3号楼2单元楼道灯坏了"},
      {"@u-b", "u-b", "阿乙", "兑换 大米5斤"},
      {"@u-b", "u-b", "阿乙", "核销 123456"},
      {"b3u2", "u-a", "阿甲", "排行"},
  };
  std::vector<InboundEvent> events = script_events(script, "d-", kMonday0900);
  events.push_back(events[3]);  // a redelivery
  InboundEvent reused = events[4];
  reused.message.text = "我不去了";
  reused.digest = event_digest(reused.message);
  events.push_back(reused);  // an id used again for another message
  return events;
}

// Applies `events` in batches of three, as a writer under load takes them; one outcome per event.
std::vector<EventOutcome> apply_in_threes(const std::vector<InboundEvent>& events, DifferentialRun& run) {
  std::vector<EventOutcome> outcomes;
  for (std::size_t start = 0; start < events.size(); start += 3) {
    const std::size_t end = std::min(events.size(), start + 3);
    const std::vector<InboundEvent> batch(events.begin() + static_cast<std::ptrdiff_t>(start),
                                          events.begin() + static_cast<std::ptrdiff_t>(end));
    for (EventOutcome& outcome : run.processor.apply(batch))
      outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

// Applies `events` to `hot` in batches of three with the hot state kept, and to `cold` one at a
// time with it dropped before each; expects the same outcome for each event and the same rows.
// Returns the hot run's outcomes.
std::vector<EventOutcome> expect_hot_equals_cold(const std::vector<InboundEvent>& events,
                                                 DifferentialRun& hot, DifferentialRun& cold) {
  const std::vector<EventOutcome> hot_outcomes = apply_in_threes(events, hot);
  for (std::size_t i = 0; i < events.size(); ++i) {
    cold.db.drop_hot_state();
    const EventOutcome outcome = cold.processor.apply(std::vector<InboundEvent>{events[i]}).front();
    EXPECT_EQ(outcome.status, hot_outcomes[i].status) << i << ": " << events[i].message.text;
    EXPECT_EQ(outcome.inline_replies, hot_outcomes[i].inline_replies) << i << ": " << events[i].message.text;
    EXPECT_EQ(outcome.queued, hot_outcomes[i].queued) << i;
  }
  EXPECT_EQ(hot.rows(), cold.rows());
  return hot_outcomes;
}

// Runs the jobs due hour by hour over `days` from the conversation's start in both runs, the cold
// one with the hot state dropped before each run: reminders, the tasks' ends and their points, the
// report's deadlines, the month's publication. The jobs read and write through the same hot state
// (the pending jobs, tasks, signups): the same messages, failures and rows either way. Returns the
// hot run's totals.
DueJobsOutcome expect_jobs_hot_equals_cold(DifferentialRun& hot, DifferentialRun& cold, int days) {
  DueJobsOutcome total;
  for (std::int64_t now = kMonday0900 + 3600; now <= kMonday0900 + days * 86'400; now += 3600) {
    const DueJobsOutcome kept = hot.processor.run_due_jobs(now);
    cold.db.drop_hot_state();
    const DueJobsOutcome dropped = cold.processor.run_due_jobs(now);
    EXPECT_EQ(kept.queued, dropped.queued) << now;
    EXPECT_EQ(kept.failed, dropped.failed) << now;
    EXPECT_EQ(kept.dead, dropped.dead) << now;
    total.queued += kept.queued;
    total.failed += kept.failed;
    total.dead += kept.dead;
  }
  EXPECT_EQ(hot.rows(), cold.rows());
  return total;
}

constexpr int kWeeksAfter = 40;  // days: past the month's end and its publication

// What people ask once those weeks are over, which reads what the jobs left, from memory or not.
std::vector<InboundEvent> questions_after_the_weeks() {
  return script_events(
      {
          {"b3u2", "u-b", "阿乙", "任务"},
          {"b3u1", "u-e", "阿戊", "任务"},
          {"b3u2", "u-k", "阿癸", "报到 1"},
          {"b3u2", "u-b", "阿乙", "积分"},
          {"b3u2", "u-g", "阿庚", "我的报到"},
          {"b3u2", "u-chen", "陈单元长", "吹哨 浇花 2人 明天上午9点 1小时"},
          {"b3u2", "u-k", "阿癸", "报到"},
          {"b3u2", "u-k", "阿癸", "积分"},
          {"b3u2", "u-b", "阿乙", "任务"},
          // A second task while the first is open, and a report-in right after it (in its batch):
          // which of the two is asked.
          {"b3u2", "u-chen", "陈单元长", "吹哨 擦窗 3人 明天下午3点 1小时"},
          {"b3u2", "u-m", "阿子", "报到"},
          {"b3u2", "u-m", "阿子", "2"},
      },
      "after-", kMonday0900 + kWeeksAfter * 86'400 + 60);
}

TEST(HotStateDifferential, AConversationGivesTheSameRepliesAndRowsWithTheHotStateDroppedBeforeEveryEvent) {
  DifferentialRun hot;
  DifferentialRun cold;
  const std::vector<EventOutcome> hot_outcomes = expect_hot_equals_cold(conversation(), hot, cold);
  // The script reached the waitlist and moved people up (or the comparison would prove little).
  EXPECT_TRUE(std::any_of(hot_outcomes.begin(), hot_outcomes.end(), [](const EventOutcome& outcome) {
    return outcome.status == EventOutcome::Status::duplicate;
  }));
  const DueJobsOutcome weeks = expect_jobs_hot_equals_cold(hot, cold, kWeeksAfter);
  EXPECT_GT(weeks.queued, 0u);  // jobs ran (or the comparison would prove little)
  expect_hot_equals_cold(questions_after_the_weeks(), hot, cold);
}

// A job that fails after it wrote to a table the hot state keeps: the month's publication, refused
// when it schedules the next month's (a trigger both runs create once the conversation is over),
// after it cancelled its own. Its savepoint is undone, which drops the hot state mid-run, and the
// failure is recorded outside it; it is tried again each hour until it is set aside as dead. Then
// the trigger goes, and the first message of the questions after schedules the publication anew.
TEST(HotStateDifferential, AJobThatFailsUntilItIsSetAsideLeavesTheSameRowsAsWithTheHotStateDropped) {
  DifferentialRun hot;
  DifferentialRun cold;
  expect_hot_equals_cold(conversation(), hot, cold);
  for (DifferentialRun* run : {&hot, &cold}) {
    run->db.raw().exec(
        "CREATE TRIGGER refuse_publication_job BEFORE INSERT ON jobs WHEN NEW.kind = 'monthly_publication' "
        "BEGIN SELECT RAISE(ABORT, 'test: no next publication'); END");
  }
  const DueJobsOutcome weeks = expect_jobs_hot_equals_cold(hot, cold, kWeeksAfter);
  EXPECT_GE(weeks.failed, 5u);  // the publication's five attempts (or this would prove little)
  EXPECT_EQ(weeks.dead, 1u);
  for (DifferentialRun* run : {&hot, &cold})
    run->db.raw().exec("DROP TRIGGER refuse_publication_job");
  expect_hot_equals_cold(questions_after_the_weeks(), hot, cold);
  SQLite::Statement waiting(
      hot.db.raw(), "SELECT COUNT(*) FROM jobs WHERE kind = 'monthly_publication' AND done_at IS NULL");
  ASSERT_TRUE(waiting.executeStep());
  EXPECT_EQ(waiting.getColumn(0).getInt(), 1);  // the questions' first message scheduled it again
}

// Parts of the hot state forgotten between batches (at each BEGIN, where trim runs) while the
// others stay, the combinations that dropping all of it never makes: with a bound of zero, each
// part alone at every batch; then small bounds for several, which forget now one part, now
// another. The same replies and rows as with the hot state dropped before every event, through the
// conversation, the weeks and the questions. A whistle that started a list of its chat's open tasks
// when none was held (a list forgotten) would lose the chat's other open tasks; only this test sees
// it, at the questions' second task (tried).
TEST(HotStateDifferential, PartsForgottenPastTinyBoundsLeaveTheSameRepliesAndRows) {
  const store::HotStateBounds roomy_bounds;  // the defaults, which this conversation never reaches
  const auto only = [&](auto member, std::size_t bound) {
    store::HotStateBounds bounds = roomy_bounds;
    bounds.*member = bound;
    return bounds;
  };
  using Bounds = store::HotStateBounds;
  const std::vector<std::pair<const char*, Bounds>> cases{
      {"people", only(&Bounds::people, 0)},
      {"tasks", only(&Bounds::tasks, 0)},
      {"open lists", only(&Bounds::open_listed, 0)},
      {"signups", only(&Bounds::signup_tasks, 0)},
      {"chats", only(&Bounds::chats, 0)},
      {"pending jobs", only(&Bounds::pending_jobs, 0)},
      {"several",
       Bounds{.people = 3, .tasks = 1, .open_listed = 2, .signup_tasks = 2, .chats = 2, .pending_jobs = 1}},
  };

  DifferentialRun roomy;
  std::size_t statements_roomy = 0;
  {
    store::StatementTrace trace(roomy.db);
    apply_in_threes(conversation(), roomy);
    statements_roomy = trace.count();
  }
  for (const auto& [name, bounds] : cases) {
    SCOPED_TRACE(name);
    store::DatabaseOptions options = test_events::in_memory();
    options.hot_state_bounds = bounds;
    DifferentialRun hot({}, options);
    DifferentialRun cold;
    {
      store::StatementTrace trace(hot.db);
      expect_hot_equals_cold(conversation(), hot, cold);
      // The part was forgotten and read again (or the bound was never applied).
      EXPECT_GT(trace.count(), statements_roomy);
    }
    expect_jobs_hot_equals_cold(hot, cold, kWeeksAfter);
    expect_hot_equals_cold(questions_after_the_weeks(), hot, cold);
  }
}

// Events that fail after their handler wrote (a bug, no memory): in batches the batch is rolled
// back and applied again event by event, each in a savepoint, and the failing one's savepoint is
// undone mid-transaction, which drops the hot state while the batch's other writes stay. Event by
// event with the hot state dropped before each, the same events fail: the same answers and rows.
TEST(HotStateDifferential, EventsThatFailMidBatchLeaveTheSameRepliesAndRowsAsEventByEvent) {
  const std::vector<InboundEvent> events = conversation();
  const auto fail_some = [](const handlers::Message& message) {
    const bool fails = (message.sender == "generic:u-c" && message.text == "报到 1") ||
                       message.text == "我不去了" || message.text == "修改 1 人数 1";
    if (fails) throw std::runtime_error("fails after its handler wrote");
  };
  DifferentialRun hot(EventProcessorOptions{.after_handling = fail_some});
  DifferentialRun cold(EventProcessorOptions{.after_handling = fail_some});
  const std::vector<EventOutcome> hot_outcomes = expect_hot_equals_cold(events, hot, cold);
  // The failures happened, in batches with events that did not fail (or this would prove little).
  const auto failed = std::count_if(
      hot_outcomes.begin(), hot_outcomes.end(),
      [](const EventOutcome& outcome) { return outcome.status == EventOutcome::Status::failed; });
  EXPECT_GE(failed, 4);
}

// Every statement of the conversation that reads a row is reset once read: a statement left
// stepping at COMMIT keeps the connection reading past it, and the commit then walks all ~200
// prepared statements to find it (Transaction::commit) — once a batch, that walk cost 4% of the
// writer at half load. Seen from inside COMMIT, through SQLite's statement trace.
TEST(EventPath, NoStatementIsLeftSteppingWhenABatchCommits) {
  struct LeftStepping {
    sqlite3* connection;
    std::set<std::string> found;
    int commits = 0;
  };
  const auto at_commit = [](unsigned type, void* context, void* statement, void* sql) -> int {
    auto& seen = *static_cast<LeftStepping*>(context);
    if (type != SQLITE_TRACE_STMT || std::string(static_cast<const char*>(sql)) != "COMMIT") return 0;
    ++seen.commits;
    for (sqlite3_stmt* other = sqlite3_next_stmt(seen.connection, nullptr); other != nullptr;
         other = sqlite3_next_stmt(seen.connection, other)) {
      if (other != statement && sqlite3_stmt_busy(other) != 0) seen.found.insert(sqlite3_sql(other));
    }
    return 0;
  };
  // The conversation, then a sign-in code (random: not part of the differential run above) and a
  // check-in in its window that is asked for it, help, and a private report of a problem.
  std::vector<InboundEvent> events = conversation();
  const std::int64_t later = kMonday0900 + static_cast<std::int64_t>(events.size()) * 60;
  const std::vector<InboundEvent> more = script_events(
      {
          {"b3u1", "u-feng", "冯单元长", "吹哨 发传单 2人 今天上午10点 1小时"},
          {"b3u1", "u-feng", "冯单元长", "签到码 4"},
          {"b3u1", "u-e", "阿戊", "报到 4"},
          {"b3u1", "u-e", "阿戊", "签到 4"},
          {"b3u2", "u-b", "阿乙", "帮助"},
          {"@u-a", "u-a", "阿甲", "报事 楼下路灯不亮"},
      },
      "more-", later);
  events.insert(events.end(), more.begin(), more.end());
  for (const bool cold : {false, true}) {
    DifferentialRun run;
    LeftStepping seen{run.db.raw().getHandle(), {}};
    sqlite3_trace_v2(seen.connection, SQLITE_TRACE_STMT, at_commit, &seen);
    // Hot, in batches of three; and cold, the hot state dropped before each event, so that the
    // statements that fill it run too.
    const std::size_t size = cold ? 1 : 3;
    for (std::size_t start = 0; start < events.size(); start += size) {
      if (cold) run.db.drop_hot_state();
      const auto end = events.begin() + static_cast<std::ptrdiff_t>(std::min(events.size(), start + size));
      run.processor.apply(
          std::vector<InboundEvent>(events.begin() + static_cast<std::ptrdiff_t>(start), end));
    }
    sqlite3_trace_v2(seen.connection, 0, nullptr, nullptr);
    EXPECT_GE(seen.commits, static_cast<int>(events.size() / size));
    for (const std::string& sql : seen.found)
      ADD_FAILURE() << (cold ? "cold: " : "hot: ") << "left stepping at COMMIT: " << sql;
  }
}

// The tables that grow with every event or person: a statement of the event path that scanned one
// would cost more with every week the bot runs (schema v7 and docs/hot_state.md).
const std::set<std::string> kGrowingTables = {
    "people",      "roles", "signups",     "inbox", "outbox",     "ledger",        "tickets",
    "attendance",  "jobs",  "redemptions", "tasks", "task_posts", "ticket_events", "ticket_attachments",
    "publications"};

// The table behind a name in a plan: the name itself, or the table it aliases in `sql`
// ("FROM roles r", "JOIN people AS p", "FROM tasks t, signups s").
std::string table_named(const std::string& sql, const std::string& name) {
  const std::regex aliased(R"((?:\bFROM|\bJOIN|,)\s+(\w+)\s+(?:AS\s+)?)" + name + R"(\b)", std::regex::icase);
  std::smatch found;
  return std::regex_search(sql, found, aliased) ? found[1].str() : name;
}

TEST(EventPathQueryPlans, NoStatementOfTheConversationScansATableThatGrows) {
  const std::vector<InboundEvent> events = conversation();
  DifferentialRun cold;
  std::set<std::string> statements;
  {
    // Cold, the hot state dropped before each event: every statement that fills it runs too.
    store::StatementTrace trace(cold.db);
    for (const InboundEvent& event : events) {
      cold.db.drop_hot_state();
      cold.processor.apply(std::vector<InboundEvent>{event});
    }
    statements.insert(trace.statements().begin(), trace.statements().end());
  }
  // The statement's own plan: foreign-key checks add scans of the child tables to the plan, but
  // they run only when a parent's key changes or its row is deleted, which this path never does.
  cold.db.raw().exec("PRAGMA foreign_keys = OFF");
  std::size_t explained = 0;
  for (const std::string& sql : statements) {
    if (!(sql.starts_with("SELECT") || sql.starts_with("INSERT") || sql.starts_with("UPDATE") ||
          sql.starts_with("DELETE") || sql.starts_with("WITH")))
      continue;
    ++explained;
    SQLite::Statement explain(cold.db.raw(), "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    std::vector<std::string> scanned;  // "SCAN p USING …" names the table or its alias
    while (explain.executeStep()) {
      const std::string line = explain.getColumn(3).getString();
      plan += "  " + line + "\n";
      if (line.starts_with("SCAN ")) scanned.push_back(line.substr(5, line.find(' ', 5) - 5));
    }
    for (const std::string& name : scanned) {
      const std::string table = table_named(sql, name);
      EXPECT_FALSE(kGrowingTables.contains(table)) << "scans " << table << ":\n" << plan << sql;
    }
  }
  // The holders of a role at a node were asked (the ticket's leaders, the redemption's staff).
  EXPECT_TRUE(std::any_of(statements.begin(), statements.end(), [](const std::string& sql) {
    return sql.find("r.role <> 'volunteer'") != std::string::npos;
  }));
  EXPECT_GT(explained, 20u);
}

}  // namespace
}  // namespace whistle::bot
