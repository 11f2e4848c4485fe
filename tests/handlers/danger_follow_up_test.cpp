// What a resident in danger meets after the first alarm (an exploratory run of emergencies,
// 2026-12-07): the advice for the kind of danger, no second ticket for the same fire, the level above
// told while nobody has taken it, a false alarm taken back, and the bot called by its command word.

#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using DangerFollowUp = HandlerTest;

std::vector<std::string> chats_of(const std::vector<Reply>& replies) {
  std::vector<std::string> chats;
  for (const Reply& reply : replies)
    chats.push_back(reply.chat);
  return chats;
}

bool has_chat(const std::vector<Reply>& replies, const std::string& chat) {
  return std::any_of(replies.begin(), replies.end(), [&](const Reply& reply) { return reply.chat == chat; });
}

TEST_F(DangerFollowUp, TheAdviceFitsTheKindOfDanger) {
  const std::pair<const char*, const char*> said[] = {{"老伴突然喘不上气", "danger_now_medical"},
                                                      {"家里有煤气味", "danger_now_gas"},
                                                      {"楼道里着火了", "danger_now_fire"},
                                                      {"活着没意思 我不想活了", "danger_now_self_harm"},
                                                      {"我老公喝了酒打我", "danger_now_violence"},
                                                      {"我妈有老年痴呆 走丢了", "danger_now_missing"},
                                                      {"电梯卡住了 我妈在里面", "danger_now_trapped"}};
  std::int64_t at = kMonday0900;
  std::int64_t number = 0;
  for (const auto& [line, key] : said) {
    at += 7 * kHour;  // apart, so each is a danger of its own
    const std::vector<Reply> replies = say_privately("u-he", "何大爷", read(line, at), at);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_EQ(replies[0].text, rendered(key, {{"mention", "@何大爷"}})) << line;
    const std::optional<store::Ticket> ticket = tickets_.by_number("c1", ++number);
    ASSERT_TRUE(ticket) << line;
    EXPECT_TRUE(ticket->danger) << line;
  }
}

TEST_F(DangerFollowUp, MoreWordsAboutTheSameFireReachTheLevelAboveNotASecondTicket) {
  say("b3u2", "u-zhang", "张三", read("@吹哨 楼道里冒烟了 好像着火了"), kMonday0900);
  ASSERT_TRUE(tickets_.by_number("c1", 1));

  const std::vector<Reply> again =
      say("b3u2", "u-zhang", "张三", read("@吹哨 烟越来越大了 怎么还没人来", kMonday0900 + 180),
          kMonday0900 + 180);
  EXPECT_FALSE(tickets_.by_number("c1", 2)) << "the same fire, not a second ticket";
  ASSERT_FALSE(again.empty());
  EXPECT_EQ(again[0].text, rendered("danger_now_fire", {{"mention", "@张三"}}));
  EXPECT_TRUE(has_chat(again, "generic:@u-chen")) << "the unit's leader, who has it, told again";
  EXPECT_TRUE(has_chat(again, "generic:@u-qian")) << "the building's leader told now";
  EXPECT_EQ(again.back().chat, "generic:b3u2");
  EXPECT_EQ(
      again.back().text,
      rendered("ticket_danger_again_above",
               {{"ticket", "1"}, {"mention", "@张三"}, {"holders", "陈单元长"}, {"above", "钱楼栋长"}}));

  // A minute later in private: the reporter is answered, the leaders are not woken again yet.
  const std::vector<Reply> soon =
      say_privately("u-zhang", "张三", read("火还在烧 有没有人管啊", kMonday0900 + 240), kMonday0900 + 240);
  EXPECT_EQ(chats_of(soon), (std::vector<std::string>{"generic:@u-zhang", "generic:@u-zhang"}));
  EXPECT_FALSE(tickets_.by_number("c1", 2));

  // Taken: the holder hears the reporter's words, nobody above is told.
  say_privately("u-chen", "陈单元长", read("接单 T1", kMonday0900 + 300), kMonday0900 + 300);
  const std::vector<Reply> taken =
      say("b3u2", "u-zhang", "张三", read("@吹哨 还是没人来", kMonday0900 + 1500), kMonday0900 + 1500);
  EXPECT_TRUE(has_chat(taken, "generic:@u-chen"));
  EXPECT_FALSE(has_chat(taken, "generic:@u-qian"));
  EXPECT_EQ(taken.back().text, rendered("ticket_danger_again_taken",
                                        {{"ticket", "1"}, {"mention", "@张三"}, {"holders", "陈单元长"}}));
}

TEST_F(DangerFollowUp, ADangerOfAnotherKindIsATicketOfItsOwn) {
  say_privately("u-he", "何大爷", read("电梯困人了"), kMonday0900);
  say_privately("u-he", "何大爷", read("楼道里着火了", kMonday0900 + 600), kMonday0900 + 600);
  const std::optional<store::Ticket> fire = tickets_.by_number("c1", 2);
  ASSERT_TRUE(fire);
  EXPECT_TRUE(fire->danger);
}

// A review of 2026-12-07: a first draft folded another emergency of the same kind into the first
// ticket, and posted a private danger's advice in the group the reporter wrote in next.
TEST_F(DangerFollowUp, AnotherEmergencyOfTheSameKindIsATicketOfItsOwn) {
  say_privately("u-he", "何大爷", read("我老伴晕倒了"), kMonday0900);
  say_privately("u-he", "何大爷", read("楼下有人晕倒了 快叫救护车", kMonday0900 + 300), kMonday0900 + 300);
  ASSERT_TRUE(tickets_.by_number("c1", 2)) << "someone else down in the street";
  say_privately("u-he", "何大爷", read("我爸也晕倒了", kMonday0900 + 360), kMonday0900 + 360);
  EXPECT_TRUE(tickets_.by_number("c1", 3));
}

TEST_F(DangerFollowUp, APrivateDangerIsFollowedUpInPrivate) {
  say_privately("u-liu", "刘阿姨", read("老公喝醉了打我 我躲在厕所"), kMonday0900);
  const std::vector<Reply> replies =
      say("b3u2", "u-liu", "刘阿姨", read("@吹哨 还是没人来", kMonday0900 + 300), kMonday0900 + 300);
  ASSERT_FALSE(replies.empty());
  for (const Reply& reply : replies)
    EXPECT_NE(reply.chat, "generic:b3u2") << reply.text;
  EXPECT_TRUE(has_chat(replies, "generic:@u-liu"));
}

// Two neighbours two minutes apart on one fire were T1 and T2, each a ‼️ alert with no hint they were
// one (an exploratory run of emergencies, 2026-12-07); two people fainting stay two.
TEST_F(DangerFollowUp, ASecondNeighbourOnTheSameFireJoinsTheOpenTicket) {
  say("b3u2", "u-zhang", "张三", read("@吹哨 楼道里冒烟了 好像着火了"), kMonday0900);
  const std::vector<Reply> second =
      say("b3u2", "u-liu", "刘阿姨", read("@吹哨 楼道着火了 快来人", kMonday0900 + 120), kMonday0900 + 120);
  EXPECT_FALSE(tickets_.by_number("c1", 2));
  EXPECT_TRUE(has_chat(second, "generic:@u-chen")) << "the holder hears the second voice";
  say("b3u2", "u-zhang", "张三", read("@吹哨 有人晕倒了", kMonday0900 + 200), kMonday0900 + 200);
  say("b3u2", "u-liu", "刘阿姨", read("@吹哨 楼下也有人晕倒了", kMonday0900 + 260), kMonday0900 + 260);
  EXPECT_TRUE(tickets_.by_number("c1", 3));
}

// A final read of 2026-12-07: a neighbour's join held the reporter's escalation back, and 钱楼栋长's own
// fire told him, as the level above, of himself.
TEST_F(DangerFollowUp, ANeighboursJoinHoldsNoEscalationBackAndTheLevelAboveIsNotTheReporter) {
  say("b3u2", "u-zhang", "张三", read("@吹哨 楼道里冒烟了 好像着火了"), kMonday0900);
  say("b3u2", "u-liu", "刘阿姨", read("@吹哨 楼道着火了 快来人", kMonday0900 + 60), kMonday0900 + 60);
  const std::vector<Reply> chased =
      say("b3u2", "u-zhang", "张三", read("@吹哨 还是没人来", kMonday0900 + 120), kMonday0900 + 120);
  EXPECT_TRUE(has_chat(chased, "generic:@u-qian")) << "the building's leader told at once";

  const std::int64_t later = kMonday0900 + 8 * kHour;
  say("b3u2", "u-qian", "钱楼栋长", read("@吹哨 地下室冒烟了", later), later);
  const std::vector<Reply> again =
      say("b3u2", "u-qian", "钱楼栋长", read("@吹哨 还是没人来", later + 120), later + 120);
  EXPECT_FALSE(has_chat(again, "generic:@u-qian")) << "not told of his own report as the level above";
  EXPECT_TRUE(has_chat(again, "generic:@u-li")) << "the grid's leader is";
}

TEST_F(DangerFollowUp, AFalseAlarmIsOfferedToBeTakenBack) {
  say("b3u2", "u-zhang", "张三", read("@吹哨 楼道里有煤气味"), kMonday0900);
  const std::vector<Reply> over =
      say("b3u2", "u-zhang", "张三", read("@吹哨 没事了 虚惊一场 是隔壁在炖东西", kMonday0900 + 300),
          kMonday0900 + 300);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0].text, rendered("ticket_withdraw_ask",
                                   {{"mention", "@张三"}, {"ticket", "1"}, {"text", "楼道里有煤气味"}}));
  const std::vector<Reply> mistaken = say_privately(
      "u-zhang", "张三", read("刚才报的煤气味是误会 撤回吧", kMonday0900 + 420), kMonday0900 + 420);
  ASSERT_EQ(mistaken.size(), 1u);
  EXPECT_EQ(mistaken[0].text, rendered("ticket_withdraw_ask",
                                       {{"mention", "@张三"}, {"ticket", "1"}, {"text", "楼道里有煤气味"}}));
  EXPECT_FALSE(tickets_.by_number("c1", 2)) << "no second alarm";
}

TEST_F(DangerFollowUp, TheBotCalledByItsCommandWordInDistressIsTheDanger) {
  const std::vector<Reply> replies = say("b3u2", "u-he", "何大爷", read("吹哨 救命 老伴摔倒了"));
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].text, rendered("danger_now_medical", {{"mention", "@何大爷"}}));
  const std::optional<store::Ticket> ticket = tickets_.by_number("c1", 1);
  ASSERT_TRUE(ticket);
  EXPECT_TRUE(ticket->danger);
  EXPECT_FALSE(tasks_.by_number("c1", 1)) << "no task whistled";
}

// The 书记's own fire had nobody above him: it was sent to himself, and 周主任 never knew (an
// exploratory run of emergencies, 2026-12-07).
TEST_F(DangerFollowUp, TheTopLeadersOwnDangerReachesTheCommunitysStaff) {
  const std::vector<Reply> replies = say("c1", "u-wang", "王书记", read("@吹哨 社区活动室着火了"));
  EXPECT_TRUE(has_chat(replies, "generic:@u-zhou"));
}

TEST_F(DangerFollowUp, NobodyCameWithNothingReportedIsToldWhatToDo) {
  // Said first to a colleague, then to the bot: the bot is addressed all the same.
  const std::vector<Reply> replies = say("b3u2", "u-he", "何大爷", read("@陈单元长 @吹哨 还是没人来"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("unknown_nobody_came", {{"mention", "@何大爷"}}));
}

}  // namespace
}  // namespace whistle::handlers::testing
