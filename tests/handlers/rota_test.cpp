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

// "我想换班" was a redemption of an item called 班.
TEST_F(Rota, ASwapIsAnsweredWithHowThePlaceMovesAndChangesNothing) {
  say("b3u2", "u-zhang", "张三", read("报到 2"));
  const std::vector<Reply> swap = say("b3u2", "u-zhang", "张三", read("谁能替我一下周三的班"));
  ASSERT_EQ(swap.size(), 1u);
  EXPECT_EQ(swap[0].text, rendered("shift_swap_how", {{"mention", "@张三"},
                                                      {"task", std::to_string(wednesday_evening_)},
                                                      {"title", "消防巡逻(周三晚班)"}}));
  EXPECT_EQ(signup_state(wednesday_evening_, "u-zhang"), store::SignupState::signed_up);
  // From a neighbour with no place, said to the others, it is their own business.
  EXPECT_TRUE(say("b3u2", "u-lisi", "李四", read("下班了谁替我一下接孩子")).empty());
  EXPECT_TRUE(say("b3u2", "u-lisi", "李四", read("谁能替我一下今晚的班")).empty());
  EXPECT_EQ(say_privately("u-lisi", "李四", read("我想换班")).size(), 1u);
  EXPECT_EQ(read("我想换班").intent, Intent::unknown);
  EXPECT_EQ(read("我想换大米").intent, Intent::redeem);
}

// A review of stop 66: "下午我有空" (a neighbour's answer) signed up for the evening patrol, "28号晚上我来"
// for tonight's, and "请假 明天有事" from someone whose place is on Friday met silence.
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

}  // namespace
}  // namespace whistle::handlers::testing
