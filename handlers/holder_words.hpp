#pragma once

// Whoever holds a ticket, saying in their own words that they take it on or have done it:
// "好的 接了", "收到 马上去", "弄好了 换了个灯泡" — to the bot in private or by name, with no number.

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A line of a ticket's holder that takes it on (接单) or says it is done (办结, the words its
/// resolution), when exactly one ticket they hold waits for that, or the words name one of those
/// ("灯弄好了" with the lamp's and the door's). With several, they are listed and the command asked
/// for. Empty when the line is neither, or the sender holds nothing waiting for it.
std::optional<std::vector<Reply>> answer_holders_words(Context& context, const Command& command);

/// A photo (or file, or place) sent by whoever said 办结 within ten minutes of it, in that chat or
/// in private: kept on that ticket as its proof, and they are told. Empty otherwise.
std::optional<std::vector<Reply>> join_photo_to_ticket_just_resolved(Context& context);

}  // namespace whistle::handlers
