#include "handlers/danger_answer.hpp"

#include "handlers/addressing.hpp"
#include "handlers/help.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

std::vector<Reply> handle_ticket_before_the_loop(Context& context, const Command& command) {
  if (command.kind != language::TicketKind::danger) return handle_not_yet(context, command);
  if (!is_addressed(context.message, command)) return {};
  return {reply_to_sender(
      context,
      context.text("danger_now", {{"mention", mention_of(context.people, context.message.sender)}}))};
}

}  // namespace whistle::handlers
