#pragma once

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// "烟越来越大了 怎么还没人来", "火还在烧", "@吹哨 还是没人来" from someone whose danger ticket is still
/// open: no second ticket. The advice for its kind again; whoever holds it is told again; and while
/// nobody has taken it, the leader of the level above hears now rather than when the answer window
/// ends (an exploratory run of emergencies, 2026-12-07: three tickets for one fire, the menu for 还是
/// 没人来, and the 书记 first told six hours after chest pain). Said as a danger (`danger`) the line
/// must be of the open one's kind; otherwise it must chase it. Empty when it is no such line.
std::optional<std::vector<Reply>> follow_up_on_open_danger(Context& context, const Command& command,
                                                           bool danger);

/// "楼道里冒烟了" from a second neighbour minutes after the first's report of the same fire at the same
/// place: joined to the open ticket (its holders told there is another voice), not a second ticket
/// and a second ‼️ alert with no hint they are one fire (an exploratory run of emergencies,
/// 2026-12-07). Only dangers of a place (fire, gas, someone trapped), within 30 minutes: two people
/// fainting are two emergencies. Empty when there is none to join.
std::optional<std::vector<Reply>> join_neighbours_danger(Context& context, const Command& command,
                                                         const store::OrgNode& place);

}  // namespace whistle::handlers
