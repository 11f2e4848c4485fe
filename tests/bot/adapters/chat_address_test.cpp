#include "bot/adapters/chat_address.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {
namespace chat_address_cases {

TEST(ChatAddress, TheDefaultInstanceIsUnnamedAndOthersAreNamed) {
  const auto plain = parse_chat_address("feishu:oc_1");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->platform, "feishu");
  EXPECT_EQ(plain->instance, "default");
  EXPECT_EQ(plain->local, "oc_1");

  const auto named = parse_chat_address("feishu.ops:@ou_7");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->platform, "feishu");
  EXPECT_EQ(named->instance, "ops");
  EXPECT_EQ(named->local, "@ou_7");
}

TEST(ChatAddress, QualifyIsTheInverseOfParse) {
  EXPECT_EQ(qualify("wecom", "default", "wrABC"), "wecom:wrABC");
  EXPECT_EQ(qualify("wecom", "east", "wrABC"), "wecom.east:wrABC");
  const auto back = parse_chat_address(qualify("telegram", "east", "-100123"));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->instance, "east");
  EXPECT_EQ(back->local, "-100123");
}

TEST(ChatAddress, AnIdWithoutAPlatformIsNoAddress) {
  EXPECT_FALSE(parse_chat_address("b3u2"));
  EXPECT_FALSE(parse_chat_address(":b3u2"));
  EXPECT_FALSE(parse_chat_address("feishu.:x"));
}

}  // namespace chat_address_cases
}  // namespace
}  // namespace whistle::bot
