#include "handlers/ranking_text.hpp"

#include <algorithm>

#include "handlers/message.hpp"
#include "handlers/people_names.hpp"
#include "handlers/shown_figures.hpp"
#include "store/rankings.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

std::string hours_one_decimal(std::int64_t minutes) {
  return tenths_text(hour_tenths(minutes));
}

std::string percent_text(std::int64_t part, std::int64_t whole) {
  return one_decimal(whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole)) + "%";
}

double average(const store::NodeStanding& standing) {
  return standing.active == 0 ? 0.0
                              : static_cast<double>(standing.points) / static_cast<double>(standing.active);
}

const char* level_key(int level) {
  switch (level) {
    case 1:
      return "ranking_level_grid";
    case 2:
      return "ranking_level_building";
    default:
      return "ranking_level_unit";
  }
}

void add_people(const Services& services, const std::vector<store::PersonStanding>& people,
                std::vector<std::string>& lines) {
  lines.push_back(services.text("ranking_people_title"));
  if (people.empty()) {
    lines.push_back(services.text("ranking_nobody"));
    return;
  }
  // Equal points share a rank (1, 2, 2, 4): the people are told apart by nothing else that counts.
  std::size_t rank = 0;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (i == 0 || people[i].points != people[i - 1].points) rank = i + 1;
    lines.push_back(services.text(
        "ranking_person", Values{{"rank", std::to_string(rank)},
                                 {"name", shown_name_of(services.people, people[i].person, people[i].name)},
                                 {"points", std::to_string(people[i].points)},
                                 {"hours", hours_one_decimal(people[i].minutes)}}));
  }
}

struct RankedChild {
  store::NodeStanding standing;
  std::size_t rank = 0;
  std::size_t total_rank = 0;
};

// The children by points per active volunteer, each with its rank by that and by its total: a big
// unit and a small one are compared fairly by the average, and the total still shows who did the most.
std::vector<RankedChild> ranked_children(std::vector<store::NodeStanding> children) {
  std::vector<store::NodeStanding> by_total = children;
  std::stable_sort(by_total.begin(), by_total.end(),
                   [](const auto& a, const auto& b) { return a.points > b.points; });
  std::stable_sort(children.begin(), children.end(), [](const auto& a, const auto& b) {
    if (average(a) != average(b)) return average(a) > average(b);
    return a.points > b.points;
  });
  std::vector<RankedChild> ranked;
  std::size_t rank = 0;
  for (std::size_t i = 0; i < children.size(); ++i) {
    const store::NodeStanding& child = children[i];
    // Equal on both counts, equal rank: two idle units are not first and second.
    if (i == 0 || average(child) != average(children[i - 1]) || child.points != children[i - 1].points)
      rank = i + 1;
    std::size_t total_rank = 1;
    while (total_rank <= by_total.size() && by_total[total_rank - 1].points > child.points)
      ++total_rank;
    ranked.push_back(RankedChild{child, rank, total_rank});
  }
  return ranked;
}

Values child_values(const RankedChild& child) {
  return Values{{"rank", std::to_string(child.rank)},
                {"name", child.standing.name},
                {"average", one_decimal(average(child.standing))},
                {"active", std::to_string(child.standing.active)},
                {"points", std::to_string(child.standing.points)},
                {"hours", hours_one_decimal(child.standing.minutes)},
                {"total_rank", std::to_string(child.total_rank)}};
}

void add_children(const Services& services, const store::OrgNode& node,
                  std::vector<store::NodeStanding> children, std::vector<std::string>& lines) {
  if (children.empty()) return;
  lines.push_back(
      services.text("ranking_children_title", Values{{"level", services.text(level_key(node.level + 1))}}));
  for (const RankedChild& child : ranked_children(std::move(children)))
    lines.push_back(services.text("ranking_child", child_values(child)));
}

}  // namespace

std::vector<std::string> ranking_messages(const Services& services, const store::OrgNode& node,
                                          const RankingMonth& month,
                                          const std::optional<store::LedgerDigest>& digest,
                                          std::size_t limit) {
  store::RankingRepository& standings = services.publications.standings();
  std::vector<std::string> lines;
  add_people(services, standings.people(node.id, month.from, month.to), lines);
  add_children(services, node, standings.children(node.id, month.from, month.to), lines);

  const store::NodeStanding whole = standings.whole(node.id, month.from, month.to);
  lines.push_back(services.text("ranking_total", Values{{"points", std::to_string(whole.points)},
                                                        {"hours", hours_one_decimal(whole.minutes)},
                                                        {"active", std::to_string(whole.active)}}));
  const store::Participation participation = standings.participation(node.id, month.from, month.to);
  if (participation.signed_up == 0) {
    lines.push_back(services.text("ranking_no_signups"));
  } else {
    lines.push_back(
        services.text("ranking_participation",
                      Values{{"rate", percent_text(participation.confirmed, participation.signed_up)},
                             {"confirmed", std::to_string(participation.confirmed)},
                             {"signed_up", std::to_string(participation.signed_up)},
                             {"no_show_rate", percent_text(participation.no_shows, participation.signed_up)},
                             {"no_shows", std::to_string(participation.no_shows)}}));
  }
  if (digest) {
    lines.push_back(
        services.text("publication_digest",
                      Values{{"digest", digest->hash}, {"entries", std::to_string(digest->entries)}}));
  }

  const std::string month_text = period_text(services, month);
  const std::string_view header_key = digest ? "publication_header" : "ranking_header";
  const auto header = [&](std::size_t part, std::size_t parts) {
    const std::string part_text =
        parts <= 1 ? std::string()
                   : services.text("ranking_part",
                                   Values{{"n", std::to_string(part)}, {"m", std::to_string(parts)}});
    return services.text(header_key, Values{{"node", node.name}, {"month", month_text}, {"part", part_text}});
  };
  return pack_messages(lines, header, limit);
}

std::string period_text(const Services& services, const RankingMonth& period) {
  if (period.whole_year)
    return services.text("ranking_year", Values{{"year", std::to_string(period.month.year)}});
  return services.text("ranking_month", Values{{"year", std::to_string(period.month.year)},
                                               {"month", std::to_string(period.month.month)}});
}

std::string own_place_text(Context& context, const std::string& person, const std::string& node_id,
                           std::int64_t from, std::int64_t to) {
  const std::optional<store::OrgNode> node = context.org.node(node_id);
  const std::string node_name = node ? node->name : node_id;
  const std::vector<store::LedgerRepository::PersonEarnings> ranking =
      context.ledger.earnings_under(node_id, from, to);
  const auto mine =
      std::find_if(ranking.begin(), ranking.end(), [&](const auto& row) { return row.person == person; });
  if (mine == ranking.end() || mine->points <= 0)
    return context.text("ranking_own_unranked",
                        {{"node", node_name}, {"mention", mention_of(context.people, person)}});
  // The row is there with points above zero, so it has a place.
  const std::int64_t rank = std::count_if(ranking.begin(), ranking.end(),
                                          [&](const auto& row) { return row.points > mine->points; }) +
                            1;
  return context.text("ranking_own_place", {{"node", node_name},
                                            {"mention", mention_of(context.people, person)},
                                            {"rank", std::to_string(rank)},
                                            {"points", std::to_string(mine->points)}});
}

std::string group_place_text(const Services& services, const store::OrgNode& parent,
                             const std::string& child_id, const RankingMonth& month) {
  const std::vector<RankedChild> ranked =
      ranked_children(services.publications.standings().children(parent.id, month.from, month.to));
  const auto mine = std::find_if(ranked.begin(), ranked.end(),
                                 [&](const RankedChild& child) { return child.standing.node == child_id; });
  if (mine == ranked.end()) return {};
  Values values = child_values(*mine);
  values.emplace_back("parent", parent.name);
  values.emplace_back("level", services.text(level_key(parent.level + 1)));
  values.emplace_back("count", std::to_string(ranked.size()));
  // Nothing earned yet: a first place shared by every idle unit is no place.
  return services.text(mine->standing.points > 0 ? "ranking_group_place" : "ranking_group_unranked", values);
}

}  // namespace whistle::handlers
