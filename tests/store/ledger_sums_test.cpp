#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <string>

#include "store/attendance.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/statement_trace.hpp"
#include "store/tasks.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

class LedgerSums : public ::testing::Test {
 protected:
  Database db{DatabaseOptions{.path = ":memory:"}};
  LedgerRepository ledger{db};

  void SetUp() override {
    testing::add_small_org(db);
    PeopleRepository people(db);
    for (const char* p : {"generic:a", "generic:b", "generic:c", "generic:u-chen"})
      people.touch(p, "", 0);
  }

  void add(const std::string& person, std::int64_t points, std::int64_t minutes, LedgerKind kind,
           std::optional<std::string> node, std::int64_t at) {
    ledger.append(NewLedgerEntry{.community = "c1",
                                 .person = person,
                                 .points = points,
                                 .minutes = minutes,
                                 .kind = kind,
                                 .node = std::move(node),
                                 .task_id = std::nullopt,
                                 .author = std::nullopt,
                                 .reason = "x",
                                 .at = at});
  }
};

TEST_F(LedgerSums, EarningsLeaveSpendingOutAndBalancesDoNot) {
  add("generic:a", 10, 120, LedgerKind::task, "b3u2", 100);
  add("generic:a", 5, 0, LedgerKind::adjust, "b3u2", 110);
  add("generic:a", -12, 0, LedgerKind::redeem, std::nullopt, 120);
  add("generic:a", 4, 0, LedgerKind::refund, std::nullopt, 130);
  const LedgerRepository::Sums earned = ledger.earned_between("c1", "generic:a", 0, 1000);
  EXPECT_EQ(earned.points, 15);
  EXPECT_EQ(earned.minutes, 120);
  EXPECT_EQ(ledger.balance("c1", "generic:a"), 7);
  EXPECT_EQ(ledger.total_minutes("c1", "generic:a"), 120);
  EXPECT_EQ(ledger.earned_between("c1", "generic:a", 0, 110).points, 10);  // [from, to)
}

// What can rank someone: their gains alone. 8 points for a grid's task and 8 taken off at the
// community's own level sum to 0, yet the grid ranks them (tests/handlers/points_test.cpp).
TEST_F(LedgerSums, GainsLeaveDeductionsOut) {
  add("generic:a", 8, 60, LedgerKind::task, "g1", 100);
  add("generic:a", -8, 0, LedgerKind::adjust, "c1", 110);
  add("generic:a", -12, 0, LedgerKind::redeem, std::nullopt, 120);
  const LedgerRepository::Earned earned = ledger.earned_between("c1", "generic:a", 0, 1000);
  EXPECT_EQ(earned.points, 0);
  EXPECT_EQ(earned.gained, 8);
  EXPECT_EQ(ledger.earned_between("c1", "generic:a", 105, 1000).gained, 0);
}

TEST_F(LedgerSums, ANodesRankingCoversItsSubtreeAndTheMonthOnly) {
  add("generic:a", 10, 60, LedgerKind::task, "b3u2", 100);
  add("generic:b", 20, 60, LedgerKind::task, "b3u1", 100);
  add("generic:c", 30, 60, LedgerKind::task, "g1", 100);     // the grid itself: above the building
  add("generic:a", 50, 0, LedgerKind::adjust, "b3u2", 999);  // another month
  add("generic:b", -5, 0, LedgerKind::redeem, "b3u1", 100);  // spending: no part of a ranking

  const auto building = ledger.earnings_under("b3", 0, 500);
  ASSERT_EQ(building.size(), 2u);
  EXPECT_EQ(building[0].person, "generic:b");
  EXPECT_EQ(building[0].points, 20);
  EXPECT_EQ(building[1].person, "generic:a");
  EXPECT_EQ(building[1].points, 10);

  const auto unit = ledger.earnings_under("b3u2", 0, 500);
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0].person, "generic:a");

  EXPECT_EQ(ledger.earnings_under("c1", 0, 500).size(), 3u);
}

// A unit's rank must not cost the whole community's month: the ranking reads each ranked node's
// rows of the month through ledger_by_node (schema v9).
TEST_F(LedgerSums, ARankingReadsOnlyTheRankedNodesRows) {
  add("generic:a", 10, 60, LedgerKind::task, "b3u2", 100);
  StatementTrace trace(db);
  ASSERT_EQ(ledger.earnings_under("b3u2", 0, 500).size(), 1u);
  ASSERT_EQ(trace.count(), 1u);
  SQLite::Statement explain(db.raw(), "EXPLAIN QUERY PLAN " + trace.statements().front());
  std::string plan;
  while (explain.executeStep())
    plan += explain.getColumn(3).getString() + "\n";
  EXPECT_NE(plan.find("SEARCH l USING INDEX ledger_by_node (node_id=? AND at>? AND at<?)"), std::string::npos)
      << plan;
}

TEST_F(LedgerSums, ATasksEntriesComeBackInChainOrderWithEveryField) {
  Task draft;
  draft.community = "c1";
  draft.node = "b3u2";
  draft.chat = "generic:b3u2";
  draft.creator = "generic:u-chen";
  draft.title = "清理楼道杂物";
  const Task task = TaskRepository(db).create(draft);
  ledger.append(NewLedgerEntry{.community = "c1",
                               .person = "generic:a",
                               .points = 10,
                               .minutes = 90,
                               .kind = LedgerKind::task,
                               .node = "b3u1",
                               .task_id = task.id,
                               .author = "generic:u-chen",
                               .reason = "清理楼道杂物",
                               .at = 5});
  add("generic:a", 1, 0, LedgerKind::adjust, "b3u2", 6);
  const std::vector<LedgerEntry> entries = ledger.of_task(task.id);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].node, "b3u1");
  EXPECT_EQ(entries[0].author, "generic:u-chen");
  EXPECT_EQ(entries[0].minutes, 90);
  EXPECT_EQ(entries[0].prev_hash, std::string(64, '0'));
  EXPECT_EQ(entries[0].kind, LedgerKind::task);
}

TEST_F(LedgerSums, TheNodeOfASignupIsReadBackWhereKnown) {
  Task draft;
  draft.community = "c1";
  draft.node = "b3";
  draft.chat = "generic:b3";
  draft.creator = "generic:u-chen";
  draft.title = "清理楼道杂物";
  const Task task = TaskRepository(db).create(draft);
  SignupRepository(db).put(task.id, "generic:a", SignupState::signed_up, 1);
  AttendanceRepository attendance(db);
  EXPECT_EQ(attendance.reported_node(task.id, "generic:a"), std::nullopt);
  // What report-in writes for a 下发 task answered in a unit's group.
  db.raw().exec("UPDATE signups SET node_id = 'b3u1' WHERE person_id = 'generic:a'");
  EXPECT_EQ(attendance.reported_node(task.id, "generic:a"), "b3u1");
  EXPECT_EQ(attendance.reported_node(task.id, "generic:b"), std::nullopt);  // no signup at all
}

}  // namespace
}  // namespace whistle::store
