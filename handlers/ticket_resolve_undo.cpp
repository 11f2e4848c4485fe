#include "handlers/ticket_resolve_undo.hpp"

#include <algorithm>
#include <string_view>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_lookup.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// How many of the sender's tickets a bare 撤销办结 looks through.
constexpr std::size_t kHeldLooked = 20;

// The sender's 办结 of this ticket is its last step and recent enough to take back.
bool undoable_by_sender(Context& context, const store::Ticket& ticket) {
  const std::string& sender = context.message.sender;
  if (ticket.state != store::TicketState::resolved || ticket.resolved_by != sender || !ticket.resolved_at ||
      context.now - *ticket.resolved_at > kResolveUndoSeconds)
    return false;
  // Nothing since (a photo from the reporter, a rating): what came after the 办结 is not undone.
  const std::vector<store::TicketEvent> events = context.tickets.events(ticket.id);
  return !events.empty() && events.back().kind == "resolved" && events.back().actor == sender &&
         events.back().at == *ticket.resolved_at;
}

// "撤销办结" with no number: the one 办结 of the sender's that may still be taken back.
std::vector<store::Ticket> undoable_held(Context& context) {
  std::vector<store::Ticket> held = tickets_held_by_sender(context, kHeldLooked);
  std::erase_if(held, [&](const store::Ticket& ticket) { return !undoable_by_sender(context, ticket); });
  return held;
}

// Why a named ticket's 办结 cannot be taken back, as the answer's template.
std::string_view why_not(Context& context, const store::Ticket& ticket) {
  if (ticket.is_closed()) return "ticket_resolve_undo_closed";
  if (ticket.state != store::TicketState::resolved) return "ticket_resolve_undo_not_resolved";
  if (ticket.resolved_by != context.message.sender) return "ticket_resolve_undo_not_yours";
  return "ticket_resolve_undo_too_late";
}

// "T5 办结错了" from its reporter: it is not done, which the rating says (a final read, 2026-12-06:
// they were told only the one who said 办结 may take it back).
Reply reporters_way(Context& context, const store::Ticket& ticket) {
  return work_reply(context, ticket, "ticket_resolve_undo_reporter");
}

std::vector<Reply> take_back(Context& context, store::Ticket& ticket, const Command& command) {
  const std::int64_t stopped_at = *ticket.resolved_at;
  ticket.state = store::TicketState::accepted;
  // The first 办结 never happened: the figures (办结率, 按时办结) do not count it.
  if (ticket.first_resolved_at == ticket.resolved_at) {
    ticket.first_resolved_at.reset();
    ticket.resolved_by.reset();
  }
  ticket.resolved_at.reset();
  ticket.resolution.reset();
  ++ticket.stage;  // the rating's deadline and reminder, set for the 办结's stage, are void
  context.tickets.save(ticket);
  record_event(context, ticket, "resolve_undone",
               command.reason && !command.reason->empty() ? command.reason : std::nullopt);
  resume_solve_clock(context, ticket, stopped_at, context.now);

  Values values = work_values(context, ticket);
  std::vector<Reply> replies;
  replies.push_back(reply_to_sender(context, context.text("ticket_resolve_undone", values)));
  replies.push_back(to_reporter(ticket, context.text("ticket_resolve_undone_reporter", values)));
  if (!ticket.reported_in_private) {
    set_value(values, "reporter", mention_of(context.people, ticket.reporter));
    std::vector<Reply> posted = post_about_ticket(
        context, ticket,
        Reply{ticket.chat, context.text("ticket_resolve_undone_group", values), {ticket.reporter}},
        context.now);
    replies.insert(replies.end(), posted.begin(), posted.end());
  }
  return replies;
}

}  // namespace

bool takes_back_resolve(const Command& command) {
  std::string_view said = language::without_wrappers(command.text);
  // "T5 办结错了": the words may follow the ticket's number. Only there or leading the line: a
  // 办结's own note may tell of an earlier one ("办结 T5 上次办结错了 这次换了总阀").
  if (said.starts_with('T') || said.starts_with('t')) {
    std::size_t at = 1;
    while (at < said.size() && language::is_ascii_digit(static_cast<unsigned char>(said[at])))
      ++at;
    said = language::trim_spaces(said.substr(at));
  }
  for (const std::string_view words : {"撤销办结", "取消办结", "撤回办结", "办结错了"}) {
    if (said.starts_with(words)) return true;
  }
  return false;
}

std::vector<Reply> handle_resolve_undo(Context& context, const Command& command) {
  const std::string mention = mention_of(context.people, context.message.sender);
  if (!command.ticket) {
    std::vector<store::Ticket> held = undoable_held(context);
    if (held.size() == 1) return take_back(context, held.front(), command);
    if (held.empty()) {
      // The resident whose report was said done too soon: theirs is the 不满意.
      for (const store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kHeldLooked)) {
        // In a group, not a report made in private: its number is no group's to read.
        if (!context.message.is_private && ticket.reported_in_private) continue;
        if (ticket.state == store::TicketState::resolved) return {reporters_way(context, ticket)};
      }
      return {reply_to_sender(context, context.text("ticket_resolve_undo_nothing", {{"mention", mention}}))};
    }
    std::vector<std::string> numbers;
    for (const store::Ticket& ticket : held)
      numbers.push_back("T" + std::to_string(ticket.number));
    return {reply_to_sender(context, context.text("ticket_resolve_undo_which",
                                                  {{"mention", mention},
                                                   {"tickets", join_list(context, numbers)},
                                                   {"ticket", std::to_string(held.front().number)}}))};
  }
  TicketChoice choice = choose_ticket(context, command);
  if (!choice.ticket) return std::move(choice.refusal);
  store::Ticket& ticket = *choice.ticket;
  if (ticket.reporter == context.message.sender && ticket.resolved_by != context.message.sender &&
      ticket.state == store::TicketState::resolved)
    return {reporters_way(context, ticket)};
  if (!undoable_by_sender(context, ticket)) return {work_reply(context, ticket, why_not(context, ticket))};
  return take_back(context, ticket, command);
}

}  // namespace whistle::handlers
