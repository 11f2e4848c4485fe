#include "bot/answer_codec.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

// encode_answer writes the JSON by hand; it must write exactly what nlohmann's tree wrote before,
// so answers stored by either read back the same.
TEST(AnswerCodec, TheBytesAreTheSameAsNlohmannsTree) {
  const std::vector<handlers::Reply> replies = {
      {"generic:b3u2",
       "【吹哨#1】已报到 2/5\n\"引号\" 反斜杠\\ tab\t cr\r \x01\x1f\x7f 😀 \xEF\xBF\xBD",
       {"generic:u-zhang", "wecom:a\"b"}},
      {"generic:@u-li", "", {}},
      {"", "\b\f", {""}}};
  nlohmann::json tree = nlohmann::json::array();
  for (const handlers::Reply& reply : replies)
    tree.push_back({{"chat", reply.chat}, {"text", reply.text}, {"mentions", reply.mentions}});
  EXPECT_EQ(encode_answer(replies), tree.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  EXPECT_EQ(encode_answer({}), "[]");
}

TEST(AnswerCodec, InvalidUtf8IsReplacedAndTheAnswerStaysReadable) {
  const std::vector<handlers::Reply> replies = {{"generic:b3u2", "好\xFF的\xE4\xBD", {"generic:\xC0u"}}};
  const std::string answer = encode_answer(replies);
  ASSERT_TRUE(nlohmann::json::accept(answer)) << answer;
  const std::vector<handlers::Reply> read = decode_answer(answer);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].text, "好\xEF\xBF\xBD的\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(read[0].mentions, (std::vector<std::string>{"generic:\xEF\xBF\xBDu"}));
}

}  // namespace
}  // namespace whistle::bot
