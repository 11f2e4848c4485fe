#include "handlers/points.hpp"

#include <algorithm>

#include "handlers/addressing.hpp"
#include "handlers/language/calendar.hpp"
#include "handlers/ledger_scope.hpp"
#include "handlers/named_people.hpp"
#include "handlers/people_names.hpp"
#include "handlers/ranking_month.hpp"
#include "handlers/redemption_rules.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// The node whose ranking a person is placed in: the chat's; in private the person's own, else
// the community.
std::string ranking_node(Context& context, const std::string& person) {
  if (context.node) return context.node->id;
  const std::vector<std::string> own = nodes_of_person(context, person);
  for (const std::string& node : own) {
    if (std::optional<store::OrgNode> found = context.org.node(node);
        found && found->community == *context.community)
      return node;
  }
  return *context.community;
}

struct Placing {
  std::int64_t rank = 0;
  std::int64_t ranked = 0;
};

// Where a person stands in a node's ranking of the month; empty when they have no points there.
std::optional<Placing> placing(Context& context, const std::string& person, const std::string& node_id,
                               const MonthBounds& month) {
  const std::vector<store::LedgerRepository::PersonEarnings> ranking =
      context.ledger.earnings_under(node_id, month.from, month.to);
  const auto mine =
      std::find_if(ranking.begin(), ranking.end(), [&](const auto& row) { return row.person == person; });
  if (mine == ranking.end() || mine->points <= 0) return std::nullopt;
  // People with equal points share a place; those with none or fewer are not on the list.
  return Placing{
      std::count_if(ranking.begin(), ranking.end(),
                    [&](const auto& row) { return row.points > mine->points; }) +
          1,
      std::count_if(ranking.begin(), ranking.end(), [](const auto& row) { return row.points > 0; })};
}

// `gained`: the points of the person's gains this month, deductions left out. With none, no place
// can rank them, and no ranking is read: reading one per level above cost a community's month of
// rows for every 积分 of someone with no points yet (bench/README.md, "a regression found by the
// benchmark").
std::string rank_text(Context& context, const std::string& person, const std::string& node_id,
                      const MonthBounds& month, std::int64_t gained) {
  const std::vector<store::OrgNode> branch = context.org.ancestors_and_self(node_id);
  const std::string node_name = branch.empty() ? node_id : branch.front().name;
  if (gained <= 0) return context.text("points_unranked", {{"node", node_name}});
  if (const std::optional<Placing> here = placing(context, person, node_id, month)) {
    return context.text("points_rank", {{"node", node_name},
                                        {"rank", std::to_string(here->rank)},
                                        {"ranked", std::to_string(here->ranked)}});
  }
  // Points earned for a task of a level above (the grid's, said of in the unit's group) rank there:
  // "还没有上榜" beside "本月获得8分" read as a contradiction.
  for (std::size_t level = 1; level < branch.size(); ++level) {
    if (const std::optional<Placing> above = placing(context, person, branch[level].id, month)) {
      return context.text("points_ranked_above", {{"node", node_name},
                                                  {"where", branch[level].name},
                                                  {"rank", std::to_string(above->rank)},
                                                  {"ranked", std::to_string(above->ranked)}});
    }
  }
  return context.text("points_unranked", {{"node", node_name}});
}

std::vector<Reply> answer(Context& context, std::string_view key,
                          std::vector<std::pair<std::string_view, std::string>> values = {}) {
  values.emplace_back("mention", mention_of(context.people, context.message.sender));
  return {reply_to_sender(context, context.text(key, values))};
}

// Figures that are a person's and their leaders' business, asked in a group: they go to the asker in
// private, and the group hears where they went (`sent_key`).
std::vector<Reply> in_private_from_a_group(
    Context& context, std::vector<Reply> figures, std::string_view sent_key,
    std::vector<std::pair<std::string_view, std::string>> sent_values = {}) {
  const std::string& asker = context.message.sender;
  std::vector<Reply> replies = answer(context, sent_key, std::move(sent_values));
  replies.push_back(Reply{private_chat_of(asker), std::move(figures.front().text), {asker}});
  return replies;
}

// The entries 积分明细 shows: the latest, for "刚才怎么加了5分又扣了"; the board has the rest.
constexpr int kEntriesShown = 10;

// "积分明细", "我的积分记录 @张三": where the points came from and went, not the sums (an exploratory
// run of corrections, 2026-12-06: "刚才怎么加了5分又扣了" had no answer).
bool asks_for_entries(const Command& command) {
  if (command.text.find("明细") != std::string::npos || command.text.find("记录") != std::string::npos)
    return true;
  // "怎么扣了我5分", "为什么扣我分": asked why, the entries say.
  for (const std::string_view why : {"怎么扣", "为什么扣", "为啥扣", "怎么给我扣", "为什么给我扣"}) {
    if (command.text.starts_with(why)) return true;
  }
  return false;
}

std::vector<Reply> entries_of(Context& context, const std::string& community, const std::string& person) {
  const std::vector<store::LedgerEntry> entries =
      context.ledger.latest_of_person(community, person, kEntriesShown);
  const std::string name = display_name(context.people, person);
  const std::string balance = std::to_string(context.ledger.balance(community, person));
  // One's own: "你还没有积分记录", not "@老周 老周还没有…" (an exploratory run of a snow day, 2026-12-07).
  if (entries.empty())
    return answer(context,
                  person == context.message.sender ? "points_entries_none_own" : "points_entries_none",
                  {{"name", name}});
  std::string lines;
  for (const store::LedgerEntry& entry : entries) {
    lines += '\n';
    lines += context.text(
        "points_entry_line",
        {{"when", local_time_text(context, entry.at, context.now)},
         {"points", (entry.points > 0 ? "+" : "") + std::to_string(entry.points)},
         {"kind", context.text("report_kind_" + std::string(store::ledger_kind_text(entry.kind)))},
         {"reason", entry.reason},
         // A task's hours beside its points: a school's form asks for each activity's (stop 69).
         {"hours", entry.minutes > 0
                       ? context.text("points_entry_hours", {{"hours", hours_text(entry.minutes)}})
                       : std::string()}});
  }
  std::vector<Reply> listed =
      answer(context, "points_entries", {{"name", name}, {"balance", balance}, {"lines", lines}});
  if (context.message.is_private) return listed;
  // Each entry's reason (失约, 扣分's words) is the person's and their leaders' business, not the
  // group's.
  return in_private_from_a_group(context, std::move(listed), "points_entries_sent");
}

}  // namespace

std::string hours_text(std::int64_t minutes) {
  const std::int64_t tenths = (minutes * 10 + 30) / 60;  // rounded to a tenth of an hour
  std::string text = std::to_string(tenths / 10);
  if (tenths % 10 != 0) text += "." + std::to_string(tenths % 10);
  return text;
}

MonthBounds local_month_of(const Services& services, std::int64_t at) {
  const int offset = services.config.locale.utc_offset_seconds;
  const language::CivilDate date =
      language::civil_from_days(language::floor_div(at + offset, language::kSecondsPerDay));
  const int next_month = date.month == 12 ? 1 : date.month + 1;
  const std::int64_t next_year = date.month == 12 ? date.year + 1 : date.year;
  return MonthBounds{language::days_from_civil(date.year, date.month, 1) * language::kSecondsPerDay - offset,
                     language::days_from_civil(next_year, next_month, 1) * language::kSecondsPerDay - offset};
}

std::vector<Reply> handle_points(Context& context, const Command& command) {
  // "怎么扣了6分啊" among neighbours is about something else (a driving licence, a game).
  if (said_in_passing(context.message, command)) return {};
  if (!context.community) return answer(context, "points_community_unknown");
  const std::string& community = *context.community;

  std::string person = context.message.sender;
  const std::vector<NamedPerson> named = named_people(context, command);
  if (!named.empty()) {
    if (!named.front().id)
      return answer(context, named.front().namesakes > 1 ? "points_namesakes" : "points_unknown_person",
                    {{"name", named.front().typed}, {"count", std::to_string(named.front().namesakes)}});
    person = *named.front().id;
  }
  const bool own = person == context.message.sender;
  if (!own) {
    // Someone's points are theirs to see, and their leaders'.
    const PersonScope scope = scope_of_person(context, context.message.sender, person, context.node);
    if (!scope.allowed) {
      // Someone not yet placed anywhere, asked of in private: no node says whose they are, and the
      // refusal read "只有本人和及上级的负责人可以查看：。" (an exploratory run, 2026-12-06). In the
      // group they were paid in, the group's leaders may look.
      if (!scope.owner) {
        // The community's own leaders and its staff see everyone in it (a review, 2026-12-06: 王书记
        // was refused); other leaders are sent to the group; anyone else is refused plainly, not
        // sent to a group that would refuse them again.
        const std::string& asker = context.message.sender;
        const bool sees_all = context.people.has_role(asker, community, store::Role::leader) ||
                              is_staff_of(context, asker, community);
        if (!sees_all) {
          const bool leads = !nodes_led_by(context, asker).empty();
          return answer(context, leads ? "points_no_right_unplaced" : "points_no_right_plain",
                        {{"name", display_name(context.people, person)}});
        }
      } else {
        const std::optional<store::OrgNode> owner = context.org.node(*scope.owner);
        return answer(context, "points_no_right",
                      {{"name", display_name(context.people, person)},
                       {"node", owner ? owner->name : *scope.owner},
                       {"leaders", names_of(context, scope.leaders)}});
      }
    }
  }

  if (asks_for_entries(command)) return entries_of(context, community, person);
  // "今年我一共多少积分": the year's sum, for a 年终 look back.
  if (command.year) {
    const RankingMonth year = ranking_year(*command.year, context.config.locale.utc_offset_seconds);
    const store::LedgerRepository::Earned earned =
        context.ledger.earned_between(community, person, year.from, year.to);
    const std::vector<std::pair<std::string_view, std::string>> values{
        {"name", display_name(context.people, person)},
        {"year", std::to_string(*command.year)},
        {"points", std::to_string(earned.points)},
        {"hours", hours_text(earned.minutes)},
        {"balance", std::to_string(context.ledger.balance(community, person))}};
    if (own || context.message.is_private)
      return answer(context, own ? "points_year_own" : "points_year_other", values);
    return in_private_from_a_group(context, answer(context, "points_year_other", values), "points_other_sent",
                                   {{"name", display_name(context.people, person)}});
  }
  const MonthBounds month = local_month_of(context, context.now);
  const store::LedgerRepository::Earned earned =
      context.ledger.earned_between(community, person, month.from, month.to);
  const std::vector<std::pair<std::string_view, std::string>> values{
      {"name", display_name(context.people, person)},
      {"balance", std::to_string(context.ledger.balance(community, person))},
      {"month_points", std::to_string(earned.points)},
      {"month_hours", hours_text(earned.minutes)},
      {"total_hours", hours_text(context.ledger.total_minutes(community, person))},
      {"rank", rank_text(context, person, ranking_node(context, person), month, earned.gained)}};
  if (own || context.message.is_private) return answer(context, own ? "points_own" : "points_other", values);
  // Someone else's balance is theirs and their leaders' business, not the group's (an exploratory
  // run of month end, 2026-12-06: a leader's 积分 @何大爷 showed his 5分 after a public 扣分): the
  // figures go to the leader in private.
  return in_private_from_a_group(context, answer(context, "points_other", values), "points_other_sent",
                                 {{"name", display_name(context.people, person)}});
}

}  // namespace whistle::handlers
