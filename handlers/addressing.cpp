#include "handlers/addressing.hpp"

namespace whistle::handlers {

bool is_addressed(const Message& message, const Command& command) {
  if (spoken_to_the_bot(message, command)) return true;
  // Implicit report-ins are how people answer each other in a group; they address the bot only
  // where a task is open, which the report-in handler decides.
  return command.intent != Intent::unknown && !command.implicit;
}

bool spoken_to_the_bot(const Message& message, const Command& command) {
  return message.is_private || message.mentions_bot || !message.reply_to.empty() || command.addressed;
}

bool said_in_passing(const Message& message, const Command& command) {
  return command.implicit && !is_addressed(message, command);
}

}  // namespace whistle::handlers
