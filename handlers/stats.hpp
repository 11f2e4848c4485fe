#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// `统计`, `统计 10月`, `统计 上月`: a leader's month of the node — tasks, signups, confirmed hours,
/// points given, and the tickets received with 响应率/解决率/满意率, 办结率/重办率/回退率 and the
/// mean times to accept and to solve. In a group: the chat's node, for a leader of it or above. In
/// private: each node the sender leads (one below another is inside the upper one's figures). The
/// month is the command's, else this month so far.
std::vector<Reply> handle_stats(Context& context, const Command& command);

}  // namespace whistle::handlers
