#include <gtest/gtest.h>

#include "handlers/points.hpp"
#include "ledger_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using Points = LedgerTest;

TEST(HoursText, ShowsOneDecimalOnlyWhenNeeded) {
  EXPECT_EQ(hours_text(120), "2");
  EXPECT_EQ(hours_text(90), "1.5");
  EXPECT_EQ(hours_text(0), "0");
  EXPECT_EQ(hours_text(20), "0.3");
}

// Two confirmed volunteers in 3号楼2单元: 张三 (10 points, 90 minutes) and 刘阿姨 (10 + 5 points).
class PointsAfterAMonth : public LedgerTest {
 protected:
  void SetUp() override {
    const std::int64_t number = task_with({{"u-zhang", "张三"}, {"u-liu", "刘阿姨"}});
    check_in(number, "u-zhang", kSaturday0900);
    check_out(number, "u-zhang", kSaturday0900 + 90 * 60);
    check_in(number, "u-liu", kSaturday0900);
    check_out(number, "u-liu", kSaturday0900 + 2 * kHour);
    say("b3u2", "u-chen", "陈单元长", read("验收 1"), kSaturday1130);
    say("b3u2", "u-chen", "陈单元长", read("加分 @刘阿姨 5 组织大家"), kSaturday1130);
  }
};

TEST_F(PointsAfterAMonth, OwnPointsShowBalanceMonthHoursAndRank) {
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("我的积分"), kSaturday1130 + 60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-zhang"});
  EXPECT_EQ(
      replies[0].text,
      rendered("points_own", {{"mention", "@张三"},
                              {"balance", "10"},
                              {"month_points", "10"},
                              {"month_hours", "1.5"},
                              {"total_hours", "1.5"},
                              {"rank", rendered("points_rank",
                                                {{"node", "3号楼2单元"}, {"rank", "2"}, {"ranked", "2"}})}}));
}

TEST_F(PointsAfterAMonth, SpendingLowersTheBalanceButNeitherTheMonthNorTheHours) {
  {
    store::Transaction transaction(db_);
    ledger_.append(store::NewLedgerEntry{.community = "c1",
                                         .person = qualified("u-liu"),
                                         .points = -12,
                                         .minutes = 0,
                                         .kind = store::LedgerKind::redeem,
                                         .node = std::nullopt,
                                         .task_id = std::nullopt,
                                         .author = std::nullopt,
                                         .reason = "大米5斤",
                                         .at = kSaturday1130 + 30});
    transaction.commit();
  }
  const std::vector<Reply> replies = say("b3u2", "u-liu", "刘阿姨", read("积分"), kSaturday1130 + 60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(
      replies[0].text,
      rendered("points_own", {{"mention", "@刘阿姨"},
                              {"balance", "3"},
                              {"month_points", "15"},
                              {"month_hours", "2"},
                              {"total_hours", "2"},
                              {"rank", rendered("points_rank",
                                                {{"node", "3号楼2单元"}, {"rank", "1"}, {"ranked", "2"}})}}));
}

TEST_F(PointsAfterAMonth, NextMonthStartsAgainButKeepsTheBalanceAndHours) {
  const std::int64_t december = kSaturday0900 + 4 * 24 * kHour;  // Wednesday 2026-12-02
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("积分", december), december);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text,
            rendered("points_own", {{"mention", "@张三"},
                                    {"balance", "10"},
                                    {"month_points", "0"},
                                    {"month_hours", "0"},
                                    {"total_hours", "1.5"},
                                    {"rank", rendered("points_unranked", {{"node", "3号楼2单元"}})}}));
}

TEST_F(PointsAfterAMonth, SomeoneElsesPointsAreForTheirLeadersOnly) {
  const std::vector<Reply> refused = say("b3u2", "u-liu", "刘阿姨", read("积分 @张三"), kSaturday1130);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_TRUE(contains(refused[0].text, "陈单元长")) << refused[0].text;
  EXPECT_FALSE(contains(refused[0].text, "10分")) << refused[0].text;

  // A leader asking in the group is told in private: the group reads no one's balance.
  const std::vector<Reply> shown = say("b3u2", "u-chen", "陈单元长", read("积分 @张三"), kSaturday1130);
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[0].chat, "generic:b3u2");
  EXPECT_FALSE(contains(shown[0].text, "10分")) << shown[0].text;
  EXPECT_EQ(shown[1].chat, "generic:@u-chen");
  EXPECT_TRUE(contains(shown[1].text, "张三")) << shown[1].text;
  EXPECT_TRUE(contains(shown[1].text,
                       rendered("points_rank", {{"node", "3号楼2单元"}, {"rank", "2"}, {"ranked", "2"}})))
      << shown[1].text;
}

TEST_F(PointsAfterAMonth, InPrivateTheAnswerIsPrivateAndRanksInThePersonsNode) {
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("积分"), kSaturday1130);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:@u-zhang");
  EXPECT_TRUE(contains(replies[0].text,
                       rendered("points_rank", {{"node", "3号楼2单元"}, {"rank", "2"}, {"ranked", "2"}})))
      << replies[0].text;
}

TEST_F(Points, SomeoneWithNoPointsYetIsToldZero) {
  const std::vector<Reply> replies = say("b3u2", "u-he", "何大爷", read("积分"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, rendered("points_unranked", {{"node", "3号楼2单元"}})))
      << replies[0].text;
}

// In private, of someone paid in a group but placed nowhere yet, the refusal read
// "只有本人和及上级的负责人可以查看：。" (an exploratory run, 2026-12-06); in that group it is shown.
TEST_F(Points, InPrivateSomeonePlacedNowhereIsLookedUpInTheirGroup) {
  say("b3u2", "u-chen", "陈单元长", read("加分 @何大爷 5 帮忙搬桌子"));
  const std::vector<Reply> refused = say_privately("u-chen", "陈单元长", read("积分 @何大爷"));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].text,
            rendered("points_no_right_unplaced", {{"mention", "@陈单元长"}, {"name", "何大爷"}}));
  const std::vector<Reply> shown = say("b3u2", "u-chen", "陈单元长", read("积分 @何大爷"));
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[1].chat, "generic:@u-chen");
  EXPECT_TRUE(contains(shown[1].text, "5分")) << shown[1].text;
  EXPECT_FALSE(contains(
      shown[0].text, rendered("points_no_right_unplaced", {{"mention", "@陈单元长"}, {"name", "何大爷"}})));
  // A volunteer is refused plainly, not sent to a group that would refuse him again; the
  // community's own leader sees (a review, 2026-12-06).
  const std::vector<Reply> volunteer = say_privately("u-zhang", "张三", read("积分 @何大爷"));
  ASSERT_EQ(volunteer.size(), 1u);
  EXPECT_EQ(volunteer[0].text, rendered("points_no_right_plain", {{"mention", "@张三"}, {"name", "何大爷"}}));
  const std::vector<Reply> secretary = say_privately("u-wang", "王书记", read("积分 @何大爷"));
  ASSERT_EQ(secretary.size(), 1u);
  EXPECT_TRUE(secretary[0].text.starts_with("@王书记")) << secretary[0].text;
  for (const char* refusal : {"points_no_right_plain", "points_no_right_unplaced"})
    EXPECT_NE(secretary[0].text, rendered(refusal, {{"mention", "@王书记"}, {"name", "何大爷"}})) << refusal;
}

// One's own empty list is "你", not one's name after one's mention (a snow day, 2026-12-07).
TEST_F(Points, NoEntriesOfOnesOwnAreToldAsOnesOwn) {
  const std::vector<Reply> own = say_privately("u-he", "何大爷", read("积分明细"));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].text, rendered("points_entries_none_own", {{"mention", "@何大爷"}, {"name", "何大爷"}}));
}

// "刚才怎么加了5分又扣了" had no answer: 积分明细 lists the latest entries, newest first, in private
// (an exploratory run of corrections, 2026-12-06).
TEST_F(Points, TheEntriesShowWhereThePointsCameFromAndWent) {
  say("b3u2", "u-chen", "陈单元长", read("加分 @何大爷 5 帮忙搬桌子"));
  say("b3u2", "u-chen", "陈单元长", read("扣分 @何大爷 5 加错了"), kMonday0900 + 60);
  const std::vector<Reply> own = say_privately("u-he", "何大爷", read("积分明细"), kMonday0900 + 120);
  ASSERT_EQ(own.size(), 1u);
  const std::string& text = own[0].text;
  const std::size_t minus = text.find("加错了");
  const std::size_t plus = text.find("帮忙搬桌子");
  ASSERT_NE(minus, std::string::npos) << text;
  ASSERT_NE(plus, std::string::npos) << text;
  EXPECT_LT(minus, plus) << text;  // newest first
  // Asked in the group, the list goes in private; a neighbour may not see it.
  const std::vector<Reply> leader =
      say("b3u2", "u-chen", "陈单元长", read("积分记录 @何大爷"), kMonday0900 + 180);
  EXPECT_EQ(chats_of(leader), (std::vector<std::string>{"generic:b3u2", "generic:@u-chen"}));
  EXPECT_TRUE(contains(leader[1].text, "加错了")) << leader[1].text;
  const std::vector<Reply> neighbour =
      say("b3u2", "u-zhang", "张三", read("积分记录 @何大爷"), kMonday0900 + 240);
  ASSERT_EQ(neighbour.size(), 1u);
  EXPECT_FALSE(contains(neighbour[0].text, "加错了")) << neighbour[0].text;
}

// Points earned for the grid's task: 张三 asks 积分 in his unit's group, and is placed first of one
// in the grid's ranking.
class PointsRankedAbove : public LedgerTest {
 protected:
  void expect_zhang_ranked_first_in_the_grid() {
    const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("积分"), kSaturday1130 + 60);
    ASSERT_EQ(replies.size(), 1u);
    EXPECT_TRUE(
        contains(replies[0].text,
                 rendered("points_ranked_above",
                          {{"node", "3号楼2单元"}, {"where", "第一网格"}, {"rank", "1"}, {"ranked", "1"}})))
        << replies[0].text;
  }
};

TEST_F(PointsRankedAbove, PointsEarnedForAGridsTaskRankInTheGridWhenAskedInTheUnit) {
  say("g1", "u-li", "李网格长", read("加分 @张三 8 网格巡查"), kSaturday1130);
  expect_zhang_ranked_first_in_the_grid();
}

// Taken off at the community's own level, outside the grid, 8 points leave the month's sum at 0;
// the grid still ranks the 8 earned there. Only someone with no gain at all ranks nowhere.
TEST_F(PointsRankedAbove, PointsTakenOffElsewhereLeaveAGainRankedWhereItWasEarned) {
  say("g1", "u-li", "李网格长", read("加分 @张三 8 网格巡查"), kSaturday1130);
  say("c1", "u-wang", "王书记", read("扣分 @张三 8 活动缺席"), kSaturday1130 + 30);
  expect_zhang_ranked_first_in_the_grid();
}

TEST(LocalMonth, IsTheCalendarMonthInTheCommunitysTimeZone) {
  // 2026-11-30 16:30 UTC is already 2026-12-01 00:30 in Shanghai.
  config::Config config = config::demo_config();
  config::Templates templates = config::Templates::builtin("zh-CN");
  store::Database db(store::DatabaseOptions{.path = ":memory:"});
  store::OrgRepository org(db);
  store::PeopleRepository people(db);
  store::TaskRepository tasks(db);
  store::SignupRepository signups(db);
  store::Jobs jobs(db);
  store::AttendanceRepository attendance(db);
  store::LedgerRepository ledger(db);
  store::RewardRepository rewards(db);
  store::RedemptionRepository redemptions(db);
  store::PublicationRepository publications(db);
  store::TicketRepository tickets(db);
  store::ResponderRepository responders(db);
  const Services services{org,     people,      tasks,        signups, jobs,       attendance, ledger,
                          rewards, redemptions, publications, tickets, responders, config,     templates};
  const MonthBounds december = local_month_of(services, 1796056200);
  EXPECT_EQ(december.from, 1796054400);  // 2026-12-01 00:00 +08:00
  EXPECT_EQ(december.to, 1798732800);    // 2027-01-01 00:00 +08:00
}

}  // namespace
}  // namespace whistle::handlers::testing
