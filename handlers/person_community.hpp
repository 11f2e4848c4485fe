#pragma once

// Which community a private chat is about. A group belongs to one community; a private chat is
// the person's, and in a deployment of several communities a person may belong to more than one
// (a volunteer of two, a 物业 worker serving both, a leader of two). Their "取消报到 1" or "接单 T1"
// then names the #1 or T1 that is theirs.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The communities a person belongs to: where they hold a role; without any, the only community
/// there is, else through the responders they work for and the reports they made.
std::set<std::string> communities_of_person(const Services& services, const std::string& person);

/// Of `candidates`, the communities where the command's task number, ticket number or pickup code
/// names something of this person's: their signup or a task they lead, a ticket they reported,
/// hold, claimed or lead, their redemption (or, for staff, the community's code). Empty when the
/// command names nothing, or nothing of theirs.
std::vector<std::string> communities_owning_reference(const Services& services, const std::string& person,
                                                      const std::set<std::string>& candidates,
                                                      const Command& command);

}  // namespace whistle::handlers
