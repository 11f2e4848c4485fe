#pragma once

// A number alone said to the bot in private ("1", "2", "3号"): the answer to the bot's own list of
// tasks ("例如：报到 1"), of one's places ("要取消哪一个？"), of tickets ("要撤回哪一件？"), or a star
// given to a report awaiting its rating. Without the bot's question at hand it is read by what the
// number can be, and answered with the command to send, never acted on (a review, 2026-12-07: a "1"
// after "要取消哪一个" was told to write a task's number; a first draft that reported in off a digit
// signed up a leader answering "撤销哪一个？").

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The task number a private line is alone, or empty: 1–3 digits, ASCII or full-width, an optional
/// 号 after, spaces around. Anything else ("+1", "1天", "6053") is not one.
std::optional<std::int64_t> task_number_alone(std::string_view text);

/// In private, a number alone, answered and never acted on (which question it answers is not known):
/// with a report awaiting the sender's rating, how to rate; of the sender's own open ticket, to say
/// what to do with it; of a task the sender holds a place on or waits for, that they do and how to
/// leave; of a task its leader may close, the commands; of a task open for the sender in a group of
/// their places, how to report in. Empty otherwise, and in a group.
std::optional<std::vector<Reply>> answer_task_number_alone(Context& context, const Command& command);

}  // namespace whistle::handlers
