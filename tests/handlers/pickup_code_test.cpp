#include "handlers/pickup_code.hpp"

#include <gtest/gtest.h>

#include <set>

#include "handlers/language/parser.hpp"

namespace whistle::handlers {
namespace {

TEST(PickupCode, ACodeHasNoLookAlikesAndReadsAsACode) {
  for (int i = 0; i < 2000; ++i) {
    const std::string code = random_pickup_code(4);
    ASSERT_EQ(code.size(), 4u);
    EXPECT_EQ(code.find_first_of("01OI"), std::string::npos) << code;
    EXPECT_NE(code.front(), 'T') << code;
    EXPECT_NE(code.find_first_of("23456789"), std::string::npos) << code;
  }
}

TEST(PickupCode, TheParserReadsEveryShapeOfCodeAfterTheStaffsWord) {
  language::ParseContext context;
  for (int i = 0; i < 500; ++i) {
    const std::string code = random_pickup_code(4 + i % 3);
    const Command pickup = language::parse_command("核销 " + code, context);
    EXPECT_EQ(pickup.intent, Intent::pickup) << code;
    EXPECT_EQ(pickup.code, code);
    const Command cancel = language::parse_command("取消兑换 " + code, context);
    EXPECT_EQ(cancel.intent, Intent::cancel_redeem) << code;
    EXPECT_EQ(cancel.code, code);
  }
}

TEST(PickupCode, CodesAreSpreadOverTheAlphabet) {
  std::set<char> seen;
  for (int i = 0; i < 500; ++i) {
    for (char c : random_pickup_code(6))
      seen.insert(c);
  }
  // T never leads a code, but it may follow.
  EXPECT_EQ(seen.size(), kPickupAlphabet.size());
}

TEST(PickupCode, ANewCodeAvoidsTakenOnesAndGrowsLongerWhenShortOnesRunOut) {
  std::set<std::string> taken;
  for (int i = 0; i < 50; ++i) {
    const std::string code = new_pickup_code([&](const std::string& c) { return taken.count(c) > 0; });
    EXPECT_TRUE(taken.insert(code).second) << code;
  }
  const std::string longer = new_pickup_code([](const std::string& c) { return c.size() < 6; });
  EXPECT_EQ(longer.size(), 6u);
  EXPECT_THROW(new_pickup_code([](const std::string&) { return true; }), std::runtime_error);
}

TEST(PickupCode, ATypedCodeIsComparedWithoutCaseOrSpaces) {
  EXPECT_EQ(normalized_pickup_code("k7 q2"), "K7Q2");
}

}  // namespace
}  // namespace whistle::handlers
