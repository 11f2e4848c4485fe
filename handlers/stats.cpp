#include "handlers/stats.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "handlers/people_names.hpp"
#include "handlers/place_lookup.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/ranking_month.hpp"
#include "handlers/ranking_text.hpp"
#include "handlers/rights.hpp"
#include "handlers/shown_figures.hpp"
#include "handlers/signups_by_place.hpp"
#include "handlers/task_lookup.hpp"
#include "store/rankings.hpp"
#include "store/ticket_figures.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

// A rate as a percentage; no ticket to judge is a dash, not 0%.
std::string rate_text(const Context& context, const std::optional<double>& rate) {
  return rate ? one_decimal(100.0 * *rate) + "%" : context.text("stats_no_rate");
}

// A mean time as people say it: minutes under an hour, hours under two days, else days.
std::string duration_text(const Context& context, const std::optional<double>& seconds) {
  if (!seconds) return context.text("stats_no_rate");
  if (*seconds < 3600.0)
    return context.text("stats_minutes",
                        {{"n", std::to_string(static_cast<long long>(*seconds / 60.0 + 0.5))}});
  if (*seconds < 48 * 3600.0)
    return context.text("stats_hours", {{"n", tenths_text(hour_tenths_of_seconds(*seconds))}});
  return context.text("stats_days", {{"n", tenths_text(day_tenths_of_seconds(*seconds))}});
}

// The month's figures of one node's subtree as one message.
std::string stats_text(Context& context, const store::OrgNode& node, const RankingMonth& month) {
  store::RankingRepository& standings = context.publications.standings();
  store::TicketFiguresRepository& figures = context.publications.ticket_figures();
  const store::NodeStanding whole = standings.whole(node.id, month.from, month.to);
  const store::Participation participation = standings.participation(node.id, month.from, month.to);
  const store::TicketFigures t = figures.of_subtree(node.id, month.from, month.to);

  std::vector<std::string> lines;
  lines.push_back(
      context.text("stats_header", {{"node", node.name}, {"month", period_text(context, month)}}));
  lines.push_back(context.text(
      "stats_volunteers", {{"tasks", std::to_string(figures.tasks_of_subtree(node.id, month.from, month.to))},
                           {"signed_up", std::to_string(participation.signed_up)},
                           {"confirmed", std::to_string(participation.confirmed)},
                           {"hours", tenths_text(hour_tenths(whole.minutes))},
                           {"points", std::to_string(whole.points)},
                           {"active", std::to_string(whole.active)}}));
  if (t.received == 0) {
    lines.push_back(context.text("stats_no_tickets"));
  } else {
    lines.push_back(context.text("stats_tickets", {{"received", std::to_string(t.received)},
                                                   {"solved", std::to_string(t.solved)},
                                                   {"closed", std::to_string(t.closed)},
                                                   {"rated", std::to_string(t.rated)},
                                                   {"satisfied", std::to_string(t.satisfied)},
                                                   {"not_rated", std::to_string(t.not_rated)}}));
    lines.push_back(
        context.text("stats_rates", {{"response_rate", rate_text(context, t.response_rate())},
                                     {"solve_rate", rate_text(context, t.solve_rate())},
                                     {"satisfaction_rate", rate_text(context, t.satisfaction_rate())}}));
    lines.push_back(
        context.text("stats_rates_more", {{"close_rate", rate_text(context, t.close_rate())},
                                          {"reopen_rate", rate_text(context, t.reopen_rate())},
                                          {"send_back_rate", rate_text(context, t.send_back_rate())}}));
    lines.push_back(
        context.text("stats_times", {{"accept_time", duration_text(context, t.mean_accept_seconds())},
                                     {"solve_time", duration_text(context, t.mean_solve_seconds())}}));
  }
  std::string text;
  for (const std::string& line : lines)
    text += (text.empty() ? "" : "\n") + line;
  return text;
}

// In private: the nodes the sender leads, leaving out any inside another one (its figures are in
// the upper node's already).
std::vector<store::OrgNode> outermost_led(const Context& context) {
  const std::vector<store::OrgNode> led = nodes_led_by(context, context.message.sender);
  std::vector<store::OrgNode> outer;
  for (const store::OrgNode& node : led) {
    bool inside = false;
    for (const store::OrgNode& above : context.org.ancestors_and_self(node.id)) {
      if (above.id == node.id) continue;
      inside = inside ||
               std::any_of(led.begin(), led.end(), [&](const store::OrgNode& n) { return n.id == above.id; });
    }
    if (!inside) outer.push_back(node);
  }
  return outer;
}

Reply no_task_spread(Context& context, int level) {
  return reply_to_sender(context,
                         context.text("signups_missing_no_task",
                                      {{"mention", mention_of(context.people, context.message.sender)},
                                       {"level", level_name(context, level)}}));
}

}  // namespace

std::vector<Reply> handle_stats(Context& context, const Command& command) {
  const std::string mention = mention_of(context.people, context.message.sender);
  std::vector<store::OrgNode> nodes;
  // "统计 第一网格": the level named, for a leader of it or above.
  const std::optional<store::OrgNode> named = node_asked_about(context, command);
  if (named || context.node) {
    const store::OrgNode& node = named ? *named : *context.node;
    if (!leads_node_or_above(context, context.message.sender, node.id)) {
      const std::vector<std::string> leaders = leaders_up_from(context, node.id);
      return {reply_to_sender(
          context,
          context.text(
              leaders.empty() ? "stats_no_right_nobody" : "stats_no_right",
              {{"mention", mention}, {"node", node.name}, {"leaders", names_of(context, leaders)}}))};
    }
    // "各楼栋报名情况", "哪些楼还没人报名": the open tasks' sign-ups per place, when a task spreads there.
    if (command.signups_per_level) {
      if (std::optional<Reply> counts =
              signups_by_place(context, node, *command.signups_per_level, command.signups_missing_only))
        return {std::move(*counts)};
      // "哪些楼还没人报名" with no task spread over the buildings: the month's figures answer nothing.
      if (command.signups_missing_only) return {no_task_spread(context, *command.signups_per_level)};
    }
    nodes.push_back(node);
  } else {
    nodes = outermost_led(context);
    if (nodes.empty())
      return {reply_to_sender(context, context.text("stats_not_a_leader", {{"mention", mention}}))};
    // In private, the same per-place counts for each place led (the final read of stop 66).
    if (command.signups_per_level) {
      std::vector<Reply> counts;
      for (const store::OrgNode& led : nodes) {
        if (std::optional<Reply> count =
                signups_by_place(context, led, *command.signups_per_level, command.signups_missing_only))
          counts.push_back(std::move(*count));
      }
      if (!counts.empty()) return counts;
      if (command.signups_missing_only) return {no_task_spread(context, *command.signups_per_level)};
    }
  }

  const int offset = context.config.locale.utc_offset_seconds;
  const RankingMonth month = ranking_period(command, context.now, offset);
  std::vector<Reply> replies;
  for (const store::OrgNode& node : nodes)
    replies.push_back(reply_to_sender(context, stats_text(context, node, month)));
  return replies;
}

}  // namespace whistle::handlers
