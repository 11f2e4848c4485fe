#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 签到 [12] [code]: a signed-up volunteer's arrival, within the check-in window, with the task's
/// sign-in code when it has one. A bare 签到 means the person's one task today.
std::vector<Reply> handle_check_in(Context& context, const Command& command);

/// 签退 [12]: the end of a checked-in volunteer's stay; a stay below `rules.min_stay_ratio` of the
/// task's length is flagged and the task's creator told in private.
std::vector<Reply> handle_check_out(Context& context, const Command& command);

}  // namespace whistle::handlers
