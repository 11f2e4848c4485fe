#pragma once

#include <optional>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// "我想换班", "谁能替我一下今晚的班", "我周二的班和何大爷换一下", said to the bot: how a place changes
/// hands — the one taking it reports in (waiting when the task is full), then the one leaving 请假s
/// and the place moves up; a leader may also 代报. Of the sender's place on the day said, else their
/// only one; of several, the list. Empty when the line asks no swap or is said among neighbours (an
/// exploratory run of a week's rota, stop 65: "我想换班" was a redemption of an item called 班).
std::optional<Reply> answer_shift_swap(Context& context, const Command& command);

}  // namespace whistle::handlers
