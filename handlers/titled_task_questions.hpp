#pragma once

// "扫雪几点开始", "明天扫雪几点", "@吹哨 几点": a question about a task that names it by its title, or
// (said to the bot) by nothing where one task is open (an exploratory run of winter, stop 67: each
// met the menu or silence, while "1号几点开始" and "几点开始" were answered).

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The task's line when a group line asks when or where a task named by a word of its title happens,
/// or, said to the bot, asks so with the chat's one open task; empty otherwise.
std::optional<std::vector<Reply>> answer_titled_task_question(Context& context, const Command& command);

}  // namespace whistle::handlers
