#include <gtest/gtest.h>

#include "ledger_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using Refuse = LedgerTest;

TEST_F(Refuse, ARefusedStayEarnsNothingAndThePersonIsToldWhyInPrivate) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}, {"u-liu", "刘阿姨"}});
  check_in(number, "u-zhang", kSaturday0900);
  check_out(number, "u-zhang", kSaturday0900 + 10 * 60);
  flag(number, "u-zhang", "只待了10分钟");

  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @张三 签到后就走了"), kSaturday1130);
  EXPECT_EQ(chats_of(replies), (std::vector<std::string>{"generic:b3u2", "generic:@u-zhang"}));
  EXPECT_TRUE(contains(replies[0].text, rendered("refuse_note_done", {{"names", "张三"}})))
      << replies[0].text;
  EXPECT_TRUE(contains(replies[1].text, "签到后就走了")) << replies[1].text;
  EXPECT_TRUE(contains(replies[1].text, "【吹哨#1】")) << replies[1].text;
  EXPECT_EQ(outcome(number, "u-zhang"), store::AttendanceOutcome::refused);
  EXPECT_EQ(balance("u-zhang"), 0);

  // A later 验收 keeps the refusal; the leader's named 确认 may still overturn it.
  say("b3u2", "u-chen", "陈单元长", read("验收 1"), kSaturday1130 + 60);
  EXPECT_EQ(balance("u-zhang"), 0);
  say("b3u2", "u-chen", "陈单元长", read("确认 1 @张三"), kSaturday1130 + 120);
  EXPECT_EQ(balance("u-zhang"), 10);
  EXPECT_EQ(outcome(number, "u-zhang"), store::AttendanceOutcome::vouched);
}

// 验收 paid someone who was not there: 不予确认 takes the pay back — a correcting entry, since the
// ledger is append-only — and the hours with it, which a 扣分 could not.
TEST_F(Refuse, APayGivenByMistakeIsTakenBackPointsAndHours) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}});
  check_in(number, "u-zhang", kSaturday0900);
  check_out(number, "u-zhang", kSaturday0900 + 2 * kHour);
  say("b3u2", "u-chen", "陈单元长", read("验收 1"), kSaturday1130);
  ASSERT_EQ(balance("u-zhang"), 10);
  ASSERT_EQ(ledger_.total_minutes("c1", qualified("u-zhang")), 120);

  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @张三 他没来，是我点错了"), kSaturday1130 + 60);
  EXPECT_EQ(chats_of(replies), (std::vector<std::string>{"generic:b3u2", "generic:@u-zhang"}));
  EXPECT_TRUE(contains(replies[0].text, "张三")) << replies[0].text;
  EXPECT_TRUE(contains(replies[1].text, "他没来")) << replies[1].text;
  EXPECT_EQ(balance("u-zhang"), 0);
  EXPECT_EQ(ledger_.total_minutes("c1", qualified("u-zhang")), 0);
  EXPECT_EQ(outcome(number, "u-zhang"), store::AttendanceOutcome::refused);
  // The correction is a task entry of the opposite sign, dated as the pay was (the month's
  // figures put right), by the leader.
  const std::vector<store::LedgerEntry> entries = ledger_.of_task(task(number).id);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].kind, store::LedgerKind::task);
  EXPECT_EQ(entries[1].points, -10);
  EXPECT_EQ(entries[1].minutes, -120);
  EXPECT_EQ(entries[1].at, entries[0].at);
  EXPECT_EQ(entries[1].author, qualified("u-chen"));

  // Said again: nothing more is taken.
  say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @张三 没来"), kSaturday1130 + 120);
  EXPECT_EQ(ledger_.of_task(task(number).id).size(), 2u);
  // A later 验收 keeps the refusal; a named 确认 pays again, once.
  say("b3u2", "u-chen", "陈单元长", read("验收 1"), kSaturday1130 + 180);
  EXPECT_EQ(balance("u-zhang"), 0);
  say("b3u2", "u-chen", "陈单元长", read("确认 1 @张三"), kSaturday1130 + 240);
  EXPECT_EQ(balance("u-zhang"), 10);
  EXPECT_EQ(ledger_.total_minutes("c1", qualified("u-zhang")), 120);
  say("b3u2", "u-chen", "陈单元长", read("确认 1 @张三"), kSaturday1130 + 300);
  EXPECT_EQ(balance("u-zhang"), 10);
}

// Points held by a redemption not yet collected would come back on 取消兑换: the leader is told
// (a review, 2026-12-06).
TEST_F(Refuse, PointsHeldByARedemptionAreNamedWhenTheyCannotBeTakenBack) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}});
  check_in(number, "u-zhang", kSaturday0900);
  check_out(number, "u-zhang", kSaturday0900 + 2 * kHour);
  say("b3u2", "u-chen", "陈单元长", read("验收 1"), kSaturday1130);
  say("b3u2", "u-chen", "陈单元长", read("加分 @张三 25 帮忙搬桌子"), kSaturday1130);
  say_privately("u-zhang", "张三", read("兑换 洗衣液", kSaturday1130), kSaturday1130);
  ASSERT_EQ(balance("u-zhang"), 5);  // 10 + 25, and 30 held for the 洗衣液
  const std::int64_t held = 30;
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @张三 没来"), kSaturday1130 + 60);
  ASSERT_GE(replies.size(), 2u);
  EXPECT_EQ(replies[1].chat, "generic:@u-chen");
  EXPECT_TRUE(contains(replies[1].text, std::to_string(held) + "分押在")) << replies[1].text;
  EXPECT_EQ(balance("u-zhang"), 0);
}

// 确认错了 says why itself: no reason is asked for (a review, 2026-12-06).
TEST_F(Refuse, AMistakeSaidAsSuchNeedsNoOtherReason) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}});
  check_in(number, "u-zhang", kSaturday0900);
  check_out(number, "u-zhang", kSaturday0900 + 2 * kHour);
  say("b3u2", "u-chen", "陈单元长", read("验收 1"), kSaturday1130);
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("确认错了 1 @张三"), kSaturday1130 + 60);
  EXPECT_EQ(balance("u-zhang"), 0);
  ASSERT_EQ(chats_of(replies), (std::vector<std::string>{"generic:b3u2", "generic:@u-zhang"}));
  EXPECT_TRUE(contains(replies[1].text, rendered("taken_back_default_why", {}))) << replies[1].text;
}

// The words' own reason fits only a pay taken back: someone never confirmed is neither refused nor
// recorded 失约 on 撤销确认 (a final read, 2026-12-06).
TEST_F(Refuse, TakingBackSomeoneNeverConfirmedChangesNothing) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}, {"u-liu", "刘阿姨"}});
  check_in(number, "u-zhang", kSaturday0900);
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("撤销确认 1 @张三 @刘阿姨"), kSaturday1130);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, rendered("refuse_note_not_confirmed", {{"names", "张三、刘阿姨"}})))
      << replies[0].text;
  EXPECT_FALSE(outcome(number, "u-zhang"));
  EXPECT_FALSE(outcome(number, "u-liu"));
}

// "取消确认 1 家里有事" from a volunteer is about their own place (a review, 2026-12-06).
TEST_F(Refuse, AVolunteersOwnTakingBackIsPointedToWithdrawing) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}});
  for (const char* line : {"取消确认 1 家里有事", "确认错了 1"}) {
    const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read(line));
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].text, rendered("refuse_own_place", {{"mention", "@张三"}, {"task", "1"}})) << line;
  }
  EXPECT_FALSE(outcome(number, "u-zhang"));
}

// After its month's 公示 the pay stands: that month does not change, and dated now the correction
// left December's figures below zero (a review, 2026-12-06). The leader is pointed to 扣分.
TEST_F(Refuse, APayInAPublishedMonthIsNotTakenBack) {
  constexpr std::int64_t kDecemberFirst0900 = 1796086800;
  const std::int64_t number = task_with({{"u-zhang", "张三"}});  // Saturday 28 November
  check_in(number, "u-zhang", kSaturday0900);
  check_out(number, "u-zhang", kSaturday0900 + 2 * kHour);
  say("b3u2", "u-chen", "陈单元长", read("验收 1"), kSaturday1130);
  ASSERT_FALSE(run_jobs(kDecemberFirst0900).empty());  // the 1st's 公示 of November
  const std::int64_t later = kDecemberFirst0900 + kHour;
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @张三 没来", later), later);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, rendered("refuse_note_published", {{"names", "张三"}})))
      << replies[0].text;
  EXPECT_EQ(balance("u-zhang"), 10);
  EXPECT_EQ(ledger_.of_task(task(number).id).size(), 1u);
  EXPECT_EQ(outcome(number, "u-zhang"), store::AttendanceOutcome::confirmed);
}

// Points already spent cannot be taken back: the balance stays at zero or above, the hours go all
// the same, and a later 确认 pays only what the taking back left out.
TEST_F(Refuse, SpentPointsAreNotTakenBelowZeroNorPaidTwice) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}});
  check_in(number, "u-zhang", kSaturday0900);
  check_out(number, "u-zhang", kSaturday0900 + 2 * kHour);
  say("b3u2", "u-chen", "陈单元长", read("验收 1"), kSaturday1130);
  store::NewLedgerEntry spent{.community = "c1",
                              .person = qualified("u-zhang"),
                              .points = -7,
                              .kind = store::LedgerKind::redeem,
                              .reason = "大米",
                              .at = kSaturday1130};
  {
    store::Transaction transaction(db_);
    ledger_.append(spent);
    transaction.commit();
  }
  ASSERT_EQ(balance("u-zhang"), 3);

  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @张三 没来"), kSaturday1130 + 60);
  // What could not be taken back tells of his balance: the leader reads it in private.
  ASSERT_EQ(replies.size(), 3u);  // the group told where the note went, the leader, 张三
  EXPECT_EQ(replies[1].chat, "generic:@u-chen");
  const std::string shortfall = rendered("refuse_taken_back_item_short",
                                         {{"name", "张三"}, {"points", "3"}, {"hours", "2"}, {"short", "7"}});
  EXPECT_TRUE(contains(replies[1].text, shortfall)) << replies[1].text;
  EXPECT_FALSE(contains(replies[0].text, shortfall)) << replies[0].text;
  EXPECT_EQ(balance("u-zhang"), 0);
  EXPECT_EQ(ledger_.total_minutes("c1", qualified("u-zhang")), 0);

  const std::vector<Reply> thanked =
      say("b3u2", "u-chen", "陈单元长", read("确认 1 @张三"), kSaturday1130 + 120);
  EXPECT_EQ(balance("u-zhang"), 3);  // 10 earned, 7 spent: as if never taken back
  // The group hears the points written (+3), not the task's (+10) (a review, 2026-12-06).
  ASSERT_FALSE(thanked.empty());
  EXPECT_TRUE(
      contains(thanked[0].text, rendered("confirm_thanks_item", {{"mention", "@张三"}, {"points", "3"}})))
      << thanked[0].text;
  EXPECT_EQ(ledger_.total_minutes("c1", qualified("u-zhang")), 120);
}

// 确认's note tells the leader to 不予确认 whoever did not come: they stay no-shows (失约), in the
// rate and out of 结束's thanks, as the task's end would have recorded them.
TEST_F(Refuse, SomeoneWhoNeverCheckedInIsRecordedAsANoShowAndNotThanked) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}, {"u-liu", "刘阿姨"}});
  check_in(number, "u-zhang", kSaturday0900);
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @刘阿姨 没来"), kSaturday1130);
  EXPECT_EQ(chats_of(replies), (std::vector<std::string>{"generic:b3u2", "generic:@u-liu"}));
  EXPECT_TRUE(contains(replies[0].text, rendered("refuse_note_no_show", {{"names", "刘阿姨"}})))
      << replies[0].text;
  EXPECT_EQ(outcome(number, "u-liu"), store::AttendanceOutcome::no_show);

  // Said again, or after the task's end recorded it, nothing changes and the leader is told so.
  const std::vector<Reply> again =
      say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @刘阿姨 没来"), kSaturday1130 + 60);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_TRUE(contains(again[0].text, rendered("refuse_note_no_show_already", {{"names", "刘阿姨"}})))
      << again[0].text;
  EXPECT_EQ(outcome(number, "u-liu"), store::AttendanceOutcome::no_show);

  const std::vector<Reply> finished = say("b3u2", "u-chen", "陈单元长", read("结束 1"), kSaturday1130 + 120);
  ASSERT_FALSE(finished.empty());
  EXPECT_EQ(finished[0].chat, "generic:b3u2");
  EXPECT_EQ(finished[0].mentions, (std::vector<std::string>{"generic:u-zhang"})) << finished[0].text;
}

TEST_F(Refuse, WithoutANameTheLeaderIsAskedWhom) {
  task_with({{"u-zhang", "张三"}});
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("不予确认 1"), kSaturday1130);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("refuse_who", {{"task", "1"}, {"mention", "@陈单元长"}}));
}

TEST_F(Refuse, WithoutAReasonNothingIsRefusedAndTheLeaderIsAskedForOne) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}});
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("不予确认 1 @张三"), kSaturday1130);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("refuse_who", {{"task", "1"}, {"mention", "@陈单元长"}}));
  EXPECT_EQ(outcome(number, "u-zhang"), std::nullopt);
}

TEST_F(Refuse, OnlyTheTasksLeadersMayRefuse) {
  const std::int64_t number = task_with({{"u-zhang", "张三"}, {"u-liu", "刘阿姨"}});
  const std::vector<Reply> replies =
      say("b3u2", "u-liu", "刘阿姨", read("不予确认 1 @张三 没来"), kSaturday1130);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, "陈单元长")) << replies[0].text;
  EXPECT_EQ(outcome(number, "u-zhang"), std::nullopt);
}

}  // namespace
}  // namespace whistle::handlers::testing
