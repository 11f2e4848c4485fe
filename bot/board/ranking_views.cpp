// The board's volunteer views: the org tree, the ranking and the open whistles.
#include <algorithm>
#include <ctime>

#include "bot/board/board_cache.hpp"
#include "bot/board/board_views.hpp"
#include "handlers/language/private_numbers.hpp"
#include "handlers/shown_figures.hpp"
#include "store/board_reads.hpp"

namespace whistle::bot::board {

namespace {

const char* level_name(int level) {
  static constexpr const char* kLevels[] = {"community", "grid", "building", "unit"};
  return level >= 0 && level < 4 ? kLevels[level] : "unit";
}

nlohmann::json standing_json(const store::NodeStanding& standing) {
  return {{"points", standing.points}, {"hours", hours_of(standing.minutes)}, {"active", standing.active}};
}

}  // namespace

std::string local_iso(std::int64_t at, int utc_offset_seconds) {
  const std::time_t local = static_cast<std::time_t>(at + utc_offset_seconds);
  std::tm parts{};
  gmtime_r(&local, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M", &parts);
  return text;
}

double hours_of(std::int64_t minutes) {
  return static_cast<double>(handlers::hour_tenths(minutes)) / 10.0;
}

double hours_of_seconds(double seconds) {
  return static_cast<double>(handlers::hour_tenths_of_seconds(seconds)) / 10.0;
}

nlohmann::json nodes_view(store::Database& db) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const store::OrgNode& node : store::OrgRepository(db).all_nodes()) {
    nodes.push_back({{"id", node.id},
                     {"name", node.name},
                     {"level", level_name(node.level)},
                     {"parent", node.parent.empty() ? nlohmann::json() : nlohmann::json(node.parent)}});
  }
  return {{"nodes", std::move(nodes)}};
}

nlohmann::json ranking_view(store::Database& db, BoardCache& cache, const store::OrgNode& node,
                            const handlers::RankingMonth& month, const Paging& paging) {
  const BoardRanking ranking = cache.ranking(db, node, month, paging.offset(), paging.per_page);
  nlohmann::json people = nlohmann::json::array();
  for (const store::RankedPerson& person : ranking.people) {
    // A person nobody named is a volunteer of that rank: never an id.
    const std::string name = person.name.empty() ? "志愿者" + std::to_string(person.rank)
                                                 : language::mask_private_numbers(person.name);
    people.push_back({{"rank", person.rank},
                      {"name", name},
                      {"points", person.points},
                      {"hours", hours_of(person.minutes)}});
  }
  nlohmann::json child_rows = nlohmann::json::array();
  for (const store::NodeStanding& child : ranking.children) {
    nlohmann::json row = standing_json(child);
    row["id"] = child.node;
    row["name"] = child.name;
    child_rows.push_back(std::move(row));
  }
  return {{"node", node.id},
          {"month", month.label()},
          {"page", paging.page},
          {"per_page", paging.per_page},
          {"total_people", ranking.total},
          {"people", std::move(people)},
          {"children", std::move(child_rows)},
          {"whole", standing_json(ranking.whole)}};
}

nlohmann::json tasks_view(store::Database& db, const store::OrgNode& node, const Paging& paging,
                          const ViewClock& clock) {
  const store::OpenTaskPage page =
      store::BoardReads(db).open_tasks(node.id, clock.now, paging.per_page, paging.offset());
  const auto when = [&clock](const std::optional<std::int64_t>& at) {
    return at ? nlohmann::json(local_iso(*at, clock.utc_offset_seconds)) : nlohmann::json();
  };
  nlohmann::json tasks = nlohmann::json::array();
  for (const store::OpenTask& task : page.tasks) {
    tasks.push_back(
        {{"ref", "#" + std::to_string(task.number)},
         {"title", language::mask_private_numbers(task.title)},
         {"place",
          task.place ? nlohmann::json(language::mask_private_numbers(*task.place)) : nlohmann::json()},
         {"node", task.node},
         {"node_name", task.node_name},
         {"start", when(task.start_at)},
         {"end", when(task.end_at)},
         {"points", task.points},
         {"wanted", task.wanted ? nlohmann::json(*task.wanted) : nlohmann::json()},
         {"signed", task.signed_up},
         {"left", task.wanted ? nlohmann::json(*task.wanted - task.signed_up) : nlohmann::json()}});
  }
  return {{"node", node.id}, {"page", paging.page}, {"tasks", std::move(tasks)}, {"total", page.total}};
}

}  // namespace whistle::bot::board
