#include "handlers/holder_words.hpp"

#include <algorithm>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/language/holder_phrases.hpp"
#include "handlers/own_report_lines.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/ticket_lookup.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// As many as a bare 接单 or 办结 looks through.
constexpr std::size_t kHeldWordsLooked = 20;

std::optional<std::string> command_text_or_none(const Message& message) {
  return message.text.empty() ? std::nullopt : std::optional(message.text);
}

}  // namespace

std::optional<std::vector<Reply>> answer_holders_words(Context& context, const Command& command) {
  const Message& message = context.message;
  if (command.text.empty() || (!message.is_private && !is_addressed(message, command))) return std::nullopt;
  const bool takes_on = language::takes_job_on(command.text);
  const bool acknowledges = !takes_on && language::only_acknowledges(command.text);
  if (!takes_on && !acknowledges && !language::says_job_done(command.text)) return std::nullopt;
  std::vector<store::Ticket> held = tickets_held_by_sender(context, kHeldWordsLooked);
  if (acknowledges) {
    // "收到" to the bot right after a job was handed over: how to take it, not a menu of check-ins (an
    // exploratory run of the workers' side, 2026-12-07). Nothing is taken on a bare nod.
    std::erase_if(held,
                  [](const store::Ticket& ticket) { return ticket.state != store::TicketState::assigned; });
    if (held.empty()) return std::nullopt;
    return std::vector<Reply>{reply_to_sender(
        context, context.text("ticket_held_ack", {{"mention", mention_of(context.people, message.sender)},
                                                  {"ticket", std::to_string(held.front().number)},
                                                  {"count", std::to_string(held.size())}}))};
  }
  // 接单 takes what waits to be taken; 办结 may come straight from there too (it counts as the accept).
  std::erase_if(held, [takes_on](const store::Ticket& ticket) {
    return !(ticket.state == store::TicketState::assigned ||
             (!takes_on && ticket.state == store::TicketState::accepted));
  });
  if (held.empty()) return std::nullopt;
  Command act = command;
  act.intent = takes_on ? Intent::accept : Intent::resolve;
  // "弄好了 换了个灯泡": the words say what was done, as 办结's remark does.
  act.reason = takes_on ? std::nullopt : std::optional(command.text);
  if (held.size() == 1) {
    act.ticket = held.front().number;
  } else {
    act.ticket = report_named_among(context.config, held, command.text);
  }
  if (!act.ticket) {
    std::vector<std::string> items;
    for (const store::Ticket& ticket : held)
      items.push_back(context.text("rate_which_item",
                                   {{"ticket", std::to_string(ticket.number)}, {"text", ticket.text}}));
    // The list holds residents' words, of private reports too: in private, as 进度 answers.
    const bool any_private = std::any_of(
        held.begin(), held.end(), [](const store::Ticket& ticket) { return ticket.reported_in_private; });
    return answer_keeping_private(
        context,
        context.text("ticket_held_which", {{"mention", mention_of(context.people, message.sender)},
                                           {"count", std::to_string(held.size())},
                                           {"list", join_list(context, items)},
                                           {"command", command_word(context, act.intent)},
                                           {"ticket", std::to_string(held.front().number)}}),
        any_private);
  }
  return takes_on ? handle_accept(context, act) : handle_resolve(context, act);
}

std::optional<std::vector<Reply>> join_photo_to_ticket_just_resolved(Context& context) {
  const Message& message = context.message;
  if (message.attachments.empty() && !message.location) return std::nullopt;
  std::vector<store::Ticket> held = tickets_held_by_sender(context, kHeldWordsLooked);
  std::erase_if(held, [&](const store::Ticket& ticket) {
    return ticket.state != store::TicketState::resolved || ticket.resolved_by != message.sender ||
           !ticket.resolved_at || context.now < *ticket.resolved_at ||
           context.now - *ticket.resolved_at > kJoinWindow;
  });
  if (held.size() != 1) return std::nullopt;
  const store::Ticket& ticket = held.front();
  const std::vector<std::string> kept = keep_attachments(context, ticket);
  context.tickets.add_event(ticket.id, store::TicketEvent{"attachment", message.sender,
                                                          command_text_or_none(message), context.now});
  return std::vector<Reply>{reply_to_sender(
      context,
      context.text("ticket_attachment_added", {{"ticket", std::to_string(ticket.number)},
                                               {"mention", mention_of(context.people, message.sender)},
                                               {"what", join_list(context, kept)}}))};
}

}  // namespace whistle::handlers
