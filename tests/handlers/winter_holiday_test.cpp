// Students and young people volunteering in the winter holiday (an exploratory run, stop 69): a
// parent's "我儿子也 报到 1" signed the parent up, a pupil's "我来啦" was told "不用重复报到" and made
// 失约, a phone number in a display name went whole into the monthly 公示, and questions of hours and
// certificates met the menu.

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

class WinterHoliday : public HandlerTest {
 protected:
  /// 陈单元长 whistles a task with its end and points in b3u2; returns its number (the latest).
  std::int64_t whistle_holiday_task(const std::string& title, std::int64_t start, std::int64_t end,
                                    std::optional<int> points = std::nullopt) {
    say("b3u2", "u-chen", "陈单元长", whistle_command(title, 5, start, end, points));
    std::int64_t number = 1;
    while (tasks_.by_number("c1", number + 1).has_value())
      ++number;
    return number;
  }
};

TEST_F(WinterHoliday, AParentsSignUpForTheirChildSignsNobodyUpAndLeavesThePlaceToThePupil) {
  const std::int64_t number = whistle_in_b3u2("图书角整理", 1);
  const std::string task_number = std::to_string(number);
  int n = 0;
  for (const std::string line : {"我儿子也 报到 " + task_number, "报到 " + task_number + " 帮我家孩子报",
                                 std::string("帮我女儿报个名 她叫小红 初一")}) {
    const std::string parent = "u-mom" + std::to_string(++n);
    const std::vector<Reply> replies = say("b3u2", parent, "", read(line));
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_TRUE(contains(replies[0].text, rendered("report_in_for_someone", {{"task", task_number},
                                                                             {"mention", "@" + parent},
                                                                             {"names", n == 1   ? "儿子"
                                                                                       : n == 2 ? "孩子"
                                                                                                : "女儿"}})))
        << line;
    EXPECT_FALSE(signup_state(number, parent).has_value()) << line;
  }
  say("b3u2", "u-student1", "李小明", read("报名"));
  EXPECT_EQ(signup_state(number, "u-student1"), store::SignupState::signed_up);
}

TEST_F(WinterHoliday, GoingWithAChildOrABrotherIsTheSendersPlaceWithTheNoteForTheOther) {
  const std::int64_t number = whistle_in_b3u2("图书角整理", 5);
  int n = 0;
  for (const char* line :
       {"@吹哨 我和孩子一起去", "@吹哨 我带孩子一起去", "我和我弟都报名", "报到 1 我闺女也来"}) {
    const std::string sender = "u-parent" + std::to_string(++n);
    const std::vector<Reply> replies = say("b3u2", sender, "", read(line), kMonday0900, line[0] == '@');
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_EQ(signup_state(number, sender), store::SignupState::signed_up) << line;
    EXPECT_TRUE(contains(replies[0].text, rendered("report_in_two_note", {{"task", std::to_string(number)}})))
        << line;
  }
  // Among neighbours, the same words answer talk of a vaccine or a class.
  for (const char* talk : {"我带孩子去", "我和孩子一起去吧"}) {
    const std::string sender = "u-parent" + std::to_string(++n);
    EXPECT_TRUE(say("b3u2", sender, "", read(talk)).empty()) << talk;
    EXPECT_FALSE(signup_state(number, sender).has_value()) << talk;
  }
}

TEST_F(WinterHoliday, APupilsIAmHereOnTheDayIsTheirCheckIn) {
  const std::int64_t number = whistle_holiday_task("扫雪", kSaturday0900, kSaturday0900 + 2 * kHour);
  say("b3u2", "u-student2", "吴桐", read("报名"));
  say("b3u2", "u-student2", "吴桐", read("我来啦", kSaturday0900 - 300), kSaturday0900 - 300);
  const std::optional<store::Attendance> row = attendance_.find(task(number).id, qualified("u-student2"));
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->checked_in_at, kSaturday0900 - 300);
  // "我来了" and a greeting before it too.
  say("b3u2", "u-student4", "李小明", read("报名"));
  say("b3u2", "u-student4", "李小明", read("叔叔我来了", kSaturday0900 - 200), kSaturday0900 - 200);
  EXPECT_TRUE(attendance_.find(task(number).id, qualified("u-student4")).has_value());
  // The day before, it is the sign-up said again.
  say("b3u2", "u-student3", "周小宇", read("报名"));
  say("b3u2", "u-student3", "周小宇", read("我来啦", kSaturday0900 - 24 * kHour), kSaturday0900 - 24 * kHour);
  EXPECT_FALSE(attendance_.find(task(number).id, qualified("u-student3")).has_value());
}

TEST_F(WinterHoliday, APupilsOwnWordsSignUpAndWithdraw) {
  const std::int64_t number = whistle_in_b3u2("图书角整理", 5);
  int n = 0;
  for (const char* line : {"报名报名", "俺也报名", "阿姨好我想报名"}) {
    const std::string pupil = "u-pupil" + std::to_string(++n);
    say("b3u2", pupil, "", read(line));
    EXPECT_EQ(signup_state(number, pupil), store::SignupState::signed_up) << line;
  }
  for (const char* line : {"@吹哨 要写作业 来不了了", "@吹哨 我妈不让我去了"}) {
    const std::string pupil = "u-pupil" + std::to_string(++n);
    say("b3u2", pupil, "", read("报名"));
    say("b3u2", pupil, "", read(line, kMonday0900 + 60), kMonday0900 + 60, true);
    EXPECT_EQ(signup_state(number, pupil), store::SignupState::withdrawn) << line;
  }
}

TEST_F(WinterHoliday, APupilWhoForgotToCheckInIsToldWhoMayVouchAfterTheEnd) {
  const std::int64_t number =
      whistle_holiday_task("图书角整理", kSaturday0900, kSaturday0900 + 2 * kHour, 10);
  const std::string task_number = std::to_string(number);
  say("b3u2", "u-student5", "王小红", read("报名"));
  say("b3u2", "u-zhang", "张三", read("报名"));
  say("b3u2", "u-zhang", "张三", read("签到", kSaturday0900), kSaturday0900);
  run_jobs(kSaturday0900 + 2 * kHour);  // the end: 王小红 made 失约
  say("b3u2", "u-chen", "陈单元长", read("验收 " + task_number, kSaturday0900 + 3 * kHour),
      kSaturday0900 + 3 * kHour);
  ASSERT_EQ(task(number).status, store::TaskStatus::finished);
  const std::int64_t later = kSaturday0900 + 24 * kHour;
  const std::string vouch =
      rendered("attendance_closed_vouch", {{"leader", "陈单元长"}, {"task", task_number}});
  const std::vector<Reply> forgot =
      say_privately("u-student5", "王小红", read("签到 " + task_number, later), later);
  ASSERT_EQ(forgot.size(), 1u);
  EXPECT_TRUE(contains(forgot[0].text, vouch)) << forgot[0].text;
  // Someone paid has nothing to ask.
  const std::vector<Reply> paid = say_privately("u-zhang", "张三", read("签退 " + task_number, later), later);
  ASSERT_EQ(paid.size(), 1u);
  EXPECT_FALSE(contains(paid[0].text, vouch));
}

TEST_F(WinterHoliday, APhoneNumberInADisplayNameIsMaskedInTheThanksAndTheRanking) {
  const std::string name = "李小明 初二3班 13912345678";
  const std::int64_t number =
      whistle_holiday_task("图书角整理", kSaturday0900, kSaturday0900 + 2 * kHour, 10);
  say("b3u2", "u-student1", name, read("报名"));
  say("b3u2", "u-student1", name, read("签到", kSaturday0900), kSaturday0900);
  std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("验收 " + std::to_string(number), kSaturday0900 + 3 * kHour),
          kSaturday0900 + 3 * kHour);
  const std::vector<Reply> ranking =
      say("b3u2", "u-chen", "陈单元长", read("排行", kSaturday0900 + 4 * kHour), kSaturday0900 + 4 * kHour);
  replies.insert(replies.end(), ranking.begin(), ranking.end());
  ASSERT_GE(replies.size(), 2u);
  for (const Reply& reply : replies) {
    EXPECT_FALSE(contains(reply.text, "13912345678")) << reply.text;
  }
  EXPECT_TRUE(contains(replies.back().text, "139****5678"));
}

TEST_F(WinterHoliday, HoursAndACertificateAskedInAPupilsWordsGetTheRecordWithEachTasksHours) {
  const std::int64_t number =
      whistle_holiday_task("图书角整理", kSaturday0900, kSaturday0900 + 2 * kHour, 10);
  say("b3u2", "u-zhang", "张三", read("报名"));
  say("b3u2", "u-zhang", "张三", read("签到", kSaturday0900), kSaturday0900);
  say("b3u2", "u-chen", "陈单元长", read("验收 " + std::to_string(number), kSaturday0900 + 3 * kHour),
      kSaturday0900 + 3 * kHour);
  const std::int64_t later = kSaturday0900 + 24 * kHour;
  // The points answer, which carries the hours: the same as 积分's.
  const std::string points = say_privately("u-zhang", "张三", read("积分", later), later)[0].text;
  for (const char* line : {"我做了几个小时", "学校要20个小时 还差几个小时"}) {
    const std::vector<Reply> replies = say_privately("u-zhang", "张三", read(line, later), later);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].text, points) << line;
    EXPECT_FALSE(
        contains(replies[0].text, rendered("points_certificate_note", {{"center", "锦华家园社区服务中心"}})));
  }
  for (const char* line : {"能开志愿时长证明吗", "哪里盖章", "社会实践表格能帮忙盖个章吗"}) {
    const std::vector<Reply> replies = say_privately("u-zhang", "张三", read(line, later), later);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_TRUE(contains(replies[0].text, rendered("points_entry_hours", {{"hours", "2"}}))) << line;
    EXPECT_TRUE(contains(replies[0].text, "图书角整理")) << line;
    EXPECT_TRUE(
        contains(replies[0].text, rendered("points_certificate_note", {{"center", "锦华家园社区服务中心"}})))
        << line;
  }
  // A fault's hours are a report's, not the points.
  for (const char* line : {"我家没热水好几个小时了", "电梯坏了几个小时了"})
    EXPECT_NE(say_privately("u-zhang", "张三", read(line, later), later)[0].text, points) << line;
  // Proofs of other things are the community office's, not a volunteer's record.
  const std::vector<Reply> other = say_privately("u-zhang", "张三", read("我要开居住证明", later), later);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_FALSE(contains(other[0].text, "图书角整理"));
}

}  // namespace
}  // namespace whistle::handlers::testing
