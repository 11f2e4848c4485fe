#include <gtest/gtest.h>

#include "ticket_rating_support.hpp"

namespace whistle::handlers::testing {
namespace {

using PrivateTaskNumber = TicketRatingTest;

constexpr std::int64_t kSunday0900 = kSaturday0900 + 24 * kHour;

// "去不了了" in private from someone holding two places: the two are listed to choose from, and a "1"
// after it is told it is held and how to leave it — never read as a report-in asking for a number
// (a review, 2026-12-07), and never a withdrawal read off a digit.
TEST_F(PrivateTaskNumber, ANumberAloneOfAHeldTaskSaysItIsHeldAndLeavesNothing) {
  const std::int64_t first = whistle_in_b3u2("清理楼道杂物", 3);
  const std::int64_t second = whistle_in_b3u2("发传单", 3, kSunday0900);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("报到 2"));

  const std::vector<Reply> listed = say_privately("u-zhang", "张三", read("我不去了"));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].chat, "generic:@u-zhang");
  EXPECT_TRUE(contains(listed[0].text, "#1") && contains(listed[0].text, "#2")) << listed[0].text;

  const std::vector<Reply> held = say_privately("u-zhang", "张三", read("1"));
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].text, rendered("number_alone_held", {{"mention", "@张三"},
                                                         {"task", "1"},
                                                         {"title", "清理楼道杂物"},
                                                         {"when", "11月28日(周六) 09:00–11:00"}}));
  EXPECT_EQ(signup_state(first, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(second, "u-zhang"), store::SignupState::signed_up);
}

// The bot's list of open tasks ends "例如：报到 2": the "2" that answers it is the report-in.
TEST_F(PrivateTaskNumber, ANumberAloneAfterTheListOfOpenTasksReportsIn) {
  whistle_in_b3u2("清理楼道杂物", 3);
  say("b3u2", "u-zhang", "张三", read("报到 1"));  // a volunteer of 3号楼2单元 from now on
  const std::int64_t second = whistle_in_b3u2("发传单", 3, kSunday0900);

  const std::vector<Reply> listed = say_privately("u-zhang", "张三", read("我报名"));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(contains(listed[0].text, "#2")) << listed[0].text;
  EXPECT_FALSE(contains(listed[0].text, "#1")) << listed[0].text;

  say_privately("u-zhang", "张三", read("2"));
  EXPECT_EQ(signup_state(second, "u-zhang"), store::SignupState::signed_up);
  // Said again, it is held.
  const std::vector<Reply> again = say_privately("u-zhang", "张三", read("2号"));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_TRUE(contains(again[0].text, "#2")) << again[0].text;
}

// Everything open to them is held: "还有名额吗？我报名" shows what they hold, not "例如：报到 12".
TEST_F(PrivateTaskNumber, ASignUpWithEverythingHeldListsWhatIsHeld) {
  whistle_in_b3u2("清理楼道杂物", 3);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("还有名额吗？我报名"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, "#1")) << replies[0].text;
  EXPECT_FALSE(contains(replies[0].text, "12")) << replies[0].text;
}

// A resident asked to rate a repair answers "1": a star, a task or a choice. A rating cannot be
// taken back, so it is asked; nothing is rated and nobody is signed up.
TEST_F(PrivateTaskNumber, ANumberAloneWithARatingAwaitedIsAsked) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);
  const store::Ticket resolved = resolved_ticket({.in_private = true});
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("1"), kMonday0900 + 2 * kHour);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text,
            rendered("number_alone_rating",
                     {{"mention", "@张三"}, {"ticket", std::to_string(resolved.number)}, {"task", "1"}}));
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::resolved);
  EXPECT_FALSE(signup_state(number, "u-zhang"));
}

// "请假 1 天", "取消 1 点那场" name no task (the number counts days, or tells the time). Said to the bot
// they are a withdrawal without a number: the one place held, or the list of them. Among neighbours
// they are anyone's day off.
TEST_F(PrivateTaskNumber, LeaveForADayInPrivateIsAWithdrawalWithoutANumber) {
  const std::int64_t first = whistle_in_b3u2("清理楼道杂物", 3);
  const std::int64_t second = whistle_in_b3u2("发传单", 3, kSunday0900);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("报到 2"));
  say("b3u2", "u-liu", "刘阿姨", read("报到 1"));

  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("请假 1 天")).empty());
  const std::vector<Reply> listed = say_privately("u-zhang", "张三", read("取消 1 点那场"));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(contains(listed[0].text, "#1") && contains(listed[0].text, "#2")) << listed[0].text;
  EXPECT_EQ(signup_state(first, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(second, "u-zhang"), store::SignupState::signed_up);

  say_privately("u-liu", "刘阿姨", read("请假 1 天"));
  EXPECT_EQ(signup_state(first, "u-liu"), store::SignupState::withdrawn);
}

}  // namespace
}  // namespace whistle::handlers::testing
