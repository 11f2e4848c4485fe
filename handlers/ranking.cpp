#include "handlers/ranking.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/place_lookup.hpp"
#include "handlers/publication_jobs.hpp"
#include "handlers/ranking_month.hpp"
#include "handlers/ranking_text.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_intake.hpp"
#include "store/rankings.hpp"

namespace whistle::handlers {

namespace {

std::string month_text(const Context& context, language::YearMonth month) {
  return context.text("ranking_month",
                      {{"year", std::to_string(month.year)}, {"month", std::to_string(month.month)}});
}

std::vector<Reply> publish_by_hand(Context& context, const Command& command) {
  const std::string mention = mention_of(context.people, context.message.sender);
  // A publication belongs to a group's node: in private there is no node to post it for.
  if (!context.node)
    return {reply_to_sender(context, context.text("publication_in_group", {{"mention", mention}}))};
  const store::OrgNode& node = *context.node;

  if (!leads_node_or_above(context, context.message.sender, node.id)) {
    const std::vector<std::string> leaders = leaders_up_from(context, node.id);
    return {reply_to_sender(
        context,
        context.text(leaders.empty() ? "publication_no_right_nobody" : "publication_no_right",
                     {{"mention", mention}, {"node", node.name}, {"leaders", names_of(context, leaders)}}))};
  }

  // "公示 去年": the 公示 is a month's; a year is read with 排行 and 统计.
  if (command.year)
    return {reply_to_sender(context, context.text("publication_year", {{"mention", mention}}))};
  const int offset = context.config.locale.utc_offset_seconds;
  const language::YearMonth current = month_of(context.now, offset);
  const language::YearMonth month = command.month.value_or(previous_month(current));
  // Only a finished month is published: its figures no longer move. This month is for 排行.
  if (month.year > current.year || (month.year == current.year && month.month >= current.month)) {
    return {reply_to_sender(context,
                            context.text("publication_month_open",
                                         {{"mention", mention}, {"month", month_text(context, month)}}))};
  }

  // A bare 公示 of a month with nothing earned and nobody signed up under this node is no 公示 to post
  // for all to read (an exploratory run of a snow day, 2026-12-07: an empty November, digest and all,
  // went to the community's group on 9 December while December's work showed nowhere). A month named
  // is posted as asked.
  const RankingMonth asked = ranking_month(month, offset);
  if (!command.month && month_is_empty(context, node.id, asked)) {
    return {reply_to_sender(
        context,
        context.text("publication_month_empty",
                     {{"mention", mention}, {"node", node.name}, {"month", month_text(context, month)}}))};
  }
  std::vector<Reply> posted = publish_node(context, node, asked, context.message.sender, context.now);
  // The sender's chat first: the dispatcher's contract is that the asker's answer leads.
  std::stable_partition(posted.begin(), posted.end(),
                        [&](const Reply& reply) { return reply.chat == context.message.chat; });
  return posted;
}

// "楼栋排名" in a unit's group: the level named, above the chat's place (a review, 2026-12-06: the
// unit's own list came back). A level at or below the chat's is its own ranking, which compares
// the levels below it.
std::optional<store::OrgNode> level_named_above(Context& context, const Command& command,
                                                const store::OrgNode& node) {
  const std::string_view said = language::without_wrappers(command.text);
  static constexpr std::pair<std::string_view, int> kLevels[] = {
      {"社区", 0}, {"网格", 1}, {"楼栋", 2}, {"单元", 3}};
  for (const auto& [word, level] : kLevels) {
    if (!said.starts_with(word) || level >= node.level) continue;
    for (const store::OrgNode& above : context.org.ancestors_and_self(node.id)) {
      if (above.level == level) return above;
    }
  }
  return std::nullopt;
}

// A ranking's messages, answered where they were asked for.
std::vector<Reply> in_this_chat(const Context& context, std::vector<std::string> texts) {
  std::vector<Reply> replies;
  for (std::string& text : texts)
    replies.push_back(Reply{context.message.chat, std::move(text), {}});
  return replies;
}

// "我们单元排第几": the group the asker means by 我们 — the chat's node or the one above it at the level
// named, in private their own place's — ranked among its neighbours under the level above, whose
// ranking follows. Empty when there is no such group, or it has nothing above it.
std::optional<std::vector<Reply>> own_group_ranking(Context& context, const Command& command) {
  // 我们 is also a wrapper ("我们报名"), so the line is read as said before past the wrappers.
  std::string_view said_text = language::trim_spaces(command.text);
  if (said_text.starts_with("请问"))
    said_text = language::trim_spaces(said_text.substr(std::string_view("请问").size()));
  std::optional<language::OwnGroup> said = language::own_group_named(said_text);
  if (!said) said = language::own_group_named(language::without_wrappers(said_text));
  if (!said || !context.community) return std::nullopt;
  const store::OrgNode home =
      context.node ? *context.node : receiving_node(context, command, *context.community);
  std::optional<store::OrgNode> group;
  for (const store::OrgNode& above : context.org.ancestors_and_self(home.id)) {
    if (above.level == said->level) group = above;
  }
  if (!group || group->parent.empty()) return std::nullopt;
  const std::optional<store::OrgNode> parent = context.org.node(group->parent);
  if (!parent) return std::nullopt;
  const RankingMonth month = ranking_period(command, context.now, context.config.locale.utc_offset_seconds);
  std::vector<std::string> texts = ranking_messages(context, *parent, month, std::nullopt);
  const std::string place = group_place_text(context, *parent, group->id, month);
  if (!texts.empty() && !place.empty()) texts.front() = place + "\n" + texts.front();
  return in_this_chat(context, std::move(texts));
}

}  // namespace

std::vector<Reply> handle_ranking(Context& context, const Command& command) {
  if (command.publish) return publish_by_hand(context, command);

  if (auto replies = own_group_ranking(context, command)) return std::move(*replies);

  std::optional<store::OrgNode> node = context.node;
  // In private a leader of one place is answered for it, as 统计 and 工单 are; anyone else for the
  // community.
  if (!node && context.message.is_private) {
    const std::vector<store::OrgNode> led = nodes_led_by(context, context.message.sender);
    if (led.size() == 1) node = led.front();
  }
  if (!node && context.community) node = context.org.node(*context.community);
  if (node) {
    if (std::optional<store::OrgNode> named = level_named_above(context, command, *node))
      node = std::move(named);
  }
  // "排行 3号楼": that place's ranking, as its own group would read it.
  if (std::optional<store::OrgNode> named = node_asked_about(context, command)) node = std::move(named);
  if (!node) {
    return {reply_to_sender(
        context,
        context.text("ranking_no_place", {{"mention", mention_of(context.people, context.message.sender)}}))};
  }
  const RankingMonth asked = ranking_period(command, context.now, context.config.locale.utc_offset_seconds);
  std::vector<std::string> texts = ranking_messages(context, *node, asked, std::nullopt);
  // Early in a month the month asked for by default is still empty: say where last month's is (an
  // exploratory run of month end, 2026-12-06: 排行 on the 1st showed an empty January and no more).
  if (!command.month && !command.year && !texts.empty() &&
      texts.front().find(context.text("ranking_nobody")) != std::string::npos)
    texts.back() += "\n" + context.text("ranking_empty_try_last_month");
  // "我排第几", "我上个月第几名": the list answered without the asker's own line left them to find
  // their name in it (an exploratory run of a month's points, 2026-12-07).
  // "我们楼栋排名" asks of a group, not of oneself.
  const std::string_view text = command.text;
  const bool of_oneself =
      text.find("我") != std::string_view::npos && text.find("我们") == std::string_view::npos;
  if (!texts.empty() && of_oneself && command.mentions.empty()) {
    texts.front() = own_place_text(context, context.message.sender, node->id, asked.from, asked.to) + "\n" +
                    texts.front();
  }
  return in_this_chat(context, std::move(texts));
}

}  // namespace whistle::handlers
