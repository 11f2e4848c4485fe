#include "handlers/repeat_reports.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "handlers/language/utf8.hpp"
#include "handlers/own_report_lines.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_offer.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_intake.hpp"

namespace whistle::handlers {

namespace {

// How long after a report the same trouble in other words is asked about: an elderly resident
// reports in the group, then again in private the next day when nobody seemed to come.
constexpr std::int64_t kRepeatAskedSeconds = 7 * 24 * 60 * 60;

// A report's words as compared for a repeat: without spaces and punctuation ("下水道堵了！" is
// "下水道堵了").
std::string words_compared(std::string_view text) {
  std::string words(text);
  for (const std::string_view mark : {" ", ",", ".", "!", "?", "，", "。", "！", "？", "、", "~"}) {
    for (std::size_t at = words.find(mark); at != std::string::npos; at = words.find(mark, at))
      words.erase(at, mark.size());
  }
  return words;
}

// The same characters in another order: "2楼楼道灯坏了" sent again as "楼道灯坏了 2楼" made a second
// ticket (an exploratory run of corrections, 2026-12-06).
bool same_characters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const auto code_points = [](std::string_view text) {
    std::vector<char32_t> points;
    for (std::size_t at = 0; at < text.size();) {
      const language::CodePoint cp = language::decode_utf8(text, at);
      points.push_back(cp.value);
      at += cp.length;
    }
    std::sort(points.begin(), points.end());
    return points;
  };
  return code_points(a) == code_points(b);
}

// The reporter's own open ticket with the same words: an elderly resident sends a report again
// (or once in private and once in the group) when no answer seems to come. A second ticket would
// climb the ladder beside the first and count twice.
// The same place and the same words, the place typed or not: a grid leader's 楼道灯不亮 in a second
// building is another lamp. One resolved and waiting for its rating is not "still open": the lamp
// that failed again is a new report (or a 不满意).
}  // namespace

std::optional<store::Ticket> same_report_open(Context& context, const Command& command,
                                              const std::string& community) {
  const std::string title = command.title.value_or(command.text);
  std::string_view said = title;
  if (command.place && said.starts_with(*command.place)) said.remove_prefix(command.place->size());
  const std::string words = words_compared(said);
  if (words.empty()) return std::nullopt;
  const std::string node = receiving_node(context, command, community).id;
  for (const store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kOwnReportsLooked)) {
    if (ticket.is_closed() || ticket.state == store::TicketState::resolved || ticket.first_node != node)
      continue;
    const std::string theirs = words_compared(ticket_words(context, ticket));
    if (theirs == words || same_characters(theirs, words)) return ticket;
  }
  return std::nullopt;
}

std::optional<Reply> ask_if_same_as_open_report(Context& context, const Command& command,
                                                const std::string& community) {
  if (command.kind && *command.kind != language::TicketKind::report) return std::nullopt;
  const std::string title = command.title.value_or(command.text);
  const config::Category* category = category_of(context.config, title);
  if (!category) return std::nullopt;
  // The answer to a question the bot asked (this one, or an offer of the words as a report) opens them.
  const std::optional<store::ReportOffer> kept =
      context.tickets.offer_to(context.message.chat, context.message.sender);
  if (kept && (kept->words == command.text || is_repeat_question(*kept))) return std::nullopt;
  // The trouble's own keywords, the place aside: "3号楼2单元水管漏水" after "3号楼2单元楼道灯坏了" is
  // another trouble (a review, 2026-12-07: the typed place matched).
  std::vector<std::string> keywords;
  for (const std::string& keyword : category->keywords) {
    if (title.find(keyword) != std::string::npos) keywords.push_back(keyword);
  }
  const std::string node = receiving_node(context, command, community).id;
  std::vector<store::Ticket> open = context.tickets.of_reporter(context.message.sender, kOwnReportsLooked);
  std::erase_if(open, [&](const store::Ticket& ticket) {
    const std::string words = ticket_words(context, ticket);
    return ticket.is_closed() || ticket.state == store::TicketState::resolved || ticket.first_node != node ||
           ticket.kind != "report" || ticket.chat == context.message.chat ||
           context.now - ticket.created_at > kRepeatAskedSeconds ||
           std::none_of(keywords.begin(), keywords.end(),
                        [&](const std::string& keyword) { return words.find(keyword) != std::string::npos; });
  });
  if (open.size() != 1) return std::nullopt;
  const store::Ticket& same = open.front();
  // Asked in a group about a report made in private, the question would tell the neighbours who made
  // it (a review, 2026-12-07): the new words open as before.
  if (!context.message.is_private && same.reported_in_private) return std::nullopt;
  const Values values{{"mention", mention_of(context.people, context.message.sender)},
                      {"ticket", std::to_string(same.number)},
                      {"text", ticket_words(context, same)}};
  return ask_if_repeat(context, title, same,
                       context.message.is_private ? "ticket_maybe_same" : "ticket_maybe_same_group", values);
}

}  // namespace whistle::handlers
