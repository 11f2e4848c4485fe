// 接单 and 认领: someone takes a ticket on; the reporter hears who.

#include <cstddef>
#include <cstdint>
#include <optional>

#include "handlers/numbers_listed.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_lookup.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

std::vector<Reply> handle_accept(Context& context, const Command& command) {
  // "接单 T2 T3": each of them; T3 was left to climb four levels unseen (an exploratory run of the
  // workers' side, 2026-12-07).
  if (const NumbersListed listed = further_ticket_numbers(command); !listed.more.empty()) {
    return for_each_number_listed(context, command, &Command::ticket, listed.more, handle_accept);
  }
  std::vector<Reply> replies;
  std::optional<store::Ticket> found = workable_ticket(context, command, replies);
  if (!found) return replies;
  store::Ticket& ticket = *found;
  const std::string& sender = context.message.sender;
  const std::optional<std::string> sent =
      holds_ticket(context, ticket, sender) ? std::nullopt : dispatched_to(context, ticket, sender);
  const store::Ticket before = ticket;
  // The one a 派单 sent it to takes it on after a climb, as it was sent (the leaders above are told).
  if (sent && ticket.state != store::TicketState::accepted) give_back(ticket, *sent);
  const bool holds = holds_ticket(context, ticket, sender);
  if (!holds && !leads_ticket(context, ticket, sender))
    return {no_right(context, before, command.intent, true)};
  if (holds && ticket.state == store::TicketState::accepted)
    return {work_reply(context, ticket, "ticket_accept_already")};
  // Someone is already doing it: a second 接单 takes nothing over (a leader who wants it done by
  // someone else says 派单).
  if (ticket.state == store::TicketState::accepted)
    return {work_reply(context, ticket, "ticket_accepted_by_other")};

  // A leader who is not the holder takes it on themselves: it is theirs to finish now. A
  // responder's member accepts for the responder, which keeps it (a 回炉 goes back to it).
  if (!holds) take_over(context, ticket, sender);
  mark_accepted(context, ticket);
  context.tickets.save(ticket);
  record_event(context, ticket, "accepted");

  // After a climb the solve clock runs on (the design): its time may be gone already.
  const bool overdue = ticket.solve_by && *ticket.solve_by <= context.now;
  replies.push_back(
      work_reply(context, ticket, overdue ? "ticket_accept_done_overdue" : "ticket_accept_done"));
  Values values = work_values(context, ticket);
  if (ticket.assignee_responder)
    set_value(values, "holder",
              holder_text(context, ticket) + "（" + display_name(context.people, sender) + "）");
  if (ticket.reporter != sender)
    replies.push_back(to_reporter(ticket, context.text("ticket_accepted_reporter", values)));
  append(replies, tell_displaced(context, before, ticket));
  return replies;
}

namespace {

// How many of a group's open tickets a bare 认领 looks through, oldest first: enough that the wish
// just posted is among them in any group a unit or building runs.
constexpr std::size_t kWishesLooked = 500;
// How recent a wish a bare 认领 takes: the one just posted. A day later "我来认领" was about a lost
// umbrella, and claimed the wish (a review, 2026-12-06).
constexpr std::int64_t kBareClaimSeconds = 30 * 60;

// "我来认领" in the group where one wish was just posted: that one (an exploratory run, 2026-12-06:
// it was asked for a number though only T1 could be meant).
std::optional<std::int64_t> only_wish_waiting_here(Context& context) {
  if (context.message.is_private || !context.node) return std::nullopt;
  std::optional<std::int64_t> only;
  for (const store::Ticket& ticket : context.tickets.open_at({context.node->id}, kWishesLooked)) {
    const bool waiting =
        ticket.kind == "wish" && ticket.chat == context.message.chat && !ticket.reported_in_private &&
        !ticket.claimed_by &&
        (ticket.state == store::TicketState::assigned || ticket.state == store::TicketState::open) &&
        context.now - ticket.created_at <= kBareClaimSeconds;
    if (!waiting) continue;
    if (only) return std::nullopt;  // several: the number says which
    only = ticket.number;
  }
  return only;
}

}  // namespace

std::vector<Reply> handle_claim(Context& context, const Command& said) {
  Command command = said;
  if (!command.ticket) command.ticket = only_wish_waiting_here(context);
  std::vector<Reply> replies;
  std::optional<store::Ticket> found = workable_ticket(context, command, replies);
  if (!found) return replies;
  store::Ticket& ticket = *found;
  const std::string& sender = context.message.sender;
  if (ticket.kind != "wish") return {work_reply(context, ticket, "ticket_claim_not_wish")};
  if (ticket.reporter == sender) return {work_reply(context, ticket, "ticket_claim_own")};
  // A wish told to the bot in private (an old man alone, his flat, his health) is the leaders' to
  // hand on: numbers run in order, and 认领 T1 typed in any group posted it there for anyone.
  if (ticket.reported_in_private) return {work_reply(context, ticket, "ticket_claim_private_wish")};
  if (ticket.claimed_by) {
    const std::string key = *ticket.claimed_by == sender ? "ticket_claim_yours" : "ticket_claim_taken";
    return {
        work_reply(context, ticket, key, {{"claimer", display_name(context.people, *ticket.claimed_by)}})};
  }

  // Someone already at it (its leader accepted it) keeps it: a second helper would only collide.
  if (ticket.state == store::TicketState::accepted)
    return {work_reply(context, ticket, "ticket_claim_in_hand")};

  const store::Ticket before = ticket;
  ticket.claimed_by = sender;
  ticket.assignee_person = sender;
  ticket.assignee_responder.reset();
  mark_accepted(context, ticket);
  context.tickets.save(ticket);
  record_event(context, ticket, "claimed");

  replies.push_back(work_reply(context, ticket, "ticket_claim_done",
                               {{"points", std::to_string(context.config.rules.wish_points)}}));
  replies.push_back(
      to_reporter(ticket, context.text("ticket_claimed_reporter", work_values(context, ticket))));
  // The leader asked to 接单 it (or 物业, at the top) hears a neighbour has taken it.
  append(replies, tell_displaced(context, before, ticket));
  return replies;
}

}  // namespace whistle::handlers
