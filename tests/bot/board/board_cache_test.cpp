// The board's in-memory month sums (BoardCache) against the SQL that sums the same month from
// scratch (RankingRepository, BoardReads, LedgerRepository::digest): built once, then brought up to
// date with the entries appended since, they must agree on every figure.
#include "bot/board/board_cache.hpp"

#include <gtest/gtest.h>

#include "bot/cli/report_writer.hpp"
#include "store/attendance.hpp"
#include "store/board_reads.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/people.hpp"
#include "store/rankings.hpp"
#include "store/tasks.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::bot::board {
namespace {

constexpr int kCacheTestOffset = 8 * 3600;
const handlers::RankingMonth kThisMonth = handlers::ranking_month({2026, 10}, kCacheTestOffset);
const handlers::RankingMonth kLastMonth = handlers::ranking_month({2026, 9}, kCacheTestOffset);
const std::int64_t kMidThisMonth = kThisMonth.from + 14 * 86400;
const std::int64_t kMidLastMonth = kLastMonth.from + 14 * 86400;

class BoardMonthSums : public ::testing::Test {
 protected:
  BoardMonthSums() {
    store::testing::add_small_org(db_);
    org_.upsert_node({"g2", "c1", 1, "c1", "第二网格"});
    org_.upsert_node({"c2", "c2", 0, "", "别的社区"});
    people_.touch("generic:leader", "陈单元长", 0);
    task_ = task_at("b3u2");
  }

  std::int64_t task_at(const std::string& node) {
    store::Task task;
    task.community = "c1";
    task.node = node;
    task.chat = "generic:" + node;
    task.creator = "generic:leader";
    task.title = "清理楼道";
    task.start = kThisMonth.from + 86400;
    task.created_at = kThisMonth.from;
    return store::TaskRepository(db_).create(task).id;
  }

  void earn(const std::string& person, std::int64_t points, std::int64_t minutes,
            const std::optional<std::string>& node, std::int64_t at = kMidThisMonth,
            store::LedgerKind kind = store::LedgerKind::adjust, const std::string& community = "c1") {
    // Every person is named after their id, so a ranking's order shows in its names.
    people_.touch("generic:" + person, person, 0);
    ledger_.append(store::NewLedgerEntry{.community = community,
                                         .person = "generic:" + person,
                                         .points = points,
                                         .minutes = minutes,
                                         .kind = kind,
                                         .node = node,
                                         .reason = "测试",
                                         .at = at});
  }

  // What handlers/attendance_pay.cpp does in one transaction: the task's entry, then the settlement.
  void work(const std::string& person, const std::optional<std::string>& node, std::int64_t at,
            store::AttendanceOutcome outcome = store::AttendanceOutcome::confirmed) {
    people_.touch("generic:" + person, person, 0);
    ledger_.append(store::NewLedgerEntry{.community = "c1",
                                         .person = "generic:" + person,
                                         .points = 10,
                                         .minutes = 120,
                                         .kind = store::LedgerKind::task,
                                         .node = node.value_or("b3u2"),
                                         .task_id = task_,
                                         .reason = "清理楼道",
                                         .at = at});
    attendance_.settle(task_, "generic:" + person, "c1", node, outcome, "generic:leader", 120, at);
  }

  // Every figure the cache gives for the node's month, against the SQL's.
  void expect_equal(const std::string& node_id, const handlers::RankingMonth& month) {
    SCOPED_TRACE(node_id + " " + month.label());
    const store::OrgNode node = *org_.node(node_id);
    const BoardRanking cached = cache_.ranking(db_, node, month, 0, 1000);

    const std::vector<store::PersonStanding> people = rankings_.people(node_id, month.from, month.to);
    const store::RankingPage ranks = store::BoardReads(db_).people(node_id, month.from, month.to, -1, 0);
    ASSERT_EQ(cached.total, static_cast<std::int64_t>(people.size()));
    ASSERT_EQ(cached.people.size(), people.size());
    ASSERT_EQ(ranks.people.size(), people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
      EXPECT_EQ(cached.people[i].name, people[i].name) << i;
      EXPECT_EQ(cached.people[i].points, people[i].points) << i;
      EXPECT_EQ(cached.people[i].minutes, people[i].minutes) << i;
      EXPECT_EQ(cached.people[i].rank, ranks.people[i].rank) << i;
    }
    // A page in the middle.
    const BoardRanking page = cache_.ranking(db_, node, month, 2, 3);
    const store::RankingPage sql_page = store::BoardReads(db_).people(node_id, month.from, month.to, 3, 2);
    EXPECT_EQ(page.total, sql_page.total);
    ASSERT_EQ(page.people.size(), sql_page.people.size());
    for (std::size_t i = 0; i < page.people.size(); ++i) {
      EXPECT_EQ(page.people[i].name, sql_page.people[i].name);
      EXPECT_EQ(page.people[i].rank, sql_page.people[i].rank);
    }

    std::vector<store::NodeStanding> children = rankings_.children(node_id, month.from, month.to);
    sort_children_for_ranking(children);
    ASSERT_EQ(cached.children.size(), children.size());
    for (std::size_t i = 0; i < children.size(); ++i) {
      EXPECT_EQ(cached.children[i].node, children[i].node);
      EXPECT_EQ(cached.children[i].name, children[i].name);
      EXPECT_EQ(cached.children[i].points, children[i].points) << children[i].node;
      EXPECT_EQ(cached.children[i].minutes, children[i].minutes) << children[i].node;
      EXPECT_EQ(cached.children[i].active, children[i].active) << children[i].node;
    }

    const store::NodeStanding whole = rankings_.whole(node_id, month.from, month.to);
    EXPECT_EQ(cached.whole.node, node_id);
    EXPECT_EQ(cached.whole.points, whole.points);
    EXPECT_EQ(cached.whole.minutes, whole.minutes);
    EXPECT_EQ(cached.whole.active, whole.active);
  }

  void expect_everything_equal() {
    for (const char* node : {"c1", "g1", "g2", "b3", "b3u1", "b3u2", "c2"}) {
      expect_equal(node, kThisMonth);
      expect_equal(node, kLastMonth);
    }
    for (const char* community : {"c1", "c2"}) {
      const store::LedgerDigest sql = ledger_.digest(community);
      const store::LedgerDigest cached = cache_.digest(db_, community);
      EXPECT_EQ(cached.hash, sql.hash) << community;
      EXPECT_EQ(cached.entries, sql.entries) << community;
    }
  }

  store::Database db_{store::DatabaseOptions{.path = ":memory:"}};
  store::OrgRepository org_{db_};
  store::PeopleRepository people_{db_};
  store::LedgerRepository ledger_{db_};
  store::AttendanceRepository attendance_{db_};
  store::RankingRepository rankings_{db_};
  std::int64_t task_ = 0;
  BoardCache cache_;
};

TEST_F(BoardMonthSums, TheMonthBroughtUpToDateEntryByEntryEqualsTheMonthSummedAgain) {
  earn("a", 30, 60, "b3u1");
  earn("b", 20, 0, "b3u2");
  earn("c", 20, 30, "g1");
  earn("d", 15, 0, "g2");
  earn("e", 5, 0, "c1");
  earn("f", 7, 0, std::nullopt);  // no node: the community's as a whole
  earn("a", -40, 0, "b3u1", kMidThisMonth, store::LedgerKind::redeem);
  earn("g", 9, 0, "b3u1", kMidLastMonth);
  work("h", "b3u2", kMidThisMonth);
  work("i", std::nullopt, kMidThisMonth, store::AttendanceOutcome::vouched);  // active at the task's node
  expect_everything_equal();

  // Appended after the cache read the months: it must follow every one of them.
  earn("b", 15, 0, "b3u2");                                                  // b overtakes a
  earn("j", 1, 0, "b3u1");                                                   // someone new
  earn("c", 0, 0, "b3u1");                                                   // zero: ranked here now
  earn("a", 35, 0, "b3u1", kMidThisMonth, store::LedgerKind::refund);        // spending's refund
  earn("d", -50, 0, "b3u2", kMidThisMonth, store::LedgerKind::redeem);       // a redemption
  earn("k", 12, 0, std::nullopt);                                            // no node
  earn("g", 4, 0, "b3u2", kMidLastMonth);                                    // dated last month
  earn("e", 3, 0, "b3u2", kThisMonth.to);                                    // dated next month
  earn("a", 99, 0, "b3u1", kMidThisMonth, store::LedgerKind::adjust, "c2");  // another community
  earn("l", 8, 0, "c2", kMidThisMonth, store::LedgerKind::adjust, "c2");     // c2's own
  earn("b", -6, 0, "b3u2");                                                  // a deduction
  work("m", "b3u1", kMidThisMonth);                                          // active, below g1
  work("n", "g2", kMidLastMonth);                                            // active last month
  people_.touch("generic:o", "o", 0);
  attendance_.settle(task_, "generic:o", "c1", "b3u2", store::AttendanceOutcome::no_show, std::nullopt, 0,
                     kMidThisMonth);                                    // a no-show is not active
  work("o", "b3u2", kMidThisMonth, store::AttendanceOutcome::vouched);  // until a leader vouches
  expect_everything_equal();
}

// 不予确认 after a pay (handlers/attendance_pay.cpp's take_back_pay): a correcting task entry and
// the row settled refused, in one transaction. The person's only task this month: no longer active.
TEST_F(BoardMonthSums, APayTakenBackLeavesTheMonthAsIfSummedAgain) {
  work("h", "b3u2", kMidThisMonth);
  work("i", "b3u1", kMidThisMonth);
  expect_everything_equal();

  ledger_.append(store::NewLedgerEntry{.community = "c1",
                                       .person = "generic:h",
                                       .points = -10,
                                       .minutes = -120,
                                       .kind = store::LedgerKind::task,
                                       .node = "b3u2",
                                       .task_id = task_,
                                       .reason = "撤销确认",
                                       .at = kMidThisMonth});
  attendance_.settle(task_, "generic:h", "c1", "b3u2", store::AttendanceOutcome::refused, "generic:leader",
                     std::nullopt, kMidThisMonth + 60);
  earn("j", 3, 0, "b3u1");  // and an entry after it, in the same catching up
  expect_everything_equal();
  EXPECT_EQ(cache_.ranking(db_, *org_.node("c1"), kThisMonth, 0, 100).whole.active, 1);
}

TEST_F(BoardMonthSums, EqualPointsShareARankAcrossPages) {
  earn("a", 20, 0, "b3u1");
  for (const char* person : {"b", "c", "d", "e"})
    earn(person, 15, 0, "b3u1");
  earn("f", 10, 0, "b3u1");
  const store::OrgNode c1 = *org_.node("c1");
  const BoardRanking first = cache_.ranking(db_, c1, kThisMonth, 0, 3);
  ASSERT_EQ(first.people.size(), 3u);
  EXPECT_EQ(first.people[0].rank, 1);
  EXPECT_EQ(first.people[1].rank, 2);
  EXPECT_EQ(first.people[2].rank, 2);
  const BoardRanking second = cache_.ranking(db_, c1, kThisMonth, 3, 3);
  ASSERT_EQ(second.people.size(), 3u);
  EXPECT_EQ(second.people[0].rank, 2);  // shares page 1's last rank
  EXPECT_EQ(second.people[1].rank, 2);
  EXPECT_EQ(second.people[2].rank, 6);
  earn("f", 5, 0, "b3u2");  // f reaches 15: five people share rank 2
  EXPECT_EQ(cache_.ranking(db_, c1, kThisMonth, 5, 1).people.at(0).rank, 2);
  expect_equal("c1", kThisMonth);
}

TEST_F(BoardMonthSums, ANodeMovedInTheOrgTreeHasItsFiguresSummedForItsNewPlace) {
  earn("a", 30, 0, "b3u1");
  earn("b", 20, 0, "b3u2");
  expect_equal("g1", kThisMonth);
  org_.upsert_node({"b3", "c1", 2, "g2", "3号楼"});
  expect_equal("g1", kThisMonth);
  expect_equal("g2", kThisMonth);
  expect_equal("c1", kThisMonth);
}

}  // namespace
}  // namespace whistle::bot::board
