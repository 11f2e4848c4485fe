#include "bot/adapters/untrusted_text.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <set>
#include <vector>

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
  EXPECT_EQ(std::get<std::string>(parse_strict_json(R"({"": 1, "": 2})")), "duplicate key \"\" in one object")
      << "the empty key, named as it was sent";
  EXPECT_EQ(std::get<std::string>(parse_strict_json("{")), "malformed JSON");
}

TEST(StrictJson, NamesTheFirstRepeatedKeyAndPutsMalformedTextFirst) {
  EXPECT_EQ(std::get<std::string>(parse_strict_json(R"({"x": 1, "y": [{"k": 1, "k": 2}], "x": 3})")),
            "duplicate key \"k\" in one object");
  EXPECT_EQ(std::get<std::string>(parse_strict_json(R"({"a": 1, "a": 2, )")), "malformed JSON");
  EXPECT_EQ(std::get<std::string>(parse_strict_json(R"({"a": 1} {"a": 2})")), "malformed JSON")
      << "text after the value";
  EXPECT_EQ(std::get<std::string>(parse_strict_json(R"({"a": 1e999})")), "malformed JSON");
}

// The parser before it built its own tree: nlohmann's callback parser and a set of keys per open
// object. Kept here as the reference the tree builder must agree with on every text.
std::variant<nlohmann::json, std::string> reference_parse(std::string_view text) {
  using nlohmann::json;
  std::vector<std::set<std::string>> open;
  std::optional<std::string> duplicate;
  json value = json::parse(
      text,
      [&](int, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::object_start) open.emplace_back();
        if (event == json::parse_event_t::object_end && !open.empty()) open.pop_back();
        if (event == json::parse_event_t::key && !open.empty() &&
            !open.back().insert(parsed.get<std::string>()).second && !duplicate) {
          duplicate = parsed.get<std::string>();
        }
        return true;
      },
      false);
  if (value.is_discarded()) return std::string("malformed JSON");
  if (duplicate)
    return "duplicate key " +
           json(duplicate->substr(0, 40)).dump(-1, ' ', false, json::error_handler_t::replace) +
           " in one object";
  return value;
}

// Random JSON text from a few keys (so some repeat), nested values of every kind.
void write_value(std::mt19937& random, int depth, std::string& out) {
  static const std::vector<std::string> keys = {
      "a", "b", "", "from", "\u5f20", "a very long key of more than forty bytes, cut"};
  static const std::vector<std::string> scalars = {
      "null", "true",     "false",         "0", "-7", "18446744073709551615", "1.5e3", "-0.25",
      "\"\"", "\"报到\"", "\"\\n\\u0041\""};
  const int kind = depth > 3 ? 0 : static_cast<int>(random() % 4);
  if (kind <= 1) {
    out += scalars[random() % scalars.size()];
  } else if (kind == 2) {
    out += '[';
    for (int n = static_cast<int>(random() % 4), i = 0; i < n; ++i) {
      if (i > 0) out += ',';
      write_value(random, depth + 1, out);
    }
    out += ']';
  } else {
    out += '{';
    for (int n = static_cast<int>(random() % 5), i = 0; i < n; ++i) {
      if (i > 0) out += ", ";
      out += '"' + keys[random() % keys.size()] + "\": ";
      write_value(random, depth + 1, out);
    }
    out += '}';
  }
}

TEST(StrictJson, AgreesWithTheCallbackParserOnRandomTexts) {
  std::mt19937 random(20261203);
  int malformed = 0;
  int duplicates = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    write_value(random, 0, text);
    // A third of the texts are damaged: cut short, or a byte replaced.
    if (round % 3 == 1 && !text.empty()) text.resize(random() % text.size());
    if (round % 3 == 2 && !text.empty()) text[random() % text.size()] = "{}[],:\"x1 "[random() % 10];
    const auto expected = reference_parse(text);
    const auto actual = parse_strict_json(text);
    ASSERT_EQ(expected.index(), actual.index()) << text;
    if (const auto* problem = std::get_if<std::string>(&expected)) {
      ASSERT_EQ(*problem, std::get<std::string>(actual)) << text;
      ++(*problem == "malformed JSON" ? malformed : duplicates);
    } else {
      ASSERT_EQ(std::get<nlohmann::json>(expected), std::get<nlohmann::json>(actual)) << text;
    }
  }
  // The texts reach every answer, many times.
  EXPECT_GT(malformed, 1000);
  EXPECT_GT(duplicates, 1000);
}

}  // namespace
}  // namespace whistle::bot
