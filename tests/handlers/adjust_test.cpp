#include <gtest/gtest.h>

#include "handlers/points.hpp"
#include "ledger_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using Adjust = LedgerTest;

// 张三 reports in at 3号楼2单元 and so becomes one of its volunteers: the node his points count for.
class AdjustVolunteer : public LedgerTest {
 protected:
  void SetUp() override { task_with({{"u-zhang", "张三"}, {"u-liu", "刘阿姨"}}); }

  std::int64_t points_under(const std::string& node, const std::string& person) {
    const MonthBounds month = local_month_of(services(), kMonday0900);
    for (const auto& row : ledger_.earnings_under(node, month.from, month.to)) {
      if (row.person == qualified(person)) return row.points;
    }
    return 0;
  }

  // An answer to 陈单元长 that shows how to write an adjustment.
  std::string answer_with_example(std::string_view key) {
    return rendered(key, {{"mention", "@陈单元长"}, {"example", rendered("example_adjust", {})}});
  }
};

TEST_F(AdjustVolunteer, ALeaderAddsPointsWithAReasonAndTheEntrySaysWhoAndWhy) {
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("加分 @张三 5 帮助孤寡老人"));
  EXPECT_EQ(balance("u-zhang"), 5);
  EXPECT_EQ(points_under("b3u2", "u-zhang"), 5);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  // The leader is named in their own confirmation, not @-mentioned (Feishu appended an <at> of them).
  EXPECT_EQ(replies[0].mentions, (std::vector<std::string>{"generic:u-zhang"}));
  EXPECT_TRUE(contains(replies[0].text, "帮助孤寡老人")) << replies[0].text;
}

// WeChat's own order: the person first, then what they get. A text-only bridge sends no ids.
TEST_F(AdjustVolunteer, PeopleMentionedBeforeTheAmountAreTheOnesPaid) {
  say("b3u2", "u-chen", "陈单元长", read("@张三 加2分 垃圾分类督导"));
  EXPECT_EQ(balance("u-zhang"), 2);
  say("b3u2", "u-chen", "陈单元长", read("@张三 @刘阿姨 各加5分 帮忙"));
  EXPECT_EQ(balance("u-zhang"), 7);
  EXPECT_EQ(balance("u-liu"), 5);
}

TEST_F(AdjustVolunteer, APersonTheBotHasNeverSeenIsPaidThroughThePlatformsMention) {
  // 小林 never wrote to the bot: the platform's mention id is all there is. Twice in a row, as a
  // failed first attempt once left the ledger unusable for the next.
  say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @小林 5 帮邻居修水管", {"u-lin"});
  say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @刘阿姨 5 帮邻居修水管", {"u-liu"});
  EXPECT_EQ(balance("u-lin"), 5);
  EXPECT_EQ(balance("u-liu"), 5);
  // Known by no other name, they are shown by the one the leader typed, not "u-lin" (an
  // exploratory run, 2026-12-06: the 公示 listed "u-ma"); 刘阿姨 keeps her own.
  EXPECT_EQ(people_.find(qualified("u-lin"))->name, "小林");
  say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @老刘 1 帮邻居修水管", {"u-liu"});
  EXPECT_EQ(people_.find(qualified("u-liu"))->name, "刘阿姨");
  // Nor a name someone else has: the real 张三 stays the one found by it (a review, 2026-12-06).
  say("b3u2", "u-zhang", "张三", read("大家好"));
  say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @张三 5 帮忙", {"u-z"});
  EXPECT_NE(people_.find(qualified("u-z"))->name, "张三");
  say("b3u2", "u-chen", "陈单元长", read("加分 @张三 2 帮忙"));
  EXPECT_EQ(balance("u-zhang"), 2);
}

// Group nicknames carry the room (an exploratory run of roles changing, 2026-12-06: "加分
// @张三(3-201) 5" wrote +3 with the reason "(-201) 5", and "扣分 @张三（3-201） 2" wrote -3).
TEST_F(AdjustVolunteer, ARoomInTheNicknameIsNeverTheAmount) {
  say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @张三(3-201) 5 帮忙搬东西", {"u-zhang"});
  EXPECT_EQ(balance("u-zhang"), 5);
  say_mentioning("b3u2", "u-chen", "陈单元长", "扣分 @张三（3-201） 2 迟到", {"u-zhang"});
  EXPECT_EQ(balance("u-zhang"), 3);
  say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @张三 3-201 4 帮忙", {"u-zhang"});
  EXPECT_EQ(balance("u-zhang"), 7);
  const std::vector<Reply> asked =
      say_mentioning("b3u2", "u-chen", "陈单元长", "积分 @张三(3-201)", {"u-zhang"});
  bool told_privately = false;
  for (const Reply& reply : asked)
    told_privately = told_privately || (reply.chat == "generic:@u-chen" && contains(reply.text, "7"));
  EXPECT_TRUE(told_privately);
}

// Two 张三 in the community: "没有找到" was wrong; which one is asked (an exploratory run of roles
// changing, 2026-12-06).
TEST_F(AdjustVolunteer, ANameTwoPeopleAnswerToIsAskedAbout) {
  say("b3u2", "u-zhang2", "张三", read("报到 1"));
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("加分 @张三 5 好人好事"));
  EXPECT_EQ(balance("u-zhang"), 0);
  EXPECT_EQ(balance("u-zhang2"), 0);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(
      contains(replies[0].text, rendered("adjust_refused_namesakes", {{"name", "张三"}, {"count", "2"}})))
      << replies[0].text;
  // The platform's mention says which.
  say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @张三 5 好人好事", {"u-zhang2"});
  EXPECT_EQ(balance("u-zhang2"), 5);
}

TEST_F(AdjustVolunteer, ThePlatformsMentionIsPaidNotANamesakeAsWell) {
  // A 小林 has written to the bot; the leader @-mentions another 小林, whom the platform names by
  // id only (a Feishu mention of someone on another platform's namesake once paid both).
  say("b3u2", "u-lin", "小林", read("大家好"));
  say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @小林 5 帮邻居修水管", {"u-lin-2"});
  EXPECT_EQ(balance("u-lin-2"), 5);
  EXPECT_EQ(balance("u-lin"), 0);
}

TEST_F(AdjustVolunteer, APersonNamedOnlyByThePlatformsMentionIsShownByThatName) {
  const std::vector<Reply> replies = say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @张三 5 帮邻居修水管",
                                                    {"u-new"}, kMonday0900, {{"u-new", "张 三"}});
  EXPECT_EQ(balance("u-new"), 5);
  ASSERT_FALSE(replies.empty());
  EXPECT_TRUE(contains(replies[0].text, "张 三")) << replies[0].text;
  EXPECT_FALSE(contains(replies[0].text, "u-new")) << replies[0].text;
}

TEST_F(AdjustVolunteer, AnIdTypedAfterTheAtFindsThePersonOnTheSendersPlatform) {
  // WeCom's AI bot sends neither mentions nor names: the bot shows people by their userid, and
  // leaders @ them by it.
  say("b3u2", "wangwu", "", read("大家好"));
  say("b3u2", "u-chen", "陈单元长", read("加分 @wangwu 5 帮邻居修水管"));
  EXPECT_EQ(balance("wangwu"), 5);
}

TEST_F(AdjustVolunteer, ATypedNameFindsAResidentWhoHasOnlySpokenToTheBot) {
  say("b3u2", "u-lin", "小林", read("大家好"));
  say("b3u2", "u-chen", "陈单元长", read("加分 @小林 5 帮邻居修水管"));
  EXPECT_EQ(balance("u-lin"), 5);
}

TEST_F(AdjustVolunteer, AReasonIsRequired) {
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("加分 @张三 5"));
  EXPECT_EQ(balance("u-zhang"), 0);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, answer_with_example("adjust_reason_missing"));
}

// Read as 5, "加分 @张三 -5" did the opposite of what was written; a sign that agrees is taken.
TEST_F(AdjustVolunteer, ASignAgainstTheCommandWordIsNoAmountAndTheLeaderIsAskedForOne) {
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("加分 @张三 -5 测试"));
  EXPECT_EQ(balance("u-zhang"), 0);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, answer_with_example("adjust_points_missing"));
  say("b3u2", "u-chen", "陈单元长", read("加分 @张三 +5 帮忙"));
  EXPECT_EQ(balance("u-zhang"), 5);
  say("b3u2", "u-chen", "陈单元长", read("扣分 @张三 -3 失约"));
  EXPECT_EQ(balance("u-zhang"), 2);
}

// An amount with nobody @-mentioned is a command all the same: never silence.
TEST_F(AdjustVolunteer, AnAmountForSomeoneNotMentionedIsAnsweredWithWhomToMention) {
  for (const char* line : {"加分 张三 5 帮忙", "加分 @所有人 5 大家辛苦了"}) {
    const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read(line));
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].text, answer_with_example("adjust_who")) << line;
  }
  EXPECT_EQ(balance("u-zhang"), 0);
}

TEST_F(AdjustVolunteer, ADeductionNeverTakesABalanceBelowZero) {
  say("b3u2", "u-chen", "陈单元长", read("加分 @张三 5 帮助孤寡老人"));
  const std::vector<Reply> refused = say("b3u2", "u-chen", "陈单元长", read("扣分 @张三 8 失约"));
  EXPECT_EQ(balance("u-zhang"), 5);
  ASSERT_EQ(refused.size(), 1u);
  // In the group, not how many points 张三 has: that is his own business.
  EXPECT_TRUE(contains(refused[0].text, rendered("adjust_refused_below_zero_group",
                                                 {{"name", "张三"}, {"balance", "5"}, {"points", "8"}})))
      << refused[0].text;
  EXPECT_FALSE(contains(refused[0].text, "5分")) << refused[0].text;
  const std::vector<Reply> done = say("b3u2", "u-chen", "陈单元长", read("加分 @张三 1 帮忙"));
  EXPECT_FALSE(contains(done[0].text, "6")) << done[0].text;
  say("b3u2", "u-chen", "陈单元长", read("扣分 @张三 1 更正"));

  say("b3u2", "u-chen", "陈单元长", read("扣分 @张三 3 失约"));
  EXPECT_EQ(balance("u-zhang"), 2);
}

TEST_F(AdjustVolunteer, OnlyLeadersOfThePersonsNodeOrAboveMayAdjust) {
  const std::vector<Reply> refused = say("b3u1", "u-feng", "冯单元长", read("加分 @张三 5 帮忙"));
  EXPECT_EQ(balance("u-zhang"), 0);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_TRUE(contains(refused[0].text, "陈单元长")) << refused[0].text;

  say("b3u2", "u-liu", "刘阿姨", read("加分 @张三 5 帮忙"));  // a volunteer, no leader
  EXPECT_EQ(balance("u-zhang"), 0);

  say("g1", "u-li", "李网格长", read("加分 @张三 5 帮忙"));  // the grid above
  EXPECT_EQ(balance("u-zhang"), 5);
  EXPECT_EQ(points_under("b3u2", "u-zhang"), 5);  // still his unit's points, though given in the grid
}

TEST_F(AdjustVolunteer, SeveralPeopleInOneLineEachGetIt) {
  say("b3u2", "u-chen", "陈单元长", read("加分 @张三 @刘阿姨 5 楼道大扫除"));
  EXPECT_EQ(balance("u-zhang"), 5);
  EXPECT_EQ(balance("u-liu"), 5);
}

TEST_F(AdjustVolunteer, NobodyAdjustsTheirOwnPoints) {
  say("b3u2", "u-chen", "陈单元长", read("加分 @陈单元长 5 辛苦了"));
  EXPECT_EQ(balance("u-chen"), 0);
}

TEST_F(AdjustVolunteer, InPrivateThePersonIsToldInPrivate) {
  const std::vector<Reply> replies = say_privately("u-chen", "陈单元长", read("加分 @张三 5 帮助孤寡老人"));
  EXPECT_EQ(chats_of(replies), (std::vector<std::string>{"generic:@u-chen", "generic:@u-zhang"}));
  EXPECT_EQ(balance("u-zhang"), 5);
  EXPECT_EQ(points_under("b3u2", "u-zhang"), 5);
}

TEST_F(Adjust, SomeoneWithoutANodeCountsForTheChatsNode) {
  // 何大爷 has never reported in: the platform's mention says who he is.
  say("b3u2", "u-he", "何大爷", read("帮助"));
  say_mentioning("b3u2", "u-chen", "陈单元长", "加分 @何大爷 3 捡到钱包交还", {"u-he"});
  EXPECT_EQ(balance("u-he"), 3);
  const MonthBounds month = local_month_of(services(), kMonday0900);
  const auto rows = ledger_.earnings_under("b3u2", month.from, month.to);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].person, "generic:u-he");
}

TEST_F(Adjust, ANameNobodyAnswersToIsRefusedByName) {
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("加分 @王小二 3 好人好事"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, rendered("adjust_refused_unknown", {{"name", "王小二"}})))
      << replies[0].text;
}

}  // namespace
}  // namespace whistle::handlers::testing

namespace whistle::handlers::testing {
namespace {

// "给张三加5分 帮忙搬东西": a leader types the name as often as they @ it; it was silence (an
// exploratory run of people changing, 2026-12-07). A typed name beside an amount is as often a
// remark, so it is never acted on: the leader is shown the command with the '@' to send, in the group
// and in private alike (reviews and a final read, 2026-12-07).
TEST_F(AdjustVolunteer, ANameTypedWithoutAnAtIsAskedForWithTheAt) {
  for (const bool to_bot : {false, true}) {
    const std::vector<Reply> asked =
        say("b3u2", "u-chen", "陈单元长", read("给张三加5分 帮忙搬东西"), kMonday0900, to_bot);
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_EQ(asked[0].chat, "generic:b3u2");
    EXPECT_EQ(asked[0].mentions, std::vector<std::string>{kChen});
    EXPECT_TRUE(contains(asked[0].text, "加分 @张三 5 帮忙搬东西")) << asked[0].text;
  }
  const std::vector<Reply> in_private = say_privately("u-chen", "陈单元长", read("刘阿姨 扣2分 失约"));
  ASSERT_EQ(in_private.size(), 1u);
  EXPECT_TRUE(contains(in_private[0].text, "扣分 @刘阿姨 2 失约")) << in_private[0].text;
  EXPECT_EQ(balance("u-zhang"), 0);
  // The command shown, sent, is done.
  say("b3u2", "u-chen", "陈单元长", read("加分 @张三 5 帮忙搬东西"));
  EXPECT_EQ(balance("u-zhang"), 5);
}

// A grid's 加分 for work in 1号楼 counted for 3号楼2单元, where 张三 had reported in first (an
// exploratory run of a month's points, 2026-12-07): of several places under the leader, the one
// reported in at last is the one the points count for.
TEST_F(AdjustVolunteer, AnAdjustmentFromAboveCountsWhereThePersonLastReportedIn) {
  say("b1u1", "u-zheng", "郑单元长", read("吹哨 垃圾分类宣传 2人 周六上午9点 2小时 10分"));
  say("b1u1", "u-zhang", "张三", read("报到 2"), kMonday0900 + kHour);
  say("g1", "u-li", "李网格长", read("加分 @张三 8 组织1号楼垃圾分类宣传"), kMonday0900 + 2 * kHour);
  EXPECT_EQ(points_under("b1u1", "u-zhang"), 8);
  EXPECT_EQ(points_under("b3u2", "u-zhang"), 0);
}

// "孩子数学加5分" among neighbours names nobody of the community: a school's points, and chatter; so is
// a resident's "张三加5分" (a suggestion), a leader's typed name of nobody, and one of another unit's
// leader, who may not adjust 张三. Said to the bot, each is answered (a review, 2026-12-07).
TEST_F(AdjustVolunteer, ATypedNameAmongNeighboursIsSilenceUnlessALeaderMayAdjustSomeoneKnown) {
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("孩子数学加5分 考得好")).empty());
  EXPECT_TRUE(say("b3u2", "u-chen", "陈单元长", read("给小明加5分 帮忙")).empty());
  EXPECT_TRUE(say("b3u2", "u-liu", "刘阿姨", read("张三加5分 他天天扫楼道")).empty());
  EXPECT_TRUE(say("b3u2", "u-feng", "冯单元长", read("张三加5分 帮忙搬东西")).empty());
  EXPECT_EQ(balance("u-zhang"), 0);
  const std::vector<Reply> replies = say_privately("u-chen", "陈单元长", read("给小明加5分 帮忙"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{kChen});
}

// A remark or a question about points is no order: each of these moved points in a first draft.
TEST_F(AdjustVolunteer, ARemarkAboutATypedNamesPointsMovesNone) {
  say("b3u2", "u-chen", "陈单元长", read("加分 @刘阿姨 10 帮忙"));
  for (const char* line :
       {"刘阿姨扣3分？不至于吧", "张三加5分了吗？", "刘阿姨扣5分不合适吧", "张三加10分也行",
        "何大爷加5分，张三加3分", "迟到扣2分，大家注意", "@张三 加5分了吗？", "刘阿姨扣3分我不同意",
        "张三加5分的事明天再说", "张三加5分，刚才已经加过了", "刘阿姨扣3分 撤回 搞错了"}) {
    say("b3u2", "u-chen", "陈单元长", read(line), kMonday0900, true);
    EXPECT_EQ(balance("u-zhang"), 0) << line;
    EXPECT_EQ(balance("u-liu"), 10) << line;
  }
}

}  // namespace
}  // namespace whistle::handlers::testing

namespace whistle::handlers::testing {
namespace {

// A reason's own words further on are no remark: a first draft's check of the whole reason left
// these unpaid and unanswered (a final read, 2026-12-07).
TEST_F(AdjustVolunteer, AReasonsWordsFurtherOnAreNoRemark) {
  say("b3u2", "u-chen", "陈单元长", read("@张三 加5分 已经连续三周来打扫楼道"));
  say("b3u2", "u-chen", "陈单元长", read("@刘阿姨 加10分 帮何大爷扛米上楼，不要报酬"));
  EXPECT_EQ(balance("u-zhang"), 5);
  EXPECT_EQ(balance("u-liu"), 10);
  say("b3u2", "u-chen", "陈单元长", read("@张三 扣3分 不按时到场"));
  EXPECT_EQ(balance("u-zhang"), 2);
  // Two people's amounts in one line pay nobody, and the leader is told to send one a line (a
  // recheck, 2026-12-07: silence; before this stop the first amount went to both).
  const std::vector<Reply> two =
      say("b3u2", "u-chen", "陈单元长", read("@张三 加5分 帮忙扫雪 @刘阿姨 加3分 帮忙递工具"));
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].mentions, std::vector<std::string>{kChen});
  EXPECT_EQ(balance("u-zhang"), 2);
  EXPECT_EQ(balance("u-liu"), 10);
  // "怎么扣了6分啊 我就压了一下线" among neighbours is a driving licence's.
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("怎么扣了6分啊 我就压了一下线")).empty());
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("码忘了")).empty());
}

}  // namespace
}  // namespace whistle::handlers::testing
