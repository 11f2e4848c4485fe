// 关闭 (closed unresolved, with a reason: 重复, 不属实, 转物业) and 上报 (one level up by hand):
// what a leader does with a ticket that is not for this level to solve.

#include <algorithm>

#include "handlers/people_names.hpp"
#include "handlers/report_parties.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// Whoever had the ticket hears it was closed: they may be at work on it (a person who accepted it,
// the neighbour who took a wish, 物业's chats). The closer is never told of their own act.
std::vector<Reply> tell_holders(Context& context, const store::Ticket& ticket, const Values& values,
                                const Values& group_values,
                                const std::optional<store::ResponderRow>& told_apart) {
  std::vector<Reply> told;
  const std::string& sender = context.message.sender;
  std::vector<std::string> people;
  for (const std::optional<std::string>& person : {ticket.assignee_person, ticket.claimed_by}) {
    if (person && *person != sender && *person != ticket.reporter &&
        std::find(people.begin(), people.end(), *person) == people.end())
      people.push_back(*person);
  }
  for (const std::string& person : people) {
    Values theirs = values;
    set_value(theirs, "mention", mention_of(context.people, person));
    told.push_back(Reply{private_chat_of(person), context.text("ticket_closed_holder", theirs), {person}});
  }
  if (ticket.assignee_responder && !context.responders.is_member(*ticket.assignee_responder, sender) &&
      !(told_apart && told_apart->id == *ticket.assignee_responder)) {
    if (std::optional<store::ResponderRow> responder = context.responders.find(*ticket.assignee_responder)) {
      Values theirs = group_values;
      set_value(theirs, "mention", responder->name);
      for (const std::string& chat : responder->chats) {
        if (chat == context.message.chat) continue;
        append(told, post_about_ticket(context, ticket,
                                       Reply{chat, context.text("ticket_closed_holder_group", theirs), {}},
                                       context.now));
      }
    }
  }
  return told;
}

// Whether `node` lies under `above` (not the same node).
bool is_below(Context& context, const std::string& node, const std::string& above) {
  const std::vector<store::OrgNode> up = context.org.ancestors_and_self(node);
  return node != above &&
         std::any_of(up.begin(), up.end(), [&](const store::OrgNode& level) { return level.id == above; });
}

}  // namespace

std::vector<Reply> handle_close(Context& context, const Command& command) {
  std::vector<Reply> replies;
  std::optional<store::Ticket> found = workable_ticket(context, command, replies);
  if (!found) return replies;
  store::Ticket& ticket = *found;
  const std::string& sender = context.message.sender;
  // The reporter may withdraw what they reported while it is still open ("不需要了"); its level's
  // leaders close it for other reasons.
  const bool withdrawn = ticket.reporter == sender && !leads_ticket(context, ticket, sender);
  if (!withdrawn && !leads_ticket(context, ticket, sender))
    return {no_right(context, ticket, command.intent, false)};
  // A complaint about the leader is not theirs to close (the same run: 陈单元长 closed the complaint
  // about himself as 不属实).
  if (!withdrawn && report_complains_of(context, ticket, sender))
    return {work_reply(context, ticket, "ticket_names_the_closer")};
  if (withdrawn && ticket.state == store::TicketState::resolved)
    return {work_reply(context, ticket, "ticket_withdraw_resolved")};
  // Closing unresolved is counted against nobody's 解决率 only because the reason says why.
  if (!withdrawn && (!command.reason || command.reason->empty()))
    return {work_reply(context, ticket, "ticket_close_reason")};
  const std::string reason =
      withdrawn ? context.text("ticket_withdrawn_reason") +
                      (command.reason && !command.reason->empty() ? "：" + *command.reason : "")
                : *command.reason;
  const store::Ticket before = ticket;

  stop_solve_clock(context, ticket);
  ticket.state = store::TicketState::closed;
  ticket.outcome = store::TicketOutcome::unresolved;
  ticket.close_reason = reason;
  ticket.closed_at = context.now;
  ++ticket.stage;
  context.tickets.save(ticket);
  record_event(context, ticket, "closed", reason);

  Values values = work_values(context, ticket);
  values.emplace_back("reason", reason);
  values.emplace_back("closer", display_name(context.people, sender));
  // A reporter taking back a report kept private (匿名反映 in a group included) hears it in private, as
  // 进度 is answered (a review of stop 67: the 撤回 named the anonymous reporter in the group).
  if (withdrawn) {
    append(replies, answer_keeping_private(context, context.text("ticket_withdrawn_done", values),
                                           ticket.reported_in_private));
  } else {
    replies.push_back(reply_to_sender(context, context.text("ticket_close_done", values)));
  }
  if (ticket.reporter != sender)
    replies.push_back(to_reporter(ticket, context.text("ticket_closed_reporter", values)));
  // A resident's 撤回 naming 物业 ("物业的师傅已经修好了") hands nothing over (a final read, 2026-12-07:
  // 物业's group read her name and a 转交 that never happened).
  const std::optional<store::ResponderRow> responder =
      withdrawn ? std::nullopt : responder_named(context, ticket.community, reason);
  // A resident taking back their own report is 居民 to 物业's group, which is not where they
  // reported it (an exploratory run of the workers' side, 2026-12-07: a private reporter was named
  // there). The people who held it hear the name in private, as they did when it was given them.
  Values group_values = values;
  if (withdrawn) set_value(group_values, "closer", context.text("ticket_reporter_private"));
  append(replies, tell_holders(context, before, values, group_values, responder));
  if (responder) {
    // Handed over outside the loop: the responder's chat hears it, for information only.
    values.emplace_back("responder", responder->name);
    for (const std::string& chat : responder->chats) {
      if (chat == context.message.chat) continue;
      append(replies, post_about_ticket(context, ticket,
                                        Reply{chat, context.text("ticket_closed_responder", values), {}},
                                        context.now));
    }
  }
  return replies;
}

std::optional<std::vector<Reply>> withdraw_reported_ticket(Context& context, const Command& command) {
  if (!command.ticket || !context.community) return std::nullopt;
  const std::optional<store::Ticket> ticket = context.tickets.by_number(*context.community, *command.ticket);
  if (!ticket || ticket->reporter != context.message.sender) return std::nullopt;
  Command close = command;
  close.intent = Intent::close;
  return handle_close(context, close);
}

std::vector<Reply> handle_escalate(Context& context, const Command& command) {
  std::vector<Reply> replies;
  std::optional<store::Ticket> found = workable_ticket(context, command, replies);
  if (!found) return replies;
  store::Ticket& ticket = *found;
  const std::string& sender = context.message.sender;
  if (!leads_ticket(context, ticket, sender)) return {no_right(context, ticket, command.intent, false)};
  // The unit's leader keeps a say over a ticket that climbed past the unit, but not to send it up
  // again: "上报T1" said twice a minute apart took it from the building's leader to the grid's
  // (an exploratory run of the leaders' side, 2026-12-07).
  // Its holder, overseen from the level above after its time ran out, may still ask for more help: from
  // there it climbs on (the final read of stop 70: told he handles it and need not send it up).
  const bool overseen_holder =
      ticket.state == store::TicketState::accepted && holds_ticket(context, ticket, sender);
  if (!overseen_holder && !leads_node_or_above(context, sender, ticket.node)) {
    std::string level = holder_text(context, ticket);
    if (std::optional<store::OrgNode> node = context.org.node(ticket.node)) level = node->name;
    return {work_reply(context, ticket, "ticket_escalate_already", {{"level", level}})};
  }
  // "上报" from a leader above the ticket's level means above them: the grid's leader sending up a
  // unit's ticket had it climb to the building, below him (the same run).
  if (const std::optional<store::OrgNode> own = lowest_level_led_by(context, ticket, sender);
      own && own->id != ticket.node && is_below(context, ticket.node, own->id))
    ticket.node = own->id;

  // At the top a community leader's 上报 has nowhere to go and nobody above to tell: one answer.
  if (!can_climb(context, ticket) && leads_node_or_above(context, sender, ticket.community))
    return {work_reply(context, ticket, "ticket_escalate_top_leader")};
  const store::Ticket before = ticket;
  ClimbResult climbed = climb(context, ticket, ClimbCause::by_hand, context.now, sender, command.reason);
  if (!climbed.climbed) {
    replies.push_back(work_reply(context, ticket, "ticket_escalate_top"));
  } else {
    if (ticket.assignee_responder) {
      // From the community to 物业: handed over, not up.
      replies.push_back(work_reply(context, ticket, "ticket_escalate_done_responder"));
    } else {
      std::string level = holder_text(context, ticket);
      if (std::optional<store::OrgNode> node = context.org.node(ticket.node)) level = node->name;
      replies.push_back(work_reply(context, ticket, "ticket_escalate_done", {{"level", level}}));
    }
  }
  for (Reply& reply : climbed.replies) {
    // At the top the community's leaders are reminded; a leader who said 上报 has their answer.
    if (!climbed.climbed && reply.chat == private_chat_of(sender)) continue;
    replies.push_back(std::move(reply));
  }
  // A building's leader sending up what the grid's leader held: the grid's leader was never told
  // (an exploratory run of the workers' side, 2026-12-07).
  if (climbed.climbed) append(replies, tell_displaced(context, before, ticket));
  // The words said with it stay in the history 进度 shows (a review, 2026-12-07).
  if (climbed.climbed && command.reason && !command.reason->empty())
    record_event(context, ticket, "noted", *command.reason);
  return replies;
}

}  // namespace whistle::handlers
