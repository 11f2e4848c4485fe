#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

// 代报: a leader signing up someone without a phone (an exploratory run of a week's rota,
// 2026-12-07: "帮@何大爷 报到 1" gave the place to the leader, who was later made 失约, and 何大爷 was
// turned away at check-in).
class ReportInOthers : public HandlerTest {
 protected:
  // A line said in b3u2 with the platform's @-mentions, as a real group message carries them.
  std::vector<Reply> say_naming(const std::string& sender, const std::string& line,
                                const std::vector<std::string>& mentioned) {
    Message message;
    message.chat = "generic:b3u2";
    message.sender = "generic:" + sender;
    message.text = line;
    for (const std::string& person : mentioned)
      message.mentions.push_back("generic:" + person);
    message.at = kMonday0900;
    store::Transaction transaction(db_);
    std::vector<Reply> replies = dispatcher_.handle(message, read(line), kMonday0900);
    transaction.commit();
    return replies;
  }

  static bool goes_to(const std::vector<Reply>& replies, const std::string& chat) {
    return std::any_of(replies.begin(), replies.end(),
                       [&](const Reply& reply) { return reply.chat == "generic:" + chat; });
  }
};

TEST_F(ReportInOthers, TheTasksLeaderSignsUpThePeopleNamedAndEachIsToldInPrivate) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  const std::vector<Reply> replies = say_naming("u-chen", "帮@何大爷 报到 1", {"u-he"});
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(number, "u-chen").has_value());
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_NE(std::find(replies[0].mentions.begin(), replies[0].mentions.end(), "generic:u-he"),
            replies[0].mentions.end());
  EXPECT_TRUE(goes_to(replies, "@u-he"));

  // After the number, typed without an '@', and as 代报.
  say_naming("u-chen", "报到 1 @刘阿姨", {"u-liu"});
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
  say("b3u2", "u-chen", "陈单元长", read("代报 1 @张三"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(number, "u-chen").has_value());
  EXPECT_EQ(task(number).status, store::TaskStatus::open);
}

TEST_F(ReportInOthers, ANameTypedWithoutAnAtIsLookedUpAmongThePeople) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-chen", "陈单元长", read("帮何大爷报个名 1号"));
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::signed_up);
  // Someone the community does not know is said so, and nobody is signed up in their stead.
  const std::vector<Reply> unknown = say("b3u2", "u-chen", "陈单元长", read("帮老王报个名 1号"));
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_TRUE(contains(unknown[0].text, "老王")) << unknown[0].text;
  EXPECT_FALSE(signup_state(number, "u-chen").has_value());
}

TEST_F(ReportInOthers, ALeaderListingThemselfAmongOthersSignsUpEach) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say_naming("u-chen", "@陈单元长 @何大爷 报到 1", {"u-chen", "u-he"});
  EXPECT_EQ(signup_state(number, "u-chen"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::signed_up);
}

TEST_F(ReportInOthers, SomeoneNamedOnAFullTaskWaitsAndIsToldSo) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  const std::vector<Reply> replies = say_naming("u-chen", "帮@何大爷 报到 1", {"u-he"});
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::waitlisted);
  EXPECT_TRUE(goes_to(replies, "@u-he"));
  // Named again, nothing changes and nobody is told twice.
  const std::vector<Reply> again = say_naming("u-chen", "帮@何大爷 报到 1", {"u-he"});
  EXPECT_EQ(again.size(), 1u);
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::waitlisted);
}

// A place and its points are one person's: a neighbour cannot take one for someone else, nor give
// their own instead.
TEST_F(ReportInOthers, ANeighbourAskingForSomeoneElseSignsNobodyUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  const std::vector<Reply> replies = say_naming("u-zhang", "帮@何大爷 报到 1", {"u-he"});
  EXPECT_FALSE(signup_state(number, "u-he").has_value());
  EXPECT_FALSE(signup_state(number, "u-zhang").has_value());
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_NE(std::find(replies[0].mentions.begin(), replies[0].mentions.end(), "generic:u-he"),
            replies[0].mentions.end());

  for (const std::string line : {"我老伴也 报到 1", "我妈也要报名"}) {
    const std::vector<Reply> family = say("b3u2", "u-zhang", "张三", read(line));
    EXPECT_FALSE(signup_state(number, "u-zhang").has_value()) << line;
    EXPECT_EQ(family.size(), 1u) << line;
  }
  // Two going together is the sender's own report-in.
  say("b3u2", "u-zhang", "张三", read("我和老伴都去"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
}

// "报到 1 @陈单元长": a volunteer telling the leader is their own report-in.
TEST_F(ReportInOthers, AVolunteerNamingTheLeaderAfterTheirReportInSignsThemselvesUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say_naming("u-zhang", "报到 1 @陈单元长", {"u-chen"});
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(number, "u-chen").has_value());
  // And a neighbour named after one's own report-in is told, not signed up.
  say_naming("u-liu", "报到 1 @何大爷", {"u-he"});
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(number, "u-he").has_value());
}

// "每单元2人": a 代报 in one unit's group takes a place of the person's own unit (a review of stop 65:
// 张三 of 2单元 waited in 1单元's line while 2单元 had places).
TEST_F(ReportInOthers, APerUnitPlaceIsThePersonsOwnUnits) {
  // 张三 has volunteered in 2单元 before: his roles place him there.
  whistle_in_b3u2("慰问独居老人");
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in, 1));
  say("b3", "u-qian", "钱楼栋长", read("吹哨 清理楼道 周六上午9点 每单元1人 5分 下发"));
  say("b3u1", "u-feng", "冯单元长", task_command(Intent::report_in, 2));
  say("b3u1", "u-feng", "冯单元长", read("代报 2 @张三"));
  EXPECT_EQ(signup_state(2, "u-zhang"), store::SignupState::signed_up);
}

}  // namespace
}  // namespace whistle::handlers::testing
