#pragma once

// "各楼栋报名情况", "哪些楼还没人报名": how the open tasks' sign-ups spread over the places of a level
// under the asker's group. An exploratory run of a week's rota (stop 65) found the 书记's question
// answered with the month's totals, and "哪些楼还没人报名" with 没看懂.

#include <optional>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// For each open task at or above `node`'s level of the area the asker leads (whose places a level
/// below can fill): the people signed up per node of `level` under `node`, or, `missing_only`, the
/// nodes with none. Someone reported in above that level counts for the node their roles name.
/// Empty when no open task spreads over that level (the caller answers with its figures).
std::optional<Reply> signups_by_place(Context& context, const store::OrgNode& node, int level,
                                      bool missing_only);

}  // namespace whistle::handlers
