// A snow morning's volunteers, as they say it: a sign-up with what they bring or the task's name
// run into it, an arrival with a word about the cold, the work done before 签退 (an exploratory run
// of winter, stop 67: each was silence; two who came out at dawn were made 失约, and only 1 of 7 who
// answered the whistle was on its list).

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using WinterVolunteers = HandlerTest;

constexpr std::int64_t kVolunteerMinute = 60;

TEST_F(WinterVolunteers, ASignUpWithWhatOneBringsSignsUp) {
  const std::int64_t number = whistle_in_b3u2("扫雪", 10);
  say("b3u2", "u-zhang", "张三", read("算我一个 带铁锹"));
  say("b3u2", "u-liu", "刘阿姨", read("+1 我带扫把"));
  say("b3u2", "u-he", "何大爷", read("我来 带铁锹"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::signed_up);
}

TEST_F(WinterVolunteers, ASignUpNamingTheTaskByItsTitleSignsUpForThatTask) {
  const std::int64_t snow = whistle_in_b3u2("扫雪", 10);
  const std::int64_t visit = whistle_in_b3u2("入户走访独居老人", 5);
  say("b3u2", "u-zhang", "张三", read("扫雪算我一个"));
  say("b3u2", "u-liu", "刘阿姨", read("报名走访"));
  say("b3u2", "u-he", "何大爷", read("周六扫雪我去"));
  // A day said that is not the task's signs nobody up (the final read of stop 67).
  say("b3u2", "u-zheng", "郑单元长", read("明早扫雪我去"));
  EXPECT_FALSE(signup_state(snow, "u-zheng"));
  EXPECT_EQ(signup_state(snow, "u-zhang"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(visit, "u-zhang"));
  EXPECT_EQ(signup_state(visit, "u-liu"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(snow, "u-liu"));
  EXPECT_EQ(signup_state(snow, "u-he"), store::SignupState::signed_up);
  // Words no open task is titled by are the neighbours' talk.
  EXPECT_TRUE(say("b3u2", "u-feng", "冯单元长", read("超市我去")).empty());
  EXPECT_TRUE(say("b3u2", "u-feng", "冯单元长", read("报名表在哪")).empty());
  EXPECT_FALSE(signup_state(snow, "u-feng"));
  EXPECT_FALSE(signup_state(visit, "u-feng"));
}

TEST_F(WinterVolunteers, AnArrivalWithAWordAboutTheColdChecksIn) {
  const std::int64_t number = whistle_in_b3u2("扫雪", 10);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-liu", "刘阿姨", read("报到 1"));
  const std::int64_t dawn = kSaturday0900 - 5 * kVolunteerMinute;
  say("b3u2", "u-zhang", "张三", read("我到了 好冷", dawn), dawn);
  say("b3u2", "u-liu", "刘阿姨", read("我到了，在菜市场门口等你", dawn), dawn);
  const std::optional<store::Attendance> zhang = attendance_.find(task(number).id, "generic:u-zhang");
  ASSERT_TRUE(zhang);
  EXPECT_EQ(zhang->checked_in_at, dawn);
  // Told to someone, or of somewhere else, it is no arrival at the task (two reviews of stop 67).
  for (const char* elsewhere : {"我到了 在路上", "我到了 医院人好多", "我到了 地铁站"})
    say("b3u2", "u-liu", "刘阿姨", read(elsewhere, dawn), dawn);
  const std::optional<store::Attendance> liu = attendance_.find(task(number).id, "generic:u-liu");
  EXPECT_FALSE(liu && liu->checked_in_at);
}

TEST_F(WinterVolunteers, TheWorkDoneBeforeACheckOutChecksOut) {
  const std::int64_t number = whistle_in_b3u2("扫雪", 10);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("签到 1", kSaturday0900), kSaturday0900);
  const std::int64_t done = kSaturday0900 + 90 * kVolunteerMinute;
  // Someone else's leaving, or something else done, checks nobody out.
  for (const char* other : {"王姐扫完了 签退了", "小李先走了 签退", "饭做好了 签退吧"})
    say("b3u2", "u-zhang", "张三", read(other, done - 10 * kVolunteerMinute), done - 10 * kVolunteerMinute);
  ASSERT_TRUE(attendance_.find(task(number).id, "generic:u-zhang"));
  EXPECT_FALSE(attendance_.find(task(number).id, "generic:u-zhang")->checked_out_at);
  say("b3u2", "u-zhang", "张三", read("扫完了 签退", done), done);
  const std::optional<store::Attendance> zhang = attendance_.find(task(number).id, "generic:u-zhang");
  ASSERT_TRUE(zhang);
  EXPECT_EQ(zhang->checked_out_at, done);
}

}  // namespace
}  // namespace whistle::handlers::testing
