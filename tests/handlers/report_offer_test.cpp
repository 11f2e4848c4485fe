// The bot's questions to a resident about a report, and their answers in their own words: "是的"
// to "要反映这个问题吗？", and the trouble told on the line after "我想报个修" (an exploratory run
// of residents typing by voice, 2026-12-05: both met a menu of check-ins, and the report was lost).

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

class ReportOffer : public HandlerTest {
 protected:
  bool has_ticket(std::int64_t number) { return tickets_.by_number("c1", number).has_value(); }

  store::Ticket ticket(std::int64_t number) {
    std::optional<store::Ticket> found = tickets_.by_number("c1", number);
    EXPECT_TRUE(found.has_value()) << "no ticket T" << number;
    return found.value_or(store::Ticket{});
  }

  std::vector<Reply> privately(const std::string& line, std::int64_t at = kMonday0900) {
    return say_privately("u-he", "何大爷", read(line, at), at);
  }
};

constexpr std::int64_t kMinute = 60;

TEST_F(ReportOffer, YesToTheOfferOpensTheReportInTheWordsOffered) {
  std::int64_t number = 0;
  for (const char* yes :
       {"是的", "是的，麻烦你们了", "嗯嗯", "好的谢谢", "对，帮我报一下吧", "要反映", "OK"}) {
    SCOPED_TRACE(yes);
    const std::string resident = "u-r" + std::to_string(++number);
    const std::vector<Reply> offered = say_privately(resident, "", read("卫生间马桶堵了"));
    ASSERT_EQ(offered.size(), 1u);
    EXPECT_FALSE(has_ticket(number));
    const std::vector<Reply> answered =
        say_privately(resident, "", read(yes, kMonday0900 + kMinute), kMonday0900 + kMinute);
    ASSERT_FALSE(answered.empty());
    // A ticket with the words offered, received from this resident in private, and they hear its number.
    const store::Ticket opened = ticket(number);
    EXPECT_EQ(opened.text, "卫生间马桶堵了");
    EXPECT_EQ(opened.reporter, "generic:" + resident);
    EXPECT_TRUE(opened.reported_in_private);
    EXPECT_EQ(answered[0].chat, private_chat_of("generic:" + resident));
    EXPECT_NE(answered[0].text.find("T" + std::to_string(number)), std::string::npos);
  }
}

TEST_F(ReportOffer, NoToTheOfferOpensNothingAndAYesAfterItOpensNothingEither) {
  privately("门口地砖裂了");
  const std::vector<Reply> declined = privately("不用了谢谢", kMonday0900 + kMinute);
  ASSERT_EQ(declined.size(), 1u);
  EXPECT_EQ(declined[0].text, rendered("report_offer_declined", {{"mention", "@何大爷"}}));
  const std::vector<Reply> nod = privately("好的", kMonday0900 + 2 * kMinute);
  ASSERT_EQ(nod.size(), 1u);
  EXPECT_EQ(nod[0].text, rendered("unknown_nod", {{"mention", "@何大爷"}}));
  EXPECT_FALSE(has_ticket(1));
}

TEST_F(ReportOffer, TheOfferWaitsThroughThanksAndIsAskedAgainWhenAnsweredLate) {
  privately("电梯又坏了");
  privately("谢谢", kMonday0900 + kMinute);
  EXPECT_FALSE(has_ticket(1));
  privately("是的", kMonday0900 + 2 * kMinute);
  ASSERT_TRUE(has_ticket(1));
  EXPECT_EQ(ticket(1).text, "电梯又坏了");

  // An hour later, "是的" is not taken on trust: the offer is made again, and then it opens.
  privately("楼下垃圾好臭", kMonday0900 + 10 * kMinute);
  const std::vector<Reply> again = privately("是的", kMonday0900 + 70 * kMinute);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].text,
            rendered("unknown_offer_report", {{"mention", "@何大爷"}, {"text", "楼下垃圾好臭"}}));
  EXPECT_FALSE(has_ticket(2));
  privately("是", kMonday0900 + 71 * kMinute);
  ASSERT_TRUE(has_ticket(2));
  EXPECT_EQ(ticket(2).text, "楼下垃圾好臭");
  // A day later nothing is left to answer.
  privately("窗户关不上", kMonday0900 + 80 * kMinute);
  const std::vector<Reply> late = privately("是的", kMonday0900 + 26 * 60 * kMinute);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].text, rendered("unknown_nod", {{"mention", "@何大爷"}}));
  EXPECT_FALSE(has_ticket(3));
}

TEST_F(ReportOffer, AskingToReportAfterTheOfferMeansTheWordsOffered) {
  privately("楼下垃圾好臭");
  privately("帮我反映一下", kMonday0900 + kMinute);
  ASSERT_TRUE(has_ticket(1));
  EXPECT_EQ(ticket(1).text, "楼下垃圾好臭");
  // Answered: a later "是的" opens no second one.
  privately("是的", kMonday0900 + 2 * kMinute);
  EXPECT_FALSE(has_ticket(2));
}

TEST_F(ReportOffer, TheLineAfterIWantToReportIsTheReport) {
  const std::vector<Reply> asked = privately("我想报个修");
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_FALSE(has_ticket(1));
  privately("怎么报修啊", kMonday0900 + kMinute);  // a question back is not the trouble
  privately("好的", kMonday0900 + 2 * kMinute);
  EXPECT_FALSE(has_ticket(1));
  privately("家里水龙头关不紧", kMonday0900 + 3 * kMinute);
  ASSERT_TRUE(has_ticket(1));
  EXPECT_EQ(ticket(1).text, "家里水龙头关不紧");
  EXPECT_EQ(ticket(1).kind, "report");
  // Answered: the next line is read on its own again.
  privately("今天天气不错", kMonday0900 + 4 * kMinute);
  EXPECT_FALSE(has_ticket(2));
}

TEST_F(ReportOffer, APlaceToldFirstStaysWithTheTroubleToldNext) {
  privately("报修");
  const std::vector<Reply> where = privately("3号楼2单元", kMonday0900 + kMinute);
  ASSERT_EQ(where.size(), 1u);
  EXPECT_FALSE(has_ticket(1));
  privately("楼道里的灯坏了", kMonday0900 + 2 * kMinute);
  ASSERT_TRUE(has_ticket(1));
  EXPECT_EQ(ticket(1).place, "3号楼2单元");
  EXPECT_EQ(ticket(1).first_node, "b3u2");
  EXPECT_EQ(ticket(1).assignee_person, "generic:u-chen");
}

TEST_F(ReportOffer, AWishAskedForIsAWish) {
  privately("微心愿");
  privately("想要一个助行器", kMonday0900 + kMinute);
  ASSERT_TRUE(has_ticket(1));
  EXPECT_EQ(ticket(1).kind, "wish");
}

TEST_F(ReportOffer, InAGroupOnlyTheAskersTroubleIsTakenNotTheirNeighboursNorTheirChatter) {
  say("b3u2", "u-he", "何大爷", read("报修"));
  say("b3u2", "u-zhang", "张三", read("楼道灯坏了", kMonday0900 + kMinute), kMonday0900 + kMinute);
  EXPECT_TRUE(say("b3u2", "u-he", "何大爷", read("今天天气不错", kMonday0900 + 2 * kMinute),
                  kMonday0900 + 2 * kMinute)
                  .empty());
  EXPECT_FALSE(has_ticket(1));
  const std::vector<Reply> told =
      say("b3u2", "u-he", "何大爷", read("楼道的灯又不亮了", kMonday0900 + 3 * kMinute),
          kMonday0900 + 3 * kMinute);
  ASSERT_TRUE(has_ticket(1));
  EXPECT_EQ(ticket(1).reporter, "generic:u-he");
  EXPECT_EQ(ticket(1).chat, "generic:b3u2");
  ASSERT_FALSE(told.empty());
  EXPECT_EQ(told[0].chat, "generic:b3u2");
}

TEST_F(ReportOffer, InAGroupTheOfferIsTheirsWhomItWasMadeTo) {
  say("b3u2", "u-he", "何大爷", read("@吹哨 电梯里好臭"));
  // A neighbour's "好的" is talk among neighbours: silence, nothing opened.
  EXPECT_TRUE(
      say("b3u2", "u-zhang", "张三", read("好的", kMonday0900 + kMinute), kMonday0900 + kMinute).empty());
  EXPECT_FALSE(has_ticket(1));
  say("b3u2", "u-he", "何大爷", read("嗯嗯 麻烦了", kMonday0900 + 2 * kMinute), kMonday0900 + 2 * kMinute);
  ASSERT_TRUE(has_ticket(1));
  EXPECT_EQ(ticket(1).text, "电梯里好臭");
  EXPECT_EQ(ticket(1).first_node, "b3u2");
}

TEST_F(ReportOffer, ANeedIsOfferedAsAnOrderAndAThingWishedForAsAWish) {
  const std::vector<Reply> offered = privately("我腿脚不好 想请人帮忙买点菜");
  ASSERT_EQ(offered.size(), 1u);
  EXPECT_EQ(offered[0].text, rendered("unknown_offer_order",
                                      {{"mention", "@何大爷"}, {"text", "我腿脚不好 想请人帮忙买点菜"}}));
  privately("好的 麻烦了", kMonday0900 + kMinute);
  ASSERT_TRUE(has_ticket(1));
  EXPECT_EQ(ticket(1).kind, "order");
  EXPECT_EQ(ticket(1).text, "我腿脚不好 想请人帮忙买点菜");

  privately("想要一副老花镜", kMonday0900 + 2 * kMinute);
  privately("是", kMonday0900 + 3 * kMinute);
  ASSERT_TRUE(has_ticket(2));
  EXPECT_EQ(ticket(2).kind, "wish");
}

TEST_F(ReportOffer, AReportTypedInFullAfterTheOfferAnswersIt) {
  privately("窗户坏了");
  privately("报事 3号楼2单元 窗户坏了", kMonday0900 + kMinute);
  ASSERT_TRUE(has_ticket(1));
  privately("是的", kMonday0900 + 2 * kMinute);
  EXPECT_FALSE(has_ticket(2));
}

}  // namespace
}  // namespace whistle::handlers::testing
