// A leader's call for neighbours said to the bot without 吹哨 ("@吹哨 下雪了 大家出来扫雪"): a leftover
// of stop 67 found it met 没看懂 with 活动 and 撤销 suggested.

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using WhistleOffer = HandlerTest;

TEST_F(WhistleOffer, ALeadersCallForNeighboursIsOfferedAndAYesWithATimeAndCountWhistlesIt) {
  const std::vector<Reply> offered =
      say("b3", "u-qian", "钱楼栋长", read("@吹哨 下雪了 大家出来扫雪"), kMonday0900, true);
  ASSERT_EQ(offered.size(), 1u);
  EXPECT_EQ(offered[0].text,
            rendered("whistle_offer", {{"text", "下雪了 大家出来扫雪"}, {"mention", "@钱楼栋长"}}));
  EXPECT_FALSE(tasks_.by_number("c1", 1).has_value());

  say("b3", "u-qian", "钱楼栋长", read("@吹哨 是 下午2点 10人", kMonday0900 + 60), kMonday0900 + 60, true);
  const store::Task task = this->task(1);
  EXPECT_EQ(task.node, "b3");
  EXPECT_EQ(task.places, 10);
  EXPECT_NE(task.title.find("扫雪"), std::string::npos);
  ASSERT_TRUE(task.start.has_value());
  EXPECT_EQ(*task.start, kMonday0900 + 5 * kHour);
  // The volunteers answer it as any whistle.
  say("b3", "u-zhang", "张三", read("报名", kMonday0900 + 120), kMonday0900 + 120);
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::signed_up);
}

TEST_F(WhistleOffer, AnUnaddressedOkIsTheLeadersTalkAndANoLetsTheOfferGo) {
  say("b3u2", "u-chen", "陈单元长", read("@吹哨 招募志愿者 周六 清理小广告"), kMonday0900, true);
  EXPECT_TRUE(say("b3u2", "u-chen", "陈单元长", read("好的", kMonday0900 + 60), kMonday0900 + 60).empty());
  EXPECT_FALSE(tasks_.by_number("c1", 1).has_value());
  const std::vector<Reply> no =
      say("b3u2", "u-chen", "陈单元长", read("@吹哨 不用了", kMonday0900 + 120), kMonday0900 + 120, true);
  ASSERT_EQ(no.size(), 1u);
  EXPECT_EQ(no[0].text, rendered("whistle_offer_declined", {{"mention", "@陈单元长"}}));
  say("b3u2", "u-chen", "陈单元长", read("@吹哨 是", kMonday0900 + 180), kMonday0900 + 180, true);
  EXPECT_FALSE(tasks_.by_number("c1", 1).has_value());
}

TEST_F(WhistleOffer, AHedgeAfterTheOfferPostsNothing) {
  say("b3u2", "u-chen", "陈单元长", read("@吹哨 明天上午大家一起清理楼道杂物"), kMonday0900, true);
  for (const char* line : {"@吹哨 嗯 等会儿", "@吹哨 是 不过要先问问书记"})
    say("b3u2", "u-chen", "陈单元长", read(line, kMonday0900 + 60), kMonday0900 + 60, true);
  EXPECT_FALSE(tasks_.by_number("c1", 1).has_value());
  // The offer stands for a plain yes.
  say("b3u2", "u-chen", "陈单元长", read("@吹哨 是", kMonday0900 + 120), kMonday0900 + 120, true);
  EXPECT_TRUE(tasks_.by_number("c1", 1).has_value());
}

TEST_F(WhistleOffer, AResidentsCallAWarningOrThanksIsNoWhistleOffered) {
  std::int64_t at = kMonday0900;
  const auto offered = [&](const char* chat, const char* sender, const char* name, const char* line) {
    at += kHour;
    const std::vector<Reply> replies = say(chat, sender, name, read(line, at), at, true);
    const std::optional<store::ReportOffer> kept =
        tickets_.offer_to(std::string("generic:") + chat, std::string("generic:") + sender);
    return kept && kept->kind == "whistle_offer";
  };
  EXPECT_FALSE(offered("b3u2", "u-zhang", "张三", "@吹哨 大家一起清理楼道吧"));
  for (const char* line : {"@吹哨 大家注意路滑 别出来了", "@吹哨 谢谢大家帮忙", "@吹哨 大家一起扫完了",
                           "@吹哨 明天大家一起清理楼道吗"})
    EXPECT_FALSE(offered("b3u2", "u-chen", "陈单元长", line)) << line;
  // A leader of the place above calls this group's people too.
  EXPECT_TRUE(offered("b3u2", "u-qian", "钱楼栋长", "@吹哨 明天上午大家一起清理楼道"));
}

}  // namespace
}  // namespace whistle::handlers::testing
