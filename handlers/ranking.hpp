#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// `排行`, `排行 上月`, `排行 2026-10`: the month's ranking of the chat's node subtree (in private:
/// the sender's community), for anyone. `公示`: a leader of the node or above posts the official
/// publication of a finished month (the last one by default) to the node's chats, kept with the
/// ledger digest of this moment.
std::vector<Reply> handle_ranking(Context& context, const Command& command);

}  // namespace whistle::handlers
