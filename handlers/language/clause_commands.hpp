#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "handlers/language/command.hpp"
#include "handlers/language/time_expressions.hpp"

namespace whistle::language {

/// Reads one clause as a whole line would be read (the parser's own reader, with no wrappers).
using ClauseReader = std::function<std::optional<Command>(std::string_view)>;

/// "不好意思我周四加班，请假 1", "我报错群了，取消 1": the speaker's own reason, then their own command
/// on a task written by its number. Empty when the line is no such thing.
std::optional<Command> own_command_after_a_clause(std::string_view body, const ClauseReader& read,
                                                  const TimeContext& time);

/// "张三病了 T1改派给何大爷", "刚去看过了，T1 办结", "这个我处理不了 上报T1": why, then a worker's or a
/// leader's step on a ticket written as one ("T1"); "雪停了 今天提前结束 结束 1", "大家辛苦了 验收 1": a
/// leader's close of a task by its number. Empty when the line is no such thing.
std::optional<Command> leader_step_after_a_clause(std::string_view body, const ClauseReader& read);

}  // namespace whistle::language
