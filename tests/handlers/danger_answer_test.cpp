// A danger report before the ticket loop is open: the emergency numbers at once when it is said to
// the bot or in private, silence when it is said to the others in a group.

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using DangerBeforeTheTicketLoop = HandlerTest;

bool names_the_emergency_numbers(const Reply& reply) {
  return reply.text.find("119") != std::string::npos && reply.text.find("120") != std::string::npos;
}

TEST_F(DangerBeforeTheTicketLoop, SaidInPrivateGetsTheEmergencyNumbersAtOnce) {
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("3号楼有煤气味！"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:@u-zhang");
  EXPECT_TRUE(names_the_emergency_numbers(replies[0])) << replies[0].text;
}

TEST_F(DangerBeforeTheTicketLoop, ReportedWithAVerbInAGroupIsAnsweredThere) {
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("报事 楼道里冒烟了"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-zhang"});
  EXPECT_TRUE(names_the_emergency_numbers(replies[0])) << replies[0].text;
}

TEST_F(DangerBeforeTheTicketLoop, SaidToTheOthersInAGroupIsNotAnsweredThere) {
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("3号楼有煤气味！")).empty());
  // Addressed to the bot, the same words are answered.
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("@吹哨 3号楼有煤气味！"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(names_the_emergency_numbers(replies[0])) << replies[0].text;
}

TEST_F(DangerBeforeTheTicketLoop, AnOrdinaryTicketIsToldTheLoopIsNotOpenYet) {
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("报修 楼道灯坏了"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_FALSE(names_the_emergency_numbers(replies[0])) << replies[0].text;
}

}  // namespace
}  // namespace whistle::handlers::testing
