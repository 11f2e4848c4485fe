// 排行 and 公示 in the demo community, with ledger entries written as the confirmation work will.
#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"
#include "handlers/publication_jobs.hpp"

namespace whistle::handlers::testing {
namespace {

// 2026-10-15 10:00 and 2026-11-10 10:00 in Asia/Shanghai.
constexpr std::int64_t kMidOctober = 1792029600;
constexpr std::int64_t kMidNovember = kMidOctober + 26 * 86400;

class Ranking : public HandlerTest {
 protected:
  void earn(const std::string& person, std::int64_t points, std::int64_t minutes, const std::string& node,
            std::int64_t at) {
    store::Transaction transaction(db_);
    people_.touch(qualified(person), "", at);
    store::NewLedgerEntry entry;
    entry.community = "c1";
    entry.person = qualified(person);
    entry.points = points;
    entry.minutes = minutes;
    entry.node = node;
    entry.reason = "测试";
    entry.at = at;
    ledger_.append(entry);
    transaction.commit();
  }

  // Attendance confirmed at a task of `node`, which makes the person an active volunteer there.
  void confirm_at(const std::string& person, const std::string& node, std::int64_t at) {
    store::Transaction transaction(db_);
    store::Task task;
    task.community = "c1";
    task.node = node;
    task.chat = qualified(node);
    task.creator = qualified("u-chen");
    task.title = "清理楼道";
    task.start = at;
    task.created_at = at;
    const store::Task created = tasks_.create(task);
    attendance_.settle(created.id, qualified(person), "c1", node, store::AttendanceOutcome::confirmed,
                       qualified("u-chen"), 60, at);
    transaction.commit();
  }

  std::string person_line(int rank, const std::string& name, int points, const std::string& hours) {
    return rendered("ranking_person", {{"rank", std::to_string(rank)},
                                       {"name", name},
                                       {"points", std::to_string(points)},
                                       {"hours", hours}});
  }

  static bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }
};

TEST_F(Ranking, AUnitGroupSeesItsOwnPeopleOfThisMonth) {
  earn("u-zhang", 10, 120, "b3u2", kMidNovember);
  earn("u-liu", 20, 60, "b3u1", kMidNovember);
  earn("u-he", 5, 0, "b3u2", kMidOctober);

  const std::vector<Reply> replies = say("b3u2", "u-he", "何大爷", read("排行"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_TRUE(replies[0].mentions.empty()) << "display names only";
  const std::string& text = replies[0].text;
  EXPECT_EQ(
      text.rfind(rendered("ranking_header", {{"node", "3号楼2单元"}, {"month", "2026年11月"}, {"part", ""}}),
                 0),
      0u)
      << text;
  EXPECT_TRUE(contains(text, person_line(1, "张三", 10, "2.0"))) << text;
  EXPECT_FALSE(contains(text, "刘阿姨")) << "another unit";
  EXPECT_FALSE(contains(text, "何大爷")) << "another month";
}

// "我排第几", "我上个月排第几名啊？": the list alone left the asker to find their name in it, and the
// second was 没看懂 (an exploratory run of a month's points, 2026-12-07).
TEST_F(Ranking, AskedAboutOneselfTheAnswerStartsWithTheAskersPlace) {
  earn("u-zhang", 10, 120, "b3u2", kMidNovember);
  earn("u-liu", 20, 60, "b3u2", kMidNovember);
  const std::vector<Reply> mine =
      say("b3u2", "u-zhang", "张三", read("我排第几", kMidNovember), kMidNovember);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].text.rfind(
                rendered("ranking_own_place",
                         {{"mention", "@张三"}, {"node", "3号楼2单元"}, {"rank", "2"}, {"points", "10"}}),
                0),
            0u)
      << mine[0].text;
  const std::vector<Reply> none = say("b3u2", "u-he", "何大爷", read("我排第几", kMidNovember), kMidNovember);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].text.rfind(
                rendered("ranking_own_unranked", {{"mention", "@何大爷"}, {"node", "3号楼2单元"}}), 0),
            0u)
      << none[0].text;
  // Last month's, asked with the speaker first.
  const Command last = read("我上个月排第几名啊？", kMidNovember + 30 * 86400);
  EXPECT_EQ(last.intent, Intent::ranking);
  ASSERT_TRUE(last.month);
  EXPECT_EQ(last.month->month, 11);
  // Asked of the list, no line of one's own.
  const std::vector<Reply> list = say("b3u2", "u-he", "何大爷", read("排行", kMidNovember), kMidNovember);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_FALSE(contains(list[0].text,
                        rendered("ranking_own_unranked", {{"mention", "@何大爷"}, {"node", "3号楼2单元"}})));
}

// "我们单元排第几" (an exploratory run of a month's points, 2026-12-07: silence): the asker's own
// group among its neighbours under the level above, that level's ranking after it.
TEST_F(Ranking, AGroupAskedAboutAsOursIsPlacedAmongItsNeighbours) {
  earn("u-zhang", 10, 60, "b3u2", kMidNovember);
  confirm_at("u-zhang", "b3u2", kMidNovember);
  earn("u-liu", 6, 60, "b3u1", kMidNovember);
  earn("u-he", 4, 60, "b3u1", kMidNovember);
  confirm_at("u-liu", "b3u1", kMidNovember);
  confirm_at("u-he", "b3u1", kMidNovember);

  const std::vector<Reply> unit =
      say("b3u1", "u-feng", "冯单元长", read("我们单元排第几", kMidNovember), kMidNovember);
  ASSERT_FALSE(unit.empty());
  EXPECT_EQ(unit[0].chat, "generic:b3u1");
  // Per active volunteer, 3号楼1单元's 5.0 is second to 2单元's 10.0; by its total it is second too.
  EXPECT_TRUE(
      contains(unit[0].text, rendered("ranking_group_place", {{"name", "3号楼1单元"},
                                                              {"parent", "3号楼"},
                                                              {"count", "2"},
                                                              {"level", rendered("ranking_level_unit", {})},
                                                              {"rank", "2"},
                                                              {"average", "5.0"},
                                                              {"active", "2"},
                                                              {"points", "10"},
                                                              {"total_rank", "1"}})))
      << unit[0].text;
  EXPECT_TRUE(contains(
      unit[0].text, rendered("ranking_header", {{"node", "3号楼"}, {"month", "2026年11月"}, {"part", ""}})))
      << "the building's comparison follows: " << unit[0].text;

  // "咱们楼" in private: the asker's building (a building's leader's own) among the grid's buildings.
  const std::vector<Reply> building =
      say_privately("u-qian", "钱楼栋长", read("咱们楼第几名", kMidNovember), kMidNovember);
  ASSERT_FALSE(building.empty());
  EXPECT_TRUE(
      contains(building[0].text,
               rendered("ranking_header", {{"node", "第一网格"}, {"month", "2026年11月"}, {"part", ""}})))
      << building[0].text;

  // A unit with nothing earned is not "first" among idle ones.
  const std::vector<Reply> idle =
      say("b1u1", "u-zheng", "郑单元长", read("我们单元排第几", kMidNovember), kMidNovember);
  ASSERT_FALSE(idle.empty());
  EXPECT_EQ(
      idle[0].text.rfind(rendered("ranking_group_unranked", {{"name", "1号楼1单元"},
                                                             {"parent", "1号楼"},
                                                             {"level", rendered("ranking_level_unit", {})}}),
                         0),
      0u)
      << idle[0].text;
}

// "排行 3号楼" (an exploratory run of a campaign, 2026-12-06: silence): the place named, as its own
// group reads it.
TEST_F(Ranking, APlaceNamedGivesThatPlacesRanking) {
  earn("u-zhang", 10, 120, "b3u2", kMidNovember);
  earn("u-liu", 20, 60, "b3u1", kMidNovember);
  const std::vector<Reply> replies = say("b3u2", "u-he", "何大爷", read("排行 3号楼"));
  ASSERT_EQ(replies.size(), 1u);
  const std::string& text = replies[0].text;
  EXPECT_EQ(
      text.rfind(rendered("ranking_header", {{"node", "3号楼"}, {"month", "2026年11月"}, {"part", ""}}), 0),
      0u)
      << text;
  EXPECT_TRUE(contains(text, "刘阿姨")) << "3号楼1单元 is in 3号楼";
}

// "哪个单元最积极" in the building's group (the same run: silence): its ranking, which compares units.
TEST_F(Ranking, AskingWhichLevelIsMostActiveGivesTheGroupsRanking) {
  earn("u-zhang", 10, 120, "b3u2", kMidNovember);
  const std::vector<Reply> replies = say("b3", "u-qian", "钱楼栋长", read("哪个单元最积极"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text.rfind(
                rendered("ranking_header", {{"node", "3号楼"}, {"month", "2026年11月"}, {"part", ""}}), 0),
            0u)
      << replies[0].text;
}

TEST_F(Ranking, HoursAreRoundedHalfUpAsTheBoardShowsThem) {
  earn("u-zhang", 10, 75, "b3u2", kMidNovember);  // 1.25 hours
  earn("u-liu", 5, 105, "b3u2", kMidNovember);    // 1.75 hours
  const std::vector<Reply> replies = say("b3u2", "u-he", "何大爷", read("排行"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, person_line(1, "张三", 10, "1.3"))) << replies[0].text;
  EXPECT_TRUE(contains(replies[0].text, person_line(2, "刘阿姨", 5, "1.8"))) << replies[0].text;
  EXPECT_TRUE(contains(replies[0].text,
                       rendered("ranking_total", {{"points", "15"}, {"hours", "3.0"}, {"active", "0"}})))
      << replies[0].text;
}

TEST_F(Ranking, AMonthThatNetsToADeductionIsNoPlaceOnTheList) {
  // Last month's 40 corrected by -30 this month: not first place with -30, as 积分 agrees.
  earn("u-zhang", -30, 0, "b3u2", kMidNovember);
  earn("u-he", 5, 60, "b3u2", kMidNovember);
  const std::vector<Reply> replies = say("b3u2", "u-he", "何大爷", read("排行"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, person_line(1, "何大爷", 5, "1.0"))) << replies[0].text;
  EXPECT_FALSE(contains(replies[0].text, "张三")) << replies[0].text;
}

TEST_F(Ranking, LastMonthAndANamedMonthAreRead) {
  earn("u-he", 5, 0, "b3u2", kMidOctober);
  for (const char* line : {"排行 上月", "排行 2026-10", "排行 10月"}) {
    const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read(line));
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_TRUE(contains(replies[0].text, "2026年10月")) << line << ": " << replies[0].text;
    EXPECT_TRUE(contains(replies[0].text, person_line(1, "何大爷", 5, "0.0")))
        << line << ": " << replies[0].text;
  }
}

// "楼栋排名" in a unit's group is the building's (a review, 2026-12-06: the unit's came back).
TEST_F(Ranking, ALevelNamedAboveTheGroupsPlaceIsThatLevelsRanking) {
  // The header up to its month: which node the ranking is of.
  const auto header_of = [&](const std::string& node) {
    return rendered("ranking_header", {{"node", node}, {"month", ""}, {"part", ""}});
  };
  const std::vector<Reply> building = say("b3u2", "u-zhang", "张三", read("楼栋排名"));
  ASSERT_EQ(building.size(), 1u);
  EXPECT_TRUE(building[0].text.starts_with(header_of("3号楼"))) << building[0].text;
  const std::vector<Reply> unit = say("b3u2", "u-zhang", "张三", read("单元排名"));
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_TRUE(unit[0].text.starts_with(header_of("3号楼2单元"))) << unit[0].text;
  const std::vector<Reply> community = say("b3u2", "u-zhang", "张三", read("社区排名"));
  ASSERT_EQ(community.size(), 1u);
  EXPECT_TRUE(community[0].text.starts_with(header_of("锦华家园社区"))) << community[0].text;
}

// On the 1st, 排行 showed an empty month and no more (an exploratory run of month end, 2026-12-06).
TEST_F(Ranking, AnEmptyMonthAskedByDefaultSaysWhereLastMonthsIs) {
  earn("u-he", 5, 0, "b3u2", kMidOctober);
  const std::vector<Reply> empty = say("b3u2", "u-zhang", "张三", read("排行"));
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_TRUE(contains(empty[0].text, rendered("ranking_empty_try_last_month", {}))) << empty[0].text;
  // A month named is what was asked for: no pointer.
  const std::vector<Reply> named = say("b3u2", "u-zhang", "张三", read("排行 2026-09"));
  ASSERT_EQ(named.size(), 1u);
  EXPECT_FALSE(contains(named[0].text, rendered("ranking_empty_try_last_month", {}))) << named[0].text;
}

TEST_F(Ranking, AGridComparesItsBuildingsByPointsPerActiveVolunteer) {
  // 3号楼: one active volunteer with 20 points; 1号楼: two with 30 in all. Per head 3号楼 leads,
  // by total 1号楼 does.
  earn("u-zhang", 20, 120, "b3u2", kMidNovember);
  confirm_at("u-zhang", "b3u2", kMidNovember);
  earn("u-liu", 15, 60, "b1u1", kMidNovember);
  earn("u-he", 15, 60, "b1", kMidNovember);
  confirm_at("u-liu", "b1u1", kMidNovember);
  confirm_at("u-he", "b1", kMidNovember);

  const std::vector<Reply> replies = say("g1", "u-zhang", "张三", read("排行"));
  ASSERT_EQ(replies.size(), 1u);
  const std::string& text = replies[0].text;
  const std::string b3 = rendered("ranking_child", {{"rank", "1"},
                                                    {"name", "3号楼"},
                                                    {"average", "20.0"},
                                                    {"active", "1"},
                                                    {"points", "20"},
                                                    {"hours", "2.0"},
                                                    {"total_rank", "2"}});
  const std::string b1 = rendered("ranking_child", {{"rank", "2"},
                                                    {"name", "1号楼"},
                                                    {"average", "15.0"},
                                                    {"active", "2"},
                                                    {"points", "30"},
                                                    {"hours", "2.0"},
                                                    {"total_rank", "1"}});
  EXPECT_TRUE(contains(text, b3)) << text;
  EXPECT_TRUE(contains(text, b1)) << text;
  EXPECT_TRUE(contains(
      text, rendered("ranking_children_title", {{"level", rendered("ranking_level_building", {})}})));
  EXPECT_TRUE(
      contains(text, rendered("ranking_total", {{"points", "50"}, {"hours", "4.0"}, {"active", "3"}})))
      << text;
}

TEST_F(Ranking, InPrivateThePersonsCommunityIsRanked) {
  earn("u-liu", 20, 60, "b3u1", kMidNovember);
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("排行"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:@u-zhang");
  EXPECT_TRUE(contains(replies[0].text, "锦华家园社区")) << replies[0].text;
  EXPECT_TRUE(contains(replies[0].text, person_line(1, "刘阿姨", 20, "1.0"))) << replies[0].text;
}

// As 统计 and 工单 answer a leader in private for the place they lead.
TEST_F(Ranking, InPrivateALeaderOfOnePlaceIsAnsweredForIt) {
  earn("u-liu", 20, 60, "b3u1", kMidNovember);
  earn("u-he", 30, 60, "b5u1", kMidNovember);
  const std::vector<Reply> replies = say_privately("u-li", "李网格长", read("排行"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, "第一网格")) << replies[0].text;
  EXPECT_TRUE(contains(replies[0].text, "刘阿姨")) << replies[0].text;
  EXPECT_FALSE(contains(replies[0].text, "何大爷")) << replies[0].text;
}

TEST_F(Ranking, ALongRankingIsSplitIntoNumberedMessagesAPlatformAccepts) {
  for (int i = 0; i < 120; ++i)
    earn("u-v" + std::to_string(i), 200 - i, 60, "b3u2", kMidNovember);
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("排行"));
  ASSERT_GT(replies.size(), 1u);
  const std::string m = std::to_string(replies.size());
  int people = 0;
  for (std::size_t i = 0; i < replies.size(); ++i) {
    EXPECT_LE(replies[i].text.size(), 2000u);
    EXPECT_EQ(replies[i].chat, "generic:b3u2");
    EXPECT_TRUE(contains(replies[i].text, "2026年11月"));
    EXPECT_TRUE(contains(replies[i].text, rendered("ranking_part", {{"n", std::to_string(i + 1)}, {"m", m}})))
        << replies[i].text;
    people += static_cast<int>(std::count(replies[i].text.begin(), replies[i].text.end(), '\n'));
  }
  EXPECT_GE(people, 120) << "no one is lost between the parts";
}

TEST_F(Ranking, OnlyALeaderMayPostThePublicationAndIsToldWhoMay) {
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("公示"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-zhang"});
  EXPECT_TRUE(contains(replies[0].text, "陈单元长")) << replies[0].text;
  EXPECT_TRUE(publications_.of_node("b3u2").empty());
}

TEST_F(Ranking, ALeaderPostsLastMonthsPublicationWithTheLedgersDigest) {
  earn("u-zhang", 10, 120, "b3u2", kMidOctober);
  const store::LedgerDigest digest = ledger_.digest("c1");

  const std::vector<Reply> replies = say("b3", "u-qian", "钱楼栋长", read("公示"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3");
  EXPECT_TRUE(contains(replies[0].text, "2026年10月")) << replies[0].text;
  EXPECT_TRUE(contains(replies[0].text, digest.hash)) << replies[0].text;

  const std::vector<store::Publication> kept = publications_.of_node("b3");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].month, "2026-10");
  EXPECT_EQ(kept[0].author, "generic:u-qian");
  EXPECT_EQ(kept[0].digest, digest.hash);
  EXPECT_EQ(kept[0].entries, 1);
}

// A bare 公示 of a month with nothing in it (an exploratory run of a snow day, 2026-12-07: an empty
// November went to the community's group while December's work showed nowhere); named, it is posted.
TEST_F(Ranking, ABare公示OfAnEmptyMonthIsNotPosted) {
  const std::vector<Reply> refused = say("b3", "u-qian", "钱楼栋长", read("公示"));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].text,
            rendered("publication_month_empty",
                     {{"mention", "@钱楼栋长"}, {"node", "3号楼"}, {"month", "2026年10月"}}));
  EXPECT_TRUE(publications_.of_node("b3").empty());
  say("b3", "u-qian", "钱楼栋长", read("公示 2026-10"));
  EXPECT_EQ(publications_.of_node("b3").size(), 1u);
}

TEST_F(Ranking, AGridLeaderMayPublishForABuildingButNotAMonthStillRunning) {
  EXPECT_EQ(say("b3", "u-li", "李网格长", read("公示 2026-10")).size(), 1u);
  EXPECT_EQ(publications_.of_node("b3").size(), 1u);

  const std::vector<Reply> refused = say("b3", "u-li", "李网格长", read("公示 本月"));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_TRUE(contains(refused[0].text, rendered("publication_month_open",
                                                 {{"mention", "@李网格长"}, {"month", "2026年11月"}})))
      << refused[0].text;
  EXPECT_EQ(publications_.of_node("b3").size(), 1u);
}

TEST_F(Ranking, APublicationAskedForInPrivateIsPointedToTheGroup) {
  const std::vector<Reply> replies = say_privately("u-chen", "陈单元长", read("公示"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:@u-chen");
  EXPECT_EQ(replies[0].text, rendered("publication_in_group", {{"mention", "@陈单元长"}}));
}

// ---- the 民情日 job --------------------------------------------------------------------------

// 2026-12-01 09:00 and 2027-01-01 09:00 in Asia/Shanghai.
constexpr std::int64_t kDecemberFirst0900 = 1796086800;
constexpr std::int64_t kJanuaryFirst0900 = 1798765200;

TEST_F(Ranking, TheFirstMessageOfACommunitySchedulesThe民情日Publication) {
  EXPECT_FALSE(jobs_.next_due());
  say("b3u2", "u-zhang", "张三", read("排行"));
  EXPECT_TRUE(jobs_.pending(std::string(kMonthlyPublication), "c1"));
  EXPECT_EQ(jobs_.next_due(), kDecemberFirst0900);
  say("b3u2", "u-zhang", "张三", read("排行"));
  EXPECT_TRUE(run_jobs(kDecemberFirst0900 - 1).empty());
}

TEST_F(Ranking, On民情日EveryBoundChatGetsItsOwnNodesPublicationOnce) {
  say("b3u2", "u-zhang", "张三", read("排行"));
  earn("u-zhang", 10, 120, "b3u2", kMidNovember);
  const store::LedgerDigest digest = ledger_.digest("c1");

  const std::vector<Reply> replies = run_jobs(kDecemberFirst0900);
  std::vector<std::string> chats = chats_of(replies);
  std::sort(chats.begin(), chats.end());
  EXPECT_EQ(chats, (std::vector<std::string>{"generic:b1", "generic:b1u1", "generic:b3", "generic:b3u1",
                                             "generic:b3u2", "generic:b5", "generic:b5u1", "generic:c1",
                                             "generic:g1", "generic:g2"}));
  for (const Reply& reply : replies) {
    EXPECT_TRUE(contains(reply.text, "2026年11月")) << reply.text;
    EXPECT_TRUE(contains(reply.text, digest.hash)) << reply.text;
  }
  const auto b3u2 =
      std::find_if(replies.begin(), replies.end(), [](const Reply& r) { return r.chat == "generic:b3u2"; });
  EXPECT_TRUE(contains(b3u2->text, person_line(1, "张三", 10, "2.0"))) << b3u2->text;
  const auto b5 =
      std::find_if(replies.begin(), replies.end(), [](const Reply& r) { return r.chat == "generic:b5"; });
  EXPECT_FALSE(contains(b5->text, "张三")) << "another grid's building";

  const std::vector<store::Publication> kept = publications_.of_node("b3u2");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].month, "2026-11");
  EXPECT_FALSE(kept[0].author);
  EXPECT_EQ(kept[0].digest, digest.hash);

  EXPECT_TRUE(run_jobs(kDecemberFirst0900 + kHour).empty());
  EXPECT_EQ(jobs_.next_due(), kJanuaryFirst0900) << "the next month's is waiting";
}

TEST_F(Ranking, On民情日AGroupALeaderPublishedForThatMorningIsNotPostedTheSameAgain) {
  say("b3u2", "u-zhang", "张三", read("排行"));
  earn("u-zhang", 10, 120, "b3u2", kMidNovember);
  const std::int64_t morning = kDecemberFirst0900 - kHour;
  ASSERT_EQ(say("b3", "u-qian", "钱楼栋长", read("公示", morning), morning).size(), 1u);

  const std::vector<std::string> chats = chats_of(run_jobs(kDecemberFirst0900));
  EXPECT_EQ(std::count(chats.begin(), chats.end(), "generic:b3"), 0) << "the same November, again";
  EXPECT_EQ(std::count(chats.begin(), chats.end(), "generic:b3u2"), 1);
}

TEST_F(Ranking, On民情日AnEntryOfTheNewMonthSinceALeadersPublicationPostsNothingAgain) {
  say("b3u2", "u-zhang", "张三", read("排行"));
  earn("u-zhang", 10, 120, "b3u2", kMidNovember);
  const std::int64_t morning = kDecemberFirst0900 - kHour;
  ASSERT_EQ(say("b3", "u-qian", "钱楼栋长", read("公示", morning), morning).size(), 1u);
  earn("u-zhang", 3, 0, "b3u2", morning + 30 * 60);  // a December 加分: a new digest, November as it was

  const std::vector<std::string> chats = chats_of(run_jobs(kDecemberFirst0900));
  EXPECT_EQ(std::count(chats.begin(), chats.end(), "generic:b3"), 0) << "the same November, again";
  EXPECT_EQ(std::count(chats.begin(), chats.end(), "generic:b3u2"), 1);
}

TEST_F(Ranking, On民情日AGroupPublishedBeforeTheLedgerChangedGetsTheMonthAsItIsNow) {
  say("b3u2", "u-zhang", "张三", read("排行"));
  const std::int64_t morning = kDecemberFirst0900 - kHour;
  say("b3", "u-qian", "钱楼栋长", read("公示", morning), morning);
  earn("u-zhang", 10, 120, "b3u2", kMidNovember);  // a late 验收 booked into November

  const std::vector<std::string> chats = chats_of(run_jobs(kDecemberFirst0900));
  EXPECT_EQ(std::count(chats.begin(), chats.end(), "generic:b3"), 1);
}

TEST_F(Ranking, ARedeliveredPublicationJobPostsNothingTwiceAndLeavesOneJobWaiting) {
  say("b3u2", "u-zhang", "张三", read("排行"));
  ASSERT_FALSE(run_jobs(kDecemberFirst0900).empty());
  {
    // The same job again, as after a crash between the posts and the job's completion.
    store::Transaction transaction(db_);
    jobs_.schedule(std::string(kMonthlyPublication), "c1", kDecemberFirst0900, "c1");
    transaction.commit();
  }
  EXPECT_TRUE(run_jobs(kDecemberFirst0900 + 60).empty());
  EXPECT_EQ(publications_.of_node("c1").size(), 1u);
  EXPECT_EQ(jobs_.due(kJanuaryFirst0900, 10).size(), 1u);
}

TEST_F(Ranking, AJobRunLatePublishesTheMonthItWasMeantFor) {
  say("b3u2", "u-zhang", "张三", read("排行"));
  // The server was down on 民情日 and back on 5 January.
  run_jobs(kJanuaryFirst0900 + 4 * 86400);
  const std::vector<store::Publication> kept = publications_.of_node("c1");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].month, "2026-11");
  EXPECT_EQ(jobs_.next_due(), kJanuaryFirst0900 + 31 * 86400) << "next: 1 February";
}

// A year asked for (an exploratory run of the turn of the year, stop 66: "排行 去年", "年度统计" and
// "今年我一共多少积分" were silence or 没看懂, and a 书记 doing 年终评优 asked month by month). October and
// November add up; a 公示 stays a month's.
TEST_F(Ranking, AYearAddsUpItsMonthsAndIsNeverPublished) {
  earn("u-zhang", 5, 60, "b3u2", kMidOctober);
  earn("u-zhang", 7, 30, "b3u2", kMidNovember);
  const std::vector<Reply> ranking =
      say("b3u2", "u-zhang", "张三", read("排行 今年", kMidNovember), kMidNovember);
  ASSERT_FALSE(ranking.empty());
  EXPECT_TRUE(contains(ranking[0].text, rendered("ranking_year", {{"year", "2026"}}))) << ranking[0].text;
  EXPECT_TRUE(contains(ranking[0].text, person_line(1, "张三", 12, "1.5"))) << ranking[0].text;
  const std::vector<Reply> own =
      say_privately("u-zhang", "张三", read("今年我一共多少积分", kMidNovember), kMidNovember);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_TRUE(contains(
      own[0].text,
      rendered(
          "points_year_own",
          {{"mention", "@张三"}, {"year", "2026"}, {"points", "12"}, {"hours", "1.5"}, {"balance", "12"}})))
      << own[0].text;
  // Someone's year, asked by their leader as 积分 @X is asked (the second review: 没看懂): told in private.
  const std::vector<Reply> theirs =
      say("b3u2", "u-chen", "陈单元长", read("积分 @张三 今年", kMidNovember), kMidNovember);
  const auto in_private = std::find_if(theirs.begin(), theirs.end(),
                                       [](const Reply& reply) { return reply.chat == "generic:@u-chen"; });
  ASSERT_NE(in_private, theirs.end());
  EXPECT_TRUE(contains(in_private->text, "2026")) << in_private->text;
  EXPECT_TRUE(contains(in_private->text, "12")) << in_private->text;  // October's 5 and November's 7
  EXPECT_TRUE(contains(in_private->text, "1.5")) << in_private->text;
  const std::vector<Reply> stats =
      say("c1", "u-wang", "王书记", read("年度统计", kMidNovember), kMidNovember);
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_TRUE(contains(stats[0].text, rendered("ranking_year", {{"year", "2026"}}))) << stats[0].text;
  const std::vector<Reply> publish =
      say("c1", "u-wang", "王书记", read("公示 去年", kMidNovember), kMidNovember);
  ASSERT_EQ(publish.size(), 1u);
  EXPECT_EQ(publish[0].chat, "generic:c1");
  EXPECT_TRUE(publications_.of_node("c1").empty());
}

}  // namespace
}  // namespace whistle::handlers::testing
