// The repair side of a ticket (an exploratory run of 物业 and the people who fix things, stop 69): a
// leader's 派单 note ending as news was silence, a repairman's "nobody home" paged the 书记 as someone
// alone unanswered, and "又漏了" after the close met the volunteer menu.

#include <gtest/gtest.h>

#include "ticket_test_support.hpp"

namespace whistle::handlers::testing {
namespace {

class RepairSide : public TicketTest {};

TEST_F(RepairSide, ADispatchNoteThatEndsAsNewsGoesToTheWorker) {
  const store::Ticket opened = open_ticket({.text = "单元门禁坏了 刷卡没反应"});
  const std::vector<Reply> replies = say_line(
      "b3u2", "u-chen", "陈单元长", "派单 T" + std::to_string(opened.number) + " 物业 读卡器可能进水了");
  EXPECT_EQ(ticket(opened.number).assignee_responder, "wuye");
  const std::vector<Reply> to_wuye = sent_to(replies, "generic:wuye");
  ASSERT_FALSE(to_wuye.empty());
  EXPECT_TRUE(text_has(to_wuye[0].text, "读卡器可能进水了"));
  EXPECT_FALSE(tickets_.by_number("c1", opened.number + 1).has_value());
}

TEST_F(RepairSide, ARepairmansNobodyHomeIsNoDanger) {
  const store::Ticket opened = open_ticket_for_wuye({.text = "卫生间水管漏水"});
  const std::string line = "T" + std::to_string(opened.number) + " 敲门没人开 电话也不接";
  // Said among 物业's people: no leader paged.
  EXPECT_TRUE(say_line("wuye", "u-shifu", "刘师傅", line).empty());
  // Said to the bot: its note, not a danger ticket.
  const std::vector<Reply> noted = say_line_privately("u-shifu", "刘师傅", line, {}, kMonday0900 + 60);
  ASSERT_EQ(noted.size(), 1u);
  EXPECT_TRUE(text_has(noted[0].text, "T" + std::to_string(opened.number)));
  EXPECT_FALSE(tickets_.by_number("c1", opened.number + 1).has_value());
  // Someone alone unseen for days is a danger whatever number leads it.
  EXPECT_FALSE(say_line("wuye", "u-shifu", "刘师傅",
                        "T" + std::to_string(opened.number) + " 何大爷好几天没见人了 敲门也没人应 他一个人住",
                        {}, kMonday0900 + 120)
                   .empty());
}

TEST_F(RepairSide, WhereTheOneJobStandsSaidWithoutItsNumberIsItsNote) {
  const store::Ticket opened = open_ticket_for_wuye({.text = "卫生间水管漏水"});
  const std::string number = std::to_string(opened.number);
  say_line("wuye", "u-shifu", "刘师傅", "接单 T" + number);
  for (const char* line : {"下午过去", "要换配件 得等两天"}) {
    const std::vector<Reply> replies = say_line_privately("u-shifu", "刘师傅", line, {}, kMonday0900 + 60);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].text,
              rendered("ticket_noted", {{"ticket", number}, {"mention", "@刘师傅"}, {"words", line}}))
        << line;
  }
  // Done in a repairman's word is asked about with the 办结 that would do it, not kept as a note.
  const std::vector<Reply> done =
      say_line_privately("u-shifu", "刘师傅", "T" + number + " 搞定", {}, kMonday0900 + 120);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_TRUE(text_has(done[0].text, "办结 T" + number));
  EXPECT_FALSE(
      text_has(done[0].text,
               rendered("ticket_noted", {{"ticket", number}, {"mention", "@刘师傅"}, {"words", "搞定"}})));
}

TEST_F(RepairSide, ALeaderHoldingOneJobStillGetsAnswersToHisQuestions) {
  const store::Ticket opened = open_ticket({.text = "楼道灯坏了"});
  const std::string number = std::to_string(opened.number);
  say_line("b3u2", "u-chen", "陈单元长", "接单 T" + number);
  for (const char* line : {"我的积分到了没", "明天业主大会几点开"}) {
    const std::vector<Reply> replies = say_line_privately("u-chen", "陈单元长", line, {}, kMonday0900 + 60);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_FALSE(text_has(replies[0].text, "【工单T" + number + "】")) << line << " " << replies[0].text;
  }
}

TEST_F(RepairSide, AnAnonymousReportersOwnNameIsMaskedForWuyeAndItsWorker) {
  say_line_privately("u-he", "何大爷", "报修 我家水表冻裂了 别说是我说的 我叫何建国 5号楼1单元302");
  std::vector<Reply> replies = say_line("b5u1", "u-chu", "褚单元长", "派单 T1 物业", {}, kMonday0900 + 60);
  const std::vector<Reply> progress =
      say_line("wuye", "u-shifu", "刘师傅", "@吹哨 进度 T1", {}, kMonday0900 + 120);
  replies.insert(replies.end(), progress.begin(), progress.end());
  const std::vector<Reply> to_worker =
      say_line("b5u1", "u-chu", "褚单元长", "派单 T1 @刘师傅", {"u-shifu"}, kMonday0900 + 180);
  replies.insert(replies.end(), to_worker.begin(), to_worker.end());
  // The reminders and the climbs that follow read the words too (the review after found the name in five).
  const std::vector<Reply> later = run_jobs(kMonday0900 + 26 * kHour);
  replies.insert(replies.end(), later.begin(), later.end());
  ASSERT_FALSE(later.empty());
  ASSERT_FALSE(sent_to(replies, "generic:wuye").empty());
  ASSERT_FALSE(sent_to(replies, private_of("u-shifu")).empty());
  for (const Reply& reply : replies) {
    EXPECT_FALSE(text_has(reply.text, "何建国")) << reply.chat << " " << reply.text;
  }
  // The words themselves reach them: only the name is kept back.
  EXPECT_TRUE(text_has(sent_to(replies, "generic:wuye")[0].text, "水表冻裂了"));
}

TEST_F(RepairSide, TheTroubleBackAfterTheCloseIsOfferedAgainNamingTheClosedReport) {
  const store::Ticket opened =
      open_ticket({.reporter = "u-liu", .in_private = true, .text = "卫生间水管漏水"});
  const std::string number = std::to_string(opened.number);
  say_line("b3u2", "u-chen", "陈单元长", "接单 T" + number);
  say_line("b3u2", "u-chen", "陈单元长", "办结 T" + number + " 换了接头", {}, kMonday0900 + kHour);
  say_line_privately("u-liu", "刘阿姨", "满意", {}, kMonday0900 + 2 * kHour);
  ASSERT_TRUE(ticket(opened.number).is_closed());
  const std::int64_t later = kMonday0900 + 48 * kHour;
  for (const char* line : {"又漏了 比上次还厉害", "修了跟没修一样"}) {
    const std::vector<Reply> replies = say_line_privately("u-liu", "刘阿姨", line, {}, later);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].text,
              rendered("ticket_back_offer",
                       {{"mention", "@刘阿姨"}, {"ticket", number}, {"title", "卫生间水管漏水"}}))
        << line;
  }
  // Something else named, or talk of anything, is not it.
  for (const char* line : {"楼道灯又坏了", "又开始下雪了"}) {
    const std::vector<Reply> replies = say_line_privately("u-liu", "刘阿姨", line, {}, later);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_FALSE(text_has(replies[0].text, "T" + number)) << line;
  }
  // To the bot in a group, a private report is taken up in private: a yes there would post its words.
  const std::vector<Reply> in_group = say_line("b3u2", "u-liu", "刘阿姨", "@吹哨 没修好", {}, later);
  ASSERT_EQ(in_group.size(), 1u);
  EXPECT_EQ(in_group[0].text,
            rendered("ticket_back_in_private", {{"mention", "@刘阿姨"}, {"ticket", number}}));
  say_line("b3u2", "u-liu", "刘阿姨", "@吹哨 是", {}, later + 30);
  EXPECT_FALSE(tickets_.by_number("c1", opened.number + 1).has_value());
  say_line_privately("u-liu", "刘阿姨", "又漏了 比上次还厉害", {}, later);
  say_line_privately("u-liu", "刘阿姨", "是", {}, later + 60);
  const store::Ticket again = ticket(opened.number + 1);
  EXPECT_TRUE(text_has(again.text, "卫生间水管漏水"));
  EXPECT_TRUE(text_has(again.text, "T" + number));
  // Someone else's words of it are theirs: no report of hers to offer.
  const std::vector<Reply> others = say_line_privately("u-zhang", "张三", "又漏了", {}, later);
  ASSERT_FALSE(others.empty());
  EXPECT_FALSE(text_has(others[0].text, "T" + number));
}

// "催办 T1" from the one who reported it reaches whoever is doing it, as a bare "催一下" does: it had
// shown the progress and reminded nobody.
TEST_F(RepairSide, TheReportersNumberedChaseRemindsTheWorker) {
  const store::Ticket opened = open_ticket_for_wuye({.text = "卫生间水管漏水"});
  const std::string number = std::to_string(opened.number);
  say_line("wuye", "u-shifu", "刘师傅", "接单 T" + number);
  const std::vector<Reply> chased =
      say_line_privately("u-zhang", "张三", "催办 T" + number, {}, kMonday0900 + 3 * 3600);
  EXPECT_EQ(sent_to(chased, "generic:@u-shifu").size(), 1u);
  // Not again within the hour: the worker is not pestered by each line.
  const std::vector<Reply> again =
      say_line_privately("u-zhang", "张三", "催一下 T" + number, {}, kMonday0900 + 3 * 3600 + 60);
  EXPECT_TRUE(sent_to(again, "generic:@u-shifu").empty());
  // A neighbour who did not report it sees nothing of it and reminds nobody.
  const std::vector<Reply> other =
      say_line_privately("u-liu", "刘阿姨", "催办 T" + number, {}, kMonday0900 + 6 * 3600);
  EXPECT_TRUE(sent_to(other, "generic:@u-shifu").empty());
}

}  // namespace
}  // namespace whistle::handlers::testing
