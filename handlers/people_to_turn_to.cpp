#include "handlers/people_to_turn_to.hpp"

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/language/text_util.hpp"
#include "handlers/ledger_scope.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// A person asked for: someone to talk to, not the bot.
constexpr auto kPersonAskedFor = std::to_array<std::string_view>(
    {"领导", "找书记", "书记呢", "找主任", "人工", "真人", "活人", "负责人", "调解员", "找谁", "谁管",
     "电话多少", "电话是多少", "联系方式", "怎么联系"});

// The bot scolded. Short words stand alone ("滚"); the rest anywhere in a short line.
constexpr auto kScoldingAlone =
    std::to_array<std::string_view>({"滚", "滚开", "闭嘴", "垃圾", "废物", "没用"});
constexpr auto kScolding = std::to_array<std::string_view>(
    {"摆设", "有什么用", "有啥用", "什么用都没有", "一点用都没有", "破机器人", "智障", "什么玩意", "傻"});

// A line longer than this tells more than a scolding or a call for a person: it is read for what it
// tells ("找谁" in a report of a leak is the report's).
constexpr std::size_t kShortLine = 16 * 3;

bool is_one_of(std::string_view text, std::span<const std::string_view> words) {
  for (const std::string_view word : words) {
    if (text == word) return true;
  }
  return false;
}

// The place whose leaders are named: the chat's, or in private the sender's own, else the community.
std::optional<std::string> place_of_sender(Context& context) {
  if (context.node) return context.node->id;
  const std::vector<std::string> nodes = nodes_of_person(context, context.message.sender);
  if (!nodes.empty()) return nodes.front();
  // A resident of no role: the community's own leaders.
  return context.community;
}

}  // namespace

std::optional<Reply> answer_whom_to_turn_to(Context& context, const Command& command) {
  std::string_view plain = language::trim_spaces(command.text);
  while (!plain.empty() && std::string_view("!?.~ ").find(plain.back()) != std::string_view::npos)
    plain.remove_suffix(1);
  if (plain.empty() || plain.size() > kShortLine) return std::nullopt;
  const bool scolds = is_one_of(plain, kScoldingAlone) || language::holds_any_of(plain, kScolding);
  const bool asks = language::holds_any_of(plain, kPersonAskedFor);
  if (!scolds && !asks) return std::nullopt;
  std::vector<std::string> names;
  if (const std::optional<std::string> node = place_of_sender(context)) {
    for (const std::string& leader : leaders_up_from(context, *node)) {
      if (leader != context.message.sender) names.push_back(display_name(context.people, leader));
    }
  }
  const std::string leaders = join_list(context, names);
  const std::string mention = sender_mention(context);
  const std::string key = scolds ? "unknown_scolded" : "unknown_person_asked";
  return reply_to_sender(context, context.text(leaders.empty() ? key + "_nobody" : key,
                                               {{"mention", mention}, {"leaders", leaders}}));
}

}  // namespace whistle::handlers
