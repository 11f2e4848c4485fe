#include "handlers/language/nearest_commands.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/normalize.hpp"

namespace whistle::language {
namespace {

std::vector<NearCommand> nearest(const std::string& raw, const NearestOptions& options = {}) {
  return nearest_commands(normalize(raw).text, options);
}

struct NearestCase {
  std::string line;
  Intent first;
};

TEST(NearestCommands, AMistypedCommandPutsTheMeantOneFirst) {
  const std::vector<NearestCase> cases{{"报刀 12", Intent::report_in},    {"签倒", Intent::check_in},
                                       {"积份", Intent::points},          {"兑奖", Intent::redeem},
                                       {"帮忙看看", Intent::help},        {"積份", Intent::points},
                                       {"取消报道了12", Intent::withdraw}};
  for (const NearestCase& c : cases) {
    const std::vector<NearCommand> found = nearest(c.line);
    ASSERT_FALSE(found.empty()) << c.line;
    EXPECT_EQ(found.front().intent, c.first) << c.line << " → " << intent_name(found.front().intent);
  }
}

TEST(NearestCommands, EachSuggestionShowsTheIntentsFirstKeyword) {
  for (const std::string line : {"报刀 12", "签倒", "积份", "兑奖", "帮忙看看"}) {
    for (const NearCommand& command : nearest(line)) {
      const IntentRule* first = nullptr;
      for (const IntentRule& rule : intent_rules()) {
        if (rule.intent == command.intent) {
          first = &rule;
          break;
        }
      }
      ASSERT_NE(first, nullptr) << line;
      EXPECT_EQ(command.keyword, first->keyword) << line;
    }
  }
}

TEST(NearestCommands, AtMostThreeAreSuggestedByDefault) {
  // 报 is in the words of report-in, withdraw, tickets and escalation alike.
  EXPECT_LE(nearest("报").size(), 3u);
  NearestOptions one;
  one.limit = 1;
  EXPECT_EQ(nearest("报刀 12", one).size(), 1u);
}

TEST(NearestCommands, NothingIsNearALineSharingNoCharacter) {
  for (const std::string line : {"今天天气", "哈哈哈", "12", "", "  ", "👍👍", "。。。"}) {
    EXPECT_TRUE(nearest(line).empty()) << line;
  }
}

// Chatter said to the bot in private was offered 签到 for the 了 of 吃了吗 and 评价 for the 不 of
// 不错 (a review, 2026-12-06): an everyday character alone is no likeness; in a pair it is.
TEST(NearestCommands, ChatterSharingOnlyEverydayCharactersIsNearNothing) {
  for (const std::string line :
       {"今天天气不错", "吃了吗", "孩子放学了", "好冷啊", "晚上有空吗", "我在外面"}) {
    EXPECT_TRUE(nearest(line).empty()) << line << " → " << intent_name(nearest(line).front().intent);
  }
  const std::vector<NearCommand> pair = nearest("这个怎么用");
  ASSERT_FALSE(pair.empty());
  EXPECT_EQ(pair.front().intent, Intent::help);
}

TEST(NearestCommands, DigitsAndPunctuationDoNotMakeALineNear) {
  // "1" and "?" are keywords, but a number or a question mark alone says nothing of the command.
  EXPECT_TRUE(nearest("12?").empty());
  EXPECT_TRUE(nearest("+1 +1").empty());
}

TEST(NearestCommands, OnlyTheAllowedIntentsAreSuggested) {
  const std::vector<Intent> allowed{Intent::report_in, Intent::withdraw, Intent::help};
  NearestOptions options;
  options.allowed = allowed;
  for (const std::string line : {"积份", "签倒", "报刀 12", "取消活动吧"}) {
    for (const NearCommand& command : nearest(line, options)) {
      EXPECT_NE(std::find(allowed.begin(), allowed.end(), command.intent), allowed.end())
          << line << " → " << intent_name(command.intent);
    }
  }
  EXPECT_TRUE(nearest("积份", options).empty());
}

TEST(NearestCommands, ExtraWordsFindAnIntentButTheKeywordShownIsTheTables) {
  const std::vector<HintWord> extra{{Intent::whistle, "招募"}};
  NearestOptions options;
  options.extra = extra;
  const std::vector<NearCommand> found = nearest("招募志愿者", options);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().intent, Intent::whistle);
  EXPECT_EQ(found.front().keyword, "吹哨");
}

TEST(NearestCommands, ACommandSharingFarLessThanTheNearestIsLeftOut) {
  // 取消报名 shares four characters and three pairs; 报名 alone (report-in) shares under half.
  const std::vector<NearCommand> found = nearest("取消报名吧");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().intent, Intent::withdraw);
  for (const NearCommand& command : found) {
    EXPECT_GE(command.score * 2, found.front().score) << intent_name(command.intent);
  }
}

TEST(NearestCommands, LettersAreComparedInAnyCase) {
  const std::vector<NearCommand> found = nearest("HELP me");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().intent, Intent::help);
}

}  // namespace
}  // namespace whistle::language
