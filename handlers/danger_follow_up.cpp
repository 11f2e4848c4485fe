#include "handlers/danger_follow_up.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "handlers/danger_answer.hpp"
#include "handlers/language/danger_words.hpp"
#include "handlers/language/own_report_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/message.hpp"
#include "handlers/own_report_lines.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"

namespace whistle::handlers {

namespace {

// How long after a danger report the reporter's next words are about it: an emergency is over, one
// way or another, within hours.
constexpr std::int64_t kFollowUpWindow = 6 * 60 * 60;
// The holder and the level above are told again at most this often: a frightened reporter writes
// every minute, and each alert must still read as news.
constexpr std::int64_t kRealertWindow = 10 * 60;

// Words of someone still waiting for help ("还是没人来", "有人吗", "人呢"). Not 怎么办 nor 快来: "积分怎么兑
// 换 不知道怎么办" is another matter, and a danger's own words are read as one (a review, 2026-12-07).
constexpr auto kStillWaiting = std::to_array<std::string_view>(
    {"有人吗", "还没人", "怎么还没", "人呢", "还没到", "还没来", "救护车还没"});
// The same danger told again, going on ("烟越来越大了", "火还在烧", "又冒烟了"); without them a danger of
// the same kind is news ("楼下有人晕倒了" after one's husband fainted, "我爸也晕倒了").
// Not 又, 一直, 还是: "楼下又有人晕倒了" is someone else (the review after).
constexpr auto kGoingOn = std::to_array<std::string_view>({"越来越", "还在", "更大", "更严重", "更厉害"});
// What someone waits for besides help: a parcel, a meal, a task's volunteers ("快递怎么还没到" re-alerted
// the holder of a domestic-violence ticket as 再次求助: the review after).
constexpr auto kOtherWaits = std::to_array<std::string_view>(
    {"快递", "外卖", "来领", "来取", "来拿", "来接", "报名", "报到", "活动", "积分", "公交", "饭", "作业"});

bool still_waiting(std::string_view text) {
  if (language::holds_any_of(text, kOtherWaits)) return false;
  return language::says_nobody_came(text) || language::holds_any_of(text, kStillWaiting) ||
         language::chases_own_report(text);
}

std::optional<store::Ticket> open_danger_of_sender(Context& context) {
  if (!context.community) return std::nullopt;
  for (const store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kOwnReportsLooked)) {
    if (ticket.community != *context.community || !ticket.danger) continue;
    if (context.now - ticket.created_at > kFollowUpWindow) continue;
    if (ticket.is_closed() || ticket.state == store::TicketState::resolved) continue;
    return ticket;
  }
  return std::nullopt;
}

std::optional<language::DangerKind> kind_of(std::string_view text) {
  const std::optional<language::DangerFound> found = language::danger_in(text);
  if (!found) return std::nullopt;
  return found->kind;
}

bool realerted_lately(Context& context, const store::Ticket& ticket) {
  const std::vector<store::TicketEvent> events = context.tickets.events(ticket.id);
  return std::any_of(events.begin(), events.end(), [&](const store::TicketEvent& event) {
    return event.kind == "danger_again" && context.now - event.at < kRealertWindow;
  });
}

}  // namespace

std::optional<std::vector<Reply>> follow_up_on_open_danger(Context& context, const Command& command,
                                                           bool danger) {
  if (command.text.empty()) return std::nullopt;
  const bool waiting = still_waiting(command.text);
  // Words that neither tell a danger nor wait for help are not looked up against one's tickets.
  if (!danger && !waiting) return std::nullopt;
  const std::optional<store::Ticket> ticket = open_danger_of_sender(context);
  if (!ticket) return std::nullopt;
  // A second danger is news of its own ("电梯困人" then "楼道着火了", "我爸也晕倒了"): its own ticket,
  // unless told as the same one going on or still unanswered.
  if (danger) {
    // Another kind is news whatever else is said ("楼道着火了 人呢" after one's husband fainted: the
    // review after found the fire folded into his ticket, and nobody told).
    const std::optional<language::DangerKind> said = kind_of(command.text);
    if (said && said != kind_of(ticket->text)) return std::nullopt;
    const bool going_on =
        language::holds_any_of(command.text, kGoingOn) && command.text.find("也") == std::string::npos;
    if (!waiting && !going_on) return std::nullopt;
  } else if (!waiting) {
    return std::nullopt;
  }

  // A danger told in private is answered in private, whatever group the reporter writes in next: the
  // advice for despair or violence, with the ticket's number, was posted in the group (a review,
  // 2026-12-07).
  const bool keep_private = ticket->reported_in_private && !context.message.is_private;
  const auto to_reporter = [&](std::string text) {
    return keep_private
               ? Reply{private_chat_of(context.message.sender), std::move(text), {context.message.sender}}
               : reply_to_sender(context, std::move(text));
  };
  std::vector<Reply> replies;
  // The advice again, for the open danger's kind when the words name none.
  replies.push_back(to_reporter(
      danger_now(context, danger ? std::string_view(command.text) : std::string_view(ticket->text)).text));

  std::vector<std::string> holders = ticket_holders(context, *ticket);
  if (holders.empty()) {
    if (std::optional<std::string> leader = first_leader(context, ticket->node)) holders.push_back(*leader);
  }
  std::vector<std::string> holder_names;
  for (const std::string& holder : holders)
    holder_names.push_back(display_name(context.people, holder));
  const std::string ticket_number = std::to_string(ticket->number);
  const std::string mention = mention_of(context.people, context.message.sender);
  const bool taken = ticket->state == store::TicketState::accepted;

  if (realerted_lately(context, *ticket)) {
    replies.push_back(to_reporter(context.text(
        taken ? "ticket_danger_again_taken" : "ticket_danger_again_told",
        {{"ticket", ticket_number}, {"mention", mention}, {"holders", join_list(context, holder_names)}})));
    return replies;
  }
  record_ticket_event(context, *ticket, "danger_again", context.message.sender, command.text, context.now);

  const std::string place = ticket_place(context, *ticket);
  const std::string words = language::shortened(command.text, 100);
  const std::string text = language::shortened(ticket_words(context, *ticket), 100);
  for (const std::string& holder : holders) {
    replies.push_back(
        Reply{private_chat_of(holder),
              context.text(taken ? "ticket_danger_again_holder_taken" : "ticket_danger_again_holder",
                           {{"ticket", ticket_number},
                            {"mention", mention_of(context.people, holder)},
                            {"place", place},
                            {"text", text},
                            {"words", words}}),
              {holder}});
  }
  // Nobody has taken it yet: the level above hears now, without the ticket moving (its answer window
  // still decides when it climbs).
  std::string above_name;
  if (!taken) {
    // The nearest level above led by someone who neither holds it nor reported it: 钱楼栋长's own
    // fire in 3号楼2单元 told him of himself (a final read, 2026-12-07).
    std::optional<store::OrgNode> above = context.org.node(ticket->node);
    const std::string first_holder = holders.empty() ? std::string() : holders.front();
    do {
      above = above && !above->parent.empty()
                  ? nearest_node_led_by_another(context, above->parent, first_holder)
                  : std::nullopt;
    } while (above && first_leader(context, above->id) == ticket->reporter);
    if (above) {
      const std::string leader = *first_leader(context, above->id);
      if (std::find(holders.begin(), holders.end(), leader) == holders.end()) {
        above_name = display_name(context.people, leader);
        replies.push_back(
            Reply{private_chat_of(leader),
                  context.text("ticket_danger_heads_up", {{"ticket", ticket_number},
                                                          {"mention", mention_of(context.people, leader)},
                                                          {"place", place},
                                                          {"text", text},
                                                          {"words", words},
                                                          {"holders", join_list(context, holder_names)}}),
                  {leader}});
      }
    }
  }
  const std::string key =
      taken ? "ticket_danger_again_taken"
            : (above_name.empty() ? "ticket_danger_again_told" : "ticket_danger_again_above");
  replies.push_back(to_reporter(context.text(key, {{"ticket", ticket_number},
                                                   {"mention", mention},
                                                   {"holders", join_list(context, holder_names)},
                                                   {"above", above_name}})));
  return replies;
}

std::optional<std::vector<Reply>> join_neighbours_danger(Context& context, const Command& command,
                                                         const store::OrgNode& place) {
  constexpr std::int64_t kSameDangerWindow = 30 * 60;
  const std::optional<language::DangerKind> kind = kind_of(command.text);
  if (!kind || (*kind != language::DangerKind::fire && *kind != language::DangerKind::gas &&
                *kind != language::DangerKind::trapped))
    return std::nullopt;
  for (const store::Ticket& ticket : context.tickets.open_at({place.id}, 20)) {
    if (!ticket.danger || ticket.reporter == context.message.sender || ticket.first_node != place.id)
      continue;
    if (ticket.is_closed() || ticket.state == store::TicketState::resolved) continue;
    if (context.now - ticket.created_at > kSameDangerWindow || kind_of(ticket.text) != kind) continue;
    std::vector<std::string> holders = ticket_holders(context, ticket);
    if (holders.empty()) {
      if (std::optional<std::string> leader = first_leader(context, ticket.node)) holders.push_back(*leader);
    }
    // Its holder or a leader above, warning the neighbours ("3楼着火了 大家赶紧撤离"): the advice is
    // answer enough; they were told of it themselves once (the review after, 2026-12-07).
    if (std::find(holders.begin(), holders.end(), context.message.sender) != holders.end() ||
        leads_ticket(context, ticket, context.message.sender))
      return std::vector<Reply>{};
    std::vector<std::string> holder_names;
    for (const std::string& holder : holders)
      holder_names.push_back(display_name(context.people, holder));
    // Its own kind of event: the reporter's 还是没人来 after it must still reach the level above (a
    // final read, 2026-12-07: a neighbour's join held the reporter's escalation back ten minutes).
    record_ticket_event(context, ticket, "danger_neighbour", context.message.sender, command.text,
                        context.now);
    const std::string number = std::to_string(ticket.number);
    std::vector<Reply> replies{reply_to_sender(
        context,
        context.text("ticket_danger_joined", {{"ticket", number},
                                              {"mention", mention_of(context.people, context.message.sender)},
                                              {"holders", join_list(context, holder_names)}}))};
    for (const std::string& holder : holders) {
      replies.push_back(Reply{
          private_chat_of(holder),
          context.text("ticket_danger_neighbour_holder", {{"ticket", number},
                                                          {"mention", mention_of(context.people, holder)},
                                                          {"place", ticket_place(context, ticket)},
                                                          {"words", language::shortened(command.text, 100)}}),
          {holder}});
    }
    return replies;
  }
  return std::nullopt;
}

}  // namespace whistle::handlers
