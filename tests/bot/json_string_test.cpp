#include "bot/json_string.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "handlers/language/utf8.hpp"

namespace whistle::bot {
namespace {

std::string as_json(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

// Random text of ASCII (controls, quotes and backslashes included), Chinese, and 2- and 4-byte
// code points, in runs and alone: the shapes an answer takes.
std::string random_valid_text(std::mt19937& random) {
  constexpr char32_t kPool[] = {0x00,  0x01,   0x08,   0x09,   0x0A,   0x0D,    0x1F,    '"',
                                '\\',  '/',    'a',    '7',    ' ',    0x7F,    0xA9,    0x7FF,
                                0x800, 0x62A5, 0x5230, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPool) - 1), size(0, 40);
  std::string text;
  for (std::size_t i = size(random); i > 0; --i)
    language::append_utf8(text, kPool[pick(random)]);
  return text;
}

TEST(JsonString, ValidTextIsWrittenAsNlohmannWritesIt) {
  std::mt19937 random(20261206);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_valid_text(random);
    ASSERT_EQ(as_json(text), nlohmann::json(text).dump()) << round;
  }
}

TEST(JsonString, EveryAsciiByteIsWrittenAsNlohmannWritesIt) {
  for (int byte = 0; byte < 0x80; ++byte) {
    const std::string text{'a', static_cast<char>(byte), 'b'};
    ASSERT_EQ(as_json(text), nlohmann::json(text).dump()) << byte;
  }
}

TEST(JsonString, EachInvalidByteBecomesOneReplacementCharacter) {
  // Bytes no valid text holds, a truncated sequence, an overlong form and a surrogate, between
  // runs of valid text: what is valid around them is kept whole.
  EXPECT_EQ(nlohmann::json::parse(as_json("好\xFF的")).get<std::string>(), "好\xEF\xBF\xBD的");
  EXPECT_EQ(nlohmann::json::parse(as_json("ab\xE4\xBD")).get<std::string>(), "ab\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(nlohmann::json::parse(as_json("\xC0\xAFx")).get<std::string>(), "\xEF\xBF\xBD\xEF\xBF\xBDx");
  EXPECT_EQ(nlohmann::json::parse(as_json("\xED\xA0\x80\"")).get<std::string>(),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonString, AnyBytesMakeValidJsonThatReadsBackAsTheValidPartsAndReplacements) {
  std::mt19937 random(6);
  std::uniform_int_distribution<int> byte(0, 255), size(0, 24);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int i = size(random); i > 0; --i)
      text += static_cast<char>(byte(random));
    // The expectation, a code point at a time.
    std::string expected;
    for (std::size_t pos = 0; pos < text.size();) {
      const language::CodePoint cp = language::decode_utf8(text, pos);
      language::append_utf8(expected, cp.value);
      pos += cp.length;
    }
    const std::string json = as_json(text);
    ASSERT_TRUE(nlohmann::json::accept(json)) << round;
    ASSERT_EQ(nlohmann::json::parse(json).get<std::string>(), expected) << round;
  }
}

TEST(JsonString, AppendsAfterWhatIsAlreadyThere) {
  std::string out = "[";
  append_json_string(out, "a\"b");
  out += ',';
  append_json_string(out, "");
  out += ']';
  EXPECT_EQ(out, R"(["a\"b",""])");
}

}  // namespace
}  // namespace whistle::bot
