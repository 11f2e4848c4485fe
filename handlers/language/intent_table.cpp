#include "handlers/language/intent_table.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "handlers/language/intent_rule_families.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

// The command table. Words are written after normalization (Simplified, half-width):
// Traditional and full-width forms are read the same. A keyword must lead its line (after
// mentions of the bot, decoration and wrappers such as "我要"), or follow the reference or person
// it acts on ("12号任务结束", "T3 接单", "给@老赵 加3分"); inside a sentence it is chatter. Where
// two keywords share a start, the longer one is tried first.
//
// The rules themselves are in intent_rules_*.cpp, a family of commands to a file; the words that
// surround them (wrappers, markers, danger words) in intent_words.cpp.

std::span<const IntentRule> intent_rules() {
  static const std::vector<IntentRule> joined = [] {
    std::vector<IntentRule> rules;
    for (const auto family : {task_rules(), points_rules(), ticket_rules(), setup_and_help_rules()}) {
      rules.insert(rules.end(), family.begin(), family.end());
    }
    return rules;
  }();
  return joined;
}

std::span<const IntentRule* const> rules_by_first_character(std::string_view text) {
  // Every line is tried against the table several times (at its start, after a reference, after
  // each wrapper), so the rules are grouped once by their keyword's first character (ASCII letters
  // in lower case), longest keyword first, and a try looks only at the group its line starts with.
  static const auto groups = [] {
    std::unordered_map<char32_t, std::vector<const IntentRule*>> by_character;
    for (const IntentRule& rule : intent_rules()) {
      by_character[ascii_lower_code_point(decode_utf8(rule.keyword, 0).value)].push_back(&rule);
    }
    for (auto& [character, group] : by_character) {
      std::stable_sort(group.begin(), group.end(), [](const IntentRule* a, const IntentRule* b) {
        return a->keyword.size() > b->keyword.size();
      });
    }
    return by_character;
  }();
  if (text.empty()) return {};
  const auto group = groups.find(ascii_lower_code_point(decode_utf8(text, 0).value));
  if (group == groups.end()) return {};
  return group->second;
}

std::vector<const IntentRule*> rules_starting(std::string_view text) {
  std::vector<const IntentRule*> found;
  for (const IntentRule* rule : rules_by_first_character(text)) {
    if (starts_with_at(text, 0, rule->keyword)) found.push_back(rule);
  }
  return found;
}

}  // namespace whistle::language
