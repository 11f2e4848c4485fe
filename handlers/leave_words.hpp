#pragma once

// "请假 2 天", "取消 3 点那场" said to the bot in private: a withdrawal whose number is no task's but
// says which of one's places is meant — those of the days off, or the one starting at that hour.

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// In private: the one place the words fit is withdrawn; of several, they are listed; of none, the
/// sender is told so with the places they hold. Empty when the line is no such withdrawal, and in a
/// group (among neighbours "请假 1 天" is anyone's day off).
std::optional<std::vector<Reply>> answer_leave_with_a_count(Context& context, const Command& command);

}  // namespace whistle::handlers
