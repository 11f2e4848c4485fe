#include "handlers/problem_back.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "handlers/addressing.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_offer.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_category.hpp"

namespace whistle::handlers {

namespace {

// How much of the closed report's words the offer quotes.
constexpr std::size_t kQuotedChars = 30;

// The reporter's latest report, when it is closed and closed lately: an open one is asked about by the
// rating and 进度.
std::optional<store::Ticket> closed_lately(Context& context) {
  std::vector<store::Ticket> latest = context.tickets.of_reporter(context.message.sender, 1);
  if (latest.empty()) return std::nullopt;
  const store::Ticket& ticket = latest.front();
  if (!ticket.is_closed() || ticket.kind != "report" || !ticket.closed_at ||
      *ticket.closed_at < context.now - kProblemBackDays * 24 * 3600)
    return std::nullopt;
  return std::move(latest.front());
}

}  // namespace

std::optional<Reply> offer_report_again(Context& context, const Command& command) {
  const Message& message = context.message;
  if (command.text.empty() || !language::says_problem_back(command.text)) return std::nullopt;
  if (!message.is_private && !is_addressed(message, command)) return std::nullopt;
  const std::optional<store::Ticket> closed = closed_lately(context);
  if (!closed) return std::nullopt;
  // "又漏了 厨房那个" after the lamp's report names something else: offered as a report of its own, as
  // before (a review of stop 69 found it opened as the lamp coming back).
  const std::vector<std::string> named = category_keywords_in(context.config, command.text);
  if (!named.empty() && !holds_any_keyword(closed->text, named)) return std::nullopt;
  const std::string number = std::to_string(closed->number);
  const std::string mention = mention_of(context.people, message.sender);
  // A private report is taken up again in private: a yes in the group would open it there, its words
  // posted to the neighbours (the final read of stop 69).
  if (!message.is_private && closed->reported_in_private)
    return reply_to_sender(
        context, context.text("ticket_back_in_private", {{"mention", mention}, {"ticket", number}}));
  // The new report carries the old one's words: the holder reads what came back, not "又漏了" alone.
  const std::string words = closed->text + " " + command.text + "（T" + number + "之后又出现）";
  keep_question(context, "offer:report", words);
  if (!message.is_private)
    return reply_to_sender(
        context, context.text("ticket_back_offer_group", {{"mention", mention}, {"ticket", number}}));
  return reply_to_sender(context, context.text("ticket_back_offer",
                                               {{"mention", mention},
                                                {"ticket", number},
                                                {"title", language::shortened(closed->text, kQuotedChars)}}));
}

}  // namespace whistle::handlers
