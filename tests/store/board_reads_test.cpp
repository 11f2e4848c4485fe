#include <gtest/gtest.h>

#include "store/board_reads.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/people.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

constexpr std::int64_t kFrom = 1000;
constexpr std::int64_t kTo = 2000;

class BoardReadsTest : public ::testing::Test {
 protected:
  BoardReadsTest() { testing::add_small_org(db_); }

  void earn(const std::string& person, const std::string& name, const std::string& node, std::int64_t points,
            std::int64_t at = kFrom + 1, LedgerKind kind = LedgerKind::task) {
    PeopleRepository(db_).touch(person, name, 0);
    NewLedgerEntry entry;
    entry.community = "c1";
    entry.person = person;
    entry.points = points;
    entry.minutes = points * 10;
    entry.kind = kind;
    entry.node = node;
    entry.reason = "test";
    entry.at = at;
    LedgerRepository(db_).append(entry);
  }

  Database db_{DatabaseOptions{.path = ":memory:"}};
};

TEST_F(BoardReadsTest, APageOfTheRankingCarriesTheWholeRankingsTotalAndRanks) {
  earn("generic:a", "甲", "b3u1", 30);
  earn("generic:b", "乙", "b3u2", 20);
  earn("generic:c", "", "b3u1", 10);
  earn("generic:d", "丁", "b3u1", 5);
  const RankingPage second = BoardReads(db_).people("c1", kFrom, kTo, 2, 2);
  EXPECT_EQ(second.total, 4);
  ASSERT_EQ(second.people.size(), 2u);
  EXPECT_EQ(second.people[0].rank, 3);
  EXPECT_EQ(second.people[0].name, "");
  EXPECT_EQ(second.people[0].points, 10);
  EXPECT_EQ(second.people[1].rank, 4);
  EXPECT_EQ(second.people[1].name, "丁");
}

TEST_F(BoardReadsTest, EqualPointsShareARankAsInTheChatAcrossPages) {
  earn("generic:a", "甲", "b3u1", 20);
  earn("generic:b", "乙", "b3u1", 15);
  earn("generic:c", "丙", "b3u2", 15);
  earn("generic:d", "丁", "b3u1", 15);
  earn("generic:e", "戊", "b3u1", 10);
  const RankingPage first = BoardReads(db_).people("c1", kFrom, kTo, 2, 0);
  ASSERT_EQ(first.people.size(), 2u);
  EXPECT_EQ(first.people[0].rank, 1);
  EXPECT_EQ(first.people[1].rank, 2);
  const RankingPage second = BoardReads(db_).people("c1", kFrom, kTo, 2, 2);
  ASSERT_EQ(second.people.size(), 2u);
  EXPECT_EQ(second.people[0].rank, 2);  // page 1's last rank, shared
  EXPECT_EQ(second.people[1].rank, 2);
  EXPECT_EQ(BoardReads(db_).people("c1", kFrom, kTo, 1, 4).people.at(0).rank, 5);
}

TEST_F(BoardReadsTest, TheRankingCountsOnlyTheSubtreeTheMonthAndEarnings) {
  earn("generic:a", "甲", "b3u1", 30);
  earn("generic:b", "乙", "b3u2", 20);
  earn("generic:a", "甲", "b3u1", 7, kTo);                              // next month
  earn("generic:a", "甲", "b3u1", -25, kFrom + 2, LedgerKind::redeem);  // spending
  const RankingPage unit = BoardReads(db_).people("b3u1", kFrom, kTo, 50, 0);
  ASSERT_EQ(unit.people.size(), 1u);
  EXPECT_EQ(unit.total, 1);
  EXPECT_EQ(unit.people[0].name, "甲");
  EXPECT_EQ(unit.people[0].points, 30);
  EXPECT_EQ(unit.people[0].minutes, 300);
}

TEST_F(BoardReadsTest, APagePastTheEndIsEmptyButStillTellsTheTotal) {
  earn("generic:a", "甲", "b3u1", 30);
  const RankingPage page = BoardReads(db_).people("c1", kFrom, kTo, 50, 50);
  EXPECT_TRUE(page.people.empty());
  EXPECT_EQ(page.total, 1);
}

TEST_F(BoardReadsTest, TheLedgerEntriesOfTheMonthComeInChainOrderWithTheirHashes) {
  earn("generic:a", "甲", "b3u1", 30);
  earn("generic:b", "乙", "b3u2", 20);
  earn("generic:a", "甲", "b3u1", 7, kTo);
  const std::vector<LedgerEntry> rows = LedgerRepository(db_).of_month("c1", kFrom, kTo);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].prev_hash, rows[0].hash);
  EXPECT_EQ(rows[0].points, 30);
}

}  // namespace
}  // namespace whistle::store
