#pragma once

#include "handlers/language/command.hpp"
#include "handlers/message.hpp"

namespace whistle::handlers {

/// Whether a message speaks to the bot: a private chat, an @-mention of the bot, a reply to one of
/// its messages (`reply_to`), or a command the parser recognised. A bare "1"/"+1"/接龙 is not: in a
/// group it is a reply to people.
bool is_addressed(const Message& message, const Command& command);

/// An implicit command ("1", "请假", "还有名额吗") that does not speak to the bot: said to the others
/// in a group, it is answered only where it fits (a task open here, a place to free), never with
/// "you have nothing to …".
bool said_in_passing(const Message& message, const Command& command);

/// Whether the bot was spoken to in so many words: a private chat, an @-mention of it, a reply to
/// its message, its name typed — a recognised command alone is not enough.
bool spoken_to_the_bot(const Message& message, const Command& command);

}  // namespace whistle::handlers
