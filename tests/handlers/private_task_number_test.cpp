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

// The bot's list of open tasks ends "例如：报到 2"; the "2" that may answer it is answered with the
// command, never acted on: it answers "撤销哪一个？" or "要撤回哪一件？" as often (a review, 2026-12-07:
// a first draft that reported in off a digit signed up the leader who meant to call the task off).
TEST_F(PrivateTaskNumber, ANumberAloneOfAnOpenTaskIsAnsweredWithTheCommandNotActedOn) {
  whistle_in_b3u2("清理楼道杂物", 3);
  say("b3u2", "u-zhang", "张三", read("报到 1"));  // a volunteer of 3号楼2单元 from now on
  const std::int64_t second = whistle_in_b3u2("发传单", 3, kSunday0900);

  const std::vector<Reply> listed = say_privately("u-zhang", "张三", read("我报名"));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(contains(listed[0].text, "#2")) << listed[0].text;
  EXPECT_FALSE(contains(listed[0].text, "#1")) << listed[0].text;

  const std::vector<Reply> asked = say_privately("u-zhang", "张三", read("2"));
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].text, rendered("number_alone_task", {{"mention", "@张三"},
                                                          {"task", "2"},
                                                          {"title", "发传单"},
                                                          {"when", "11月29日(周日) 09:00–11:00"}}));
  EXPECT_FALSE(signup_state(second, "u-zhang"));
  // The task's leader is shown what may be done with it.
  const std::vector<Reply> leader = say_privately("u-chen", "陈单元长", read("2"));
  ASSERT_EQ(leader.size(), 1u);
  EXPECT_TRUE(contains(leader[0].text, "撤销 2")) << leader[0].text;
  EXPECT_EQ(task(second).status, store::TaskStatus::open);
  EXPECT_FALSE(signup_state(second, "u-chen"));
}

// "要撤回哪一件？" answered with the number by the resident who reported it: the ticket is named back.
TEST_F(PrivateTaskNumber, ANumberAloneOfOnesOwnTicketNamesTheTicket) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const store::Ticket reported = open_ticket({.in_private = true});
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read(std::to_string(reported.number)));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("number_alone_ticket",
                                      {{"mention", "@张三"}, {"number", std::to_string(reported.number)}}));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_FALSE(ticket(reported.id).is_closed());
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
                     {{"mention", "@张三"}, {"ticket", std::to_string(resolved.number)}, {"number", "1"}}));
  EXPECT_EQ(ticket(resolved.id).state, store::TicketState::resolved);
  EXPECT_FALSE(signup_state(number, "u-zhang"));
}

// "请假 2 天", "取消 3 点那场" name no task (the number counts days off, or tells the hour). Said to
// the bot, the place the words fit is left; one they do not fit is shown and kept (a review,
// 2026-12-07: "请假2天，下周一回来" on a Monday left Saturday's place, "请假1小时 晚点到" left it too).
// Among neighbours they are anyone's day off.
TEST_F(PrivateTaskNumber, LeaveWithACountLeavesOnlyThePlaceItFits) {
  const std::int64_t first = whistle_in_b3u2("清理楼道杂物", 3);
  const std::int64_t second = whistle_in_b3u2("发传单", 3, kSunday0900 + 6 * kHour);  // Sunday 15:00
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("报到 2"));

  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("请假 1 天")).empty());
  say_privately("u-zhang", "张三", read("请假2天，下周一回来"));
  say_privately("u-zhang", "张三", read("请假1小时 晚点到"));
  say_privately("u-zhang", "张三", read("取消 1 份大米"));
  EXPECT_EQ(signup_state(first, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(second, "u-zhang"), store::SignupState::signed_up);

  say_privately("u-zhang", "张三", read("取消 3 点那场"));
  EXPECT_EQ(signup_state(first, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(second, "u-zhang"), store::SignupState::withdrawn);
  // Saturday is within six days of Monday.
  say_privately("u-zhang", "张三", read("请假 6 天"));
  EXPECT_EQ(signup_state(first, "u-zhang"), store::SignupState::withdrawn);
}

// With one place, lines that do not mean leaving it left it in a first draft (a final read,
// 2026-12-07): coming late, a school's note, going masked, a hospital one cannot reach.
TEST_F(PrivateTaskNumber, WordsOfNotGoingElsewhereLeaveNoPlace) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  for (const char* line : {"请假1小时 晚点到", "孩子学校要请假条 怎么写",
                           "医生说我不能去人多的地方 周六我戴口罩去", "我腿摔伤了 去不了医院了"}) {
    say_privately("u-zhang", "张三", read(line));
    EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up) << line;
  }
}

}  // namespace
}  // namespace whistle::handlers::testing
