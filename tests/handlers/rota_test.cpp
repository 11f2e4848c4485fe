#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

// A week's duty rota (an exploratory run, stop 65): shifts of one title on different days, signed up
// for by their day, asked about by day, and swapped. 陈单元长 posts in b3u2 on Monday at 09:00.
class Rota : public HandlerTest {
 protected:
  void SetUp() override {
    tuesday_evening_ = whistle_in_b3u2("消防巡逻(周二晚班)", 2, kMonday0900 + 34 * kHour);    // Tue 19:00
    wednesday_evening_ = whistle_in_b3u2("消防巡逻(周三晚班)", 2, kMonday0900 + 58 * kHour);  // Wed 19:00
    friday_morning_ = whistle_in_b3u2("消防巡逻(周五上午班)", 2, kMonday0900 + 96 * kHour);   // Fri 09:00
  }

  std::vector<std::int64_t> held_by(const std::string& person) {
    std::vector<std::int64_t> held;
    for (const std::int64_t number : {tuesday_evening_, wednesday_evening_, friday_morning_}) {
      if (signup_state(number, person) == store::SignupState::signed_up) held.push_back(number);
    }
    return held;
  }

  std::int64_t tuesday_evening_ = 0;
  std::int64_t wednesday_evening_ = 0;
  std::int64_t friday_morning_ = 0;
};

TEST_F(Rota, AShiftNamedByItsDayIsTheOneSignedUpFor) {
  say("b3u2", "u-zhang", "张三", read("周三晚上我来"));
  EXPECT_EQ(held_by("u-zhang"), std::vector<std::int64_t>{wednesday_evening_});
  say("b3u2", "u-lisi", "李四", read("报到 周五"));
  EXPECT_EQ(held_by("u-lisi"), std::vector<std::int64_t>{friday_morning_});
  say("b3u2", "u-wangwu", "王五", read("我报周二晚上的"));
  EXPECT_EQ(held_by("u-wangwu"), std::vector<std::int64_t>{tuesday_evening_});
  say("b3u2", "u-he", "何大爷", read("周五上午那班算我一个"));
  EXPECT_EQ(held_by("u-he"), std::vector<std::int64_t>{friday_morning_});
}

// No shift that day: said among neighbours it is about something else; said as a sign-up, the
// answer says so. Nobody is signed up for another day's shift.
TEST_F(Rota, ADayWithNoShiftSignsUpNobody) {
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("周四晚上我来")).empty());
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("报到 周四"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_TRUE(held_by("u-zhang").empty());
}

TEST_F(Rota, WhoIsOnTheDaysShiftNamesThePeopleToItsLeaderOnly) {
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::vector<Reply> to_leader = say("b3u2", "u-chen", "陈单元长", read("明晚谁值班"));
  ASSERT_EQ(to_leader.size(), 1u);
  EXPECT_TRUE(contains(to_leader[0].text, "#" + std::to_string(tuesday_evening_))) << to_leader[0].text;
  EXPECT_FALSE(contains(to_leader[0].text, "#" + std::to_string(wednesday_evening_))) << to_leader[0].text;
  EXPECT_TRUE(contains(to_leader[0].text, rendered("task_state_names", {{"names", "张三"}})))
      << to_leader[0].text;
  const std::vector<Reply> to_neighbour = say("b3u2", "u-lisi", "李四", read("明晚谁值班"));
  ASSERT_EQ(to_neighbour.size(), 1u);
  EXPECT_FALSE(contains(to_neighbour[0].text, "张三")) << to_neighbour[0].text;
  // Among neighbours, a day with no shift here is someone else's duty.
  EXPECT_TRUE(say("b3u2", "u-lisi", "李四", read("今晚谁值班")).empty());
}

TEST_F(Rota, WhichShiftsStillNeedPeopleLeavesOutTheFullOnes) {
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  const std::vector<Reply> replies = say("b3u2", "u-he", "何大爷", read("哪天还缺人"));
  ASSERT_EQ(replies.size(), 1u);
  const std::string& text = replies[0].text;
  EXPECT_FALSE(contains(text, "#" + std::to_string(tuesday_evening_) + " ")) << text;
  EXPECT_TRUE(contains(text, "#" + std::to_string(wednesday_evening_) + " ")) << text;
  EXPECT_TRUE(contains(text, "#" + std::to_string(friday_morning_) + " ")) << text;
}

TEST_F(Rota, WhetherOnesOwnShiftIsThatDayAndWhetherItStillHappens) {
  say("b3u2", "u-zhang", "张三", read("报到 2"));
  const std::vector<Reply> own = say_privately("u-zhang", "张三", read("我周三有班吗"));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_TRUE(contains(own[0].text, "#" + std::to_string(wednesday_evening_))) << own[0].text;
  const std::vector<Reply> none = say_privately("u-zhang", "张三", read("明晚我值班吗"));
  ASSERT_EQ(none.size(), 1u);
  EXPECT_FALSE(contains(none[0].text, "#" + std::to_string(wednesday_evening_))) << none[0].text;
  const std::vector<Reply> still = say("b3u2", "u-zhang", "张三", read("周三晚上的巡逻还去吗"));
  ASSERT_EQ(still.size(), 1u);
  EXPECT_TRUE(contains(still[0].text, "【吹哨#" + std::to_string(wednesday_evening_) + "】"))
      << still[0].text;
  EXPECT_EQ(signup_state(wednesday_evening_, "u-zhang"), store::SignupState::signed_up);
}

// "我想换班" was a redemption of an item called 班. Said to the bot, a swap is answered with how the
// place moves, of the place on the day said; among neighbours it is theirs to arrange (the design's
// group hears the bot when addressed).
TEST_F(Rota, ASwapIsAnsweredWithHowThePlaceMovesAndChangesNothing) {
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("报到 2"));
  const std::vector<Reply> swap =
      say("b3u2", "u-zhang", "张三", read("@吹哨 谁能替我一下周三的班"), kMonday0900, true);
  ASSERT_EQ(swap.size(), 1u);
  EXPECT_EQ(swap[0].chat, "generic:b3u2");
  EXPECT_TRUE(contains(swap[0].text, "请假 " + std::to_string(wednesday_evening_))) << swap[0].text;
  EXPECT_FALSE(contains(swap[0].text, "请假 " + std::to_string(tuesday_evening_))) << swap[0].text;
  EXPECT_EQ(signup_state(wednesday_evening_, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(tuesday_evening_, "u-zhang"), store::SignupState::signed_up);
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("谁能替我一下周三的班")).empty());
  EXPECT_TRUE(say("b3u2", "u-lisi", "李四", read("下班了谁替我一下接孩子")).empty());
  EXPECT_EQ(say_privately("u-lisi", "李四", read("我想换班")).size(), 1u);
  EXPECT_EQ(read("我想换班").intent, Intent::unknown);
  EXPECT_EQ(read("我想换大米").intent, Intent::redeem);
}

TEST_F(Rota, ThePartOfTheDayAndTheDateSaidMustFitTheShift) {
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("周二下午我有空")).empty());
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("28号晚上我来")).empty());
  EXPECT_TRUE(held_by("u-zhang").empty());
  say("b3u2", "u-lisi", "李四", read("报到 3"));
  const std::vector<Reply> leave = say("b3u2", "u-lisi", "李四", read("请假 明天有事"));
  ASSERT_EQ(leave.size(), 1u);
  EXPECT_TRUE(contains(leave[0].text, std::to_string(friday_morning_))) << leave[0].text;
}

// In private the day said chooses among the tasks of one's groups, as in the group (the same review:
// every task was listed).
TEST_F(Rota, APrivateSignUpByTheDayTakesThatDaysShift) {
  say_privately("u-chen", "陈单元长", read("周三晚上我来"));
  EXPECT_EQ(signup_state(wednesday_evening_, "u-chen"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(friday_morning_, "u-chen").has_value());
}

// The final read of stop 66: a day said with more words is when one comes or leaves, a hint among
// the tasks ("报到 晚上到" signed nobody up); the day alone names the shift ("请假 周三" from someone whose
// only place is on Friday freed it).
TEST_F(Rota, ADayWithMoreWordsOnlyHintsAndTheDayAloneNamesTheShift) {
  const std::int64_t saturday = whistle_in_b3u2("楼道大扫除", 3);
  // In a group of its own: b3u1 has only the Saturday task.
  say("b3u1", "u-feng", "冯单元长", read("吹哨 楼道检查 周六上午9点 3人"));
  const std::int64_t in_b3u1 = tasks_.open_in_chat(qualified("b3u1")).back().number;
  say("b3u1", "u-he", "何大爷", read("报到 晚上到"));
  EXPECT_EQ(signup_state(in_b3u1, "u-he"), store::SignupState::signed_up);
  say("b3u2", "u-lisi", "李四", read("报到 " + std::to_string(friday_morning_)));
  say_privately("u-lisi", "李四", read("请假 周三"));
  EXPECT_EQ(signup_state(friday_morning_, "u-lisi"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(saturday, "u-lisi").has_value());
  // Holding nothing, a leave is told so, not asked for a number.
  const std::vector<Reply> nothing = say_privately("u-wangwu", "王五", read("请假 晚上有事"));
  ASSERT_EQ(nothing.size(), 1u);
  EXPECT_EQ(nothing[0].chat, "generic:@u-wangwu");
  EXPECT_FALSE(contains(nothing[0].text, "取消报到 12")) << nothing[0].text;  // no number asked for
}

// The week-back reading is for questions: "报到 周二晚上" after Tuesday's shift is over is next Tuesday's,
// never the one just ended (the same read).
TEST_F(Rota, ASignUpForAWeekdayWhoseShiftIsOverIsNextWeeks) {
  const std::int64_t next_tuesday =
      whistle_in_b3u2("消防巡逻(下周二晚班)", 2, kMonday0900 + (34 + 7 * 24) * kHour);
  const std::int64_t after_tuesdays_shift = kMonday0900 + 37 * kHour;  // Tue 22:00
  say("b3u2", "u-zhang", "张三", read("周二晚上我来", after_tuesdays_shift), after_tuesdays_shift);
  EXPECT_EQ(signup_state(next_tuesday, "u-zhang"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(tuesday_evening_, "u-zhang").has_value());
}

}  // namespace
}  // namespace whistle::handlers::testing
