// A bare "1" after a notice's "收到请扣1" says the neighbour read it; it signs nobody up for the
// chat's open task (stop 67: two residents were signed up for #1 by answering a 停水 notice).

#include <gtest/gtest.h>

#include "handler_fixture.hpp"
#include "handlers/numbers_asked.hpp"

namespace whistle::handlers::testing {
namespace {

using NumbersAsked = HandlerTest;

constexpr std::int64_t kNoticeMinute = 60;

TEST_F(NumbersAsked, AOneAfterANoticeAskingForItSignsNobodyUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-chen", "陈单元长", read("明天停水通知：上午8点到12点停水，请大家提前储水，收到请扣1"),
      kMonday0900 + kNoticeMinute);
  EXPECT_TRUE(say("b3u2", "u-liu", "刘阿姨", read("1"), kMonday0900 + 2 * kNoticeMinute).empty());
  EXPECT_FALSE(signup_state(number, "u-liu"));
  // Said to the bot it is a report-in all the same.
  say("b3u2", "u-he", "何大爷", read("1"), kMonday0900 + 3 * kNoticeMinute, /*mentions_bot=*/true);
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::signed_up);
}

TEST_F(NumbersAsked, TheWindowEndsWithTimeOrACallToSignUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-chen", "陈单元长", read("收到请扣1"), kMonday0900 + kNoticeMinute);
  // Half a day later the notice's readers are done; "1" is a sign-up again.
  const std::int64_t later = kMonday0900 + kNoticeMinute + kNumbersAskedWindow + kNoticeMinute;
  run_jobs(later);
  say("b3u2", "u-liu", "刘阿姨", read("1"), later);
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
  // "能来的扣1" asks for sign-ups: the notice before it no longer holds.
  say("b3u2", "u-chen", "陈单元长", read("收到请扣1"), later + kNoticeMinute);
  say("b3u2", "u-chen", "陈单元长", read("明天清理楼道还差人，能来的扣1"), later + 2 * kNoticeMinute);
  say("b3u2", "u-he", "何大爷", read("1"), later + 3 * kNoticeMinute);
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::signed_up);
}

// "明天扫雪，收到请扣1" names the open task: its 1s sign up (a review of stop 67).
TEST_F(NumbersAsked, AnAskNamingTheOpenTaskIsACallToSignUp) {
  const std::int64_t number = whistle_in_b3u2("扫雪");
  say("b3u2", "u-chen", "陈单元长", read("明天扫雪，收到请扣1"), kMonday0900 + kNoticeMinute);
  say("b3u2", "u-liu", "刘阿姨", read("1"), kMonday0900 + 2 * kNoticeMinute);
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
}

TEST_F(NumbersAsked, ANoticeInAnotherGroupLeavesThisOnesOneASignUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3", "u-qian", "钱楼栋长", read("收到请扣1"), kMonday0900 + kNoticeMinute);
  say("b3u2", "u-liu", "刘阿姨", read("1"), kMonday0900 + 2 * kNoticeMinute);
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
}

}  // namespace
}  // namespace whistle::handlers::testing
