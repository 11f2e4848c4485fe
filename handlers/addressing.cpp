#include "handlers/addressing.hpp"

namespace whistle::handlers {

bool is_addressed(const Message& message, const Command& command) {
  if (message.is_private || message.mentions_bot || !message.reply_to.empty() || command.addressed)
    return true;
  // Implicit report-ins are how people answer each other in a group; they address the bot only
  // where a task is open, which the report-in handler decides.
  return command.intent != Intent::unknown && !command.implicit;
}

bool said_in_passing(const Message& message, const Command& command) {
  return command.implicit && !is_addressed(message, command);
}

}  // namespace whistle::handlers
