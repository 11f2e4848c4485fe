#include "bot/answer_codec.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

TEST(AnswerCodec, RepliesSurviveTheRoundTrip) {
  const std::vector<handlers::Reply> replies = {{"generic:b3u2", "【吹哨#1】已报到 2/5", {"generic:u-zhang"}},
                                                {"generic:@u-li", "好的", {}}};
  EXPECT_EQ(decode_answer(encode_answer(replies)), replies);
  EXPECT_TRUE(decode_answer(encode_answer({})).empty());
}

TEST(AnswerCodec, AnUnreadableAnswerGivesNoReplies) {
  EXPECT_TRUE(decode_answer("").empty());
  EXPECT_TRUE(decode_answer("{broken").empty());
  EXPECT_TRUE(decode_answer(R"({"chat": "x"})").empty());
}

}  // namespace
}  // namespace whistle::bot
