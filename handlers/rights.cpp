#include "handlers/rights.hpp"

#include <algorithm>

namespace whistle::handlers {

bool leads_node_or_above(const Services& services, const std::string& person, const std::string& node) {
  for (const store::OrgNode& level : services.org.ancestors_and_self(node)) {
    if (services.people.has_role(person, level.id, store::Role::leader)) return true;
  }
  return false;
}

std::vector<std::string> leaders_up_from(const Services& services, const std::string& node) {
  std::vector<std::string> leaders;
  for (const store::OrgNode& level : services.org.ancestors_and_self(node)) {
    for (const store::Person& person : services.people.holders(level.id, store::Role::leader)) {
      // One person may lead a unit and its building; name them once, at the nearest level.
      if (std::find(leaders.begin(), leaders.end(), person.id) == leaders.end()) leaders.push_back(person.id);
    }
  }
  return leaders;
}

bool may_close_task(const Services& services, const std::string& person, const store::Task& task) {
  return task.creator == person || leads_node_or_above(services, person, task.node);
}

bool runs_task_below(const Services& services, const std::string& person, const store::Task& task) {
  for (const std::string& chat : services.tasks.posted_chats(task.id)) {
    const std::optional<store::OrgNode> node = services.org.node_of_chat(chat);
    if (node && node->id != task.node && leads_node_or_above(services, person, node->id)) return true;
  }
  return false;
}

bool signup_in_area_of(const Services& services, const std::string& person, const store::Task& task,
                       const std::optional<std::string>& signup_node) {
  return leads_node_or_above(services, person, signup_node.value_or(task.node));
}

std::vector<store::OrgNode> nodes_led_by(const Services& services, const std::string& person) {
  std::vector<store::OrgNode> nodes;
  for (const std::string& id : services.people.nodes_with_role(person, store::Role::leader)) {
    if (std::optional<store::OrgNode> node = services.org.node(id)) nodes.push_back(*node);
  }
  return nodes;
}

}  // namespace whistle::handlers
