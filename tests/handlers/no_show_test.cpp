#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

class NoShow : public HandlerTest {
 protected:
  // Saturday 09:00–11:00 in b3u2: 张三 checks in, 李四 does not, 王五 waits (2 places).
  std::int64_t task_with_three() {
    const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 2);
    say("b3u2", "u-zhang", "张三", read("报到 1"));
    say("b3u2", "u-lisi", "李四", read("报到 1"));
    say("b3u2", "u-wangwu", "王五", read("报到 1"));
    say("b3u2", "u-zhang", "张三", read("签到 1"), kSaturday0900);
    return number;
  }

  std::optional<store::AttendanceOutcome> outcome_of(std::int64_t number, const std::string& person) {
    const std::optional<store::Attendance> row = attendance_.find(task(number).id, qualified(person));
    return row ? row->outcome : std::nullopt;
  }

  void give_points(const std::string& person, std::int64_t points) {
    store::NewLedgerEntry entry;
    entry.community = "c1";
    entry.person = qualified(person);
    entry.points = points;
    entry.kind = store::LedgerKind::adjust;
    entry.reason = "test";
    entry.at = kMonday0900;
    ledger_.append(entry);
  }

  static std::vector<std::string> private_chats(const std::vector<Reply>& replies) {
    std::vector<std::string> chats;
    for (const Reply& reply : replies) {
      if (reply.chat.find(":@") != std::string::npos) chats.push_back(reply.chat);
    }
    return chats;
  }
};

TEST_F(NoShow, AtTheEndTheSignedUpWhoNeverCheckedInAreNoShowsAndToldInPrivate) {
  const std::int64_t number = task_with_three();
  EXPECT_TRUE(private_chats(run_jobs(kSaturday0900 + 2 * kHour - 1)).empty());
  const std::vector<Reply> replies = run_jobs(kSaturday0900 + 2 * kHour);
  // 李四 hears he is a no-show; 陈单元长 that 张三 came and waits for 验收.
  EXPECT_EQ(private_chats(replies), (std::vector<std::string>{"generic:@u-lisi", "generic:@u-chen"}));
  EXPECT_TRUE(contains(replies.back().text, "张三")) << replies.back().text;
  EXPECT_EQ(outcome_of(number, "u-lisi"), store::AttendanceOutcome::no_show);
  EXPECT_FALSE(outcome_of(number, "u-zhang"));   // present: the leader settles it
  EXPECT_FALSE(outcome_of(number, "u-wangwu"));  // waiting: had no place to come to
  // no_show_points is 0 by default: no ledger entry.
  EXPECT_FALSE(ledger_.has_task_entry(task(number).id, qualified("u-lisi"), store::LedgerKind::no_show));
}

TEST_F(NoShow, PointsAreTakenOnceAndNeverBelowZero) {
  config_.rules.no_show_points = 3;
  const std::int64_t number = task_with_three();
  give_points("u-lisi", 2);
  run_jobs(kSaturday0900 + 2 * kHour);
  EXPECT_TRUE(ledger_.has_task_entry(task(number).id, qualified("u-lisi"), store::LedgerKind::no_show));
  EXPECT_EQ(ledger_.balance("c1", qualified("u-lisi")), 0);
  // Closing by hand afterwards takes nothing more.
  say("b3u2", "u-chen", "陈单元长", read("结束 1"), kSaturday0900 + 3 * kHour);
  EXPECT_EQ(ledger_.balance("c1", qualified("u-lisi")), 0);
  EXPECT_EQ(ledger_.digest("c1").entries, 2);
}

// Vouched for after the end recorded them missing: paid, and the penalty given back, so the
// ledger and the 失约 rate (which no longer counts them) agree.
TEST_F(NoShow, AConfirmationOfANoShowGivesThePenaltyBackOnce) {
  config_.rules.no_show_points = 3;
  const std::int64_t number = task_with_three();
  give_points("u-lisi", 10);
  run_jobs(kSaturday0900 + 2 * kHour);
  ASSERT_EQ(ledger_.balance("c1", qualified("u-lisi")), 7);
  const std::int64_t later = kSaturday0900 + 3 * kHour;
  say("b3u2", "u-chen", "陈单元长", read("确认 1 @李四", later), later);
  EXPECT_EQ(ledger_.balance("c1", qualified("u-lisi")), 10 + task(number).points);
  EXPECT_EQ(outcome_of(number, "u-lisi"), store::AttendanceOutcome::vouched);
  // Confirmed again: nothing more either way.
  say("b3u2", "u-chen", "陈单元长", read("确认 1 @李四", later + 60), later + 60);
  EXPECT_EQ(ledger_.balance("c1", qualified("u-lisi")), 10 + task(number).points);
}

// Vouched for by mistake: taking the pay back makes them a no-show again, the deduction with it.
TEST_F(NoShow, AVouchTakenBackIsANoShowAgain) {
  config_.rules.no_show_points = 3;
  const std::int64_t number = task_with_three();
  give_points("u-lisi", 10);
  run_jobs(kSaturday0900 + 2 * kHour);
  const std::int64_t later = kSaturday0900 + 3 * kHour;
  say("b3u2", "u-chen", "陈单元长", read("确认 1 @李四", later), later);
  ASSERT_EQ(ledger_.balance("c1", qualified("u-lisi")), 10 + task(number).points);

  say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @李四 其实没来", later + 60), later + 60);
  EXPECT_EQ(ledger_.balance("c1", qualified("u-lisi")), 7);
  EXPECT_EQ(ledger_.total_minutes("c1", qualified("u-lisi")), 0);
  EXPECT_EQ(outcome_of(number, "u-lisi"), store::AttendanceOutcome::no_show);
}

// Vouched for before the task's end without a check-in, then taken back: a no-show with its
// deduction, as a plain 不予确认 would record (a final read, 2026-12-06: none was taken).
TEST_F(NoShow, AVouchBeforeTheEndTakenBackIsDeductedAsANoShow) {
  config_.rules.no_show_points = 3;
  const std::int64_t number = task_with_three();
  give_points("u-lisi", 10);
  const std::int64_t during = kSaturday0900 + kHour;
  say("b3u2", "u-chen", "陈单元长", read("确认 1 @李四", during), during);
  ASSERT_EQ(ledger_.balance("c1", qualified("u-lisi")), 10 + task(number).points);
  say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @李四 其实没来", during + 60), during + 60);
  EXPECT_EQ(ledger_.balance("c1", qualified("u-lisi")), 7);
  EXPECT_EQ(outcome_of(number, "u-lisi"), store::AttendanceOutcome::no_show);
}

TEST_F(NoShow, WithAZeroBalanceNothingIsWritten) {
  config_.rules.no_show_points = 3;
  const std::int64_t number = task_with_three();
  const std::vector<Reply> replies = run_jobs(kSaturday0900 + 2 * kHour);
  EXPECT_EQ(private_chats(replies).size(), 2u);  // 李四, and 陈单元长 about 张三 who came
  EXPECT_EQ(ledger_.digest("c1").entries, 0);
  EXPECT_EQ(outcome_of(number, "u-lisi"), store::AttendanceOutcome::no_show);
}

TEST_F(NoShow, FinishingByHandSettlesNoShowsAndTheEndJobIsDropped) {
  config_.rules.no_show_points = 1;
  const std::int64_t number = task_with_three();
  give_points("u-lisi", 5);
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("结束 1"), kSaturday0900 + kHour);
  EXPECT_EQ(private_chats(replies), std::vector<std::string>{"generic:@u-lisi"});
  // The group thanks 张三, who came, and not 李四.
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-zhang"});
  EXPECT_EQ(outcome_of(number, "u-lisi"), store::AttendanceOutcome::no_show);
  EXPECT_EQ(ledger_.balance("c1", qualified("u-lisi")), 4);
  EXPECT_TRUE(private_chats(run_jobs(kSaturday0900 + 2 * kHour)).empty());
  EXPECT_EQ(ledger_.balance("c1", qualified("u-lisi")), 4);
}

TEST_F(NoShow, FinishingBeforeCheckInOpensMakesNoNoShows) {
  config_.rules.no_show_points = 1;
  const std::int64_t number = task_with_three();
  give_points("u-lisi", 5);
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("结束 1"), kSaturday0900 - 2 * kHour);
  EXPECT_TRUE(private_chats(replies).empty());
  EXPECT_FALSE(outcome_of(number, "u-lisi"));
  EXPECT_EQ(ledger_.balance("c1", qualified("u-lisi")), 5);
}

TEST_F(NoShow, ATaskWhistledWithoutAnEndIsOverADayAfterItsStart) {
  say("b3u2", "u-chen", "陈单元长", read("吹哨 社区义诊引导 周六上午9点 5分"));
  ASSERT_FALSE(task(1).end);
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  EXPECT_TRUE(private_chats(run_jobs(kSaturday0900 + 24 * kHour - 1)).empty());
  EXPECT_EQ(private_chats(run_jobs(kSaturday0900 + 24 * kHour)), std::vector<std::string>{"generic:@u-lisi"});
  EXPECT_EQ(outcome_of(1, "u-lisi"), store::AttendanceOutcome::no_show);
}

TEST_F(NoShow, ACancelledTaskMakesNoNoShows) {
  // Called off an hour in with nobody there yet (with someone checked in it is ended instead).
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 2);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  say("b3u2", "u-chen", "陈单元长", read("撤销 1"), kSaturday0900 + kHour);
  ASSERT_EQ(task(number).status, store::TaskStatus::cancelled);
  run_jobs(kSaturday0900 + 2 * kHour);
  EXPECT_FALSE(outcome_of(number, "u-lisi"));
}

}  // namespace
}  // namespace whistle::handlers::testing
