// A reply under a WeChat quote, as the bridges deliver it (the quote, a dashed line, the reply): the
// reply is what is read (an exploratory run of how people type, stop 68: every sign-up under a quote
// was silence, and the bot's own post quoted was offered back as a resident's report).

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using QuoteReplies = HandlerTest;

constexpr const char* kDashes = "\n- - - - - - - - - - - - - - -\n";

std::string quoting(const std::string& speaker, const std::string& quoted, const std::string& reply) {
  return "「" + speaker + "：" + quoted + "」" + kDashes + reply;
}

TEST_F(QuoteReplies, ASignUpUnderALeadersQuotedWhistleSignsUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道", 5);
  say("b3u2", "u-zhang", "张三", read(quoting("陈单元长", "吹哨 周六上午9点 清理楼道 5人", "报名")));
  say("b3u2", "u-liu", "刘阿姨", read(quoting("陈单元长", "吹哨 周六上午9点 清理楼道 5人", "+1")));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
  // "回复 陈单元长：报名", "引用 … 的消息 : …\n报名": the shorter forms.
  say("b3u2", "u-he", "何大爷", read("回复 陈单元长：报名"));
  say("b3u2", "u-feng", "冯单元长", read("引用 陈单元长 的消息 : 吹哨 周六上午9点 清理楼道 5人\n报名"));
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-feng"), store::SignupState::signed_up);
}

TEST_F(QuoteReplies, TheBotsOwnPostQuotedNamesTheTaskAnsweredAndNeverBecomesAReport) {
  whistle_in_b3u2("清理楼道", 5);
  const std::int64_t snow = whistle_in_b3u2("扫雪", 5);
  const std::string post =
      "【吹哨#" + std::to_string(snow) + "】扫雪｜12月12日(周六) 09:00｜需5人。回复「报到」参加。";
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read(quoting("吹哨", post, "报到")));
  EXPECT_EQ(signup_state(snow, "u-zhang"), store::SignupState::signed_up);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies.front().chat, "generic:b3u2");
  // Talk under it is no report offered back with the bot's words in it.
  say("b3u2", "u-liu", "刘阿姨", read(quoting("吹哨", post, "这么冷还扫啊")));
  EXPECT_FALSE(tickets_.offer_to("generic:b3u2", "generic:u-liu").has_value());
  EXPECT_FALSE(tickets_.by_number("c1", 1).has_value());
}

// Under the bot's post of a ticket asking for a rating, "1" signed the resident up for the group's task
// #1, and neighbours' laughter under its whistle post got the menu (a review of stop 68).
TEST_F(QuoteReplies, AScoreUnderATicketsPostRatesItAndTalkUnderTheBotsPostIsTheNeighbours) {
  const std::int64_t number = whistle_in_b3u2("清理楼道", 5);
  say("b3u2", "u-zhang", "张三", read("报修 楼道灯坏了"));
  say("b3u2", "u-chen", "陈单元长", read("接单 T1"), kMonday0900 + 60);
  say("b3u2", "u-chen", "陈单元长", read("办结 T1 换了灯泡"), kMonday0900 + kHour);
  const std::int64_t later = kMonday0900 + 2 * kHour;
  say("b3u2", "u-zhang", "张三",
      read(quoting("吹哨", "【工单T1】@张三 你反映的「楼道灯坏了」已办结", "5"), later), later);
  EXPECT_FALSE(signup_state(number, "u-zhang"));
  EXPECT_EQ(tickets_.by_number("c1", 1)->rating, std::optional<int>(5));
  // A bare "1" under it says "received" as often: no score (a second review of stop 68).
  say("b3u2", "u-liu", "刘阿姨", read("报修 单元门坏了"), later);
  say("b3u2", "u-chen", "陈单元长", read("接单 T2"), later + 60);
  say("b3u2", "u-chen", "陈单元长", read("办结 T2 修好了"), later + kHour);
  const std::string asked = "【工单T2】@刘阿姨 你反映的「单元门坏了」已由陈单元长办结";
  say("b3u2", "u-liu", "刘阿姨", read(quoting("吹哨", asked, "1"), later + 2 * kHour), later + 2 * kHour);
  EXPECT_FALSE(tickets_.by_number("c1", 2)->rating.has_value());
  // The words that rate do, under the post of one's own ticket.
  say("b3u2", "u-liu", "刘阿姨", read(quoting("吹哨", asked, "满意满意谢谢"), later + 3 * kHour),
      later + 3 * kHour);
  EXPECT_EQ(tickets_.by_number("c1", 2)->rating, std::optional<int>(5));
  const std::string post = "【吹哨#" + std::to_string(number) + "】清理楼道｜需5人。";
  EXPECT_TRUE(say("b3u2", "u-liu", "刘阿姨", read(quoting("吹哨", post, "哈哈哈"), later), later).empty());
  EXPECT_TRUE(
      say("b3u2", "u-liu", "刘阿姨", read(quoting("吹哨", post, "@张三 你去不去"), later), later).empty());
}

TEST_F(QuoteReplies, ANeighboursDangerQuotedAlarmsOnlyWhenTheReplyBearsItOut) {
  const std::vector<Reply> denied =
      say("b3u2", "u-he", "何大爷", read(quoting("张三", "着火了吗？", "没有 是烧烤")));
  EXPECT_TRUE(denied.empty());
  EXPECT_FALSE(tickets_.by_number("c1", 1).has_value());
  // Said to the bot, a gas smell borne out is the danger: its answer and an urgent ticket.
  say("b3u2", "u-he", "何大爷", read(quoting("刘阿姨", "楼道里有股煤气味", "@吹哨 我也闻到了 很大")));
  const std::optional<store::Ticket> ticket = tickets_.by_number("c1", 1);
  ASSERT_TRUE(ticket.has_value());
  EXPECT_TRUE(ticket->danger);
}

}  // namespace
}  // namespace whistle::handlers::testing
