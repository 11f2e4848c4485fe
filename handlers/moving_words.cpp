#include "handlers/moving_words.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "handlers/language/resident_phrases.hpp"
#include "handlers/people_names.hpp"
#include "handlers/place_lookup.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// How people say they moved (an exploratory run of people changing, 2026-12-07, and one of a
// month's points: each was 没看懂).
// And a move coming ("我下个月搬走了 积分怎么办", "我月底就搬走了", "房子到期了 下周就搬走": an exploratory
// run of renters, stop 70).
constexpr auto kMoved = std::to_array<std::string_view>(
    {"我搬家了",   "我搬到",       "我搬走了",   "我们搬家了", "我们搬走了", "我家搬到", "我不在这住了",
     "我不住这了", "我不住这里了", "我要搬走了", "我要搬家了", "个月搬走",   "月底搬走", "月底就搬走",
     "下周搬走",   "下周就搬走",   "就要搬走了", "要搬走了",   "搬走了积分", "搬走以后"});

bool says_moved(std::string_view text) {
  return std::any_of(kMoved.begin(), kMoved.end(),
                     [text](std::string_view words) { return text.find(words) != std::string_view::npos; });
}

}  // namespace

std::optional<std::vector<Reply>> answer_about_moving(Context& context, const Command& command) {
  if (!context.message.is_private || !context.community || !says_moved(command.text)) return std::nullopt;
  // "我要搬家了 你们能派人帮我搬一下东西吗" asks for help, and "新搬来的，怎么参加活动" how to join (a
  // final read, 2026-12-07): those are answered as what they ask. Only a question of points stays.
  const std::string_view text = command.text;
  const bool asks_about_points = text.find("积分") != std::string_view::npos;
  if (!asks_about_points &&
      (language::asks_for_service(text) || language::wishes_for_thing(text) ||
       text.find('?') != std::string_view::npos || text.find("吗") != std::string_view::npos ||
       text.find("怎么") != std::string_view::npos || text.find("能不能") != std::string_view::npos))
    return std::nullopt;
  const std::string mention = mention_of(context.people, context.message.sender);
  // "我搬走了，积分还能用吗": points never lapse, wherever one lives.
  if (asks_about_points)
    return std::vector<Reply>{reply_to_sender(context, context.text("moved_away", {{"mention", mention}}))};
  if (const std::optional<store::OrgNode> place = node_named_in_words(context, command.text))
    return std::vector<Reply>{reply_to_sender(
        context, context.text("moved_to_place", {{"mention", mention}, {"place", place->name}}))};
  return std::vector<Reply>{reply_to_sender(context, context.text("moved_away", {{"mention", mention}}))};
}

}  // namespace whistle::handlers
