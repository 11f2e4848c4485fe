#include "handlers/places_per_node.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <string_view>

#include "handlers/ledger_scope.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

std::string level_name(const Services& services, int level) {
  static constexpr std::array<std::string_view, 4> kLevelKeys{"", "ranking_level_grid",
                                                              "ranking_level_building", "ranking_level_unit"};
  return level >= 1 && level <= 3 ? services.text(kLevelKeys[static_cast<std::size_t>(level)])
                                  : std::string();
}

std::optional<CountPerNode> count_per_node(const Services& services, const Command& command,
                                           const store::OrgNode& node) {
  if (!command.count_per_level || !command.count) return std::nullopt;
  const int level = *command.count_per_level;
  std::int64_t nodes = node.level == level ? 1 : 0;
  for (const store::OrgNode& below : services.org.descendants(node.id))
    nodes += below.level == level ? 1 : 0;
  if (nodes == 0 || level < 1 || level > 3) return std::nullopt;
  const std::int64_t total = nodes * *command.count;
  const std::string name = level_name(services, level);
  return CountPerNode{store::PlacesPerNode{level, *command.count},
                      static_cast<int>(std::min<std::int64_t>(total, std::numeric_limits<int>::max())),
                      services.text("whistle_count_per_node", {{"level", name},
                                                               {"each", std::to_string(*command.count)},
                                                               {"nodes", std::to_string(nodes)},
                                                               {"total", std::to_string(total)}})};
}

std::optional<store::OrgNode> quota_node_of(const Services& services, const store::Task& task,
                                            const std::optional<std::string>& node) {
  if (!task.per_node || !node) return std::nullopt;
  std::optional<store::OrgNode> at_level;
  // Self first, then each parent: the node of the level is found on the way up to the task's.
  for (store::OrgNode& above : services.org.ancestors_and_self(*node)) {
    if (above.level == task.per_node->level) at_level = above;
    if (above.id == task.node) return at_level;
  }
  return std::nullopt;
}

PlacesTaken places_taken(const Services& services, const store::Task& task) {
  PlacesTaken taken;
  for (const store::Signup& signup : services.signups.active(task.id)) {
    if (signup.state != store::SignupState::signed_up) continue;
    if (const std::optional<store::OrgNode> quota = quota_node_of(services, task, signup.node))
      ++taken[quota->id];
  }
  return taken;
}

int taken_of(const PlacesTaken& taken, const std::string& quota_node) {
  const auto found = taken.find(quota_node);
  return found == taken.end() ? 0 : found->second;
}

std::optional<store::OrgNode> quota_node_of_roles(const Services& services, const store::Task& task,
                                                  const std::string& person, const PlacesTaken& taken) {
  if (!task.per_node) return std::nullopt;
  std::optional<store::OrgNode> first;
  for (const std::string& node : nodes_of_person(services, person)) {
    std::optional<store::OrgNode> quota = quota_node_of(services, task, node);
    if (!quota) continue;
    if (taken_of(taken, quota->id) < task.per_node->each) return quota;
    if (!first) first = std::move(quota);
  }
  return first;
}

std::optional<store::OrgNode> quota_node_of_reporter(const Context& context, const store::Task& task,
                                                     const std::string& person, const PlacesTaken& taken) {
  if (!task.per_node) return std::nullopt;
  if (context.node) {
    if (std::optional<store::OrgNode> quota = quota_node_of(context, task, context.node->id)) return quota;
  }
  return quota_node_of_roles(context, task, person, taken);
}

std::string nodes_with_room(const Services& services, const store::Task& task) {
  if (!task.per_node) return {};
  const PlacesTaken counts = places_taken(services, task);
  std::optional<store::OrgNode> own = services.org.node(task.node);
  std::vector<store::OrgNode> nodes = services.org.descendants(task.node);
  if (own) nodes.insert(nodes.begin(), *own);
  std::vector<std::string> names;
  for (const store::OrgNode& node : nodes) {
    if (node.level != task.per_node->level) continue;
    const auto found = counts.find(node.id);
    if (found == counts.end() || found->second < task.per_node->each) names.push_back(node.name);
  }
  return join_list(services, names);
}

std::vector<Reply> place_signups_of_no_node(Context& context, const store::Task& task) {
  std::vector<Reply> told;
  if (!task.per_node) return told;
  PlacesTaken taken = places_taken(context, task);
  for (const store::Signup& signup : context.signups.active(task.id)) {
    if (quota_node_of(context, task, signup.node)) continue;
    // Placed by their roles: counted in that node's places, or in its line (beyond_places trims a
    // node that now holds too many).
    if (const std::optional<store::OrgNode> node = quota_node_of_roles(context, task, signup.person, taken)) {
      context.signups.set_node(task.id, signup.person, node->id);
      if (signup.state == store::SignupState::signed_up) ++taken[node->id];
      continue;
    }
    // Of no node: the places are the nodes', and no node's place will ever be theirs. Holding one
    // left a unit's volunteer waiting beside an empty unit (the final read, 2026-12-06).
    const bool held = signup.state == store::SignupState::signed_up;
    context.signups.set_state(task.id, signup.person, store::SignupState::withdrawn);
    told.push_back(Reply{private_chat_of(signup.person),
                         context.text(held ? "edit_quota_place_released" : "edit_quota_waiting_withdrawn",
                                      {{"task", std::to_string(task.number)},
                                       {"title", task.title},
                                       {"level", level_name(context, task.per_node->level)},
                                       {"each", std::to_string(task.per_node->each)}}),
                         {signup.person}});
  }
  return told;
}

std::optional<store::Signup> next_in_line(const Services& services, const store::Task& task) {
  if (!task.per_node) return services.signups.first_waitlisted(task.id);
  // The task's places bound its nodes' too: someone signed up before the places were counted per
  // node holds one of them without a node's.
  if (task.places && services.signups.count(task.id, store::SignupState::signed_up) >= *task.places)
    return std::nullopt;
  const PlacesTaken counts = places_taken(services, task);
  // active() lists in order of reply: the first waiting whose node has a place free.
  for (store::Signup& signup : services.signups.active(task.id)) {
    if (signup.state != store::SignupState::waitlisted) continue;
    const std::optional<store::OrgNode> quota = quota_node_of(services, task, signup.node);
    if (!quota) continue;
    const auto found = counts.find(quota->id);
    if (found == counts.end() || found->second < task.per_node->each) return std::move(signup);
  }
  return std::nullopt;
}

int place_in_node_line(const Services& services, const store::Task& task, const std::string& person) {
  if (!task.per_node) return services.signups.waitlist_position(task.id, person);
  const std::vector<store::Signup> active = services.signups.active(task.id);
  const auto own = std::find_if(active.begin(), active.end(), [&](const store::Signup& signup) {
    return signup.person == person && signup.state == store::SignupState::waitlisted;
  });
  if (own == active.end()) return 0;
  const std::optional<store::OrgNode> node = quota_node_of(services, task, own->node);
  const auto same_line = [&](const store::Signup& signup) {
    if (signup.state != store::SignupState::waitlisted) return false;
    const std::optional<store::OrgNode> other = quota_node_of(services, task, signup.node);
    return (other ? other->id : std::string()) == (node ? node->id : std::string());
  };
  return static_cast<int>(std::count_if(active.begin(), own, same_line)) + 1;
}

}  // namespace whistle::handlers
