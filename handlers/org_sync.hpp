#pragma once

#include "config/config.hpp"
#include "store/org.hpp"
#include "store/people.hpp"
#include "store/rewards.hpp"

namespace whistle::handlers {

/// Writes the config's nodes (with their community), chats, leaders, staff, responders and rewards
/// into the store; leaders and staff not in the config any more lose the role. Idempotent.
/// Throws std::runtime_error for a node whose parent is unknown.
void write_org(const config::Config& config, store::OrgRepository& org, store::PeopleRepository& people,
               store::RewardRepository& rewards);

}  // namespace whistle::handlers
