// Query parameters as WeCom sends them: percent-decoded exactly once, '+' kept.
#include "bot/adapters/query_string.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {
namespace query_string_cases {

TEST(QueryString, DecodesPercentEscapesOnceAndKeepsPlus) {
  const auto params =
      parse_query("/hooks/wecom/default?a=1&echostr=P9%2Fq%2B4%3D%3D&plus=a+b&twice=%2541&empty=&flag");
  ASSERT_TRUE(params);
  EXPECT_EQ(params->at("a"), "1");
  EXPECT_EQ(params->at("echostr"), "P9/q+4==");
  EXPECT_EQ(params->at("plus"), "a+b");
  EXPECT_EQ(params->at("twice"), "%41");
  EXPECT_EQ(params->at("empty"), "");
  EXPECT_EQ(params->at("flag"), "");
  EXPECT_TRUE(parse_query("/no/query")->empty());
}

TEST(QueryString, RefusesBadEscapesAndRepeatedNames) {
  EXPECT_FALSE(parse_query("/x?a=%2"));
  EXPECT_FALSE(parse_query("/x?a=%zz"));
  EXPECT_FALSE(parse_query("/x?a=%"));
  EXPECT_FALSE(parse_query("/x?a=1&a=2"));
  EXPECT_FALSE(parse_query("/x?a=1&%61=2"));
}

TEST(QueryString, EncodeRoundTrips) {
  const std::string value = "key+with/odd=chars & 中文";
  EXPECT_EQ(parse_query("/x?v=" + percent_encode(value))->at("v"), value);
  EXPECT_EQ(percent_encode("aZ09-._~"), "aZ09-._~");
}

}  // namespace query_string_cases
}  // namespace
}  // namespace whistle::bot
