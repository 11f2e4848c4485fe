#pragma once

// A line that begins with a day, or a shift named by its day ("周六来不了了", "周三晚上我来", "明天几点
// 集合", "今晚巡逻还去吗"): only a few commands are read past it, each taking the day said.

#include <optional>
#include <string_view>

#include "handlers/language/clause_commands.hpp"
#include "handlers/language/command.hpp"
#include "handlers/language/time_expressions.hpp"

namespace whistle::language {

/// Whether `body` begins with a day or a shift named by its day: cheap, for the caller to ask before
/// it readies the readers.
bool begins_with_a_day(std::string_view body);

/// The command after the day `body` begins with: a question of the chat's task, a sign-up for that
/// day's shift, whether it still happens, or a withdrawal (read by `read_withdrawal`, which may look
/// past one more wrapper: "周六家里有事去不了了"); the rest by `read_plain`. Empty when the line does not
/// begin with a day or none of these follows.
std::optional<Command> command_after_a_day(std::string_view body, const Command& base,
                                           const TimeContext& time, const ClauseReader& read_plain,
                                           const ClauseReader& read_withdrawal);

}  // namespace whistle::language
