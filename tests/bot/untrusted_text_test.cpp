#include "bot/adapters/untrusted_text.hpp"

#include <gtest/gtest.h>

#include "bot/adapters/strict_json.hpp"

namespace whistle::bot {
namespace {

TEST(LogQuoted, ALineBreakInAClientsTextCannotStartAForgedLogLine) {
  EXPECT_EQ(log_quoted("m-1\n[info] admin logged in"), "\"m-1\\x0a[info] admin logged in\"");
  EXPECT_EQ(log_quoted("say \"hi\" \\ bye"), "\"say \\\"hi\\\" \\\\ bye\"");
}

TEST(LogQuoted, ALongTextIsCutOnACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 100; ++i)
    text += "张";
  const std::string quoted = log_quoted(text, 10);
  EXPECT_EQ(quoted, "\"张张张...\"");
}

TEST(CleanDisplayName, KeepsAnOrdinaryNameAsItIs) {
  EXPECT_EQ(clean_display_name("张三"), "张三");
  EXPECT_EQ(clean_display_name("Anna Li"), "Anna Li");
  EXPECT_EQ(clean_display_name("  \n\t "), "");
  EXPECT_EQ(clean_display_name("\u200b"), "") << "nothing visible: no name";
  EXPECT_EQ(clean_display_name("吹\u200d哨"), "吹哨");
}

TEST(IdProblem, NamesWhatIsWrongWithAnId) {
  EXPECT_FALSE(id_problem("wxid_abc123@chatroom"));
  EXPECT_TRUE(id_problem(""));
  EXPECT_TRUE(id_problem(std::string(kMaxIdBytes + 1, 'a')));
  EXPECT_TRUE(id_problem("a\u2028b")) << "a line separator is a line break too";
  EXPECT_TRUE(id_problem("a b"));
  EXPECT_TRUE(id_problem("u-\u200bhe")) << "a look-alike of u-he";
  EXPECT_TRUE(id_problem("u-\u00adhe"));
  EXPECT_FALSE(id_problem("a b", IdSpaces::allowed));
}

TEST(StrictJson, RefusesAKeyRepeatedInOneObjectAtAnyDepth) {
  EXPECT_TRUE(std::holds_alternative<nlohmann::json>(parse_strict_json(R"({"a": 1, "b": {"a": 2}})")));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_strict_json(R"({"a": 1, "a": 1})")));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_strict_json(R"([{"x": {"y": 1, "y": 2}}])")));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_strict_json(R"({"": 1, "": 2})")));
  EXPECT_EQ(std::get<std::string>(parse_strict_json("{")), "malformed JSON");
}

}  // namespace
}  // namespace whistle::bot
