// 关闭 (closed unresolved, with a reason: 重复, 不属实, 转物业) and 上报 (one level up by hand):
// what a leader does with a ticket that is not for this level to solve.

#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

std::vector<Reply> handle_close(Context& context, const Command& command) {
  std::vector<Reply> replies;
  std::optional<store::Ticket> found = workable_ticket(context, command, replies);
  if (!found) return replies;
  store::Ticket& ticket = *found;
  const std::string& sender = context.message.sender;
  if (!leads_ticket(context, ticket, sender)) return {no_right(context, ticket, command.intent, false)};
  // Closing unresolved is counted against nobody's 解决率 only because the reason says why.
  if (!command.reason || command.reason->empty()) return {work_reply(context, ticket, "ticket_close_reason")};
  const std::string& reason = *command.reason;

  stop_solve_clock(context, ticket);
  ticket.state = store::TicketState::closed;
  ticket.outcome = store::TicketOutcome::unresolved;
  ticket.close_reason = reason;
  ticket.closed_at = context.now;
  ++ticket.stage;
  context.tickets.save(ticket);
  record_event(context, ticket, "closed", reason);

  Values values = work_values(context, ticket);
  values.emplace_back("reason", reason);
  values.emplace_back("closer", display_name(context.people, sender));
  replies.push_back(reply_to_sender(context, context.text("ticket_close_done", values)));
  if (ticket.reporter != sender)
    replies.push_back(to_reporter(ticket, context.text("ticket_closed_reporter", values)));
  if (std::optional<store::ResponderRow> responder = responder_named(context, ticket.community, reason)) {
    // Handed over outside the loop: the responder's chat hears it, for information only.
    values.emplace_back("responder", responder->name);
    for (const std::string& chat : responder->chats) {
      if (chat == context.message.chat) continue;
      append(replies, post_about_ticket(context, ticket,
                                        Reply{chat, context.text("ticket_closed_responder", values), {}},
                                        context.now));
    }
  }
  return replies;
}

std::vector<Reply> handle_escalate(Context& context, const Command& command) {
  std::vector<Reply> replies;
  std::optional<store::Ticket> found = workable_ticket(context, command, replies);
  if (!found) return replies;
  store::Ticket& ticket = *found;
  const std::string& sender = context.message.sender;
  if (!leads_ticket(context, ticket, sender)) return {no_right(context, ticket, command.intent, false)};

  // At the top a community leader's 上报 has nowhere to go and nobody above to tell: one answer.
  if (!can_climb(context, ticket) && leads_node_or_above(context, sender, ticket.community))
    return {work_reply(context, ticket, "ticket_escalate_top")};
  ClimbResult climbed = climb(context, ticket, ClimbCause::by_hand, context.now, sender);
  if (!climbed.climbed) {
    replies.push_back(work_reply(context, ticket, "ticket_escalate_top"));
  } else {
    std::string level = holder_text(context, ticket);
    if (!ticket.assignee_responder) {
      if (std::optional<store::OrgNode> node = context.org.node(ticket.node)) level = node->name;
    }
    replies.push_back(work_reply(context, ticket, "ticket_escalate_done", {{"level", level}}));
  }
  for (Reply& reply : climbed.replies) {
    // At the top the community's leaders are reminded; a leader who said 上报 has their answer.
    if (!climbed.climbed && reply.chat == private_chat_of(sender)) continue;
    replies.push_back(std::move(reply));
  }
  return replies;
}

}  // namespace whistle::handlers
