#include "handlers/ticket_lookup.hpp"

#include <algorithm>

#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"

#include "handlers/holder_words.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// How many tickets a holder's bare 接单/办结 looks through (a 物业 member holds their responder's).
constexpr std::size_t kHeldLooked = 20;

// The tickets waiting for the sender's bare "接单" or "办结": of exactly one, the one meant, as a bare
// 报到 is the chat's one open task.
std::vector<store::Ticket> held_waiting(Context& context, Intent intent) {
  if (intent != Intent::accept && intent != Intent::resolve) return {};
  // 办结 may come straight from assigned (it counts as the accept); 接单 only there.
  const auto waits = [intent](const store::Ticket& ticket) {
    return ticket.state == store::TicketState::assigned ||
           (intent == Intent::resolve && ticket.state == store::TicketState::accepted);
  };
  std::vector<store::Ticket> held = tickets_held_by_sender(context, kHeldLooked);
  std::erase_if(held, [&](const store::Ticket& ticket) { return !waits(ticket); });
  return held;
}

}  // namespace

std::vector<store::Ticket> tickets_held_by_sender(Context& context, std::size_t limit) {
  const std::string& sender = context.message.sender;
  std::vector<store::Ticket> held = context.tickets.open_of_assignee(sender, std::nullopt, limit);
  for (const store::ResponderRow& responder : context.responders.of_member(sender)) {
    std::vector<store::Ticket> theirs = context.tickets.open_of_assignee(std::nullopt, responder.id, limit);
    held.insert(held.end(), theirs.begin(), theirs.end());
  }
  return held;
}

TicketsListed further_ticket_numbers(const Command& command) {
  TicketsListed listed;
  if (!command.ticket || !command.reason) return listed;
  const std::string_view words = *command.reason;
  std::size_t at = language::skip_separators(words, 0);
  while (at < words.size()) {
    if (language::starts_with_at(words, at, "和")) {
      at = language::skip_separators(words, at + std::string_view("和").size());
      continue;
    }
    const auto reference = language::read_ticket_reference(words, at, false);
    if (!reference || !reference->number) break;
    // "T8灯管没货": a tube's name, run into the words; a listed ticket stands apart.
    if (reference->end < words.size() && !language::ends_a_word(words, reference->end) &&
        !language::starts_with_at(words, reference->end, "、") &&
        !language::starts_with_at(words, reference->end, "和"))
      break;
    if (*reference->number != *command.ticket &&
        std::find(listed.more.begin(), listed.more.end(), *reference->number) == listed.more.end())
      listed.more.push_back(*reference->number);
    at = language::skip_separators(words, reference->end);
  }
  if (!listed.more.empty()) listed.remark = std::string(language::trim_spaces(words.substr(at)));
  return listed;
}

TicketChoice choose_ticket(Context& context, const Command& command) {
  TicketChoice choice;
  const std::string mention = mention_of(context.people, context.message.sender);
  if (!command.ticket) {
    std::vector<store::Ticket> waiting = held_waiting(context, command.intent);
    if (waiting.size() == 1) {
      choice.ticket = std::move(waiting.front());
      return choice;
    }
    // Two waiting and a bare 接单: which, listed ("例如：接单 T5" named neither; an exploratory run
    // of the leaders' side, 2026-12-07).
    if (waiting.size() > 1) {
      choice.refusal = list_held_tickets(context, waiting, command.intent);
      return choice;
    }
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
