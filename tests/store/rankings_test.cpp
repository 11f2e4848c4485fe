#include "store/rankings.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <tuple>

#include "store/attendance.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/month_records.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "store_test_support.hpp"

namespace whistle::store {
namespace {

using testing::kNovember;
using testing::kOctober;
constexpr std::int64_t kMidOctober = 1792029600;

class Standings : public ::testing::Test {
 protected:
  Standings() {
    testing::add_small_org(db);
    org.upsert_node({"g2", "c1", 1, "c1", "第二网格"});
    for (const char* id : {"generic:zhang", "generic:liu", "generic:he", "generic:chen"})
      people.touch(id, "", 0);
    people.touch("generic:zhang", "张三", 0);
    people.touch("generic:liu", "刘阿姨", 0);
  }

  void earn(const std::string& person, std::int64_t points, std::int64_t minutes, const std::string& node,
            std::int64_t at, LedgerKind kind = LedgerKind::task) {
    NewLedgerEntry entry;
    entry.community = "c1";
    entry.person = person;
    entry.points = points;
    entry.minutes = minutes;
    entry.kind = kind;
    if (!node.empty()) entry.node = node;
    entry.reason = "test";
    entry.at = at;
    ledger.append(entry);
  }

  std::int64_t task_in(const std::string& node, std::optional<std::int64_t> start) {
    Task task;
    task.community = "c1";
    task.node = node;
    task.chat = "generic:" + node;
    task.creator = "generic:chen";
    task.title = "清理楼道";
    task.start = start;
    task.created_at = kOctober - 10 * 86400;
    return tasks.create(task).id;
  }

  Database db{DatabaseOptions{.path = ":memory:"}};
  OrgRepository org{db};
  PeopleRepository people{db};
  TaskRepository tasks{db};
  SignupRepository signups{db};
  AttendanceRepository attendance{db};
  LedgerRepository ledger{db};
  RankingRepository rankings{db};
};

TEST_F(Standings, PeopleAreRankedByWhatTheyEarnedInTheSubtreeThatMonth) {
  earn("generic:zhang", 10, 120, "b3u2", kMidOctober);
  earn("generic:liu", 20, 60, "b3u1", kMidOctober);
  earn("generic:liu", 5, 0, "b3u1", kMidOctober, LedgerKind::adjust);
  earn("generic:he", 50, 0, "g2", kMidOctober);                      // another grid
  earn("generic:zhang", 30, 0, "b3u2", kNovember);                   // the next month
  earn("generic:zhang", 7, 0, "b3u2", kOctober - 1);                 // the month before, by a second
  earn("generic:liu", -25, 0, "", kMidOctober, LedgerKind::redeem);  // spending is no ranking

  const std::vector<PersonStanding> b3 = rankings.people("b3", kOctober, kNovember);
  ASSERT_EQ(b3.size(), 2u);
  EXPECT_EQ(b3[0].person, "generic:liu");
  EXPECT_EQ(b3[0].name, "刘阿姨");
  EXPECT_EQ(b3[0].points, 25);
  EXPECT_EQ(b3[1].person, "generic:zhang");
  EXPECT_EQ(b3[1].points, 10);
  EXPECT_EQ(b3[1].minutes, 120);

  const std::vector<PersonStanding> unit = rankings.people("b3u2", kOctober, kNovember);
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0].person, "generic:zhang");

  EXPECT_EQ(rankings.people("c1", kOctober, kNovember).size(), 3u);
}

TEST_F(Standings, AnEntryWithoutANodeCountsOnlyForTheCommunity) {
  earn("generic:he", 8, 0, "", kMidOctober, LedgerKind::adjust);
  EXPECT_EQ(rankings.people("c1", kOctober, kNovember).size(), 1u);
  EXPECT_TRUE(rankings.people("g1", kOctober, kNovember).empty());
}

TEST_F(Standings, ChildrenSumTheirSubtreesAndCountActiveVolunteers) {
  const std::int64_t task = task_in("b3u2", kMidOctober);
  earn("generic:zhang", 10, 120, "b3u2", kMidOctober);
  earn("generic:liu", 10, 120, "b3u2", kMidOctober);
  earn("generic:he", 15, 60, "g2", kMidOctober, LedgerKind::adjust);
  attendance.settle(task, "generic:zhang", "c1", "b3u2", AttendanceOutcome::confirmed, "generic:chen", 120,
                    kMidOctober);
  attendance.settle(task, "generic:liu", "c1", std::nullopt, AttendanceOutcome::vouched, "generic:chen", 120,
                    kMidOctober);  // no node of its own: the task's
  attendance.settle(task, "generic:he", "c1", "b3u2", AttendanceOutcome::refused, "generic:chen", 0,
                    kMidOctober);

  const std::vector<NodeStanding> grids = rankings.children("c1", kOctober, kNovember);
  ASSERT_EQ(grids.size(), 2u);
  EXPECT_EQ(grids[0].node, "g1");
  EXPECT_EQ(grids[0].points, 20);
  EXPECT_EQ(grids[0].minutes, 240);
  EXPECT_EQ(grids[0].active, 2);
  EXPECT_EQ(grids[1].node, "g2");
  EXPECT_EQ(grids[1].points, 15);
  EXPECT_EQ(grids[1].active, 0) << "an adjustment makes no one active";

  const std::vector<NodeStanding> units = rankings.children("b3", kOctober, kNovember);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].node, "b3u1");
  EXPECT_EQ(units[0].points, 0);
  EXPECT_EQ(units[1].active, 2);

  const NodeStanding whole = rankings.whole("g1", kOctober, kNovember);
  EXPECT_EQ(whole.points, 20);
  EXPECT_EQ(whole.active, 2);
  EXPECT_EQ(rankings.whole("g1", kNovember, kNovember + 30 * 86400).active, 0);
}

TEST_F(Standings, ParticipationCountsSignupsOfTasksStartingInTheMonth) {
  const std::int64_t october = task_in("b3u2", kMidOctober);
  const std::int64_t november = task_in("b3u2", kNovember + 3600);
  for (const char* person : {"generic:zhang", "generic:liu", "generic:he"})
    signups.put(october, person, SignupState::signed_up, kOctober);
  signups.put(october, "generic:chen", SignupState::waitlisted, kOctober);
  signups.put(november, "generic:zhang", SignupState::signed_up, kOctober);
  attendance.settle(october, "generic:zhang", "c1", "b3u2", AttendanceOutcome::confirmed, "generic:chen", 60,
                    kMidOctober);
  attendance.settle(october, "generic:liu", "c1", "b3u2", AttendanceOutcome::no_show, std::nullopt, 0,
                    kMidOctober);

  const Participation b3 = rankings.participation("b3", kOctober, kNovember);
  EXPECT_EQ(b3.signed_up, 3);
  EXPECT_EQ(b3.confirmed, 1);
  EXPECT_EQ(b3.no_shows, 1);
  EXPECT_EQ(rankings.participation("b3u1", kOctober, kNovember).signed_up, 0);
  EXPECT_EQ(rankings.participation("c1", kNovember, kNovember + 30 * 86400).signed_up, 1);
}

TEST_F(Standings, AConfirmationDatedAfterTheMonthLeavesItsParticipationAsPublished) {
  Task task;
  task.community = "c1";
  task.node = "b3u2";
  task.chat = "generic:b3u2";
  task.creator = "generic:chen";
  task.title = "消防检查";
  task.start = kMidOctober;
  task.end = kMidOctober + 3 * 3600;
  task.created_at = kOctober;
  const std::int64_t id = tasks.create(task).id;
  signups.put(id, "generic:zhang", SignupState::signed_up, kOctober);
  signups.put(id, "generic:liu", SignupState::signed_up, kOctober);
  // 张三's dated at the task's end; 刘阿姨's confirmed on 2 November, after October's 公示, dated then.
  attendance.settle(id, "generic:zhang", "c1", "b3u2", AttendanceOutcome::confirmed, "generic:chen", 180,
                    *task.end);
  attendance.settle(id, "generic:liu", "c1", "b3u2", AttendanceOutcome::confirmed, "generic:chen", 180,
                    kNovember + 86400);
  const Participation october = rankings.participation("b3u2", kOctober, kNovember);
  EXPECT_EQ(october.signed_up, 2);
  EXPECT_EQ(october.confirmed, 1);
}

TEST_F(Standings, TheMonthIsReadThroughTheIndexes) {
  // The queries' month filters must be index ranges, not scans of every row ever written.
  auto plan = [&](const std::string& sql) {
    SQLite::Statement s(db.raw(), "EXPLAIN QUERY PLAN " + sql);
    std::string text;
    while (s.executeStep())
      text += s.getColumn(3).getString() + "\n";
    return text;
  };
  EXPECT_NE(
      plan("SELECT * FROM ledger WHERE community_id = 'c1' AND at >= 1 AND at < 2").find("ledger_by_month"),
      std::string::npos);
  EXPECT_NE(
      plan("SELECT * FROM attendance WHERE community_id = 'c1' AND confirmed_at >= 1 AND confirmed_at < 2")
          .find("attendance_by_month"),
      std::string::npos);
  EXPECT_NE(
      plan("SELECT * FROM tasks t WHERE t.community_id = 'c1' AND COALESCE(t.start_at, t.created_at) >= 1 "
           "AND COALESCE(t.start_at, t.created_at) < 2")
          .find("tasks_by_month"),
      std::string::npos);
}

TEST_F(Standings, TheMonthsRecordsListEntriesAndTheSubtreesRedemptions) {
  const std::int64_t task = task_in("b3u2", kMidOctober);
  NewLedgerEntry entry;
  entry.community = "c1";
  entry.person = "generic:zhang";
  entry.points = 10;
  entry.node = "b3u2";
  entry.task_id = task;
  entry.reason = "清理楼道";
  entry.at = kMidOctober;
  ledger.append(entry);
  earn("generic:liu", -30, 0, "", kMidOctober + 60, LedgerKind::redeem);
  // 刘's points counted in 3号楼2单元, 何's in 1号楼1单元; 王 only leads, so his has no node.
  for (const auto& [person, node, code] :
       {std::tuple{"liu", "'b3u2'", "K7Q2"}, std::tuple{"he", "'b1u1'", "K7Q3"},
        std::tuple{"wang", "NULL", "K7Q4"}}) {
    db.raw().exec(
        std::string("INSERT OR IGNORE INTO people (id, name, created_at, updated_at) VALUES ('generic:") +
        person + "', '', 0, 0)");
    db.raw().exec(
        std::string("INSERT INTO redemptions (community_id, person_id, reward_id, quantity, points, code, "
                    "status, created_at, expires_at, node_id) VALUES ('c1', 'generic:") +
        person + "', 'soap', 1, 30, '" + code + "', 'pending', " + std::to_string(kMidOctober + 60) + ", " +
        std::to_string(kMidOctober + 86400) + ", " + node + ")");
  }

  MonthRecords records(db);
  const std::vector<LedgerLine> all = records.ledger("c1", kOctober, kNovember);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].task_number, 1);
  EXPECT_EQ(all[0].name, "张三");
  EXPECT_EQ(all[1].kind, "redeem");
  EXPECT_EQ(records.ledger("b3", kOctober, kNovember).size(), 1u)
      << "spending has no node below the community";

  // Below the community, a section lists the redemptions of its subtree, not other units' residents.
  const std::vector<RedemptionLine> redeemed = records.redemptions("b3u2", kOctober, kNovember);
  ASSERT_EQ(redeemed.size(), 1u);
  EXPECT_EQ(redeemed[0].person, "generic:liu");
  EXPECT_EQ(redeemed[0].reward, "soap") << "a reward the catalog does not hold shows its id";
  EXPECT_EQ(redeemed[0].status, "pending");
  EXPECT_EQ(records.redemptions("b3", kOctober, kNovember).size(), 1u);
  EXPECT_EQ(records.redemptions("c1", kOctober, kNovember).size(), 3u);
  EXPECT_TRUE(records.redemptions("c1", kNovember, kNovember + 86400).empty());
}

}  // namespace
}  // namespace whistle::store
