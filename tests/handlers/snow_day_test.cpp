// A busy day's mistakes taken back (an exploratory run of a snow day, 2026-12-07): a cancel undone,
// the thanks of a 下发 task told in each group to its own, and an edit that changes nothing said so.

#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

// 王书记's snow day on Tuesday 08:00–11:00, sent down to every building, with 张三 in from
// 3号楼2单元 and 刘阿姨 from 5号楼1单元.
class SnowDay : public HandlerTest {
 protected:
  void SetUp() override {
    say("c1", "u-wang", "王书记", read("吹哨 扫雪 明天上午8点到11点 每栋4人 10分 下发"));
    say("b3u2", "u-zhang", "张三", read("报到 1", kMonday0900 + 60), kMonday0900 + 60);
    say("b5u1", "u-liu", "刘阿姨", read("报到 1", kMonday0900 + 120), kMonday0900 + 120);
  }

  static const Reply* in_chat(const std::vector<Reply>& replies, const std::string& chat) {
    const auto found =
        std::find_if(replies.begin(), replies.end(), [&](const Reply& reply) { return reply.chat == chat; });
    return found == replies.end() ? nullptr : &*found;
  }
};

TEST_F(SnowDay, ACancelTakenBackKeepsEveryPlaceAndTellsEachGroupItsOwn) {
  say("c1", "u-wang", "王书记", read("撤销 1", kMonday0900 + 300), kMonday0900 + 300);
  ASSERT_EQ(task(1).status, store::TaskStatus::cancelled);

  const std::vector<Reply> restored =
      say("c1", "u-wang", "王书记", read("撤销错了", kMonday0900 + 360), kMonday0900 + 360);
  EXPECT_EQ(task(1).status, store::TaskStatus::open);
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(1, "u-liu"), store::SignupState::signed_up);
  const Reply* unit = in_chat(restored, "generic:b3u2");
  ASSERT_NE(unit, nullptr);
  EXPECT_EQ(unit->mentions, std::vector<std::string>{kZhang}) << "only the unit's own volunteer";
  const Reply* community = in_chat(restored, "generic:c1");
  ASSERT_NE(community, nullptr);
  EXPECT_TRUE(community->mentions.empty());
  EXPECT_NE(in_chat(restored, "generic:@u-liu"), nullptr) << "told in private";

  // Its end still comes: the volunteer who never checks in is a no-show as before.
  const std::vector<store::Job> due = jobs_.due(kTuesday0900 + 3 * kHour, 100);
  EXPECT_TRUE(
      std::any_of(due.begin(), due.end(), [](const store::Job& job) { return job.kind == "task_end"; }));
}

// A bare 撤销错了 means the cancel just made: one of a day ago or more is not taken back by it (a final
// read, 2026-12-07); named by its number, a task still to come is.
TEST_F(SnowDay, ABare撤销错了TakesBackOnlyTheDaysCancel) {
  say("c1", "u-wang", "王书记", read("撤销 1", kMonday0900 + 300), kMonday0900 + 300);
  const std::int64_t later = kMonday0900 + 300 + 25 * kHour;
  const std::vector<Reply> bare = say("c1", "u-wang", "王书记", read("撤销错了", later), later);
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_EQ(bare[0].text, rendered("restore_nothing", {{"mention", "@王书记"}}));
  EXPECT_EQ(task(1).status, store::TaskStatus::cancelled);
  say("c1", "u-wang", "王书记", read("恢复 1", later + 60), later + 60);
  EXPECT_EQ(task(1).status, store::TaskStatus::open) << "named, and still to end at Tuesday 11:00";
}

TEST_F(SnowDay, ARestoreNamesItsTaskAndIsOnlyTheLeaders) {
  say("c1", "u-wang", "王书记", read("撤销 1", kMonday0900 + 300), kMonday0900 + 300);
  const std::vector<Reply> refused =
      say("b3u2", "u-zhang", "张三", read("@吹哨 恢复 1", kMonday0900 + 330), kMonday0900 + 330);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].text, rendered("restore_not_yours", {{"mention", "@张三"}, {"task", "1"}}));
  EXPECT_EQ(task(1).status, store::TaskStatus::cancelled);

  say("c1", "u-wang", "王书记", read("刚才撤销错了 1号恢复", kMonday0900 + 360), kMonday0900 + 360);
  EXPECT_EQ(task(1).status, store::TaskStatus::open);
  // Said of a task that is open, it is told so; nothing else happens.
  const std::vector<Reply> again =
      say("c1", "u-wang", "王书记", read("恢复 1", kMonday0900 + 420), kMonday0900 + 420);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].text, rendered("restore_not_cancelled", {{"mention", "@王书记"}, {"task", "1"}}));
}

TEST_F(SnowDay, TheThanksAtTheEndNameEachGroupsOwnVolunteers) {
  say("b3u2", "u-zhang", "张三", read("签到 1", kTuesday0900 - kHour), kTuesday0900 - kHour);
  say("b5u1", "u-liu", "刘阿姨", read("签到 1", kTuesday0900 - kHour), kTuesday0900 - kHour);
  // Said after a remark, the 结束 is the leader's all the same.
  const std::vector<Reply> ended =
      say("c1", "u-wang", "王书记", read("雪停了 今天提前结束 结束 1", kTuesday0900), kTuesday0900);
  EXPECT_EQ(task(1).status, store::TaskStatus::finished);
  const Reply* unit = in_chat(ended, "generic:b3u2");
  ASSERT_NE(unit, nullptr);
  EXPECT_EQ(unit->mentions, std::vector<std::string>{kZhang});
  const Reply* other = in_chat(ended, "generic:b5u1");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->mentions, std::vector<std::string>{kLiu});
  const Reply* community = in_chat(ended, "generic:c1");
  ASSERT_NE(community, nullptr);
  EXPECT_TRUE(community->mentions.empty());
  EXPECT_EQ(community->text,
            rendered("finish_done_elsewhere", {{"task", "1"}, {"title", "扫雪"}, {"count", "2"}}));
}

TEST_F(SnowDay, TheEndMovedByItsLabelAndAnEditThatChangesNothingIsSaidSo) {
  say("b3u2", "u-zhang", "张三", read("签到 1", kTuesday0900 - kHour), kTuesday0900 - kHour);
  say("c1", "u-wang", "王书记", read("修改 1 时间 延长到11点半", kTuesday0900 + kHour), kTuesday0900 + kHour);
  ASSERT_TRUE(task(1).end);
  EXPECT_EQ(*task(1).end, kTuesday0900 + 2 * kHour + 30 * 60);
  const std::vector<Reply> same =
      say("c1", "u-wang", "王书记", read("修改 1 时间 结束改到11点半", kTuesday0900 + kHour + 60),
          kTuesday0900 + kHour + 60);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_NE(same[0].text, rendered("edit_nothing", {{"task", "1"}, {"mention", "@王书记"}}));
  EXPECT_TRUE(contains(same[0].text, "11:30")) << "the task as it stands: " << same[0].text;
  EXPECT_EQ(*task(1).end, kTuesday0900 + 2 * kHour + 30 * 60);
}

TEST_F(SnowDay, AVolunteersSignUpAfterARemarkCounts) {
  const std::vector<Reply> replies =
      say("b3u1", "u-he", "何大爷", read("那我顶上 报到 1", kMonday0900 + 600), kMonday0900 + 600);
  EXPECT_EQ(signup_state(1, "u-he"), store::SignupState::signed_up);
  EXPECT_FALSE(replies.empty());
}

TEST_F(SnowDay, ABuildingsLeaderRunsItForTheirPeople) {
  say("b3u1", "u-he", "何大爷", read("报到 1", kMonday0900 + 180), kMonday0900 + 180);
  say("b3u2", "u-zhang", "张三", read("签到 1", kTuesday0900 - kHour), kTuesday0900 - kHour);
  // 钱楼栋长 leads 3号楼, where the 书记's task was sent down: his people's check-ins, not 5号楼's.
  const std::vector<Reply> who =
      say("b3", "u-qian", "钱楼栋长", read("谁还没到", kTuesday0900 - 30 * 60), kTuesday0900 - 30 * 60);
  ASSERT_EQ(who.size(), 1u);
  EXPECT_TRUE(contains(who[0].text, "张三")) << who[0].text;
  EXPECT_TRUE(contains(who[0].text, "何大爷")) << who[0].text;
  EXPECT_FALSE(contains(who[0].text, "刘阿姨")) << "5号楼's volunteer: " << who[0].text;
  // And the code, to tell on site; a 5号楼 resident is still refused it.
  const std::vector<Reply> code =
      say("b3", "u-qian", "钱楼栋长", read("签到码 1", kTuesday0900 - 29 * 60), kTuesday0900 - 29 * 60);
  EXPECT_TRUE(std::any_of(code.begin(), code.end(),
                          [](const Reply& reply) { return reply.chat == "generic:@u-qian"; }));
  const std::vector<Reply> refused =
      say("b5u1", "u-liu", "刘阿姨", read("签到码 1", kTuesday0900 - 28 * 60), kTuesday0900 - 28 * 60);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].chat, "generic:b5u1");
}

TEST_F(SnowDay, AVolunteerComingLateIsPassedOnToWhoeverWhistled) {
  const std::vector<Reply> told =
      say("b3u2", "u-zhang", "张三", read("@吹哨 我来晚了 大概8点半到", kTuesday0900 - 70 * 60),
          kTuesday0900 - 70 * 60);
  ASSERT_EQ(told.size(), 2u);
  EXPECT_EQ(told[0].chat, "generic:b3u2");
  EXPECT_EQ(told[0].text,
            rendered("late_notice_told", {{"task", "1"}, {"mention", "@张三"}, {"organiser", "王书记"}}));
  EXPECT_EQ(told[1].chat, "generic:@u-wang");
  EXPECT_TRUE(contains(told[1].text, "8点半")) << "in the volunteer's words";
  // Someone with no place is no late volunteer.
  const std::vector<Reply> other =
      say("b3u2", "u-he", "何大爷", read("@吹哨 我来晚了", kTuesday0900 - 60 * 60), kTuesday0900 - 60 * 60);
  for (const Reply& reply : other)
    EXPECT_NE(reply.chat, "generic:@u-wang");
}

TEST_F(SnowDay, AJielongNamingOneOfTwoTasksByItsTitleCountsForIt) {
  say("c1", "u-wang", "王书记", read("吹哨 扫雪下午班 明天下午2点到4点 每栋3人 10分 下发", kMonday0900 + 200),
      kMonday0900 + 200);
  say("b1u1", "u-ma", "老马", read("接龙\n扫雪下午班\n1. 老马", kMonday0900 + 300), kMonday0900 + 300);
  EXPECT_EQ(signup_state(2, "u-ma"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(1, "u-ma"));
}

TEST_F(SnowDay, QuestionsOfTheDayAreAnsweredWithTheTask) {
  for (const char* line : {"报名情况", "@吹哨 明天几点集合", "@吹哨 在哪集合？要带什么"}) {
    const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read(line), kMonday0900 + 600);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_TRUE(contains(replies[0].text, "#1")) << line << ": " << replies[0].text;
  }
}

}  // namespace
}  // namespace whistle::handlers::testing
