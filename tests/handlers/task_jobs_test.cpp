#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

// These tests are about the reminder alone: the call for help to the parent group, which may fall
// due before it, is turned off (tests/handlers/help_call_test.cpp has its own).
class Reminder : public HandlerTest {
 protected:
  Reminder() { config_.rules.help_lead_hours = 0; }
};

TEST_F(Reminder, AnHourBeforeTheStartTheSignedUpPeopleAreReminded) {
  whistle_in_b3u2("清理楼道杂物", 5, kSaturday0900);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));

  EXPECT_TRUE(run_jobs(kSaturday0900 - kHour - 1).empty());
  const std::vector<Reply> replies = run_jobs(kSaturday0900 - kHour);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(
      replies[0],
      (Reply{"generic:b3u2",
             "【吹哨#1】「清理楼道杂物」将于11月28日(周六) 09:00开始，请已报到的 @张三 @李四 准时参加。",
             {"generic:u-zhang", "generic:u-lisi"}}));
}

// A server down through the reminder's hour runs it on start, hours late: "please come on time" to a
// task already under way or over is no reminder (an exploratory run, 2026-12-06).
TEST_F(Reminder, RunAfterTheStartItSaysNothing) {
  whistle_in_b3u2("清理楼道杂物", 5, kSaturday0900);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  const std::vector<Reply> late = run_jobs(kSaturday0900 + 90 * 60);
  EXPECT_TRUE(std::none_of(late.begin(), late.end(),
                           [](const Reply& reply) { return reply.chat == "generic:b3u2"; }));
  EXPECT_FALSE(jobs_.pending("task_reminder", std::to_string(task(1).id))) << "done, not left waiting";
}

TEST_F(Reminder, AnEarlyTasksReminderGoesTheEveningBeforeNotInTheNight) {
  const std::int64_t six = kSaturday0900 - 3 * kHour;
  whistle_in_b3u2("早市秩序维护", 5, six);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  const std::int64_t friday_2100 = six - 9 * kHour;
  EXPECT_TRUE(run_jobs(friday_2100 - 1).empty());
  const std::vector<Reply> replies = run_jobs(friday_2100);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-zhang"});
  EXPECT_TRUE(run_jobs(six - kHour).empty()) << "nothing at 05:00";
}

TEST_F(Reminder, AReminderFiresOnce) {
  whistle_in_b3u2("清理楼道杂物", 5, kSaturday0900);
  EXPECT_EQ(run_jobs(kSaturday0900).size(), 1u);
  EXPECT_TRUE(run_jobs(kSaturday0900 + kHour).empty());
  EXPECT_FALSE(jobs_.pending("task_reminder", std::to_string(task(1).id)));
  // Past the task's end (its no-show check, with nobody signed up, says nothing) no job of it is left.
  EXPECT_TRUE(run_jobs(kSaturday0900 + 3 * kHour).empty());
  EXPECT_FALSE(jobs_.pending("task_end", std::to_string(task(1).id)));
}

TEST_F(Reminder, WithNobodySignedUpTheGroupIsInvitedInstead) {
  whistle_in_b3u2("清理楼道杂物", 5, kSaturday0900);
  const std::vector<Reply> replies = run_jobs(kSaturday0900);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(replies[0].mentions.empty());
  EXPECT_NE(replies[0].text.find("还没有人报到"), std::string::npos) << replies[0].text;
}

TEST_F(Reminder, AClosedTasksReminderDoesNothingAndIsDone) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5, kSaturday0900);
  {
    // Closed behind the handlers' back, so the job is still there when it falls due.
    store::Transaction transaction(db_);
    tasks_.set_status(task(number).id, store::TaskStatus::finished, kMonday0900);
    transaction.commit();
  }
  ASSERT_TRUE(jobs_.pending("task_reminder", std::to_string(task(1).id)));
  // Through the reminder and the task's end: a closed task's jobs send nothing.
  EXPECT_TRUE(run_jobs(kSaturday0900 + 3 * kHour).empty());
  EXPECT_FALSE(jobs_.pending("task_reminder", std::to_string(task(1).id)));
  EXPECT_FALSE(jobs_.pending("task_end", std::to_string(task(1).id)));
}

TEST_F(Reminder, ABroadcastTasksReminderGoesToEveryGroupItWasPostedIn) {
  Command command = whistle_command("清扫积雪", 10, kSaturday0900);
  command.broadcast = true;
  say("b3", "u-qian", "钱楼栋长", command);
  std::vector<std::string> chats = chats_of(run_jobs(kSaturday0900));
  std::sort(chats.begin(), chats.end());
  EXPECT_EQ(chats, (std::vector<std::string>{"generic:b3", "generic:b3u1", "generic:b3u2"}));
}

TEST_F(Reminder, OnABroadcastTaskEachVolunteerIsRemindedInTheGroupTheyReportedIn) {
  Command command = whistle_command("清扫积雪", 10, kSaturday0900);
  command.broadcast = true;
  say("b3", "u-qian", "钱楼栋长", command);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in, 1));
  say("b3", "u-lisi", "李四", task_command(Intent::report_in, 1));
  std::vector<Reply> replies = run_jobs(kSaturday0900);
  std::sort(replies.begin(), replies.end(), [](const Reply& a, const Reply& b) { return a.chat < b.chat; });
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0].chat, "generic:b3");
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-lisi"});
  EXPECT_EQ(replies[1].chat, "generic:b3u2");
  EXPECT_EQ(replies[1].mentions, std::vector<std::string>{"generic:u-zhang"});
}

TEST_F(Reminder, NothingDueSendsNothing) {
  EXPECT_TRUE(run_jobs(kSaturday0900).empty());
}

}  // namespace
}  // namespace whistle::handlers::testing
