#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 修改 12 时间/人数/标题/地点/积分 …: a leader of the task changes it; signups are kept, everyone
/// signed up or waiting is told, the task's jobs follow a new time, and a change of places moves
/// people between the signups and the waitlist.
std::vector<Reply> handle_edit(Context& context, const Command& command);

}  // namespace whistle::handlers
