#include "handlers/language/jielong_sign_up.hpp"

#include <algorithm>
#include <span>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// Whether the entry a person added holds a withdrawal word ("赵敏 请假", "李强 去不了").
bool says_they_cannot_come(std::string_view entry) {
  for (const IntentRule& rule : intent_rules()) {
    if (rule.intent == Intent::withdraw && rule.keyword.size() > 3 &&
        entry.find(rule.keyword) != std::string_view::npos)
      return true;
  }
  return false;
}

}  // namespace

// The task a 接龙 header names: "接龙 #12 清理楼道", "接龙 12".
std::optional<std::int64_t> jielong_task(std::string_view text) {
  const std::string_view header = text.substr(0, text.find('\n'));
  for (std::size_t at = header.find('#'); at != std::string_view::npos; at = header.find('#', at + 1)) {
    if (const auto reference = read_task_reference(header, at)) return reference->number;
  }
  if (const std::size_t word = header.find("接龙"); word != std::string_view::npos) {
    if (const auto reference = read_task_reference(header, skip_separators(header, word + 6)))
      return reference->number;
  }
  return std::nullopt;
}

// "【吹哨#12】…": the bot's own post of task 12, quoted or copied.
std::optional<std::int64_t> quoted_task_post(std::string_view body) {
  constexpr std::string_view kTag = "【吹哨#";
  if (!body.starts_with(kTag)) return std::nullopt;
  const auto reference = read_task_reference(body, kTag.size());
  if (!reference || !starts_with_at(body, reference->end, "】")) return std::nullopt;
  return reference->number;
}

// A 接龙's sign-up: "3. 赵敏 请假", the name added saying they cannot come, is a withdrawal.
Command jielong_sign_up(const Command& base, std::string name, std::optional<std::int64_t> task) {
  Command command = base;
  command.intent = says_they_cannot_come(name) ? Intent::withdraw : Intent::report_in;
  command.implicit = true;
  command.title = std::move(name);
  command.task = task;
  return command;
}

// A 接龙 of volunteers, not of a group purchase, a survey, a dinner or a poll ("#接龙 团购砂糖橘",
// "志愿者年终聚餐接龙"), nor of residents' own check-ups or choir — unless its header names a task
// ("接龙 #1 疫苗接种点秩序维护") or its volunteers ("老年体检引导接龙").
bool is_a_sign_up_list(std::string_view text, const JielongList& list) {
  std::string_view header = text.substr(0, text.find('\n'));
  // WeChat's own 接龙 puts its title on the line after "#接龙" (a review of stop 70: "#接龙\n新住户信息登记
  // \n\n1. …" filled a task's places).
  if (const std::string_view bare = trim_spaces(header);
      (bare == "#接龙" || bare == "接龙" || bare == "＃接龙") && header.size() < text.size()) {
    const std::string_view after = text.substr(header.size() + 1);
    header = text.substr(0, header.size() + 1 + after.find('\n'));
  }
  const auto holds = [header](std::span<const std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [header](std::string_view word) {
      return header.find(word) != std::string_view::npos;
    });
  };
  const Vocabulary& words = vocabulary();
  // Entries that count what was bought are a group buy, unless the header names a task or its
  // volunteers ("接龙 #1 清理楼道", "志愿者报名").
  if (list.counts_goods && !jielong_task(text) && !holds(words.volunteer_list_words)) return false;
  // "志愿者报名统计" counts the volunteers signing up; "统计" alone heads a survey, and "报名统计",
  // "年货报名统计" a group buy (a review, 2026-12-07: its buyers were signed up, then made 失约).
  const bool counts_sign_ups =
      header.find("统计") != std::string_view::npos && header.find("志愿") != std::string_view::npos;
  if (holds(words.not_sign_up_lists) &&
      !(counts_sign_ups && std::none_of(words.not_sign_up_lists.begin(), words.not_sign_up_lists.end(),
                                        [header](std::string_view word) {
                                          return word != "统计" &&
                                                 header.find(word) != std::string_view::npos;
                                        })))
    return false;
  if (!holds(words.residents_own_lists)) return true;
  return jielong_task(text).has_value() || holds(words.volunteer_list_words);
}

// "报名", "报到" alone on the first line of a 接龙 are its header, not a sign-up of their own: with
// the list's "1." read as a task's number they signed everyone up to task 1 of another building
// (a regression hunt of the volunteer loop, 2026-12-07).
bool is_sign_up_header(const Command& first) {
  return first.intent == Intent::report_in && !first.task && !first.reason && !first.title &&
         first.mentions.empty();
}

}  // namespace whistle::language
