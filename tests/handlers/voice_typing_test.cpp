// Volunteers' replies as voice input and pinyin input write them: no separators between the parts,
// 签倒 for 签到, 报道 for 报到, a slip owned before taking a sign-up back (an exploratory run of how
// people type, stop 68: each was silence; one volunteer said he had arrived three ways and was made
// 失约).

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using VoiceTyping = HandlerTest;

constexpr std::int64_t kVoiceMinute = 60;

std::optional<std::int64_t> checked_in_at(store::AttendanceRepository& attendance, std::int64_t task_id,
                                          const std::string& person) {
  const std::optional<store::Attendance> row = attendance.find(task_id, person);
  return row ? row->checked_in_at : std::nullopt;
}

// Of five neighbours who answered a voice whistle in their own words only one was on its list.
TEST_F(VoiceTyping, ASignUpWrappedInWhatVoiceInputAddsSignsUpForTheOneOpenTask) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 10);
  const std::vector<std::pair<std::string, std::string>> said = {
      {"u-zhang", "我要报名参加周六的清理楼道"},
      {"u-liu", "陈单元长 我报名"},
      {"u-he", "我是三号楼二单元五零二的何大爷报名参加"},
      {"u-feng", "陈单元长你好我是502的老冯周六的活动我参加"},
      {"u-zheng", "我也去吧算我一个"},
      {"u-x3", "我已经报名了"}};
  for (const auto& [person, line] : said)
    say("b3u2", person, person, read(line));
  for (const auto& [person, line] : said)
    EXPECT_EQ(signup_state(number, person), store::SignupState::signed_up) << line;
  // A name and +1 is the sender's sign-up when the name is theirs; "橘子+1" in a group buy is not.
  say("b3u2", "u-x1", "张三", read("张三+1"));
  say("b3u2", "u-x2", "李四", read("橘子+1"));
  EXPECT_EQ(signup_state(number, "u-x1"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(number, "u-x2"));
  // Not another activity, agreement with the line above, or what someone else did.
  for (const char* talk : {"孩子的夏令营我报名", "楼上+1", "孩子已经报名了", "他们都报名", "已经报名了",
                           "我是外地的不能报名", "钱楼栋长 我报名了吗", "那我去", "明天我去"})
    say("b3u2", "u-chu", "褚单元长", read(talk));
  EXPECT_FALSE(signup_state(number, "u-chu"));
}

TEST_F(VoiceTyping, AnArrivalSaidWithoutACommaOrTypedAsASlipChecksIn) {
  const std::int64_t number = whistle_in_b3u2("清理楼道", 5);
  for (const char* person : {"u-zhang", "u-liu", "u-he", "u-feng"})
    say("b3u2", person, person, read("报到 1"));
  const std::int64_t dawn = kSaturday0900 - 5 * kVoiceMinute;
  say("b3u2", "u-zhang", "张三", read("我到了在楼下", dawn), dawn);
  say("b3u2", "u-liu", "刘阿姨", read("嗯我到了那个签到一下", dawn), dawn);
  say("b3u2", "u-he", "何大爷", read("签倒", dawn), dawn);
  say("b3u2", "u-feng", "冯单元长", read("我已到达现场", dawn), dawn);
  const std::int64_t id = task(number).id;
  for (const char* person : {"generic:u-zhang", "generic:u-liu", "generic:u-he", "generic:u-feng"})
    EXPECT_EQ(checked_in_at(attendance_, id, person), dawn) << person;
}

TEST_F(VoiceTyping, AnArrivalElsewhereRunOnIsNoCheckIn) {
  const std::int64_t number = whistle_in_b3u2("清理楼道", 5);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::int64_t dawn = kSaturday0900 - 5 * kVoiceMinute;
  for (const char* elsewhere : {"我到了家给你打电话", "我到了医院人好多"})
    say("b3u2", "u-zhang", "张三", read(elsewhere, dawn), dawn);
  EXPECT_FALSE(checked_in_at(attendance_, task(number).id, "generic:u-zhang"));
}

TEST_F(VoiceTyping, TheWorkDoneRunIntoTheCheckOutChecksOut) {
  const std::int64_t number = whistle_in_b3u2("扫雪", 5);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-liu", "刘阿姨", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("签到", kSaturday0900), kSaturday0900);
  say("b3u2", "u-liu", "刘阿姨", read("签到", kSaturday0900), kSaturday0900);
  const std::int64_t later = kSaturday0900 + 2 * kHour;
  say("b3u2", "u-zhang", "张三", read("扫完了签退", later), later);
  // Someone else's leaving is not the speaker's.
  say("b3u2", "u-liu", "刘阿姨", read("老王走了签退", later), later);
  const std::int64_t id = task(number).id;
  EXPECT_EQ(attendance_.find(id, "generic:u-zhang")->checked_out_at, later);
  EXPECT_FALSE(attendance_.find(id, "generic:u-liu")->checked_out_at);
}

TEST_F(VoiceTyping, AWithdrawalAsPeopleSayItFreesThePlace) {
  const std::int64_t number = whistle_in_b3u2("清理楼道", 5);
  for (const char* person : {"u-zhang", "u-liu", "u-he"})
    say("b3u2", person, person, read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("取消报道"));
  say("b3u2", "u-liu", "刘阿姨", read("不好意思刚才报错了取消报名"));
  say("b3u2", "u-he", "何大爷", read("刚才点错了 取消报名"));
  for (const char* person : {"u-zhang", "u-liu", "u-he"})
    EXPECT_NE(signup_state(number, person), store::SignupState::signed_up) << person;
}

TEST_F(VoiceTyping, CannotComeWithTheReasonBetweenIsAskedAbout) {
  const std::int64_t number = whistle_in_b3u2("清理楼道", 5);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  // The day is Saturday's (the task's): 周六有事去不了了 asks whether to take the place back.
  const std::vector<Reply> asked = say("b3u2", "u-zhang", "张三", read("周六有事去不了了"));
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked.front().text,
            rendered("withdraw_ask", {{"task", std::to_string(number)}, {"mention", "@张三"}}));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
}

}  // namespace
}  // namespace whistle::handlers::testing
