#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// Whether a check-in for the task is taken now: from an hour before its start (any time for a task
/// without one) until its end.
bool check_in_is_open(const store::Task& task, std::int64_t now);

/// 签到 [12] [code]: a signed-up volunteer's arrival, within the check-in window, with the task's
/// sign-in code when it has one. A bare 签到 means the person's one task today.
std::vector<Reply> handle_check_in(Context& context, const Command& command);

/// 签退 [12]: the end of a checked-in volunteer's stay; a stay below `rules.min_stay_ratio` of the
/// task's length is flagged and the task's creator told in private.
std::vector<Reply> handle_check_out(Context& context, const Command& command);

}  // namespace whistle::handlers
