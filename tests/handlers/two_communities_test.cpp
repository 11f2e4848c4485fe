// Two communities in one deployment: in a private chat a person is placed by their roles, and
// without any by their responder or their own reports; a ticket, its 物业 and its lists stay in
// its own community; a danger from someone nobody can place still reaches a leader.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/config.hpp"
#include "handler_fixture.hpp"
#include "handlers/language/parser.hpp"
#include "handlers/message.hpp"
#include "ticket_deadline_support.hpp"

namespace whistle::handlers::testing {
namespace {

constexpr const char* kTwoCommunities = R"(
[[node]]
id = "c1"
level = "community"
name = "锦华家园社区"
chats = ["generic:c1"]
leaders = ["generic:u-wang"]

[[node]]
id = "g1"
level = "grid"
parent = "c1"
name = "第一网格"
leaders = ["generic:u-li"]

[[node]]
id = "b1"
level = "building"
parent = "g1"
name = "1号楼"
leaders = ["generic:u-sun"]

[[node]]
id = "b1u1"
level = "unit"
parent = "b1"
name = "1号楼1单元"
chats = ["generic:b1u1"]
leaders = ["generic:u-zheng"]

[[node]]
id = "c2"
level = "community"
name = "翠苑社区"
chats = ["generic:c2"]
leaders = ["generic:u-ma"]

[[node]]
id = "k1"
level = "grid"
parent = "c2"
name = "翠苑一网格"
leaders = ["generic:u-yang"]

[[node]]
id = "kb8"
level = "building"
parent = "k1"
name = "8号楼"
leaders = ["generic:u-gao"]

[[node]]
id = "kb8u1"
level = "unit"
parent = "kb8"
name = "8号楼1单元"
chats = ["generic:kb8u1"]
leaders = ["generic:u-lin"]

[[responder]]
id = "wuye"
name = "物业"
node = "c1"
chats = ["generic:wuye"]
members = ["generic:u-shifu"]

[[responder]]
id = "wuye2"
name = "翠苑物业"
node = "c2"
chats = ["generic:wuye2"]
members = ["generic:u-niu", "generic:u-shifu"]

[[person]]
id = "generic:u-lin"
name = "林单元长"

[[category]]
name = "设施维修"
class = "utilities"
keywords = ["灯"]
responder = "wuye"
)";

class TwoCommunities : public ::testing::Test {
 protected:
  TwoCommunities() : community(config::parse_config(kTwoCommunities, "two-communities.toml")) {}

  std::vector<Reply> say(const std::string& chat, const std::string& sender, const std::string& line,
                         std::int64_t at = kMonday0900) {
    Message message;
    message.is_private = chat.empty();
    message.sender = "generic:" + sender;
    message.chat = message.is_private ? private_chat_of(message.sender) : "generic:" + chat;
    message.text = line;
    message.at = at;
    language::ParseContext context;
    context.now = at;
    context.utc_offset_seconds = community.config.locale.utc_offset_seconds;
    context.place_names = community.dispatcher.place_names();
    const Command command = language::parse_command(line, context);
    store::Transaction transaction(community.db);
    std::vector<Reply> replies = community.dispatcher.handle(message, command, at);
    transaction.commit();
    return replies;
  }

  store::Ticket ticket(const std::string& in, std::int64_t number) {
    return *community.services().tickets.by_number(in, number);
  }

  OwnCommunity community;
};

TEST_F(TwoCommunities, AResidentWithoutARoleIsPlacedByTheirOwnReportInPrivate) {
  say("b1u1", "u-liu", "报事 楼道有杂物堆放");
  const std::vector<Reply> replies = say("", "u-liu", "进度 T1");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(replies[0].text.starts_with("【工单T1】")) << replies[0].text;
  EXPECT_NE(replies[0].text.find("楼道有杂物堆放"), std::string::npos) << replies[0].text;
}

TEST_F(TwoCommunities, ATicketIsNotSentToSomeoneWhoServesAnotherCommunity) {
  say("b1u1", "u-liu", "报事 楼道有杂物堆放");
  say("kb8u1", "u-he", "报事 门口垃圾没人清");
  say("b1u1", "u-zheng", "派单 T1 @林单元长");
  EXPECT_EQ(ticket("c1", 1).assignee_person, "generic:u-zheng");
  // 林单元长's 接单 T1 in private is his own community's T1, as it always was.
  say("", "u-lin", "接单 T1");
  EXPECT_EQ(ticket("c2", 1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket("c1", 1).state, store::TicketState::assigned);
}

TEST_F(TwoCommunities, OneCommunitysResponderTakesNoReportOfTheOther) {
  say("kb8u1", "u-he", "报事 楼道灯坏了");
  EXPECT_FALSE(ticket("c2", 1).assignee_responder);
  EXPECT_EQ(ticket("c2", 1).assignee_person, "generic:u-lin");
}

TEST_F(TwoCommunities, ALeaderAskingForTicketsInTheOtherCommunitysGroupIsNotShownHis) {
  say("b1u1", "u-liu", "报事 我家老人摔倒了 住502");
  const std::vector<Reply> replies = say("kb8u1", "u-wang", "工单");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text.find("502"), std::string::npos) << replies[0].text;
}

TEST_F(TwoCommunities, ADangerFromSomeoneNobodyCanPlaceReachesEveryCommunitysLeaders) {
  const std::vector<Reply> replies = say("", "u-new", "我家楼道里有煤气味");
  std::vector<std::string> chats;
  for (const Reply& reply : replies)
    chats.push_back(reply.chat);
  EXPECT_NE(std::find(chats.begin(), chats.end(), "generic:@u-wang"), chats.end());
  EXPECT_NE(std::find(chats.begin(), chats.end(), "generic:@u-ma"), chats.end());
}

TEST_F(TwoCommunities, TheOtherCommunitysResponderNamedInFullIsNotTakenForOnesOwn) {
  say("b1u1", "u-liu", "报事 楼道有杂物堆放");
  // "翠苑物业" holds "物业", 锦华's own responder: the name said is the other community's.
  const std::vector<Reply> dispatched = say("b1u1", "u-zheng", "派单 T1 翠苑物业");
  EXPECT_FALSE(ticket("c1", 1).assignee_responder);
  EXPECT_EQ(ticket("c1", 1).assignee_person, "generic:u-zheng");
  const std::vector<Reply> closed = say("b1u1", "u-zheng", "关闭 T1 转翠苑物业");
  EXPECT_TRUE(ticket("c1", 1).is_closed());
  for (const std::vector<Reply>* replies : {&dispatched, &closed}) {
    for (const Reply& reply : *replies)
      EXPECT_NE(reply.chat, "generic:wuye") << reply.text;
  }
  // The own responder named plainly is still found.
  say("b1u1", "u-liu", "报事 门口垃圾没人清");
  say("b1u1", "u-zheng", "派单 T2 物业");
  EXPECT_EQ(ticket("c1", 2).assignee_responder, "wuye");
}

TEST_F(TwoCommunities, AVolunteerOfBothSeesBothSignupsAndIsAskedWhichNumberIsMeant) {
  say("b1u1", "u-zheng", "吹哨 清理楼道 2人 明天上午9点 2小时 10分");
  say("kb8u1", "u-lin", "吹哨 打扫绿地 2人 明天上午9点 2小时 10分");
  say("b1u1", "u-zhang", "报到");
  say("kb8u1", "u-zhang", "报到");
  const std::vector<Reply> mine = say("", "u-zhang", "我的报到");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_NE(mine[0].text.find("清理楼道"), std::string::npos) << mine[0].text;
  EXPECT_NE(mine[0].text.find("打扫绿地"), std::string::npos) << mine[0].text;
  EXPECT_NE(mine[0].text.find("翠苑社区"), std::string::npos) << mine[0].text;

  // Both #1 are his: he is asked where, and neither signup is touched.
  const std::vector<Reply> which = say("", "u-zhang", "取消报到 1");
  ASSERT_EQ(which.size(), 1u);
  EXPECT_NE(which[0].text.find("#1"), std::string::npos) << which[0].text;
  const Services s = community.services();
  for (const char* in : {"c1", "c2"}) {
    const std::optional<store::Task> task = s.tasks.by_number(in, 1);
    ASSERT_TRUE(task.has_value());
    EXPECT_EQ(s.signups.find(task->id, "generic:u-zhang")->state, store::SignupState::signed_up) << in;
  }
}

TEST_F(TwoCommunities, AResponderMemberOfBothTakesTheTicketThatIsHisResponders) {
  say("b1u1", "u-liu", "报事 楼道灯坏了");      // c1's T1, to 物业 by its category
  say("kb8u1", "u-he", "报事 门口垃圾没人清");  // c2's T1, to 林单元长
  ASSERT_EQ(ticket("c1", 1).assignee_responder, "wuye");
  say("", "u-shifu", "接单 T1");
  EXPECT_EQ(ticket("c1", 1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket("c2", 1).state, store::TicketState::assigned);
}

TEST_F(TwoCommunities, SomeoneNobodyCanPlaceIsToldHowToReportNotOfferedWhatAYesCouldNotOpen) {
  const std::vector<Reply> replies = say("", "u-new", "卫生间马桶堵了");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_FALSE(community.services().tickets.offer_to("generic:@u-new", "generic:u-new").has_value());
}

}  // namespace
}  // namespace whistle::handlers::testing
