#include "handlers/ledger_scope.hpp"

#include <algorithm>

#include "handlers/rights.hpp"

namespace whistle::handlers {

std::vector<std::string> nodes_of_person(const Services& services, const std::string& person) {
  std::vector<std::string> nodes;
  for (store::Role role : {store::Role::volunteer, store::Role::leader, store::Role::staff}) {
    for (std::string& node : services.people.nodes_with_role(person, role)) {
      if (std::find(nodes.begin(), nodes.end(), node) == nodes.end()) nodes.push_back(std::move(node));
    }
  }
  return nodes;
}

PersonScope scope_of_person(const Services& services, const std::string& leader, const std::string& person,
                            const std::optional<store::OrgNode>& chat_node) {
  PersonScope scope;
  const std::vector<std::string> own = nodes_of_person(services, person);
  if (own.empty()) {
    // Someone the community has not placed yet (never reported in, no role): the chat's node is
    // theirs for this, as the design says for 加分 given in a group.
    if (!chat_node) return scope;
    scope.node = chat_node->id;
    scope.allowed = leads_node_or_above(services, leader, chat_node->id);
    if (!scope.allowed) {
      scope.owner = chat_node->id;
      scope.leaders = leaders_up_from(services, chat_node->id);
    }
    return scope;
  }

  std::vector<std::string> led;
  for (const std::string& node : own) {
    if (leads_node_or_above(services, leader, node)) led.push_back(node);
  }
  if (led.empty()) {
    scope.node = own.front();
    scope.owner = own.front();
    scope.leaders = leaders_up_from(services, own.front());
    return scope;
  }
  scope.allowed = true;
  const bool chat_is_theirs = chat_node && std::find(led.begin(), led.end(), chat_node->id) != led.end();
  scope.node = chat_is_theirs ? chat_node->id : led.front();
  // Of several of their places under the leader, the one where they last took a place: a grid's 加分
  // for work in 1号楼 counted for 3号楼, where she had once only waited in line (an exploratory run
  // of a month's points, 2026-12-07; a review the same day: not a later wait in line either).
  if (!chat_is_theirs && led.size() > 1) {
    if (const std::optional<store::OrgNode> node = services.org.node(led.front())) {
      const std::optional<std::string> last =
          services.signups.last_node_of_person(node->community, person, /*placed_only=*/true);
      if (last && std::find(led.begin(), led.end(), *last) != led.end()) scope.node = *last;
    }
  }
  return scope;
}

}  // namespace whistle::handlers
