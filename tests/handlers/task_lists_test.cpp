#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using TaskLists = HandlerTest;

TEST_F(TaskLists, ActivityListsTheOpenTasksHereWithPlacesLeft) {
  whistle_in_b3u2("清理楼道杂物", 2);
  whistle_in_b3u2("慰问老人", 1);
  say("b3u2", "u-zhang", "张三", read("报到 2"));
  say("b3u2", "u-lisi", "李四", read("报到 2"));
  const std::vector<Reply> replies = say("b3u2", "u-wangwu", "王五", read("活动"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  const std::string& text = replies[0].text;
  EXPECT_NE(text.find(rendered("tasks_line",
                               {{"task", "1"},
                                {"title", "清理楼道杂物"},
                                {"when", "11月28日(周六) 09:00–11:00"},
                                {"left", rendered("tasks_left", {{"left", "2"}, {"count", "0/2"}})}})),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(rendered("tasks_full", {{"count", "1/1"}, {"waiting", "1"}})), std::string::npos)
      << text;
}

// A question about a numbered task was carried out: the leader's "1号活动取消了吗" cancelled it, "2号
// 任务结束了吗" finished a task six days early, "1号报到了吗" signed the asker up.
TEST_F(TaskLists, AQuestionAboutATaskIsAnsweredWithItsStateAndChangesNothing) {
  const std::int64_t first = whistle_in_b3u2("清理楼道杂物", 5);
  const std::int64_t second = whistle_in_b3u2("慰问老人", 3);
  for (const char* line : {"1号活动取消了吗", "2号任务结束了吗", "1号报到了吗", "1号签到了吗？"}) {
    const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read(line));
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].chat, "generic:b3u2") << line;
    EXPECT_EQ(replies[0].text.rfind("@陈单元长 【吹哨#", 0), 0u) << replies[0].text;
  }
  EXPECT_EQ(task(first).status, store::TaskStatus::open);
  EXPECT_EQ(task(second).status, store::TaskStatus::open);
  EXPECT_EQ(signups_.count(task(first).id, store::SignupState::signed_up), 0);
  EXPECT_FALSE(attendance_.find(task(first).id, qualified("u-chen")));
  // Asked by someone who is in, the answer says so.
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::vector<Reply> mine = say("b3u2", "u-zhang", "张三", read("1号报到了吗"));
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_NE(mine[0].text.find(rendered("task_state_mine", {{"state", rendered("my_signup_signed_up", {})}})),
            std::string::npos)
      << mine[0].text;
  EXPECT_EQ(signups_.count(task(first).id, store::SignupState::signed_up), 1);
  // After a real 撤销 the same question says so.
  say("b3u2", "u-chen", "陈单元长", read("1号活动取消"));
  const std::vector<Reply> after = say("b3u2", "u-chen", "陈单元长", read("1号活动取消了吗"));
  ASSERT_EQ(after.size(), 1u);
  EXPECT_NE(after[0].text.find(rendered("status_cancelled", {})), std::string::npos) << after[0].text;
}

TEST_F(TaskLists, ActivityInAGroupWithoutTasksSaysSo) {
  whistle_in_b3u2("清理楼道杂物", 2);
  const std::vector<Reply> replies = say("b3u1", "u-wangwu", "王五", read("活动"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("tasks_none", {{"mention", "@王五"}}));
}

TEST_F(TaskLists, ATaskPastItsEndIsNoLongerListed) {
  whistle_in_b3u2("清理楼道杂物", 2);
  const std::vector<Reply> during = say("b3u2", "u-wangwu", "王五", read("活动"), kSaturday0900 + kHour);
  ASSERT_EQ(during.size(), 1u);
  EXPECT_NE(during[0].text.find("#1 "), std::string::npos) << during[0].text;
  const std::vector<Reply> replies = say("b3u2", "u-wangwu", "王五", read("活动"), kSaturday0900 + 2 * kHour);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("tasks_none", {{"mention", "@王五"}}));
}

TEST_F(TaskLists, MySignupsShowStateAndWaitlistPlaceAlsoInPrivate) {
  whistle_in_b3u2("清理楼道杂物", 1);
  whistle_in_b3u2("慰问老人", 1);
  whistle_in_b3u2("不相干的任务", 1);
  say("b3u2", "u-zhang", "张三", read("报到 2"));
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("报到 2"));

  const std::vector<Reply> replies = say_privately("u-lisi", "李四", read("我的报到"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:@u-lisi");
  const std::string& text = replies[0].text;
  EXPECT_NE(text.find("#1 "), std::string::npos) << text;
  EXPECT_NE(text.find("#2 "), std::string::npos) << text;
  EXPECT_EQ(text.find("#3 "), std::string::npos) << text;
  EXPECT_NE(text.find(rendered("my_signup_waitlisted", {{"position", "1"}})), std::string::npos) << text;

  // In a group, 我的报到 is the sender's own list too, not the group's.
  const std::vector<Reply> in_group = say("b3u2", "u-zhang", "张三", read("我的报到"));
  ASSERT_EQ(in_group.size(), 1u);
  EXPECT_NE(in_group[0].text.find("#2 "), std::string::npos) << in_group[0].text;
  EXPECT_EQ(in_group[0].text.find("#1 "), std::string::npos) << in_group[0].text;
}

TEST_F(TaskLists, MySignupsWithNoneSaySoAndPointToActivity) {
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("我的报到"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("my_signups_none", {{"mention", "@张三"}}));
}

}  // namespace
}  // namespace whistle::handlers::testing
