#include "handlers/person_community.hpp"

#include "handlers/rights.hpp"

namespace whistle::handlers {

namespace {

// A resident's own reports looked at for their community, in a deployment of several.
constexpr std::size_t kReportsLookedAt = 20;

bool task_is_theirs(const Services& services, const std::string& person, const store::Task& task) {
  return services.signups.find(task.id, person).has_value() || task.creator == person ||
         leads_node_or_above(services, person, task.node);
}

bool ticket_is_theirs(const Services& services, const std::string& person, const store::Ticket& ticket) {
  if (ticket.reporter == person || ticket.assignee_person == person || ticket.claimed_by == person)
    return true;
  if (ticket.assignee_responder && services.responders.is_member(*ticket.assignee_responder, person))
    return true;
  return leads_node_or_above(services, person, ticket.node) ||
         leads_node_or_above(services, person, ticket.first_node);
}

bool code_is_theirs(const Services& services, const std::string& person, const std::string& community,
                    const std::string& code) {
  const std::optional<store::Redemption> redemption = services.redemptions.by_code(community, code);
  if (!redemption) return false;
  return redemption->person == person || services.people.has_role(person, community, store::Role::staff);
}

}  // namespace

std::set<std::string> communities_of_person(const Services& services, const std::string& person) {
  std::set<std::string> communities;
  for (store::Role role : {store::Role::leader, store::Role::staff, store::Role::volunteer}) {
    for (const std::string& id : services.people.nodes_with_role(person, role)) {
      if (std::optional<store::OrgNode> node = services.org.node(id)) communities.insert(node->community);
    }
  }
  if (!communities.empty()) return communities;
  std::vector<std::string> all = services.org.communities();
  if (all.size() <= 1) return {all.begin(), all.end()};
  // Several communities and no role: a 物业 worker is theirs through their responder, and a
  // resident who only ever reported problems through their reports. Without this, a second
  // community in the config left every such person unable to use 进度 T1 or 评价 T1 in private.
  for (const store::ResponderRow& responder : services.responders.of_member(person)) {
    if (std::optional<store::OrgNode> node = services.org.node(responder.node))
      communities.insert(node->community);
  }
  for (const store::Ticket& ticket : services.tickets.of_reporter(person, kReportsLookedAt))
    communities.insert(ticket.community);
  return communities;
}

std::vector<std::string> communities_owning_reference(const Services& services, const std::string& person,
                                                      const std::set<std::string>& candidates,
                                                      const Command& command) {
  std::vector<std::string> owning;
  for (const std::string& community : candidates) {
    bool theirs = false;
    if (command.task) {
      const std::optional<store::Task> task = services.tasks.by_number(community, *command.task);
      theirs = task && task_is_theirs(services, person, *task);
    } else if (command.ticket) {
      const std::optional<store::Ticket> ticket = services.tickets.by_number(community, *command.ticket);
      theirs = ticket && ticket_is_theirs(services, person, *ticket);
    } else if (command.code) {
      theirs = code_is_theirs(services, person, community, *command.code);
    }
    if (theirs) owning.push_back(community);
  }
  return owning;
}

}  // namespace whistle::handlers
