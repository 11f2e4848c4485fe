#pragma once

// A year asked of one's points ("今年我一共多少积分", "我去年得了多少分", "今年的积分"): what a volunteer
// asks at the turn of the year (an exploratory run, stop 66: 没看懂).

#include <optional>
#include <string_view>

#include "handlers/language/command.hpp"
#include "handlers/language/time_expressions.hpp"

namespace whistle::language {

/// The line as a `points` command with its `year`, when it asks how many points were earned in a year
/// and nothing else; empty otherwise.
std::optional<Command> read_year_points(std::string_view body, const Command& base, const TimeContext& time);

}  // namespace whistle::language
