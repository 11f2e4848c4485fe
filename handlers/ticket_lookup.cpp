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

NumbersListed tickets_listed(std::string_view words, std::int64_t first) {
  NumbersListed listed = numbers_listed(
      words, first,
      [](std::string_view text, std::size_t at) -> std::optional<std::pair<std::int64_t, std::size_t>> {
        const auto reference = language::read_ticket_reference(text, at, false);
        if (!reference || !reference->number) return std::nullopt;
        // "T8灯管没货": a tube's name, run into the words; a listed ticket stands apart.
        if (reference->end < text.size() && !language::ends_a_word(text, reference->end) &&
            !language::starts_with_at(text, reference->end, "、") &&
            !language::starts_with_at(text, reference->end, "和"))
          return std::nullopt;
        return std::pair{*reference->number, reference->end};
      });
  if (listed.more.empty()) listed.remark.clear();
  return listed;
}

NumbersListed further_ticket_numbers(const Command& command) {
  // "T1 T2 T3 一起派给物业": listed before the command word, the parser has them.
  if (command.ticket && !command.more_tickets.empty()) {
    NumbersListed listed;
    for (const std::int64_t number : command.more_tickets) {
      if (number != *command.ticket &&
          std::find(listed.more.begin(), listed.more.end(), number) == listed.more.end())
        listed.more.push_back(number);
    }
    if (!listed.more.empty()) listed.remark = command.reason.value_or("");
    return listed;
  }
  if (!command.ticket || !command.reason) return {};
  return tickets_listed(*command.reason, *command.ticket);
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
