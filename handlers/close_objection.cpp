#include "handlers/close_objection.hpp"

#include <array>
#include <string>
#include <string_view>

#include "handlers/language/calendar.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"

namespace whistle::handlers {

namespace {

constexpr std::size_t kClosedTicketsLookedAt = 10;

// The words that dispute a close: the reason questioned, an appeal, a refusal of it.
constexpr auto kObjections = std::to_array<std::string_view>(
    {"不同意", "申诉",     "凭什么",   "怎么就",     "不属实?",  "哪里不属实", "没来看",
     "没来过", "来都没来", "根本没来", "没人来看",   "不认可",   "不接受",     "有意见",
     "瞎关",   "乱关",     "怎么关了", "怎么给关了", "为什么关", "为啥关",     "推给物业",
     "踢皮球", "推来推去", "物业说",   "让我找社区"});

// An objection passed on lately is not passed on again: the leaders heard it.
constexpr std::int64_t kObjectionQuietSeconds = 60 * 60;

struct CloseHistory {
  std::optional<std::string> closer;  ///< the last "closed" event's actor
  std::optional<std::int64_t> last_objection;
};

CloseHistory history_of(Context& context, const store::Ticket& ticket) {
  CloseHistory history;
  for (const store::TicketEvent& event : context.tickets.events(ticket.id)) {
    if (event.kind == "closed") history.closer = event.actor;
    if (event.kind == "objected") history.last_objection = event.at;
  }
  return history;
}

// The reporter's ticket closed unresolved by someone else lately, newest first.
std::optional<store::Ticket> closed_lately(Context& context) {
  const std::int64_t recent = context.config.rules.rate_days * language::kSecondsPerDay;
  for (store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kClosedTicketsLookedAt)) {
    if (ticket.outcome != store::TicketOutcome::unresolved || !ticket.closed_at ||
        context.now - *ticket.closed_at > recent)
      continue;
    return std::move(ticket);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<Reply>> pass_on_objection_to_close(Context& context, const Command& command) {
  if (!context.message.is_private || command.text.empty() ||
      !language::holds_any_of(command.text, kObjections))
    return std::nullopt;
  const std::optional<store::Ticket> ticket = closed_lately(context);
  if (!ticket) return std::nullopt;
  const CloseHistory history = history_of(context, *ticket);
  const std::optional<std::string>& closer = history.closer;
  if (!closer || *closer == ticket->reporter) return std::nullopt;  // withdrawn by the reporter
  std::optional<std::string> above;
  for (const std::string& leader : leaders_up_from(context, ticket->node)) {
    if (leader == *closer || leader == ticket->reporter || report_complains_of(context, *ticket, leader))
      continue;
    // Above the closer: a leader who leads the closer's level or higher, not one below it.
    if (!leads_ticket(context, *ticket, leader)) continue;
    above = leader;
    break;
  }
  const std::string words = language::with_chinese_punctuation(command.text);
  record_ticket_event(context, *ticket, "objected", context.message.sender, words, context.now);
  const std::string number = std::to_string(ticket->number);
  const std::vector<std::pair<std::string_view, std::string>> values{
      {"ticket", number},
      {"text", ticket_words(context, *ticket)},
      {"place", ticket_place(context, *ticket)},
      {"reason", ticket->close_reason.value_or("")},
      {"closer", display_name(context.people, *closer)},
      {"leader", above ? display_name(context.people, *above) : display_name(context.people, *closer)},
      {"words", words}};
  std::vector<Reply> replies;
  // "我要申诉", "我不同意关闭" a minute after the first: kept, not paged again.
  if (history.last_objection && context.now - *history.last_objection < kObjectionQuietSeconds) {
    replies.push_back(reply_to_sender(context, context.text("ticket_objection_again", values)));
    return replies;
  }
  replies.push_back(reply_to_sender(context, context.text("ticket_objection_passed_on", values)));
  for (const std::optional<std::string>& person : {above, std::optional<std::string>(*closer)}) {
    if (!person) continue;
    auto told = values;
    told.emplace_back("mention", mention_of(context.people, *person));
    replies.push_back(Reply{
        private_chat_of(*person),
        context.text(person == closer ? "ticket_objection_to_closer" : "ticket_objection_to_leader", told),
        {*person}});
  }
  return replies;
}

}  // namespace whistle::handlers
