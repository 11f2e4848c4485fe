// Questions asked in winter in people's own words (an exploratory run of winter, stop 67: each met
// the menu or was offered as a report): their points after a snow morning, what a task pays, and
// the heating service, which the bot does not run.

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using WinterQuestions = HandlerTest;

constexpr std::int64_t kQuestionMinute = 60;

bool reply_holds(const std::vector<Reply>& replies, const std::string& words) {
  for (const Reply& reply : replies) {
    if (reply.text.find(words) != std::string::npos) return true;
  }
  return false;
}

TEST_F(WinterQuestions, AskingWhenThePointsComeShowsTheStayAwaitingConfirmation) {
  const std::int64_t number = whistle_in_b3u2("扫雪", 10);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("签到 1", kSaturday0900), kSaturday0900);
  const std::int64_t later = kSaturday0900 + 90 * kQuestionMinute;
  const std::vector<Reply> replies =
      say_privately("u-zhang", "张三", read("扫雪的积分什么时候到账", later), later);
  EXPECT_TRUE(reply_holds(
      replies, rendered("points_own_awaiting_task", {{"title", "扫雪"}, {"task", std::to_string(number)}})));
  // What a task pays is how points are earned.
  const std::vector<Reply> pays = say_privately("u-he", "何大爷", read("扫雪给多少分", later), later);
  ASSERT_FALSE(pays.empty());
  const std::string no_show =
      config_.rules.no_show_points > 0
          ? rendered("points_rules_no_show", {{"points", std::to_string(config_.rules.no_show_points)}})
          : std::string();
  EXPECT_EQ(pays.front().text,
            rendered("points_rules", {{"mention", "@何大爷"},
                                      {"wish_points", std::to_string(config_.rules.wish_points)},
                                      {"publish_day", std::to_string(config_.rules.publish_day)},
                                      {"no_show", no_show}}));
}

TEST_F(WinterQuestions, AQuestionAboutTheHeatingServiceIsToldWhomToAskAndOpensNothing) {
  for (const char* line : {"供暖费怎么交", "今年什么时候开始供暖", "暖气需要放气吗"}) {
    const std::vector<Reply> replies = say_privately("u-he", "何大爷", read(line));
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_TRUE(reply_holds(replies, "物业")) << line << ": " << replies.front().text;
  }
  // A cold radiator or a cold home is still offered as a report.
  for (const char* line : {"暖气不热", "家里才16度，冻死了"}) {
    const std::vector<Reply> replies = say_privately("u-he", "何大爷", read(line));
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_FALSE(reply_holds(replies, "供热公司")) << line;
  }
  EXPECT_FALSE(tickets_.by_number("c1", 1));
}

// "扫雪几点开始", "@吹哨 几点" met silence or the menu while "1号几点开始" was answered.
TEST_F(WinterQuestions, ATaskAskedAfterByItsTitleIsAnsweredWithItsLine) {
  const std::int64_t number = whistle_in_b3u2("扫雪", 10);
  const std::string line_start = "【吹哨#" + std::to_string(number) + "】";
  EXPECT_TRUE(reply_holds(say("b3u2", "u-he", "何大爷", read("扫雪几点开始")), line_start));
  EXPECT_TRUE(reply_holds(say("b3u2", "u-he", "何大爷", read("几点"), kMonday0900, /*mentions_bot=*/true),
                          line_start));
  // Among neighbours, a question that names no open task is theirs.
  EXPECT_TRUE(say("b3u2", "u-he", "何大爷", read("超市几点开门")).empty());
  EXPECT_TRUE(say("b3u2", "u-he", "何大爷", read("几点")).empty());
}

}  // namespace
}  // namespace whistle::handlers::testing
