#pragma once

// A sign-up said in private, where no group says which task is meant: the tasks still taking people
// in the groups of the person's places, to choose from by number, or the one of the day said ("周三晚
// 上我来", "报到 周五").

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The tasks still taking people in the groups of the person's places, that they are not in.
std::vector<store::Task> joinable_tasks(Context& context);

/// A bare 报到 in private: "请写上任务编号" alone left the volunteer to find the number in a group
/// (stop 54's notes). `tasks` (joinable_tasks()) are listed, to choose from by number; nothing is
/// signed up on a guess. Empty when there are none.
std::optional<Reply> joinable_in_private(Context& context, const std::vector<store::Task>& tasks);

/// "周三晚上我来", "报到 周五" in private: the one of `tasks` on that day (and part of the day said) is
/// signed up for; none that day is said so (what one already holds that day, if anything); of several,
/// those are listed (a review of stop 66: every task was listed). Empty when no day was said, when the
/// day only hints and none is that day, or for someone of no group yet (the bot cannot see theirs).
std::optional<std::vector<Reply>> joinable_that_day(Context& context, const Command& command,
                                                    std::vector<store::Task> tasks);

}  // namespace whistle::handlers
