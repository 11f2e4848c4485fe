#include "handlers/problem_back.hpp"

#include <string>
#include <vector>

#include "handlers/addressing.hpp"
#include "handlers/language/private_numbers.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_offer.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// How many of the reporter's reports are looked through for one closed lately.
constexpr std::size_t kReportsLookedAt = 5;
// How much of the closed report's words the offer quotes.
constexpr std::size_t kQuotedChars = 30;

std::optional<store::Ticket> closed_lately(Context& context) {
  const std::int64_t since = context.now - kProblemBackDays * 24 * 3600;
  for (store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kReportsLookedAt)) {
    // The latest report decides: an open one is asked about by the rating and 进度.
    if (!ticket.is_closed() || ticket.kind != "report") return std::nullopt;
    if (ticket.closed_at && *ticket.closed_at >= since) return std::move(ticket);
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Reply> offer_report_again(Context& context, const Command& command) {
  const Message& message = context.message;
  if (command.text.empty() || !language::says_problem_back(command.text)) return std::nullopt;
  if (!message.is_private && !is_addressed(message, command)) return std::nullopt;
  const std::optional<store::Ticket> closed = closed_lately(context);
  if (!closed) return std::nullopt;
  const std::string number = std::to_string(closed->number);
  // The new report carries the old one's words: the holder reads what came back, not "又漏了" alone.
  const std::string words = closed->text + " " + command.text + "（T" + number + "之后又出现）";
  keep_question(context, "offer:report", words);
  const std::string title = language::shortened(
      message.is_private ? closed->text : language::mask_private_numbers(closed->text), kQuotedChars);
  return reply_to_sender(
      context,
      context.text(
          message.is_private ? "ticket_back_offer" : "ticket_back_offer_group",
          {{"mention", mention_of(context.people, message.sender)}, {"ticket", number}, {"title", title}}));
}

}  // namespace whistle::handlers
