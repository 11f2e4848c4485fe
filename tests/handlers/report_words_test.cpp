// A report in the words residents use: its category from how they name the trouble (slips of
// input included), and what they add to it right after, wherever they reported it (an exploratory
// run of residents' reports, 2026-12-06).

#include <gtest/gtest.h>

#include "ticket_test_support.hpp"

namespace whistle::handlers::testing {
namespace {

using ReportWords = TicketTest;

TEST_F(ReportWords, WaterAndSlipsOfInputFindTheirCategoryAndAnOpenManholeIsUrgent) {
  const std::vector<std::pair<std::string, std::string>> said{
      {"楼道等坏了 黑乎乎的", "utilities"},   {"电题坏勒 下不了楼", "utilities"},
      {"渗水 天花板都泡了", "utilities"},     {"厨房下水道堵了", "utilities"},
      {"水龙头关不上 一直滴水", "utilities"}, {"井盖没了 很危险", "urgent"},
      {"水泵坏了 高层没水", "utilities"},
  };
  std::int64_t number = 0;
  for (const auto& [words, urgency] : said) {
    SCOPED_TRACE(words);
    say_line_privately("u-he", "何大爷", "报事 3号楼2单元 " + words, {}, kMonday0900 + ++number * kHour);
    EXPECT_EQ(ticket(number).urgency, urgency);
  }
}

TEST_F(ReportWords, ANumberOrAFlatSentInPrivateAfterAGroupReportJoinsIt) {
  say_line("b3u2", "u-he", "何大爷", "@吹哨 报修 楼道灯坏了");
  const std::vector<Reply> phoned = say_line_privately(
      "u-he", "何大爷", "我电话是一三八一二三四五六七八九 下午家里有人", {}, kMonday0900 + 2 * 60);
  EXPECT_EQ(tickets_.events(ticket(1).id).back().kind, "attachment");
  EXPECT_EQ(sent_to(phoned, private_of("u-chen")).size(), 1u) << "the holder hears it";
  say_line_privately("u-he", "何大爷", "还有 我家住302", {}, kMonday0900 + 3 * 60);
  say_line_privately("u-he", "何大爷", "有事打我电话 139 0000 1111", {}, kMonday0900 + 4 * 60);
  int added = 0;
  for (const store::TicketEvent& event : tickets_.events(ticket(1).id))
    added += event.kind == "attachment" ? 1 : 0;
  EXPECT_EQ(added, 3);
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value());
  // Half an hour on, or with no number in it, it is no addition.
  say_line_privately("u-he", "何大爷", "我电话是13900001111", {}, kMonday0900 + kHour);
  say_line_privately("u-he", "何大爷", "电话打不通啊", {}, kMonday0900 + 5 * 60);
  added = 0;
  for (const store::TicketEvent& event : tickets_.events(ticket(1).id))
    added += event.kind == "attachment" ? 1 : 0;
  EXPECT_EQ(added, 3);
}

// The lift reported in the group at 08:00 and again in private at 08:30 made two tickets, each
// counted and climbing (the same run). The second is asked about: 是的 is "the same", 另报 opens it.
TEST_F(ReportWords, TheSameTroubleReportedAgainElsewhereIsAskedAboutFirst) {
  say_line("b3u2", "u-liu", "刘阿姨", "@吹哨 报修 电梯坏了 三号楼二单元的电梯 又坏了");
  const std::vector<Reply> asked =
      say_line_privately("u-liu", "刘阿姨", "报修 三号楼二单元电梯坏了", {}, kMonday0900 + 30 * 60);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(text_has(asked.front().text, "T1"));
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value());
  // "是的" answers "the same" (a review, 2026-12-07: it opened a second ticket).
  say_line_privately("u-liu", "刘阿姨", "是的", {}, kMonday0900 + 31 * 60);
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value());
  EXPECT_FALSE(tickets_.offer_to(private_of("u-liu"), "generic:u-liu").has_value());
  // Another lift trouble, said to be another, opens.
  say_line_privately("u-liu", "刘阿姨", "报修 三号楼二单元电梯按钮掉了", {}, kMonday0900 + 40 * 60);
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value());
  say_line_privately("u-liu", "刘阿姨", "是另一件事", {}, kMonday0900 + 41 * 60);
  EXPECT_TRUE(tickets_.by_number("c1", 2).has_value());
}

TEST_F(ReportWords, AnAnswerThatItIsAnotherTroubleOpensItWithWhatItAdds) {
  say_line("b3u2", "u-liu", "刘阿姨", "@吹哨 报修 3号楼2单元楼道灯坏了");
  say_line_privately("u-liu", "刘阿姨", "报修 3号楼2单元楼道的灯一直不亮", {}, kMonday0900 + 10 * 60);
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value());
  say_line_privately("u-liu", "刘阿姨", "不是 是另一个灯 在5楼", {}, kMonday0900 + 11 * 60);
  ASSERT_TRUE(tickets_.by_number("c1", 2).has_value());
  EXPECT_TRUE(text_has(ticket(2).text, "5楼")) << ticket(2).text;
  EXPECT_FALSE(tickets_.by_number("c1", 3).has_value());
}

// Ordinary answers to "is it the same?" (the final read, 2026-12-07): the question's own "不用再报"
// echoed, and a question back, opened the duplicate.
TEST_F(ReportWords, AnswersThatItIsTheSameOrAQuestionBackOpenNothing) {
  say_line("b3u2", "u-liu", "刘阿姨", "@吹哨 报修 3号楼2单元楼道灯坏了");
  int at = 10;
  for (const std::string answer :
       {"好的 不用再报了", "是不是同一个啊", "对 就是那个 不是新的", "是同一件事"}) {
    SCOPED_TRACE(answer);
    say_line_privately("u-liu", "刘阿姨", "报修 3号楼2单元楼道的灯一直不亮", {}, kMonday0900 + ++at * 60);
    const std::vector<Reply> answered =
        say_line_privately("u-liu", "刘阿姨", answer, {}, kMonday0900 + ++at * 60);
    EXPECT_FALSE(tickets_.by_number("c1", 2).has_value());
    // Said to be the same, the answer names the open report (a question back is read on its own).
    if (answer != "是不是同一个啊") {
      ASSERT_EQ(answered.size(), 1u);
      EXPECT_TRUE(text_has(answered.front().text, "T1")) << answered.front().text;
    }
  }
  // A new trouble starting 对 is no answer that it is the same.
  say_line_privately("u-liu", "刘阿姨", "报修 3号楼2单元楼道的灯一直不亮", {}, kMonday0900 + ++at * 60);
  say_line_privately("u-liu", "刘阿姨", "对面楼的电梯也坏了", {}, kMonday0900 + ++at * 60);
  EXPECT_FALSE(tickets_.offer_to(private_of("u-liu"), "generic:u-liu").has_value() &&
               tickets_.offer_to(private_of("u-liu"), "generic:u-liu")->kind.starts_with("repeat:"));
}

// "三号楼二单元电梯又坏了 下不了楼" with no 报修, then 是, opened the duplicate (the final read).
TEST_F(ReportWords, AnOfferedReportIsAskedAboutBeforeItOpensASecondTicket) {
  say_line("b3u2", "u-liu", "刘阿姨", "@吹哨 报修 电梯坏了 三号楼二单元");
  say_line_privately("u-liu", "刘阿姨", "三号楼二单元电梯又坏了 下不了楼", {}, kMonday0900 + 30 * 60);
  const std::vector<Reply> asked = say_line_privately("u-liu", "刘阿姨", "是的", {}, kMonday0900 + 31 * 60);
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value());
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(text_has(asked.front().text, "T1"));
  say_line_privately("u-liu", "刘阿姨", "另报", {}, kMonday0900 + 32 * 60);
  EXPECT_TRUE(tickets_.by_number("c1", 2).has_value());
}

// The typed place matched: the pipe after the lamp, both "3号楼2单元", was asked about (a review,
// 2026-12-07). Another category's trouble, or the same category's other thing, opens at once.
TEST_F(ReportWords, AnotherTroubleAtTheSamePlaceOpensAtOnce) {
  say_line("b3u2", "u-liu", "刘阿姨", "@吹哨 报修 3号楼2单元楼道灯坏了");
  say_line_privately("u-liu", "刘阿姨", "报修 3号楼2单元水管漏水", {}, kMonday0900 + 10 * 60);
  EXPECT_TRUE(tickets_.by_number("c1", 2).has_value());
  say_line_privately("u-liu", "刘阿姨", "报修 3号楼2单元 楼道里堆满了垃圾", {}, kMonday0900 + 20 * 60);
  EXPECT_TRUE(tickets_.by_number("c1", 3).has_value());
}

// A private reporter asked in the group would be tied to her private report (the same review).
TEST_F(ReportWords, AGroupIsNeverAskedAboutAPrivateReport) {
  say_line_privately("u-liu", "刘阿姨", "报修 3号楼2单元 电梯坏了");
  const std::vector<Reply> replies =
      say_line("b3u2", "u-liu", "刘阿姨", "@吹哨 报修 电梯又坏了 下不了楼", {}, kMonday0900 + 10 * 60);
  EXPECT_TRUE(tickets_.by_number("c1", 2).has_value());
  for (const Reply& reply : sent_to(replies, "generic:b3u2"))
    EXPECT_FALSE(text_has(reply.text, "T1")) << reply.text;
}

TEST_F(ReportWords, ANumberAddedReachesTheRespondersWorkersAndIsMaskedWhenSaidBackInAGroup) {
  say_line("b3u2", "u-he", "何大爷", "@吹哨 报修 楼道灯坏了");
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 物业", {}, kMonday0900 + 60);
  const std::vector<Reply> replies =
      say_line("b3u2", "u-he", "何大爷", "@吹哨 还有 我电话13812345678", {}, kMonday0900 + 120);
  EXPECT_EQ(sent_to(replies, private_of("u-shifu")).size(), 1u);
  EXPECT_TRUE(text_has(sent_to(replies, private_of("u-shifu")).front().text, "13812345678"));
  for (const Reply& reply : sent_to(replies, "generic:b3u2"))
    EXPECT_FALSE(text_has(reply.text, "13812345678")) << reply.text;
}

// "另外 积分怎么兑换" right after a report went unanswered, filed as an addition (a review,
// 2026-12-07).
TEST_F(ReportWords, AQuestionRightAfterAReportIsNoAdditionToIt) {
  say_line("b3u2", "u-he", "何大爷", "@吹哨 报修 楼道灯坏了");
  for (const std::string line :
       {"另外 积分怎么兑换", "我手机号13812345678 帮我查下积分", "还有 活动几点开始"}) {
    SCOPED_TRACE(line);
    say_line_privately("u-he", "何大爷", line, {}, kMonday0900 + 5 * 60);
    EXPECT_NE(tickets_.events(ticket(1).id).back().kind, "attachment");
  }
}

TEST_F(ReportWords, AWordThatOnlyLooksLikeASlipFindsNoCategory) {
  say_line_privately("u-he", "何大爷", "报事 3号楼2单元 快递员总在楼道等人 堵着门");
  EXPECT_EQ(ticket(1).urgency, "general");
}

TEST_F(ReportWords, AnotherGroupsLineIsNotAnAdditionToTheReport) {
  say_line("b3u2", "u-he", "何大爷", "@吹哨 报修 楼道灯坏了");
  say_line("b3", "u-he", "何大爷", "@吹哨 还有 我家住302", {}, kMonday0900 + 60);
  EXPECT_NE(tickets_.events(ticket(1).id).back().kind, "attachment");
}

TEST_F(ReportWords, TheResponderGroupKeepsTheNumberToCallButNotAnIdNumber) {
  say_line_privately("u-he", "何大爷",
                     "报修 3号楼2单元 厨房下水道堵了 电话13912345678 身份证号110101195001011234");
  const std::vector<Reply> handed =
      say_line("b3u2", "u-chen", "陈单元长", "派单 T1 物业", {}, kMonday0900 + 60);
  const std::vector<Reply> posts = sent_to(handed, "generic:wuye");
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_TRUE(text_has(posts.front().text, "13912345678"));
  EXPECT_FALSE(text_has(posts.front().text, "195001011234"));
}

}  // namespace
}  // namespace whistle::handlers::testing
