#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 活动: the open tasks posted in this chat, with references, times and places left.
/// 我的报到 (and 活动 in private): the sender's own open signups and waitlist places.
std::vector<Reply> handle_tasks(Context& context, const Command& command);

}  // namespace whistle::handlers
