#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 帮助 / ? / 菜单: the commands this person may use here, with an example each.
std::vector<Reply> handle_help(Context& context, const Command& command);

/// A line that is no command: a hint of the nearest commands when addressed to the bot (or in
/// private), silence when it is ordinary group chatter.
std::vector<Reply> handle_unknown(Context& context, const Command& command);

}  // namespace whistle::handlers
