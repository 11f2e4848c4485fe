#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 吹哨: a leader of the chat's node or above creates a task, posted in this chat (and with
/// 全网格/下发 in every chat below); in a private chat the place says where.
std::vector<Reply> handle_whistle(Context& context, const Command& command);

}  // namespace whistle::handlers
