// 退回: the holder says the ticket is not theirs; it goes back to whoever gave it to them.

#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

std::vector<Reply> handle_send_back(Context& context, const Command& command) {
  std::vector<Reply> replies;
  std::optional<store::Ticket> found = workable_ticket(context, command, replies);
  if (!found) return replies;
  store::Ticket& ticket = *found;
  const std::string& sender = context.message.sender;
  // Only the holder sends back: a leader above who does not want it dispatches it instead.
  if (!holds_ticket(context, ticket, sender)) {
    Values values{{"action", command_word(context, command.intent)},
                  {"people", holder_text(context, ticket)}};
    return {work_reply(context, ticket, "ticket_no_right", values)};
  }
  // Whoever it goes back to must know why; a neighbour giving up a wish they took need not say.
  const bool claimer_gives_up = ticket.claimed_by == sender && ticket.reporter != sender;
  if ((!command.reason || command.reason->empty()) && !claimer_gives_up)
    return {work_reply(context, ticket, "ticket_send_back_reason")};
  const std::string reason = command.reason && !command.reason->empty()
                                 ? *command.reason
                                 : context.text("ticket_claim_given_up_reason");

  // Back to whoever handed it on, at their level; with nobody (or the sender themselves), the
  // level takes it, and when the sender leads that level, the level above.
  const bool to_dispatcher = ticket.dispatched_by && *ticket.dispatched_by != sender;
  std::optional<store::OrgNode> led = nearest_led_node(context, ticket.node);
  const bool up = !to_dispatcher && led && first_leader(context, led->id) == sender;
  if (up && !can_climb(context, ticket)) return {work_reply(context, ticket, "ticket_send_back_top")};

  ++ticket.sent_back;  // 回退率
  record_event(context, ticket, "sent_back", reason);
  std::vector<Reply> told;
  if (to_dispatcher) {
    const std::string dispatcher = *ticket.dispatched_by;
    if (std::optional<store::OrgNode> level = lowest_level_led_by(context, ticket, dispatcher))
      ticket.node = level->id;
    give_to_person(context, ticket, dispatcher, std::nullopt, context.now);
  } else if (up) {
    told = climb(context, ticket, ClimbCause::by_hand, context.now, sender).replies;
  } else {
    told = assign_to_level(context, ticket, ticket.node, context.now);
  }

  Values values = work_values(context, ticket);
  values.emplace_back("reason", reason);
  values.emplace_back("sender", display_name(context.people, sender));
  replies.push_back(reply_to_sender(context, context.text("ticket_send_back_done", values)));
  if (ticket.assignee_person) {
    // The person it went back to hears it once, with the reason, instead of the plain notice.
    const std::string to = *ticket.assignee_person;
    std::erase_if(told, [&](const Reply& reply) { return reply.chat == private_chat_of(to); });
    set_value(values, "mention", mention_of(context.people, to));
    replies.push_back(Reply{private_chat_of(to), context.text("ticket_sent_back_to_you", values), {to}});
  }
  append(replies, std::move(told));
  // The resident was told a neighbour had taken the wish; they hear it is looked for again.
  if (claimer_gives_up)
    replies.push_back(to_reporter(ticket, context.text("ticket_claim_given_up_reporter", values)));
  return replies;
}

}  // namespace whistle::handlers
