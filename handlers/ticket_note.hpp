#pragma once

// A line about a ticket by its number that is no command: "T1 电梯主板烧了 要等厂家配件 下周才能修"
// from whoever works on it, "T1 让刘师傅去看看" from a leader of its level.

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// Said in private or to the bot, starting with a ticket's number (T-form). From whoever holds it
/// or worked on it, and while it is open: a question is answered with its progress; a send-back in
/// the making (不归我们管, 修不好) is pointed to 退回; anything else is kept in its history as a note
/// (备注) for whoever works on it — the resident does not read notes. From a leader of its level
/// who does not hold it: the commands that act on it named, nothing kept. Empty for anyone else, or
/// when no ticket has that number, so the line is read as before.
std::optional<std::vector<Reply>> answer_line_about_ticket(Context& context, const Command& command);

}  // namespace whistle::handlers
