#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

// The turn of the year (an exploratory run, stop 66): what the groups say in late December and early
// January, and a night patrol across midnight.
using TurnOfTheYear = HandlerTest;

// "元旦回老家了 请假 1" was silence, and the volunteer was made 失约 on 元旦 while the one waiting
// never moved up.
TEST_F(TurnOfTheYear, AHolidayReasonBeforeALeaveFreesThePlace) {
  const std::int64_t number = whistle_in_b3u2("元旦楼道值守", 1);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("元旦回老家了 请假 1"));
  EXPECT_FALSE(replies.empty());
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);
  // A neighbour's news is still not the speaker's command.
  say("b3u2", "u-wangwu", "王五", read("报到 1"));
  say("b3u2", "u-he", "何大爷", read("楼上李姐周六不来了 请假 1"));
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);
}

// At 00:15 a bare 签到 during a patrol that began at 23:00 read "你今天没有要签到的任务".
TEST_F(TurnOfTheYear, ABareCheckInAfterMidnightFindsThePatrolUnderWay) {
  const std::int64_t number = whistle_in_b3u2("跨年夜巡逻", 3, kMonday2300);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::int64_t quarter_past_midnight = kMonday2300 + 75 * 60;
  say("b3u2", "u-zhang", "张三", read("签到", quarter_past_midnight), quarter_past_midnight);
  const std::optional<store::Attendance> row = attendance_.find(task(number).id, "generic:u-zhang");
  ASSERT_TRUE(row.has_value());
  EXPECT_TRUE(row->checked_in_at.has_value());
}

// "@吹哨 新年快乐" met the command menu; "心愿：新的一年身体健康" opened a 微心愿 that climbed the levels;
// "报名 年度优秀志愿者" signed the speaker up for the group's task.
TEST_F(TurnOfTheYear, GreetingsAndWishesAskNothingOfTheBot) {
  const std::vector<Reply> greeted =
      say("b3u2", "u-zhang", "张三", read("@吹哨 新年快乐"), kMonday0900, true);
  ASSERT_EQ(greeted.size(), 1u);
  EXPECT_EQ(greeted[0].chat, "generic:b3u2");
  EXPECT_TRUE(contains(greeted[0].text, "新年快乐")) << greeted[0].text;  // wished back, not the menu
  EXPECT_TRUE(say("b3u2", "u-he", "何大爷", read("心愿：新的一年身体健康")).empty());
  EXPECT_FALSE(tickets_.by_number("c1", 1).has_value());
  const std::int64_t number = whistle_in_b3u2("元旦后楼道大扫除", 3);
  say("b3u2", "u-zhang", "张三", read("报名 年度优秀志愿者"));
  EXPECT_FALSE(signup_state(number, "u-zhang").has_value());
  // A greeting before a question leaves the question.
  const std::vector<Reply> asked =
      say("b3u2", "u-zhang", "张三", read("@吹哨 元旦快乐，1号几点开始"), kMonday0900, true);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(contains(asked[0].text, "【吹哨#" + std::to_string(number) + "】")) << asked[0].text;
}

// The 失约 note of a night patrol ending at 01:00 went out at 01:00 on New Year's night; it waits for
// the morning, while the place is settled at the end as before.
TEST_F(TurnOfTheYear, ANightPatrolsNoShowNoteWaitsForTheMorning) {
  const std::int64_t number = whistle_in_b3u2("跨年夜巡逻", 3, kMonday2300);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::int64_t patrol_end = kMonday2300 + 2 * kHour;
  for (const Reply& reply : run_jobs(patrol_end))
    EXPECT_NE(reply.chat, "generic:@u-zhang") << reply.text;
  const std::optional<store::Attendance> row = attendance_.find(task(number).id, "generic:u-zhang");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->outcome, store::AttendanceOutcome::no_show);
  const std::vector<Reply> morning = run_jobs(kTuesday0700);
  EXPECT_EQ(std::count_if(morning.begin(), morning.end(),
                          [](const Reply& reply) { return reply.chat == "generic:@u-zhang"; }),
            1);
}

// A volunteer vouched for in the night is no 失约 in the morning: the held note is dropped (the final
// read of stop 66).
TEST_F(TurnOfTheYear, ANoShowVouchedForInTheNightGetsNoNoteInTheMorning) {
  const std::int64_t number = whistle_in_b3u2("跨年夜巡逻", 3, kMonday2300);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::int64_t patrol_end = kMonday2300 + 2 * kHour;
  run_jobs(patrol_end);
  const std::int64_t vouched_at = patrol_end + 5 * 60;
  say("b3u2", "u-chen", "陈单元长", read("确认 1 @张三", vouched_at), vouched_at);
  const std::optional<store::Attendance> row = attendance_.find(task(number).id, "generic:u-zhang");
  ASSERT_TRUE(row.has_value());
  EXPECT_NE(row->outcome, store::AttendanceOutcome::no_show);
  for (const Reply& reply : run_jobs(kTuesday0700))
    EXPECT_NE(reply.chat, "generic:@u-zhang") << reply.text;
}

}  // namespace
}  // namespace whistle::handlers::testing
