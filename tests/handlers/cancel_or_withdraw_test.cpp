// 取消 N frees the sender's own place; only 撤销 N (or the slips 取消活动/取消任务 N) from the
// task's leader calls the whole task off. Lines are read by the real parser, as people type them.

#include <gtest/gtest.h>

#include <tuple>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using CancelWord = HandlerTest;

TEST_F(CancelWord, ALeaderWhoReportedInAndSaysQuXiaoFreesOnlyTheirOwnPlace) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-chen", "陈单元长", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("报到 1"));

  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("取消 1"));
  EXPECT_EQ(task(number).status, store::TaskStatus::open);
  EXPECT_EQ(signup_state(number, "u-chen"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  // Nobody else is told anything: only the leader's own withdrawal is answered.
  EXPECT_EQ(chats_of(replies), std::vector<std::string>{"generic:b3u2"});
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-chen"});
}

// T9 and 工单5 are tickets everywhere: a task command given one must not fall back on the chat's
// only open task (撤销 would call it off and tell everyone; 结束 would record no-shows).
TEST_F(CancelWord, ATicketsNumberGivenToATaskCommandChangesNoTask) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-zhang", "张三", read("报到"));
  const std::vector<std::tuple<const char*, const char*, const char*>> lines = {
      {"撤销 T9", "9", "撤销 12"}, {"结束 工单5", "5", "结束 12"}, {"签到码 T5", "5", "签到码 12"}};
  for (const auto& [line, ticket, example] : lines) {
    const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read(line));
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].chat, "generic:b3u2") << line;
    EXPECT_EQ(
        replies[0].text,
        rendered("task_given_ticket", {{"mention", "@陈单元长"}, {"ticket", ticket}, {"example", example}}));
  }
  ASSERT_EQ(say("b3u2", "u-chen", "陈单元长", read("修改 T5 人数 3")).size(), 1u);
  const std::vector<Reply> check_in = say("b3u2", "u-zhang", "张三", read("签到 T5"));
  ASSERT_EQ(check_in.size(), 1u);
  EXPECT_EQ(task(number).status, store::TaskStatus::open);
  EXPECT_EQ(task(number).places, 5);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_FALSE(attendance_.find(task(number).id, "generic:u-zhang"));
}

TEST_F(CancelWord, ALeaderNotSignedUpWhoSaysQuXiaoIsPointedToCheXiaoAndNothingChanges) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-zhang", "张三", read("报到"));

  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("取消 1"));
  EXPECT_EQ(task(number).status, store::TaskStatus::open);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_EQ(replies[0].text, rendered("withdraw_not_signed_up_leader",
                                      {{"task", "1"}, {"mention", "@陈单元长"}, {"cancel", "撤销 1"}}));
}

TEST_F(CancelWord, AResidentNotSignedUpIsToldThereIsNothingToWithdraw) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("取消 1"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("withdraw_not_signed_up", {{"task", "1"}, {"mention", "@张三"}}));
  EXPECT_EQ(task(number).status, store::TaskStatus::open);
}

TEST_F(CancelWord, EveryWayAVolunteerSaysTheyCannotComeWithdrawsThem) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  // A bare "不去了" among neighbours is asked about (withdraw_test); said to the bot it is done.
  for (const char* line : {"取消 1", "取消报到1", "请假 1", "取消报名 1", "不去了", "取消1", "請假 #1"}) {
    say("b3u2", "u-zhang", "张三", read("报到 1"));
    ASSERT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up) << line;
    say("b3u2", "u-zhang", "张三", read(line), kMonday0900, std::string(line) == "不去了");
    EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn) << line;
    EXPECT_EQ(task(number).status, store::TaskStatus::open) << line;
  }
}

TEST_F(CancelWord, SomeoneOnTheWaitlistWhoSaysQuXiaoLeavesIt) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", read("报到"));
  say("b3u2", "u-liu", "刘阿姨", read("报到"));
  ASSERT_EQ(signup_state(number, "u-liu"), store::SignupState::waitlisted);
  say("b3u2", "u-liu", "刘阿姨", read("取消 1"));
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
}

TEST_F(CancelWord, CheXiaoAndTheCommonSlipsForItCallTheWholeTaskOff) {
  for (const char* line : {"撤销 {}", "取消活动 {}", "取消任务 {}", "取消吹哨 {}"}) {
    const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
    say("b3u2", "u-zhang", "张三", read("报到 " + std::to_string(number)));
    std::string text = line;
    text.replace(text.find("{}"), 2, std::to_string(number));

    const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read(text));
    EXPECT_EQ(task(number).status, store::TaskStatus::cancelled) << text;
    // The volunteer hears of it in the group and in private.
    EXPECT_EQ(chats_of(replies), (std::vector<std::string>{"generic:b3u2", "generic:@u-zhang"})) << text;
  }
}

TEST_F(CancelWord, AResidentWhoSaysQuXiaoHuoDongCannotCallTheTaskOff) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("取消活动 1"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, "陈单元长")) << replies[0].text;  // who may
  EXPECT_EQ(task(number).status, store::TaskStatus::open);
}

}  // namespace
}  // namespace whistle::handlers::testing
