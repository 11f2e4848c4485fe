#include "handlers/language/task_questions.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// What makes the words before it a question: "还有名额吗", "还缺人不", "人够了没有".
// Not 呢: "我报到了呢" tells, and signs up.
constexpr auto kQuestionParticles = std::to_array<std::string_view>({"没有", "吗", "么", "嘛", "没", "不"});
// After the question, only the asker's wish to join ("还有名额吗？我想报一个"); anything else says
// what the question was about ("还有名额吗？团购的").
constexpr auto kWishesToJoin =
    std::to_array<std::string_view>({"报", "我来", "参加", "加我", "算我", "我去"});
// Another question of the same task after the first: "在哪集合？要带什么" (a snow day, 2026-12-07).
constexpr auto kAlsoAsks =
    std::to_array<std::string_view>({"带什么", "带啥", "穿什么", "几点", "在哪", "哪里集合"});
// What may follow a keyword that asks by itself: "报名情况怎么样", "名单发一下".
constexpr auto kRequestsAfter =
    std::to_array<std::string_view>({"怎么样", "如何", "发一下", "发下", "发给我", "发我", "看看", "看一下"});
// What may follow, changing nothing: "还有名额吗啊", "几点开始呀".
constexpr auto kSoftParticles = std::to_array<std::string_view>({"啊", "呀", "哈", "哇", "呢", "哦"});

bool starts_a_new_sentence(char byte) {
  return byte == '?' || byte == ',' || byte == '.' || byte == '!' || byte == ' ' || byte == '\n' ||
         byte == ';';
}

}  // namespace

bool read_task_question(const ArgumentInput& input, Command& command) {
  const std::string_view extra = input.rule.extra;
  if (extra.find("required") != std::string_view::npos && !input.anchored) return false;
  const std::string_view rest = input.rest;
  std::size_t at = 0;
  bool asked = extra.find("asks") != std::string_view::npos;
  for (const std::string_view particle : kQuestionParticles) {
    if (starts_with_at(rest, at, particle)) {
      asked = true;
      at += particle.size();
      break;
    }
  }
  for (const std::string_view particle : kSoftParticles) {
    if (starts_with_at(rest, at, particle)) at += particle.size();
  }
  // "1号报名情况怎么样", "1号名单发一下": a question word or a request after the asking keyword.
  if (extra.find("asks") != std::string_view::npos) {
    std::size_t word = at;
    while (word < rest.size() && rest[word] == ' ')
      ++word;
    for (const std::string_view request : kRequestsAfter) {
      if (starts_with_at(rest, word, request)) {
        at = word + request.size();
        break;
      }
    }
  }
  // "我报到了呢？" tells and signs up: for one's own list a question mark alone is not enough.
  if (at < rest.size() && rest[at] == '?' && extra.find("particle") == std::string_view::npos) asked = true;
  // Glued to the words, what follows makes another sentence ("几点开始的" is told, "还有名额的话我来"
  // a condition).
  if (!asked || (at < rest.size() && !starts_a_new_sentence(rest[at]) && !is_filler(rest.substr(at))))
    return false;
  const std::string_view after = rest.substr(at);
  if (!is_filler(after) &&
      std::none_of(kWishesToJoin.begin(), kWishesToJoin.end(),
                   [after](std::string_view wish) { return after.find(wish) != std::string_view::npos; }) &&
      !holds_any_of(after, kAlsoAsks))
    return false;
  // Asked in passing, even of a number: "12号几点开始" may be the 12th, "1号满了吗" a task of another
  // group; the answer comes where the task is this chat's.
  command.implicit = true;
  return true;
}

bool read_task_question_after_noun(const ArgumentInput& input, Command& command) {
  const std::string_view rest = trim_spaces(input.rest);
  for (const IntentRule* rule : rules_by_first_character(rest)) {
    if (rule->arguments != Arguments::task_question || !starts_with_at(rest, 0, rule->keyword)) continue;
    // The noun before anchors it as a reference does: "活动满了吗" asks of the activity.
    const ArgumentInput question{*rule, rest.substr(rule->keyword.size()), input.context, true};
    if (read_task_question(question, command)) return true;
  }
  return false;
}

}  // namespace whistle::language
