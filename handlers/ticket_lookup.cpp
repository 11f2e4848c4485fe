#include "handlers/ticket_lookup.hpp"

#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

TicketChoice choose_ticket(Context& context, const Command& command) {
  TicketChoice choice;
  const std::string mention = mention_of(context.people, context.message.sender);
  if (!command.ticket) {
    choice.refusal.push_back(reply_to_sender(
        context, context.text("ticket_number_needed",
                              {{"mention", mention}, {"command", command_word(context, command.intent)}})));
    return choice;
  }
  if (context.community) choice.ticket = context.tickets.by_number(*context.community, *command.ticket);
  if (!choice.ticket) {
    choice.refusal.push_back(reply_to_sender(
        context, context.text("ticket_not_found",
                              {{"mention", mention}, {"ticket", std::to_string(*command.ticket)}})));
  }
  return choice;
}

}  // namespace whistle::handlers
