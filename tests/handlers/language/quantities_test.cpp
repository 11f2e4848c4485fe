// Head counts and points as leaders write them: each row is a text, the number read (or none) and
// what stays of the text.

#include "handlers/language/quantities.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "handlers/language/durations.hpp"

namespace whistle::language {
namespace {

struct QuantityCase {
  const char* text;
  std::optional<int> value;
  const char* left;
};

void PrintTo(const QuantityCase& row, std::ostream* out) {
  *out << '"' << row.text << '"';
}

class TakeCount : public ::testing::TestWithParam<QuantityCase> {};

TEST_P(TakeCount, ReadsTheHeadCountAndCutsItOut) {
  std::string text = GetParam().text;
  EXPECT_EQ(take_count(text), GetParam().value);
  EXPECT_EQ(text, GetParam().left);
}

const QuantityCase kCounts[] = {
    {"5人", 5, ""},
    {"5 人", 5, ""},  // voice input spaces digits from their unit
    {"三 人", std::nullopt, "三 人"},
    {"俩人", 2, ""},
    {"仨人", 3, ""},
    {"需要俩志愿者", 2, ""},
    {"来仨", 3, ""},
    {"搬桌子 来仨", 3, "搬桌子 "},
    {"再来俩", 2, ""},
    {"要俩个", 2, ""},
    {"两个人", 2, ""},
    {"两个志愿者", 2, ""},
    {"六个人", 6, ""},
    {"6名", 6, ""},
    {"限6人", 6, ""},
    {"需要6人", 6, ""},
    {"招募6名志愿者", 6, ""},
    {"人数6", 6, ""},
    {"人数6人", 6, ""},
    {"人数:6人", 6, ""},
    {"人数: 6", 6, ""},
    {"人数 6", 6, ""},
    {"名额10", 10, ""},
    {"清理楼道 人数:6人 周六", 6, "清理楼道  周六"},
    {"3.5人", std::nullopt, "3.5人"},
    {"咱俩一起", std::nullopt, "咱俩一起"},
    {"人数待定", std::nullopt, "人数待定"},
    {"人数6号", std::nullopt, "人数6号"},
    {"0小时", std::nullopt, "0小时"},
    {"-2小时", std::nullopt, "-2小时"},
    {"招募志愿者5名", 5, ""},
    {"招募志愿者5名 清理楼道", 5, " 清理楼道"},
    {"需要志愿者5人", 5, ""},
    {"慰问居民5人", 5, "慰问居民"},
    {"需要5人", 5, ""},
    {"5-6人", 6, ""},
    {"清理 5-6人 周六", 6, "清理  周六"},
    {"5到6名志愿者", 6, ""},
    {"需要3~5人", 5, ""},
    {"6-5人", 6, ""},
    {"-5人", -5, ""},
    // Those a task serves are counted with the same units; they are not its places.
    {"给2位老人送饭 3人", 3, "给2位老人送饭 "},
    {"看望5位孤寡老人 需要2名志愿者", 2, "看望5位孤寡老人 "},
    {"给2位老人送饭", std::nullopt, "给2位老人送饭"},
    {"需要5名学生志愿者", 5, ""},
};
INSTANTIATE_TEST_SUITE_P(Counts, TakeCount, ::testing::ValuesIn(kCounts));

class TakePoints : public ::testing::TestWithParam<QuantityCase> {};

TEST_P(TakePoints, ReadsThePointsAndCutsThemOut) {
  std::string text = GetParam().text;
  EXPECT_EQ(take_points(text), GetParam().value);
  EXPECT_EQ(text, GetParam().left);
}

const QuantityCase kPoints[] = {
    {"10分", 10, ""},
    {"10 分", 10, ""},
    {"10积分", 10, ""},
    {"积分10", 10, ""},
    {"积分10分", 10, ""},
    {"每人10分", 10, ""},
    {"每人10积分", 10, ""},
    {"每人奖励10分", 10, ""},
    {"奖励每人10分", 10, ""},
    {"10积分/人", 10, ""},
    {"10分/人", 10, ""},
    {"积分:每人10分", 10, ""},
    {"积分: 每人10分", 10, ""},
    {"积分:10", 10, ""},
    {"积分 10", 10, ""},
    {"清理 积分10 周六", 10, "清理  周六"},
    {"9点 10分", 10, "9点 "},
    {"9:00 10分", 10, "9:00 "},
    {"9点30分", std::nullopt, "9点30分"},
    {"9点 30分", std::nullopt, "9点 30分"},
    {"九点三十分", std::nullopt, "九点三十分"},
    {"1小时30分", std::nullopt, "1小时30分"},
    {"-2小时30分", std::nullopt, "-2小时30分"},
    {"1.5分", std::nullopt, "1.5分"},
    {"10分钟", std::nullopt, "10分钟"},
    {"积分10分钟", std::nullopt, "积分10分钟"},
    {"十分感谢", std::nullopt, "十分感谢"},
    {"毛巾二十分五十件", 20, "毛巾五十件"},
    {"积分商城", std::nullopt, "积分商城"},
    {"积分10人", std::nullopt, "积分10人"},
    {"0小时", std::nullopt, "0小时"},
    {"-2小时", std::nullopt, "-2小时"},
    {"10个积分", 10, ""},
    {"清理楼道 周六 10个积分 5人", 10, "清理楼道 周六  5人"},
    {"10个分", std::nullopt, "10个分"},
    {"每人积分十分", 10, ""},
    {"每人积分10", 10, ""},
    {"积分10分每人", 10, ""},
    {"10分 每人", 10, ""},
    {"清理 10分 每人 周六", 10, "清理  周六"},
    {"10分 每人带扫帚", 10, " 每人带扫帚"},
    {"每人 10分", 10, ""},
    {"清理 每位 10积分", 10, "清理 "},
    {"洗衣液 每瓶30分 20瓶", 30, "洗衣液  20瓶"},
    {"每件20积分", 20, ""},
};
INSTANTIATE_TEST_SUITE_P(Points, TakePoints, ::testing::ValuesIn(kPoints));

class TakeQuantity : public ::testing::TestWithParam<QuantityCase> {};

TEST_P(TakeQuantity, ReadsHowManyOfAnItemAndLeavesItsName) {
  std::string text = GetParam().text;
  EXPECT_EQ(take_quantity(text), GetParam().value);
  EXPECT_EQ(text, GetParam().left);
}

const QuantityCase kQuantities[] = {
    {"大米 2", 2, "大米"},
    {"2袋 大米", 2, "大米"},
    {"大米 x2", 2, "大米"},
    {"毛巾 2条", 2, "毛巾"},
    {"老花镜 五件", 5, "老花镜"},
    {"一桶食用油", 1, "食用油"},
    {"两条毛巾", 2, "毛巾"},
    {"洗衣液二十件", 20, "洗衣液"},
    {"抽纸一百件", 100, "抽纸"},
    {"大米5斤", std::nullopt, "大米5斤"},
    {"大米5斤 2", 2, "大米5斤"},
    {"一次性手套", std::nullopt, "一次性手套"},
    {"大米 五", std::nullopt, "大米 五"},
    {"洗衣液1.5瓶", std::nullopt, "洗衣液1.5瓶"},
    {"大米x2", 2, "大米"},
    {"大米X2", 2, "大米"},
    {"大米*2", 2, "大米"},
    {"大米×2", 2, "大米"},
    {"大米 ×2", 2, "大米"},
    {"大米 X2", 2, "大米"},
    {"大米 *2", 2, "大米"},
    {"大米x0", std::nullopt, "大米"},
    {"Mate10x2", std::nullopt, "Mate10x2"},
    {"x2", std::nullopt, "x2"},
};
INSTANTIATE_TEST_SUITE_P(Quantities, TakeQuantity, ::testing::ValuesIn(kQuantities));

// A whistle line's readers in the order the parser runs them: a length that is no length leaves
// no number behind for the count or the points.
TEST(Quantities, ALengthThatIsNoLengthLeavesNoNumberForTheOthers) {
  for (const char* line : {"清理 0小时", "清理 -2小时", "清理 -2小时30分", "清理 负1小时"}) {
    std::string text = line;
    EXPECT_EQ(take_duration(text), std::nullopt) << line;
    EXPECT_EQ(take_count(text), std::nullopt) << line;
    EXPECT_EQ(take_points(text), std::nullopt) << line;
    EXPECT_EQ(text, line);
  }
}

}  // namespace
}  // namespace whistle::language
