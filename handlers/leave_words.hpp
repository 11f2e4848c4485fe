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

/// "我今天发烧了去不了了", "今晚的巡逻我去不了了，发烧" said to the bot (in private, or addressed in a
/// group) by someone holding a place: the one place the day said (or, with no day, the only place
/// held) is withdrawn as "请假 N" would, so the one waiting moves up; of several, they are listed to
/// choose from. Empty when the line says no such thing or the sender holds no place.
std::optional<std::vector<Reply>> answer_cannot_come(Context& context, const Command& command);

}  // namespace whistle::handlers
