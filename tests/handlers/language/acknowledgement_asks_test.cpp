// A notice's "收到请扣1" and the bare numbers that answer it (stop 67: two residents answering a
// 停水 notice were signed up for the unit's task #1).

#include "handlers/language/acknowledgement_asks.hpp"

#include <gtest/gtest.h>

#include "handlers/language/normalize.hpp"

namespace whistle::language {
namespace {

bool asks_back(std::string_view line) {
  return asks_numbers_back(normalize(line).text);
}
bool asks_a_number(std::string_view line) {
  return asks_for_a_number(normalize(line).text);
}

TEST(AcknowledgementAsks, ANoticeAskingForANumberBackIsOne) {
  for (const std::string_view line : {"明天停水通知：上午8点到12点停水，请大家提前储水，收到请扣1",
                                      "已阅的回复1", "收到的扣个1", "看到请回复“1”", "请大家扣1表示收到",
                                      "需要上门理发的扣1，不需要的扣2", "收到扣1。", "知悉请回1即可"}) {
    EXPECT_TRUE(asks_back(line)) << line;
    EXPECT_TRUE(asks_a_number(line)) << line;
  }
}

TEST(AcknowledgementAsks, NumbersAskedToSignUpAreNoAcknowledgement) {
  for (const std::string_view line :
       {"明天清理楼道，能来的扣1", "报名参加的回复1", "有空帮忙的扣1", "可以的扣1", "报到的回复1"}) {
    EXPECT_FALSE(asks_back(line)) << line;
    EXPECT_TRUE(asks_a_number(line)) << line;
  }
}

TEST(AcknowledgementAsks, OtherNumbersAfterTheVerbsAskNothing) {
  for (const std::string_view line :
       {"回1楼拿快递", "打110报警了", "发1张照片看看", "扣10分", "回复12号的问题", "报到 1", "1",
        // Neither read nor chosen: a call whose 1s sign up (a review of stop 67).
        "明早扫雪的扣1"}) {
    EXPECT_FALSE(asks_back(line)) << line;
  }
}

}  // namespace
}  // namespace whistle::language
