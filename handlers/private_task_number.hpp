#pragma once

// A number alone said to the bot in private ("1", "2", "3号"): the answer to the bot's own list of
// tasks ("例如：报到 1"), or of one's places ("要取消哪一个？"), or a star given to a report awaiting
// its rating. Without the bot's question at hand it is read by what the number can be, and acted on
// only where nothing else fits (a review, 2026-12-07: a "1" after "要取消哪一个" was told to write a
// task's number).

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The task number a private line is alone, or empty: 1–3 digits, ASCII or full-width, an optional
/// 号 after, spaces around. Anything else ("+1", "1天", "6053") is not one.
std::optional<std::int64_t> task_number_alone(std::string_view text);

/// In private, a number alone: with a report awaiting the sender's rating, asked which was meant;
/// of a task the sender holds a place on, that it is held and how to leave it; of a task open for
/// the sender in a group of their places, their report-in. Empty otherwise, and in a group.
std::optional<std::vector<Reply>> answer_task_number_alone(Context& context, const Command& command);

}  // namespace whistle::handlers
