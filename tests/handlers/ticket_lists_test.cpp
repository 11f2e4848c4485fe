// 进度 T5, 我的工单 and 工单.

#include <gtest/gtest.h>

#include "ticket_test_support.hpp"

namespace whistle::handlers::testing {
namespace {

using TicketProgress = TicketTest;
using TicketList = TicketTest;

TEST_F(TicketProgress, TheReporterSeesTheStateTheHolderAndTheDeadline) {
  open_ticket();
  const std::vector<Reply> replies = say_line_privately("u-zhang", "张三", "进度 T1");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, private_of("u-zhang"));
  const std::string& text = replies[0].text;
  EXPECT_TRUE(text_has(text, "【工单T1】")) << text;
  EXPECT_TRUE(text_has(text, rendered("ticket_state_assigned", {}))) << text;
  EXPECT_TRUE(text_has(text, "陈单元长")) << text;
  EXPECT_TRUE(text_has(text, "11:00")) << text;  // answer_by: two hours after 09:00
}

TEST_F(TicketProgress, TheLeadersAndTheHolderMaySeeItOthersAreToldWhoMay) {
  open_ticket();
  EXPECT_TRUE(text_has(say_line_privately("u-li", "李网格长", "进度 T1")[0].text, "楼道灯坏了"));
  EXPECT_TRUE(text_has(say_line_privately("u-chen", "陈单元长", "进度 T1")[0].text, "楼道灯坏了"));
  const std::vector<Reply> refused = say_line_privately("u-he", "何大爷", "进度 T1");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_FALSE(text_has(refused[0].text, "楼道灯坏了")) << refused[0].text;
  EXPECT_TRUE(text_has(refused[0].text, "陈单元长")) << refused[0].text;
}

TEST_F(TicketProgress, AClosedTicketShowsHowItEnded) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "关闭 T1 重复");
  const std::vector<Reply> replies = say_line_privately("u-zhang", "张三", "进度 T1");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, rendered("ticket_state_closed", {}))) << replies[0].text;
  EXPECT_TRUE(text_has(replies[0].text, "重复")) << replies[0].text;
}

TEST_F(TicketProgress, EachClimbIsOneStepInTheTimeline) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "上报 T1", {}, kMonday0900 + 10 * 60);
  const std::vector<Reply> replies = say_line_privately("u-zhang", "张三", "进度 T1");
  ASSERT_EQ(replies.size(), 1u);
  const std::string& text = replies[0].text;
  const auto lines_with = [&](const std::string& label) {
    std::size_t count = 0;
    for (std::size_t at = text.find(label); at != std::string::npos; at = text.find(label, at + 1))
      ++count;
    return count;
  };
  // Received, handed to the unit's leader, climbed to 3号楼: the climb is not also a second 交办.
  EXPECT_EQ(lines_with(rendered("ticket_event_climbed", {})), 1u) << text;
  EXPECT_EQ(lines_with(rendered("ticket_event_assigned", {})), 1u) << text;
}

TEST_F(TicketProgress, APrivateReportAskedAboutInAGroupIsAnsweredInPrivate) {
  open_ticket({.in_private = true});
  const std::vector<Reply> replies = say_line("b3u2", "u-zhang", "张三", "进度 T1");
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_FALSE(text_has(replies[0].text, "楼道灯坏了")) << replies[0].text;
  EXPECT_EQ(replies[1].chat, private_of("u-zhang"));
  EXPECT_TRUE(text_has(replies[1].text, "楼道灯坏了")) << replies[1].text;
}

TEST_F(TicketProgress, MyTicketsListsOnesOwnReportsNewestFirstAndWhatOneHolds) {
  open_ticket({.text = "楼道灯坏了"});
  open_ticket({.text = "电梯异响", .at = kMonday0900 + kHour});
  open_ticket({.reporter = "u-he", .text = "垃圾没人收"});
  const std::vector<Reply> replies = say_line_privately("u-zhang", "张三", "我的工单");
  ASSERT_EQ(replies.size(), 1u);
  const std::string& text = replies[0].text;
  EXPECT_LT(text.find("电梯异响"), text.find("楼道灯坏了")) << text;
  EXPECT_FALSE(text_has(text, "垃圾没人收")) << text;

  // 陈单元长 reported nothing but holds all three.
  const std::string held = say_line_privately("u-chen", "陈单元长", "我的工单")[0].text;
  EXPECT_TRUE(text_has(held, "T3")) << held;
  EXPECT_TRUE(text_has(held, "T1")) << held;

  EXPECT_EQ(say_line_privately("u-liu", "刘阿姨", "我的工单")[0].text,
            rendered("ticket_mine_none", {{"mention", "@刘阿姨"}}));
}

TEST_F(TicketList, ALeaderListsTheOpenTicketsBelowThemOldestFirst) {
  open_ticket({.node = "b3u2", .text = "楼道灯坏了"});
  open_ticket({.node = "b1u1", .text = "电梯异响", .at = kMonday0900 + kHour});
  open_ticket({.node = "b5u1", .text = "第二网格的事"});
  open_ticket({.node = "b3u2", .text = "已经关了"});
  say_line("b3u2", "u-chen", "陈单元长", "关闭 T4 重复");

  const std::vector<Reply> replies = say_line("g1", "u-li", "李网格长", "工单");
  ASSERT_EQ(replies.size(), 1u);
  const std::string& text = replies[0].text;
  EXPECT_LT(text.find("楼道灯坏了"), text.find("电梯异响")) << text;
  EXPECT_FALSE(text_has(text, "第二网格的事")) << text;
  EXPECT_FALSE(text_has(text, "已经关了")) << text;
}

// An exploratory run of an urgent night (2026-12-06): a gas smell reported in private at night was
// last in the morning's list, masked, as a plain 待接单.
TEST_F(TicketList, AnOpenDangerToLifeComesFirstAndIsMarkedEvenWhenMasked) {
  open_ticket({.node = "b3u2", .text = "楼道灯坏了"});
  say_line_privately("u-zhang", "张三", "3号楼2单元有煤气味！");
  const std::optional<store::Ticket> danger = tickets_.by_number("c1", 2);
  ASSERT_TRUE(danger && danger->urgency == "urgent");

  const std::string listed = say_line("g1", "u-li", "李网格长", "工单")[0].text;
  const std::string mark = rendered("ticket_list_urgent", {{"state", ""}});
  EXPECT_LT(listed.find("T2"), listed.find("T1")) << listed;
  EXPECT_EQ(listed.find(mark), listed.find("T2") + std::string("T2 ").size()) << listed;
  EXPECT_EQ(listed.find(mark), listed.rfind(mark)) << listed;
  EXPECT_FALSE(text_has(listed, "煤气味")) << listed;
}

TEST_F(TicketList, AListAskedForInAGroupShowsAPrivateReportsPlaceNotItsWords) {
  open_ticket({.in_private = true, .text = "402我家老头子有老年痴呆"});
  const std::string in_group = say_line("b3u2", "u-chen", "陈单元长", "工单")[0].text;
  EXPECT_TRUE(text_has(in_group, "T1")) << in_group;
  EXPECT_FALSE(text_has(in_group, "老年痴呆")) << in_group;
  EXPECT_TRUE(text_has(say_line_privately("u-chen", "陈单元长", "工单")[0].text, "老年痴呆"));
}

TEST_F(TicketList, AtMostTwentyAreListedWithACountOfTheRest) {
  for (int i = 0; i < 23; ++i)
    open_ticket({.at = kMonday0900 + i});
  const std::string text = say_line_privately("u-wang", "王书记", "工单")[0].text;
  EXPECT_TRUE(text_has(text, "T20")) << text;
  EXPECT_FALSE(text_has(text, "T21")) << text;
  EXPECT_TRUE(text_has(text, rendered("ticket_list_more", {{"count", "3"}}))) << text;
}

TEST_F(TicketList, AResponderMemberListsTheRespondersTicketsInItsChat) {
  open_ticket_for_wuye({.text = "水管漏水"});
  open_ticket({.text = "楼道灯坏了"});
  const std::vector<Reply> replies = say_line("wuye", "u-shifu", "刘师傅", "工单");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:wuye");
  EXPECT_TRUE(text_has(replies[0].text, "水管漏水")) << replies[0].text;
  EXPECT_FALSE(text_has(replies[0].text, "楼道灯坏了")) << replies[0].text;
}

TEST_F(TicketList, AResidentIsPointedToMyTickets) {
  open_ticket();
  const std::vector<Reply> replies = say_line("b3u2", "u-he", "何大爷", "工单");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("ticket_list_no_right", {{"mention", "@何大爷"}}));
}

}  // namespace
}  // namespace whistle::handlers::testing
