// Whoever holds a ticket says they take it on or have done it in their own words, without the
// command or its number: "好的 接了", "收到 马上去", "弄好了 换了个灯泡" (an exploratory run of
// residents' reports, 2026-12-06: 没看懂, or offered back as a new report a 是 would have opened).

#include <gtest/gtest.h>

#include "ticket_test_support.hpp"

namespace whistle::handlers::testing {
namespace {

using HolderWords = TicketTest;

TEST_F(HolderWords, TheOneTicketWaitingForItsHolderIsTakenOnAndDoneInTheirWords) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  const std::vector<Reply> taken = say_line_privately("u-zhang", "张三", "好的 接了", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(1).assignee_person, "generic:u-zhang");
  EXPECT_FALSE(sent_to(taken, private_of("u-zhang")).empty());

  say_line_privately("u-zhang", "张三", "弄好了 换了个灯泡", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(1).resolved_by, "generic:u-zhang");
  ASSERT_TRUE(ticket(1).resolution.has_value());
  EXPECT_TRUE(text_has(*ticket(1).resolution, "换了个灯泡"));
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value()) << "no report made of the worker's words";
}

TEST_F(HolderWords, AResponderMembersWordsActForTheResponder) {
  open_ticket_for_wuye();
  say_line_privately("u-shifu", "刘师傅", "收到 马上去", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(1).assignee_responder, "wuye");
  say_line_privately("u-shifu", "刘师傅", "搞定了", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
}

TEST_F(HolderWords, WithSeveralWaitingTheWordsNamingOneActOnItAndOtherwiseTheyAreListed) {
  open_ticket({.text = "楼道灯坏了"});
  open_ticket({.reporter = "u-he", .text = "单元门禁坏了"});
  // 陈单元长 holds both, as the unit's leader.
  const std::vector<Reply> asked =
      say_line_privately("u-chen", "陈单元长", "好的 我来处理", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  EXPECT_EQ(ticket(2).state, store::TicketState::assigned);
  ASSERT_EQ(sent_to(asked, private_of("u-chen")).size(), 1u);
  EXPECT_TRUE(text_has(asked.front().text, "T1"));
  EXPECT_TRUE(text_has(asked.front().text, "T2"));

  say_line_privately("u-chen", "陈单元长", "门禁弄好了", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(2).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
}

TEST_F(HolderWords, AQuestionARefusalOrALaterPromiseTakesNothingOn) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  for (const std::string line : {"接了吗", "这个接不了", "我明天过去看看", "还没弄好", "修好了吗",
                                 "我接了个电话 等会说", "弄不好 得换整个灯座"}) {
    SCOPED_TRACE(line);
    say_line_privately("u-zhang", "张三", line, {}, kMonday0900 + 60);
    EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  }
}

TEST_F(HolderWords, SomeoneWhoHoldsNothingIsNotTakenForAWorker) {
  open_ticket();
  say_line_privately("u-he", "何大爷", "收到 马上去", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  EXPECT_EQ(ticket(1).assignee_person, kChen);
}

TEST_F(HolderWords, InAGroupOnlyWordsSaidToTheBotAct) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  EXPECT_TRUE(say_line("b3u2", "u-zhang", "张三", "收到 马上去", {}, kMonday0900 + 60).empty());
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  say_line("b3u2", "u-zhang", "张三", "@吹哨 收到 马上去", {}, kMonday0900 + 120);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
}

TEST_F(HolderWords, AfterTheNumberTheWorkersWordsAreTheCommands) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  say_line_privately("u-zhang", "张三", "T1 我来处理", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  say_line_privately("u-zhang", "张三", "T1 搞定了 换了灯泡", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
}

}  // namespace
}  // namespace whistle::handlers::testing
