#include "handlers/language/nearest_commands.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

using Pair = std::pair<char32_t, char32_t>;

// What of a text can tell one command from another: its Chinese characters and letters (in lower
// case), and each two of them that follow one another. Digits, spaces and punctuation are left
// out: "12" would make every command that takes a number look alike.
struct Shape {
  std::vector<char32_t> characters;  ///< distinct, in order of appearance
  std::vector<Pair> pairs;           ///< distinct
};

Shape shape_of(std::string_view text) {
  Shape shape;
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint point = decode_utf8(text, pos);
    pos += point.length;
    char32_t cp = point.value;
    if (!is_cjk(cp) && !is_ascii_alpha(cp)) continue;
    if (cp >= U'A' && cp <= U'Z') cp = cp - U'A' + U'a';
    if (std::find(shape.characters.begin(), shape.characters.end(), cp) == shape.characters.end())
      shape.characters.push_back(cp);
    if (previous != 0) {
      const Pair pair{previous, cp};
      if (std::find(shape.pairs.begin(), shape.pairs.end(), pair) == shape.pairs.end())
        shape.pairs.push_back(pair);
    }
    previous = cp;
  }
  return shape;
}

int size_of(const Shape& shape) {
  return static_cast<int>(shape.characters.size() + shape.pairs.size());
}

// Characters of everyday talk that, alone, say nothing of a command: the 了 of 吃了吗 matched 到了
// and 走了, the 不 of 今天天气不错 matched 不满意, and chatter said to the bot in private was offered
// 签到, 签退 and 评价 (a review, 2026-12-06); the 错 of 不错 matched 签退错了. In a pair ("到了" of
// 我到家了, "怎么" of 这个怎么用) they still count.
constexpr std::u32string_view kEverydayCharacters =
    U"了不我你他她的地得有没人天一下么吗吧啊呀呢在是来去好要看能什怎事个这那用会多少大小上说想明今和就都也还"
    U"错";

bool is_everyday(char32_t cp) {
  return kEverydayCharacters.find(cp) != std::u32string_view::npos;
}

// What a word shares with the line: each of its characters found in the line, unless it is an
// everyday one, and each of its pairs found there in the same order ("报到" shares a pair with
// "我要报到", none with "到报").
int shared(const Shape& line, const Shape& word) {
  int count = 0;
  for (char32_t cp : word.characters) {
    if (!is_everyday(cp) &&
        std::find(line.characters.begin(), line.characters.end(), cp) != line.characters.end())
      ++count;
  }
  for (const Pair& pair : word.pairs) {
    if (std::find(line.pairs.begin(), line.pairs.end(), pair) != line.pairs.end()) ++count;
  }
  return count;
}

// How near one intent is: its nearest word's share, how much of that word the share is, and how
// many of its words share anything (报 in "报刀" fits 报到, 报名 and 我报名: report_in, not 报事).
struct Nearness {
  int score = 0;
  int word_size = 1;
  int words = 0;
};

// a's nearest word is covered more fully than b's: a.score / a.word_size > b.score / b.word_size.
bool covers_more(const Nearness& a, const Nearness& b) {
  return a.score * b.word_size > b.score * a.word_size;
}

void consider(Nearness& nearness, const Shape& line, std::string_view word) {
  const Shape shape = shape_of(word);
  if (shape.characters.empty()) return;  // "1", "+1", "?": nothing to compare
  const int score = shared(line, shape);
  if (score == 0) return;
  ++nearness.words;
  const Nearness candidate{score, size_of(shape), 0};
  if (score > nearness.score || (score == nearness.score && covers_more(candidate, nearness))) {
    nearness.score = score;
    nearness.word_size = candidate.word_size;
  }
}

bool is_allowed(const NearestOptions& options, Intent intent) {
  return options.allowed.empty() ||
         std::find(options.allowed.begin(), options.allowed.end(), intent) != options.allowed.end();
}

}  // namespace

std::vector<NearCommand> nearest_commands(std::string_view line, const NearestOptions& options) {
  const Shape line_shape = shape_of(line);
  if (line_shape.characters.empty()) return {};

  // The intents in enum order, each with its first keyword (the word to show) and its nearness.
  std::map<Intent, std::pair<std::string_view, Nearness>> intents;
  for (const IntentRule& rule : intent_rules()) {
    if (!is_allowed(options, rule.intent)) continue;
    // Questions ("还有名额吗", "今天有什么活动") are answered, not taught: their everyday words (今天,
    // 还有, 人) would make any chatter look near them.
    if (rule.arguments == Arguments::task_question || rule.extra.starts_with("question")) continue;
    // Taking a step back ("签退错了", "撤销核销") is no command to teach: its 错 and 撤销 made chatter
    // ("今天天气不错") look near 签到.
    if (rule.extra == "undo") continue;
    // Nor a field named after a task's number ("1号时间改成…"): 时间, 地点 and 人数 are everyday words.
    if (rule.extra == "label") continue;
    // Nor a question how points work ("积分怎么算"): it would offer 帮助 for every 积份.
    if (rule.extra == "points_rules") continue;
    // Nor how to volunteer: "招募志愿者" is a leader's whistle, not someone asking to join.
    if (rule.extra == "volunteering") continue;
    // Nor a question of sign-ups per place ("哪些楼还没人报名"): its 报名 made "报刀" look near 统计.
    if (rule.extra.starts_with("per_level") || rule.extra.starts_with("missing")) continue;
    auto [it, inserted] = intents.try_emplace(rule.intent, rule.keyword, Nearness{});
    consider(it->second.second, line_shape, rule.keyword);
  }
  for (const HintWord& hint : options.extra) {
    // A hint word of an intent the table does not know has no keyword to show.
    const auto it = intents.find(hint.intent);
    if (it != intents.end()) consider(it->second.second, line_shape, hint.word);
  }

  std::vector<std::pair<NearCommand, Nearness>> ranked;
  for (const auto& [intent, entry] : intents) {
    if (entry.second.score > 0)
      ranked.push_back({NearCommand{intent, entry.first, entry.second.score}, entry.second});
  }
  // Nearest first: the larger share, then the word more fully covered, then the intent with more
  // words in common; the enum's order settles the rest, so the answer never varies.
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.score != b.second.score) return a.second.score > b.second.score;
    if (covers_more(a.second, b.second) || covers_more(b.second, a.second))
      return covers_more(a.second, b.second);
    return a.second.words > b.second.words;
  });

  // One character in common with a line of more is chance (the 放 of 孩子放学了 and 放弃); with a
  // line of at most three besides its everyday ones it is a slip of the keyboard (报刀, 查积粉, 我要报明).
  const auto telling = std::count_if(line_shape.characters.begin(), line_shape.characters.end(),
                                     [](char32_t cp) { return !is_everyday(cp); });
  if (ranked.empty() || (ranked.front().second.score == 1 && telling > 3)) return {};
  std::vector<NearCommand> nearest;
  for (const auto& [command, nearness] : ranked) {
    if (nearest.size() >= options.limit) break;
    // A command sharing under half as much as the nearest is noise (the 报 of 取消报到 in 报名).
    if (nearness.score * 2 < ranked.front().second.score) break;
    nearest.push_back(command);
  }
  return nearest;
}

}  // namespace whistle::language
