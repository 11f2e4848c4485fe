#pragma once

// What a 接龙 means as a sign-up (read_jielong_list in jielong.hpp finds the list): the task its header
// or the bot's own post names, the entry added (a withdrawal when it says so), and whether the list is
// of volunteers rather than a group buy, a survey or residents' own check-ups.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "handlers/language/command.hpp"
#include "handlers/language/jielong.hpp"

namespace whistle::language {

/// The task a 接龙 header names: "接龙 #12 清理楼道", "接龙 12".
std::optional<std::int64_t> jielong_task(std::string_view text);

/// "【吹哨#12】…": the bot's own post of task 12, quoted or copied.
std::optional<std::int64_t> quoted_task_post(std::string_view body);

/// A 接龙's sign-up of the entry added; "3. 赵敏 请假", saying they cannot come, is a withdrawal.
Command jielong_sign_up(const Command& base, std::string name, std::optional<std::int64_t> task);

/// A 接龙 of volunteers, not of a group purchase, a survey, a dinner or a poll, nor of residents' own
/// check-ups or choir — unless its header names a task or its volunteers.
bool is_a_sign_up_list(std::string_view text, const JielongList& list);

/// "报名", "报到" alone on a 接龙's first line: its header, not a sign-up of its own.
bool is_sign_up_header(const Command& first);

}  // namespace whistle::language
