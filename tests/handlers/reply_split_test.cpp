#include "handlers/reply_split.hpp"

#include <gtest/gtest.h>

#include <map>

namespace whistle::handlers {
namespace {

std::map<std::string, std::string> names;

std::string name_of(const std::string& id) {
  return names.count(id) ? names[id] : id;
}

bool is_whole_utf8(const std::string& text) {
  if (text.empty()) return true;
  const auto first = static_cast<unsigned char>(text.front());
  if ((first & 0xC0) == 0x80) return false;
  std::size_t end = text.size();
  std::size_t lead = end - 1;
  while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80)
    --lead;
  const auto byte = static_cast<unsigned char>(text[lead]);
  const std::size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
  return lead + length == end;
}

TEST(SplitReply, AShortReplyIsUntouched) {
  const Reply reply{"generic:b3u2", "【吹哨#1】@张三 报到成功", {"generic:u-zhang"}};
  EXPECT_EQ(split_reply(reply, name_of), std::vector<Reply>{reply});
  const std::string exactly(kMessageLimitBytes, 'x');
  EXPECT_EQ(split_reply(Reply{"generic:b3u2", exactly, {}}, name_of).size(), 1u);
}

TEST(SplitReply, ALongListIsSplitAtLineBreaksIntoPartsWithinTheLimit) {
  std::string text = "【验收#1】";
  std::vector<std::string> lines;
  for (int i = 1; i <= 100; ++i) {
    lines.push_back(std::to_string(i) + ". 志愿者" + std::to_string(i) + " 签到09:00 签退11:00");
    text += "\n" + lines.back();
  }
  const std::vector<Reply> parts = split_reply(Reply{"generic:b3u2", text, {}}, name_of, 500);
  ASSERT_GT(parts.size(), 1u);
  std::string joined;
  for (const Reply& part : parts) {
    EXPECT_EQ(part.chat, "generic:b3u2");
    EXPECT_LE(part.text.size(), 500u);
    joined += part.text + "\n";
  }
  // Every line arrives whole, in one part, and every part names what it is about.
  for (const std::string& line : lines)
    EXPECT_NE(joined.find("\n" + line + "\n"), std::string::npos) << line;
  for (const Reply& part : parts)
    EXPECT_TRUE(part.text.starts_with("【验收#1】")) << part.text;
}

TEST(SplitReply, ALineOfMentionsIsSplitAtSpacesAndEachPartMentionsWhomItNames) {
  std::vector<std::string> people;
  std::string text = "请已报到的";
  for (int i = 1; i <= 90; ++i) {
    const std::string id = "generic:u-v" + std::to_string(i);
    names[id] = "志愿者" + std::to_string(i);
    people.push_back(id);
    text += " @" + names[id];
  }
  text += " 准时参加。";
  const std::vector<Reply> parts = split_reply(Reply{"generic:b3", text, people}, name_of, 300);
  ASSERT_GT(parts.size(), 1u);
  std::map<std::string, int> mentioned;
  for (const Reply& part : parts) {
    EXPECT_LE(part.text.size(), 300u);
    EXPECT_TRUE(is_whole_utf8(part.text)) << part.text;
    for (const std::string& id : part.mentions) {
      ++mentioned[id];
      EXPECT_NE(part.text.find("@" + names[id]), std::string::npos) << id;
    }
  }
  // "@志愿者1" is not taken for a mention inside "@志愿者10": everyone is mentioned exactly once.
  EXPECT_EQ(mentioned.size(), 90u);
  for (const auto& [id, count] : mentioned)
    EXPECT_EQ(count, 1) << id;
}

TEST(SplitReply, AMentionNotShownInTheTextGoesWithTheFirstPart) {
  const std::string text = std::string(300, 'a') + "\n" + std::string(300, 'b');
  const std::vector<Reply> parts = split_reply(Reply{"generic:b3", text, {"generic:u-x"}}, name_of, 400);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].mentions, std::vector<std::string>{"generic:u-x"});
  EXPECT_TRUE(parts[1].mentions.empty());
}

TEST(WrapLine, AWordLongerThanTheLimitIsCutBetweenCharacters) {
  std::string word;
  for (int i = 0; i < 100; ++i)
    word += "张";
  const std::vector<std::string> pieces = wrap_line(word, 50);
  std::string joined;
  for (const std::string& piece : pieces) {
    EXPECT_LE(piece.size(), 50u);
    EXPECT_EQ(piece.size() % 3, 0u) << "whole three-byte characters only";
    joined += piece;
  }
  EXPECT_EQ(joined, word);
}

TEST(LocateMentions, EachNamedPersonGetsTheBytesOfTheirAtNameInTextOrder) {
  const std::map<std::string, std::string> shown{{"generic:u-zhang", "张三"},
                                                 {"generic:u-zhangfeng", "张三丰"},
                                                 {"generic:u-li", "李四"},
                                                 {"generic:u-x", "王五"}};
  const NameOf shown_name = [&shown](const std::string& id) { return shown.at(id); };
  const Reply reply{"generic:g1",
                    "@张三丰 @李四 请和@张三 一起，谢谢@李四",
                    {"generic:u-zhang", "generic:u-li", "generic:u-zhangfeng", "generic:u-x"}};
  const std::vector<store::MentionSpan> spans = locate_mentions(reply, shown_name);
  // "@张三" is not found inside "@张三丰"; 李四 is named twice; 王五 is mentioned but not named.
  ASSERT_EQ(spans.size(), 4u);
  const std::string& text = reply.text;
  EXPECT_EQ(spans[0].person, "generic:u-zhangfeng");
  EXPECT_EQ(text.substr(spans[0].offset, spans[0].length), "@张三丰");
  EXPECT_EQ(spans[1].person, "generic:u-li");
  EXPECT_EQ(text.substr(spans[1].offset, spans[1].length), "@李四");
  EXPECT_EQ(spans[2].person, "generic:u-zhang");
  EXPECT_EQ(text.substr(spans[2].offset, spans[2].length), "@张三");
  EXPECT_EQ(spans[3].person, "generic:u-li");
  EXPECT_GT(spans[3].offset, spans[2].offset);
}

}  // namespace
}  // namespace whistle::handlers
