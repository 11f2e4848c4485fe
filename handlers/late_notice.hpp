#pragma once

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// "我来晚了 大概8点半到", "可能要晚半小时到" said to the bot by someone holding a place in a task that
/// starts about now: whoever whistled it hears, in the volunteer's words, and the volunteer is told
/// so and how to check in (an exploratory run of a snow day, 2026-12-07: 没看懂, and the leader
/// counted them missing). Empty when it is no such line.
std::optional<std::vector<Reply>> pass_on_late_arrival(Context& context, const Command& command);

}  // namespace whistle::handlers
