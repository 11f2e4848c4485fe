#include "handlers/close_objection.hpp"

#include <array>
#include <string>
#include <string_view>

#include "handlers/language/calendar.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_parties.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"

namespace whistle::handlers {

namespace {

constexpr std::size_t kClosedTicketsLookedAt = 10;

// The words that dispute a close: the reason questioned, an appeal, a refusal of it. Each names the
// close or its reason: "物业说明天来修", "怎么就报不上名呢", "凭什么扣我积分" do not (the second review of
// stop 65: each was filed as an objection and paged two leaders).
constexpr auto kObjections = std::to_array<std::string_view>(
    {"不同意",   "申诉",   "不属实",   "没来看",   "没来过",   "来都没来", "根本没来",
     "没人来看", "不认可", "不接受",   "瞎关",     "乱关",     "怎么关了", "怎么给关了",
     "为什么关", "为啥关", "凭什么关", "凭什么转", "推给物业", "踢皮球",   "推来推去"});

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

// The reporter's ticket closed unresolved by a leader lately, newest first, with its history: one
// they took back themselves is skipped, not an end to the search (the second review of stop 65).
std::optional<std::pair<store::Ticket, CloseHistory>> closed_lately(Context& context) {
  const std::int64_t recent = context.config.rules.rate_days * language::kSecondsPerDay;
  for (store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kClosedTicketsLookedAt)) {
    if (ticket.outcome != store::TicketOutcome::unresolved || !ticket.closed_at ||
        context.now - *ticket.closed_at > recent)
      continue;
    CloseHistory history = history_of(context, ticket);
    if (!history.closer || *history.closer == ticket.reporter) continue;
    return std::pair{std::move(ticket), std::move(history)};
  }
  return std::nullopt;
}

// The nearest leader of a level above the closer's (the second review of stop 65: a building
// leader's close was disputed to the unit's leader below). None when the closer leads the top.
std::optional<std::string> leader_above(Context& context, const store::Ticket& ticket,
                                        const std::string& closer) {
  bool past_closer = false;
  for (const store::OrgNode& level : context.org.ancestors_and_self(ticket.first_node)) {
    if (!past_closer) {
      past_closer = context.people.has_role(closer, level.id, store::Role::leader);
      continue;
    }
    for (const std::string& leader : leaders_up_from(context, level.id)) {
      if (leader != closer && leader != ticket.reporter && !report_complains_of(context, ticket, leader))
        return leader;
    }
    return std::nullopt;
  }
  if (past_closer) return std::nullopt;
  // A closer who leads none of its levels (the community's staff): the nearest leader of its own.
  for (const std::string& leader : leaders_up_from(context, ticket.node)) {
    if (leader != closer && leader != ticket.reporter && !report_complains_of(context, ticket, leader))
      return leader;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<Reply>> pass_on_objection_to_close(Context& context, const Command& command) {
  if (!context.message.is_private || command.text.empty() ||
      !language::holds_any_of(command.text, kObjections))
    return std::nullopt;
  const auto found = closed_lately(context);
  if (!found) return std::nullopt;
  const store::Ticket* ticket = &found->first;
  const CloseHistory& history = found->second;
  const std::string& closer = *history.closer;
  const std::optional<std::string> above = leader_above(context, *ticket, closer);
  const std::string words = language::with_chinese_punctuation(command.text);
  record_ticket_event(context, *ticket, "objected", context.message.sender, words, context.now);
  const std::string number = std::to_string(ticket->number);
  const std::vector<std::pair<std::string_view, std::string>> values{
      {"ticket", number},
      {"text", ticket_words(context, *ticket)},
      {"place", ticket_place(context, *ticket)},
      {"reason", ticket->close_reason.value_or("")},
      {"closer", display_name(context.people, closer)},
      {"leader", display_name(context.people, above ? *above : closer)},
      {"words", words}};
  std::vector<Reply> replies;
  // "我要申诉", "我不同意关闭" a minute after the first: kept, not paged again.
  if (history.last_objection && context.now - *history.last_objection < kObjectionQuietSeconds) {
    replies.push_back(reply_to_sender(context, context.text("ticket_objection_again", values)));
    return replies;
  }
  replies.push_back(reply_to_sender(context, context.text("ticket_objection_passed_on", values)));
  auto told = values;
  if (above) {
    told.emplace_back("mention", mention_of(context.people, *above));
    replies.push_back(
        Reply{private_chat_of(*above), context.text("ticket_objection_to_leader", told), {*above}});
    told.pop_back();
  }
  // At the top there is no one above to say was told.
  told.emplace_back("mention", mention_of(context.people, closer));
  replies.push_back(
      Reply{private_chat_of(closer),
            context.text(above ? "ticket_objection_to_closer" : "ticket_objection_to_closer_top", told),
            {closer}});
  return replies;
}

}  // namespace whistle::handlers
