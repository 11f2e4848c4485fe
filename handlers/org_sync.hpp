#pragma once

#include "config/config.hpp"
#include "store/org.hpp"
#include "store/people.hpp"
#include "store/rewards.hpp"

namespace whistle::handlers {

/// Writes the config's nodes (with their community), chats, leaders, staff, people's display
/// names and responders into the store, and seeds the catalog (an item already there is kept as it
/// is: its stock belongs to the redemptions); leaders and staff not in the config any more lose
/// the role; a name a message brought is kept over the config's; a chat the config bound earlier
/// and names no more is unbound, while one bound with 绑定 is kept unless the config binds it now.
/// Idempotent.
/// Throws std::runtime_error for a node whose parent is unknown.
void write_org(const config::Config& config, store::OrgRepository& org, store::PeopleRepository& people,
               store::RewardRepository& rewards);

}  // namespace whistle::handlers
