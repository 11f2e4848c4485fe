#include <gtest/gtest.h>

#include <iterator>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

class Edit : public HandlerTest {
 protected:
  static bool told_in_private(const std::vector<Reply>& replies, const std::string& person) {
    return std::any_of(replies.begin(), replies.end(),
                       [&](const Reply& reply) { return reply.chat == "generic:@" + person; });
  }
  void report_in(const std::string& person, const std::string& name) {
    say("b3u2", person, name, read("报到 1"));
  }
};

// Tuesday 2026-11-24 15:00 in Asia/Shanghai.
constexpr std::int64_t kTuesday1500 = kMonday0900 + 30 * kHour;

TEST_F(Edit, ANewTimeKeepsTheSignupsTellsEveryoneAndMovesTheJobs) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  report_in("u-zhang", "张三");
  report_in("u-lisi", "李四");  // waiting
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("修改 1 时间 明天下午3点"));

  EXPECT_EQ(task(number).start, kTuesday1500);
  EXPECT_EQ(task(number).end, kTuesday1500 + 2 * kHour);  // the length is kept
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::waitlisted);
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_EQ(replies[0].text.rfind("【吹哨#1】", 0), 0u);
  EXPECT_TRUE(told_in_private(replies, "u-zhang"));
  EXPECT_TRUE(told_in_private(replies, "u-lisi"));
  // Waiting, 李四 is told as one waiting, not asked to send 请假 for a place he does not hold.
  const auto note_to = [&](const std::string& person) {
    return std::find_if(replies.begin(), replies.end(),
                        [&](const Reply& reply) { return reply.chat == "generic:@" + person; })
        ->text;
  };
  EXPECT_NE(note_to("u-lisi"), note_to("u-zhang"));
  EXPECT_EQ(note_to("u-lisi").rfind(
                rendered("edit_private_waiting", {{"task", "1"}, {"changes", ""}, {"summary", ""}})
                    .substr(0, std::string("【吹哨#1】").size()),
                0),
            0u);

  // The reminder now comes an hour before the new start, and nothing at the old one.
  EXPECT_TRUE(run_jobs(kTuesday1500 - kHour - 1).empty());
  EXPECT_EQ(chats_of(run_jobs(kTuesday1500 - kHour)), std::vector<std::string>{"generic:b3u2"});
  // The end moved too: 张三 never checked in and is a no-show at 17:00, not on Saturday.
  EXPECT_FALSE(told_in_private(run_jobs(kTuesday1500 + 2 * kHour - 1), "u-zhang"));
  EXPECT_TRUE(told_in_private(run_jobs(kTuesday1500 + 2 * kHour), "u-zhang"));
  EXPECT_TRUE(run_jobs(kSaturday0900 + 3 * kHour).empty());
}

// Read alone, "下午3点" meant today and "周日" meant 09:00: a Saturday task moved to Monday, or lost
// its hour. The part not named is the task's own.
TEST_F(Edit, ATimeThatNamesOnlyAClockOrADayKeepsTheRestFromTheTask) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);  // Saturday 09:00–11:00
  const std::int64_t saturday_1500 = kSaturday0900 + 6 * kHour;
  const std::int64_t sunday_1500 = saturday_1500 + 24 * kHour;
  const auto edit = [&](const char* line) { say("b3u2", "u-chen", "陈单元长", read(line)); };

  edit("修改 1 时间 下午3点");
  EXPECT_EQ(task(number).start, saturday_1500);
  EXPECT_EQ(task(number).end, saturday_1500 + 2 * kHour);
  edit("修改 1 时间 周日");
  EXPECT_EQ(task(number).start, sunday_1500);
  EXPECT_EQ(task(number).end, sunday_1500 + 2 * kHour);
  edit("修改 1 结束时间 18点");
  EXPECT_EQ(task(number).start, sunday_1500);
  EXPECT_EQ(task(number).end, sunday_1500 + 3 * kHour);
  edit("修改 1 推迟一小时");
  EXPECT_EQ(task(number).start, sunday_1500 + kHour);
  EXPECT_EQ(task(number).end, sunday_1500 + 4 * kHour);
  edit("修改 1 时间 提前半小时");
  EXPECT_EQ(task(number).start, sunday_1500 + kHour / 2);
  EXPECT_EQ(task(number).end, sunday_1500 + 3 * kHour + kHour / 2);
}

TEST_F(Edit, APlaceKeepsWhereAtItIsSaid) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);
  say("b3u2", "u-chen", "陈单元长", read("修改 1 地点 3号楼2单元门口"));
  EXPECT_EQ(task(number).place, "3号楼2单元门口");
}

// "Reusing" last week's task for next week carried its check-ins, pay and no-shows along.
TEST_F(Edit, WorkBegunWithPeopleOnSiteOrDoneIsNotMovedToAnotherTime) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);  // Saturday 09:00–11:00
  report_in("u-zhang", "张三");
  say("b3u2", "u-zhang", "张三", read("签到 1", kSaturday0900 + 5 * 60), kSaturday0900 + 5 * 60);
  for (const std::int64_t at : {kSaturday0900 + 30 * 60, kSaturday0900 + 3 * kHour}) {
    const std::vector<Reply> replies =
        say("b3u2", "u-chen", "陈单元长", read("修改 1 时间 下周六上午9点", at), at);
    ASSERT_EQ(replies.size(), 1u);
    EXPECT_EQ(task(number).start, kSaturday0900);
  }
}

// An exploratory run of an urgent night (2026-12-06): a task under way could not run longer in any
// phrasing, and the refusal spoke of a new start the leader had not named.
TEST_F(Edit, ATaskUnderWayMayEndLaterOrSoonerWithPeopleOnSite) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);  // Saturday 09:00–11:00
  report_in("u-zhang", "张三");
  report_in("u-lisi", "李四");
  say("b3u2", "u-zhang", "张三", read("签到 1", kSaturday0900 + 5 * 60), kSaturday0900 + 5 * 60);
  const std::int64_t now = kSaturday0900 + kHour;
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("修改 1 结束时间 12点", now), now);
  EXPECT_EQ(task(number).start, kSaturday0900);
  EXPECT_EQ(task(number).end, kSaturday0900 + 3 * kHour);
  ASSERT_FALSE(replies.empty());
  // The end's job moved with it: 李四 is a no-show at 12:00, not at 11:00.
  EXPECT_FALSE(told_in_private(run_jobs(kSaturday0900 + 2 * kHour), "u-lisi"));
  EXPECT_TRUE(told_in_private(run_jobs(kSaturday0900 + 3 * kHour), "u-lisi"));
}

TEST_F(Edit, AnEndAtNightIsReadAfterTheStart) {
  const std::int64_t number = whistle_in_b3u2("巡查楼道防冻", 3, kMonday2300);
  const std::int64_t now = kMonday2300 + 30 * 60;
  say("b3u2", "u-chen", "陈单元长", read("修改 1 结束时间 2点", now), now);
  EXPECT_EQ(task(number).start, kMonday2300);
  EXPECT_EQ(task(number).end, kMonday2300 + 3 * kHour);  // 02:00, not 14:00
}

// A review (2026-12-06): "延长1小时" was read as the task's new length and cut a night patrol under
// way to an hour; "结束时间 23点" at 23:36 moved the end to 11:00 the next morning.
TEST_F(Edit, ATaskUnderWayIsExtendedByALengthAndAClockAlreadyPastIsRefused) {
  const std::int64_t number = whistle_in_b3u2("巡查楼道防冻", 3, kMonday2300);  // 23:00–01:00
  report_in("u-zhang", "张三");
  say("b3u2", "u-zhang", "张三", read("签到 1", kMonday2300), kMonday2300);
  const std::int64_t now = kMonday2300 + 36 * 60;
  say("b3u2", "u-chen", "陈单元长", read("修改 1 延长1小时", now), now);
  EXPECT_EQ(task(number).start, kMonday2300);
  EXPECT_EQ(task(number).end, kMonday2300 + 3 * kHour);
  for (const char* line : {"修改 1 结束时间 23点", "修改 1 结束时间 晚上10点"}) {
    say("b3u2", "u-chen", "陈单元长", read(line, now), now);
    EXPECT_EQ(task(number).end, kMonday2300 + 3 * kHour) << line;
  }
  say("b3u2", "u-chen", "陈单元长", read("修改 1 缩短半小时", now), now);
  EXPECT_EQ(task(number).end, kMonday2300 + 150 * 60);
  say("b3u2", "u-chen", "陈单元长", read("修改 1 结束时间 推迟1小时", now), now);
  EXPECT_EQ(task(number).start, kMonday2300);
  EXPECT_EQ(task(number).end, kMonday2300 + 210 * 60);
}

// The second review (2026-12-06): a task with no end yet moved its start by the length.
TEST_F(Edit, ExtendingATaskWithNoEndGivesItThatLength) {
  say("b3u2", "u-chen", "陈单元长", read("吹哨 清理楼道杂物 3人 周六上午9点"));
  ASSERT_FALSE(task(1).end);
  say("b3u2", "u-chen", "陈单元长", read("修改 1 延长1小时"));
  EXPECT_EQ(task(1).start, kSaturday0900);
  EXPECT_EQ(task(1).end, kSaturday0900 + kHour);
}

// The final read (2026-12-06): "延长到12点" was read as a new start, and for a task of the afternoon
// "结束时间 下午3点" became 03:00 the next night.
TEST_F(Edit, ExtendedToAClockIsTheEndAndAnAfternoonClockStaysTheAfternoon) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);  // Saturday 09:00–11:00
  say("b3u2", "u-chen", "陈单元长", read("修改 1 延长到12点"));
  EXPECT_EQ(task(number).start, kSaturday0900);
  EXPECT_EQ(task(number).end, kSaturday0900 + 3 * kHour);

  const std::int64_t afternoon = whistle_in_b3u2("慰问老人", 3, kSaturday0900 + 7 * kHour);  // 16:00–18:00
  say("b3u2", "u-chen", "陈单元长", read("修改 2 结束时间 下午3点"));
  EXPECT_EQ(task(afternoon).end, kSaturday0900 + 9 * kHour);
}

TEST_F(Edit, AnEndEarlierThanNowIsRefused) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);  // Saturday 09:00–11:00
  const std::int64_t now = kSaturday0900 + 90 * 60;
  say("b3u2", "u-chen", "陈单元长", read("修改 1 结束时间 10点", now), now);
  EXPECT_EQ(task(number).end, kSaturday0900 + 2 * kHour);
}

TEST_F(Edit, OnceBegunThePlacesMoveNobody) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 2);  // Saturday 09:00–11:00
  report_in("u-zhang", "张三");
  report_in("u-lisi", "李四");
  report_in("u-wangwu", "王五");  // waiting
  say("b3u2", "u-lisi", "李四", read("签到 1", kSaturday0900), kSaturday0900);
  for (const char* line : {"修改 1 人数 1", "修改 1 人数 3"}) {
    const std::int64_t at = kSaturday0900 + 110 * 60;
    const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read(line, at), at);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(task(number).places, 2) << line;
  }
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-wangwu"), store::SignupState::waitlisted);
}

TEST_F(Edit, FewerPlacesPutTheLatestSignupsAtTheHeadOfTheWaitlist) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);
  report_in("u-zhang", "张三");
  report_in("u-lisi", "李四");
  report_in("u-wangwu", "王五");
  report_in("u-zhaoliu", "赵六");  // waiting
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("修改 1 人数 1"));

  const std::int64_t id = task(number).id;
  EXPECT_EQ(task(number).places, 1);
  EXPECT_EQ(signups_.count(id, store::SignupState::signed_up), 1);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signups_.waitlist_position(id, qualified("u-lisi")), 1);
  EXPECT_EQ(signups_.waitlist_position(id, qualified("u-wangwu")), 2);
  EXPECT_EQ(signups_.waitlist_position(id, qualified("u-zhaoliu")), 3);
  const std::string lisi_note =
      rendered("edit_moved_to_waitlist",
               {{"task", "1"}, {"title", "清理楼道杂物"}, {"places", "1"}, {"position", "1"}});
  EXPECT_TRUE(std::find(replies.begin(), replies.end(),
                        Reply{"generic:@u-lisi", lisi_note, {"generic:u-lisi"}}) != replies.end());
}

// "1号人数改成5人", "1号地点改到3号楼1单元": the field first, after the number, got silence (an
// exploratory run of corrections, 2026-12-06).
TEST_F(Edit, TheFieldNamedAfterTheNumberIsChanged) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-chen", "陈单元长", read("1号人数改成5人"));
  EXPECT_EQ(task(number).places, std::optional<int>(5));
  say("b3u2", "u-chen", "陈单元长", read("1号地点改到社区广场"));
  EXPECT_EQ(task(number).place, std::optional<std::string>("社区广场"));
  // A change word the value is not read past is no edit: 换到 was kept in the place (the final read).
  say("b3u2", "u-chen", "陈单元长", read("1号地点换到3号楼门口"));
  EXPECT_EQ(task(number).place, std::optional<std::string>("社区广场"));
  // Asked, proposed or told, it changes nothing: each of these did (a review, 2026-12-06).
  for (const char* line : {"1号人数够了吗", "1号人数改成10人可以吗", "1号地点改到哪了",
                           "1号时间改成下午3点了吗？", "1号时间改成下午3点了，大家别去早了"}) {
    EXPECT_TRUE(say("b3u2", "u-chen", "陈单元长", read(line)).empty()) << line;
  }
  EXPECT_EQ(task(number).places, std::optional<int>(5));
  EXPECT_EQ(task(number).place, std::optional<std::string>("社区广场"));
  EXPECT_EQ(task(number).start, kSaturday0900);
}

TEST_F(Edit, MorePlacesMoveTheWaitlistUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  report_in("u-zhang", "张三");
  report_in("u-lisi", "李四");
  report_in("u-wangwu", "王五");
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("修改 1 人数 2"));
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-wangwu"), store::SignupState::waitlisted);
  const int moved_up_notes =
      static_cast<int>(std::count_if(replies.begin(), replies.end(), [&](const Reply& r) {
        return r.text.find(rendered(
                   "edit_moved_up",
                   {{"task", "1"}, {"title", "清理楼道杂物"}, {"when", "11月28日(周六) 09:00–11:00"}})) !=
               std::string::npos;
      }));
  EXPECT_EQ(moved_up_notes, 1);
}

TEST_F(Edit, EveryoneConcernedHearsOnceInPrivate) {
  whistle_in_b3u2("清理楼道杂物", 2);
  report_in("u-zhang", "张三");
  report_in("u-lisi", "李四");
  report_in("u-wangwu", "王五");   // waiting, then moved up
  report_in("u-zhaoliu", "赵六");  // waiting still
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("修改 1 人数 3"));
  for (const char* person : {"u-zhang", "u-lisi", "u-wangwu", "u-zhaoliu"}) {
    const std::string chat = "generic:@" + std::string(person);
    EXPECT_EQ(std::count_if(replies.begin(), replies.end(), [&](const Reply& r) { return r.chat == chat; }),
              1)
        << person;
  }
  const std::string moved_up = rendered(
      "edit_moved_up", {{"task", "1"}, {"title", "清理楼道杂物"}, {"when", "11月28日(周六) 09:00–11:00"}});
  EXPECT_TRUE(std::any_of(replies.begin(), replies.end(), [&](const Reply& r) {
    return r.chat == "generic:@u-wangwu" && r.text.find(moved_up) != std::string::npos;
  }));
}

// Moved up by an edit that also moved the place, the volunteer's one message says both.
TEST_F(Edit, SomeoneMovedUpByAnEditOfMoreThanThePlacesHearsTheWholeChange) {
  whistle_in_b3u2("清理楼道杂物", 1);
  report_in("u-zhang", "张三");
  report_in("u-wangwu", "王五");  // waiting
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("修改 1 人数 2人 地点 5号楼门口"));
  std::vector<Reply> to_wangwu;
  std::copy_if(replies.begin(), replies.end(), std::back_inserter(to_wangwu),
               [](const Reply& r) { return r.chat == "generic:@u-wangwu"; });
  ASSERT_EQ(to_wangwu.size(), 1u);
  EXPECT_EQ(signup_state(1, "u-wangwu"), store::SignupState::signed_up);
  EXPECT_NE(to_wangwu[0].text.find("5号楼门口"), std::string::npos) << to_wangwu[0].text;
  EXPECT_NE(to_wangwu[0].text.find(
                rendered("edit_moved_up",
                         {{"task", "1"}, {"title", "清理楼道杂物"}, {"when", "11月28日(周六) 09:00–11:00"}})),
            std::string::npos)
      << to_wangwu[0].text;
}

TEST_F(Edit, OnlyALeaderOfTheTaskMayEditIt) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("修改 1 人数 2"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_NE(replies[0].text.find("陈单元长"), std::string::npos) << replies[0].text;
  EXPECT_EQ(task(number).places, 5);
}

TEST_F(Edit, TitlePlaceAndPointsMayChange) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-chen", "陈单元长", read("修改 1 标题 打扫卫生"));
  say("b3u2", "u-chen", "陈单元长", read("修改 1 积分 8"));
  EXPECT_EQ(task(number).title, "打扫卫生");
  EXPECT_EQ(task(number).points, 8);
}

// A whistle without points paid +0 at 验收; "修改 1 积分 10" was then announced to everyone, and the
// next 验收 said he was paid already (an exploratory run of newcomers, 2026-12-06). Points already
// paid are not changed by an edit, and the leader is told what settles the difference.
TEST_F(Edit, PointsOfATaskAlreadyPaidAreNotChangedAndTheDifferenceIsPointedTo) {
  say("b3u2", "u-chen", "陈单元长", read("吹哨 清理楼道 5人 周六上午9点 2小时"));
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("签到 1"), kSaturday0900);
  say("b3u2", "u-zhang", "张三", read("签退 1"), kSaturday0900 + 2 * kHour);
  say("b3u2", "u-chen", "陈单元长", read("验收 1"), kSaturday0900 + 2 * kHour + 600);
  ASSERT_EQ(ledger_.balance("c1", qualified("u-zhang")), 0);

  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("修改 1 积分 10"), kSaturday0900 + 2 * kHour + 900);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_TRUE(replies[0].text.find(rendered("edit_points_example_add",
                                            {{"name", "张三"}, {"points", "10"}, {"title", "清理楼道"}})) !=
              std::string::npos)
      << replies[0].text;
  EXPECT_EQ(task(1).points, 0);
  EXPECT_FALSE(told_in_private(replies, "u-zhang"));
}

TEST_F(Edit, APastTimeIsRefusedAndChangesNothing) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("修改 1 时间 今天上午8点"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text.rfind("【吹哨#1】", 0), 0u);
  EXPECT_EQ(task(number).start, kSaturday0900);
}

TEST_F(Edit, AnEditWithNothingToChangeAsksWhat) {
  whistle_in_b3u2("清理楼道杂物", 5);
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("修改 1"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("edit_nothing", {{"task", "1"}, {"mention", "@陈单元长"}}));
}

}  // namespace
}  // namespace whistle::handlers::testing
