// Neighbour disputes as the community meets them (an exploratory run, 2026-12-07): a complaint about
// the leader who would receive it went to that leader, who closed it as 不属实; a resident who
// disputed a close met the menu of commands.

#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using TicketDisputes = HandlerTest;

TEST_F(TicketDisputes, AComplaintAboutTheLeaderStartsAboveThemAndIsNotTheirsToClose) {
  say_privately("u-liu", "刘阿姨", read("我要投诉3号楼2单元的陈单元长，他根本没来看就说不属实"));
  EXPECT_EQ(ticket(1).assignee_person, std::optional<std::string>("generic:u-qian"));
  const std::vector<Reply> refused = say_privately("u-chen", "陈单元长", read("关闭 T1 不属实"));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_FALSE(ticket(1).is_closed());
  // A report that names the leader without complaining of them goes to them as before.
  say_privately("u-liu", "刘阿姨", read("报事 3号楼2单元楼道灯坏了 陈单元长让我报一下"));
  EXPECT_EQ(ticket(2).assignee_person, std::optional<std::string>("generic:u-chen"));
}

TEST_F(TicketDisputes, AnObjectionToACloseReachesTheLeaderAboveTheCloserOnce) {
  say_privately("u-liu", "刘阿姨", read("报事 3号楼2单元601半夜吵，跺脚声音特别大"));
  say_privately("u-chen", "陈单元长", read("关闭 T1 不属实", kMonday0900 + 60), kMonday0900 + 60);
  ASSERT_TRUE(ticket(1).is_closed());

  const std::vector<Reply> objected = say_privately(
      "u-liu", "刘阿姨", read("怎么就不属实了？你们来听过吗？昨晚又吵到一点", kMonday0900 + 120),
      kMonday0900 + 120);
  EXPECT_EQ(chats_of(objected),
            (std::vector<std::string>{"generic:@u-liu", "generic:@u-qian", "generic:@u-chen"}));
  const std::vector<store::TicketEvent> events = tickets_.events(ticket(1).id);
  EXPECT_TRUE(std::any_of(events.begin(), events.end(),
                          [](const store::TicketEvent& event) { return event.kind == "objected"; }));
  EXPECT_TRUE(ticket(1).is_closed()) << "a closed ticket never changes";
  // Said again at once, it is kept and answered, the leaders not paged twice.
  const std::vector<Reply> again =
      say_privately("u-liu", "刘阿姨", read("我要申诉", kMonday0900 + 180), kMonday0900 + 180);
  EXPECT_EQ(chats_of(again), std::vector<std::string>{"generic:@u-liu"});
  // A resident who took back their own report has no close to dispute.
  say_privately("u-he", "何大爷", read("报事 3号楼2单元楼道灯坏了", kMonday0900 + 240), kMonday0900 + 240);
  say_privately("u-he", "何大爷", read("撤回 T2 已经好了", kMonday0900 + 300), kMonday0900 + 300);
  const std::vector<Reply> own =
      say_privately("u-he", "何大爷", read("我不同意关闭", kMonday0900 + 360), kMonday0900 + 360);
  for (const Reply& reply : own)
    EXPECT_NE(reply.chat, "generic:@u-chen") << reply.text;
}

// The accused leader took over the complaint about himself, finished it, and read who had complained
// in 进度 (the final read and the second review of stop 65).
TEST_F(TicketDisputes, TheLeaderAComplaintIsAboutMayNotWorkItNorLearnWhoMadeIt) {
  say_privately("u-liu", "刘阿姨", read("投诉 3号楼2单元陈单元长"));
  ASSERT_EQ(ticket(1).assignee_person, std::optional<std::string>("generic:u-qian"));
  for (const char* step : {"接单 T1", "办结 T1 已经清理了", "派单 T1 @何大爷", "关闭 T1 不属实"}) {
    say_privately("u-chen", "陈单元长", read(step));
    EXPECT_EQ(ticket(1).assignee_person, std::optional<std::string>("generic:u-qian")) << step;
    EXPECT_EQ(ticket(1).state, store::TicketState::assigned) << step;
  }
  const std::vector<Reply> progress = say_privately("u-chen", "陈单元长", read("进度 T1"));
  for (const Reply& reply : progress)
    EXPECT_EQ(reply.text.find("刘阿姨"), std::string::npos) << reply.text;
}

TEST_F(TicketDisputes, AnObjectionIsWordsOfTheCloseNotAnythingSaidAfterIt) {
  say_privately("u-liu", "刘阿姨", read("报事 3号楼2单元601半夜吵"));
  say_privately("u-qian", "钱楼栋长", read("关闭 T1 不属实", kMonday0900 + 60), kMonday0900 + 60);
  // Said of something else: not filed on the closed ticket.
  for (const char* line : {"物业说明天来修电梯", "怎么就报不上名呢", "凭什么扣我积分"}) {
    say_privately("u-liu", "刘阿姨", read(line, kMonday0900 + 120), kMonday0900 + 120);
  }
  std::vector<store::TicketEvent> events = tickets_.events(ticket(1).id);
  EXPECT_FALSE(std::any_of(events.begin(), events.end(),
                           [](const store::TicketEvent& event) { return event.kind == "objected"; }));
  // The building's leader closed it: the grid's hears, not the unit's below.
  const std::vector<Reply> objected =
      say_privately("u-liu", "刘阿姨", read("我不同意关闭", kMonday0900 + 180), kMonday0900 + 180);
  EXPECT_EQ(chats_of(objected),
            (std::vector<std::string>{"generic:@u-liu", "generic:@u-li", "generic:@u-qian"}));
}

TEST_F(TicketDisputes, AtTheTopTheCloserAloneHearsAndIsNotToldTheyWereTold) {
  say_privately("u-liu", "刘阿姨", read("报事 3号楼2单元601半夜吵"));
  say_privately("u-wang", "王书记", read("关闭 T1 不属实", kMonday0900 + 60), kMonday0900 + 60);
  const std::vector<Reply> objected =
      say_privately("u-liu", "刘阿姨", read("我要申诉", kMonday0900 + 120), kMonday0900 + 120);
  EXPECT_EQ(chats_of(objected), (std::vector<std::string>{"generic:@u-liu", "generic:@u-wang"}));
}

}  // namespace
}  // namespace whistle::handlers::testing
