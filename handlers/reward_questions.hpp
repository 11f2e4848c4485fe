#pragma once

// Questions about a reward that start with its name or hold it, with no command word: "大米还有吗",
// "洗衣液多少分", "我的积分够换大米吗" (an exploratory run, 2026-12-06: each met the hint).

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// Said in private or to the bot: the catalog narrowed to the reward the line asks about, with the
/// balance beside its price. Empty when the line names no reward of the community, or asks nothing.
std::optional<std::vector<Reply>> answer_reward_question(Context& context, const Command& command);

}  // namespace whistle::handlers
