// The small readers the parser is built from: places, head counts and points, references,
// @-mentions, 接龙 lists and the command table.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/jielong.hpp"
#include "handlers/language/mentions.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/quantities.hpp"
#include "handlers/language/references.hpp"

namespace whistle::language {
namespace {

const std::vector<std::string> kNames = {"第一网格", "3号楼", "3号楼2单元", "锦华家园社区"};

std::optional<std::string> place_in(std::string text) {
  return take_place(text, kNames);
}

TEST(Places, AreReadInTheirCanonicalSpelling) {
  EXPECT_EQ(place_in("清理3号楼2单元楼道"), "3号楼2单元");
  EXPECT_EQ(place_in("3号楼 2单元"), "3号楼2单元");
  EXPECT_EQ(place_in("三号楼二单元"), "3号楼2单元");
  EXPECT_EQ(place_in("3栋"), "3号楼");
  EXPECT_EQ(place_in("12幢门口"), "12号楼");
  EXPECT_EQ(place_in("5号栋"), "5号楼");
  EXPECT_EQ(place_in("2单元"), "2单元");
  EXPECT_EQ(place_in("一单元"), "1单元");
  EXPECT_EQ(place_in("第一网格环境整治"), "第一网格");
  EXPECT_EQ(place_in("锦华家园社区"), "锦华家园社区");
}

TEST(Places, AreNotFloorsOrCountedBuildings) {
  EXPECT_EQ(place_in("1楼漏水"), std::nullopt);
  EXPECT_EQ(place_in("清理一栋楼"), std::nullopt);
  EXPECT_EQ(place_in("0号楼"), std::nullopt);
  EXPECT_EQ(place_in("99999号楼"), std::nullopt);
}

TEST(Places, TakeThePrecedingZaiWithThem) {
  std::string text = "九点在3号楼集合";
  EXPECT_EQ(take_place(text, kNames), "3号楼");
  EXPECT_EQ(text, "九点集合");
}

TEST(Places, IgnoreEmptyNodeNames) {
  std::string text = "清理楼道";
  EXPECT_EQ(take_place(text, {""}), std::nullopt);
  EXPECT_EQ(text, "清理楼道");
}

TEST(Quantities, ReadHeadCountsInEveryUsualWay) {
  for (const auto& [text, count] : std::vector<std::pair<std::string, int>>{{"5人", 5},
                                                                            {"两名", 2},
                                                                            {"3位", 3},
                                                                            {"5个人", 5},
                                                                            {"需要5名志愿者", 5},
                                                                            {"限10人", 10},
                                                                            {"十二人", 12}}) {
    std::string rest = text;
    EXPECT_EQ(take_count(rest), count) << text;
    EXPECT_EQ(rest, "") << text;
  }
}

TEST(Quantities, HandOnCountsAndPointsAsTypedForTheHandlerToJudge) {
  std::string text = "清理 0人";
  EXPECT_EQ(take_count(text), 0);
  EXPECT_EQ(text, "清理 ");
  std::string negative = "清理 -5分";
  EXPECT_EQ(take_points(negative), -5);
  EXPECT_EQ(negative, "清理 ");
  std::string huge = "清理 99999999999人";
  EXPECT_EQ(take_count(huge), 2147483647);
  EXPECT_EQ(huge, "清理 ");
}

TEST(Quantities, ReadADashAfterADigitAsARangeNotAMinus) {
  std::string text = "3-5人";
  EXPECT_EQ(take_count(text), 5);
}

TEST(Quantities, ReadPointsButNotAdverbsOrMinutes) {
  std::string points = "奖励10分";
  EXPECT_EQ(take_points(points), 10);
  EXPECT_EQ(points, "");
  std::string chinese = "二十分 清理";
  EXPECT_EQ(take_points(chinese), 20);
  std::string adverb = "十分感谢";
  EXPECT_EQ(take_points(adverb), std::nullopt);
  EXPECT_EQ(adverb, "十分感谢");
  std::string minutes = "10分钟";
  EXPECT_EQ(take_points(minutes), std::nullopt);
}

TEST(Quantities, ReadAnAdjustmentAmountStandingAlone) {
  std::string text = " 5 帮助孤寡老人";
  EXPECT_EQ(take_amount(text), 5);
  EXPECT_EQ(text, "  帮助孤寡老人");
  std::string inside = "帮助一位老人";
  EXPECT_EQ(take_amount(inside), std::nullopt);
}

TEST(Quantities, ReadARedemptionQuantityOnlyAsAWordOfItsOwn) {
  std::string text = "大米5斤 2";
  EXPECT_EQ(take_quantity(text), 2);
  EXPECT_EQ(text, "大米5斤");
  std::string name_only = "大米5斤";
  EXPECT_EQ(take_quantity(name_only), std::nullopt);
  EXPECT_EQ(name_only, "大米5斤");
}

TEST(References, ReadTaskNumbersAndMarkInvalidOnes) {
  EXPECT_EQ(read_task_reference("#12", 0)->number, 12);
  EXPECT_EQ(read_task_reference("12号", 0)->number, 12);
  EXPECT_EQ(read_task_reference("第十二号", 0)->number, 12);
  const auto zero = read_task_reference("0", 0);
  ASSERT_TRUE(zero.has_value());
  EXPECT_FALSE(zero->number.has_value());
  EXPECT_FALSE(read_task_reference("-3", 0)->number.has_value());
  EXPECT_FALSE(read_task_reference("99999999999999999999", 0)->number.has_value());
  EXPECT_FALSE(read_task_reference("12号楼", 0).has_value());
  // Voice input writes the number in Chinese with nothing after it ("报到十二"); inside a word
  // ("一下", "十二人") it is no reference.
  EXPECT_EQ(read_task_reference("十二", 0)->number, 12);
  EXPECT_FALSE(read_task_reference("一下", 0).has_value());
  EXPECT_FALSE(read_task_reference("十二人", 0).has_value());
  EXPECT_EQ(read_task_reference("八号腿疼", 0)->number, 8);
  EXPECT_EQ(read_task_reference("12号任务", 0)->number, 12);
  EXPECT_FALSE(read_task_reference("3号床", 0).has_value());
  EXPECT_EQ(read_ticket_reference("5号工单", 0, false)->number, 5);
  EXPECT_EQ(read_ticket_reference("T5满意", 0, false)->number, 5);
  EXPECT_FALSE(read_ticket_reference("T5a", 0, false).has_value());
}

TEST(References, ReadTicketNumbersInEveryUsualSpelling) {
  for (const char* text : {"T5", "t5", "#T5", "工单5", "工单 5", "工单#5", "工单T5"}) {
    const auto ticket = read_ticket_reference(text, 0, false);
    ASSERT_TRUE(ticket.has_value()) << text;
    EXPECT_EQ(ticket->number, 5) << text;
  }
  EXPECT_FALSE(read_ticket_reference("5", 0, false).has_value());
  EXPECT_EQ(read_ticket_reference("5", 0, true)->number, 5);
  EXPECT_FALSE(read_ticket_reference("Thanks", 0, false).has_value());
}

TEST(References, ReadCodesOfLettersAndDigits) {
  EXPECT_EQ(read_code("K7Q2 谢谢", 0)->first, "K7Q2");
  EXPECT_FALSE(read_code("K7Q2号", 0).has_value());
  EXPECT_FALSE(read_code("ABCDEFGHIJKLMNOPQ", 0).has_value());
}

TEST(Mentions, AreCutOutInOrderWithoutTheBotOrRepeats) {
  std::string text = "确认 12 @张三 @李四，@吹哨 @张三";
  EXPECT_EQ(take_mentions(text), (std::vector<std::string>{"张三", "李四"}));
  EXPECT_EQ(text, "确认 12  ， ");
}

TEST(Mentions, StopAtDigitsAfterChineseNamesButNotInsideLatinOnes) {
  std::string chinese = "加分@张三5分";
  EXPECT_EQ(take_mentions(chinese), std::vector<std::string>{"张三"});
  EXPECT_EQ(chinese, "加分5分");
  std::string latin = "@u-zhang2 好";
  EXPECT_EQ(take_mentions(latin), std::vector<std::string>{"u-zhang2"});
}

TEST(Mentions, AreNotEmailAddresses) {
  std::string text = "发到 a@b.cn";
  EXPECT_TRUE(take_mentions(text).empty());
  EXPECT_EQ(text, "发到 a@b.cn");
}

TEST(Jielong, ReadsTheNameAddedAtTheEnd) {
  EXPECT_EQ(read_jielong("1. 张三\n2. 李四\n3. 王五"), "王五");
  EXPECT_EQ(read_jielong("#接龙\n周六清理楼道\n1. 王书记"), "王书记");
  EXPECT_EQ(read_jielong("报名\n1、张三\n2、李四"), "李四");
}

TEST(Jielong, IsNotASingleNumberedLineOrABrokenList) {
  EXPECT_EQ(read_jielong("1. 张三"), std::nullopt);
  EXPECT_EQ(read_jielong("1楼漏水\n2楼也漏"), std::nullopt);
  EXPECT_EQ(read_jielong("1. 张三\n3. 王五"), std::nullopt);
  EXPECT_EQ(read_jielong("2. 李四\n3. 王五"), std::nullopt);
  EXPECT_EQ(read_jielong("1. 张三\n2. 李四\n好的"), std::nullopt);
  EXPECT_EQ(read_jielong("1. 张三\n2. "), std::nullopt);
  // Numbered steps, problems or notices are no sign-up list.
  EXPECT_EQ(read_jielong("注意事项：\n1. 带好手套\n2. 穿运动鞋"), std::nullopt);
  EXPECT_EQ(read_jielong("1. 楼道灯坏了\n2. 电梯不好用"), std::nullopt);
}

TEST(IntentTable, CoversEveryIntentOfTheDesign) {
  std::set<handlers::Intent> covered;
  for (const IntentRule& rule : intent_rules())
    covered.insert(rule.intent);
  for (int i = 0; i <= static_cast<int>(handlers::Intent::unknown); ++i) {
    const auto intent = static_cast<handlers::Intent>(i);
    if (intent == handlers::Intent::unknown) continue;
    EXPECT_TRUE(covered.count(intent)) << handlers::intent_name(intent);
  }
}

// A keyword stands once per intent; the same word may mean two things only in two shapes
// ("取消12号任务" calls a task off, "取消 12" frees a place).
TEST(IntentTable, HasEveryKeywordOncePerShape) {
  std::set<std::pair<std::string_view, std::string_view>> shapes;
  std::set<std::pair<std::string_view, handlers::Intent>> meanings;
  for (const IntentRule& rule : intent_rules()) {
    EXPECT_TRUE(shapes.insert({rule.keyword, rule.extra}).second) << rule.keyword;
    EXPECT_TRUE(meanings.insert({rule.keyword, rule.intent}).second) << rule.keyword;
  }
}

TEST(IntentTable, TriesTheLongestKeywordFirst) {
  const auto rules = rules_starting("取消报到 12");
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]->keyword, "取消报到");
  EXPECT_EQ(rules[1]->keyword, "取消");
  EXPECT_EQ(rules[2]->keyword, "取消");
  EXPECT_EQ(rules_starting("HELP")[0]->intent, handlers::Intent::help);
}

}  // namespace
}  // namespace whistle::language
