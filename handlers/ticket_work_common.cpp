#include "handlers/ticket_work_common.hpp"

#include <algorithm>

#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_lookup.hpp"

namespace whistle::handlers {

std::string holder_text(const Services& services, const store::Ticket& ticket) {
  if (ticket.assignee_person) return display_name(services.people, *ticket.assignee_person);
  if (ticket.assignee_responder) {
    std::optional<store::ResponderRow> responder = services.responders.find(*ticket.assignee_responder);
    return responder ? responder->name : *ticket.assignee_responder;
  }
  return services.text("ticket_nobody");
}

std::string reporter_for_group(const Services& services, const store::Ticket& ticket) {
  if (ticket.reported_in_private) return services.text("ticket_reporter_private");
  return mention_of(services.people, ticket.reporter);
}

Values work_values(Context& context, const store::Ticket& ticket) {
  Values values = ticket_values(context, ticket, context.now);
  values.emplace_back("mention", mention_of(context.people, context.message.sender));
  values.emplace_back("holder", holder_text(context, ticket));
  return values;
}

Reply work_reply(Context& context, const store::Ticket& ticket, std::string_view key, const Values& more) {
  Values values = work_values(context, ticket);
  values.insert(values.end(), more.begin(), more.end());
  return reply_to_sender(context, context.text(key, values));
}

std::optional<store::Ticket> workable_ticket(Context& context, const Command& command,
                                             std::vector<Reply>& replies, bool resolved_ok) {
  TicketChoice choice = choose_ticket(context, command);
  if (!choice.ticket) {
    replies = std::move(choice.refusal);
    return std::nullopt;
  }
  const store::Ticket& ticket = *choice.ticket;
  const Values action{{"action", command_word(context, command.intent)}};
  if (ticket.is_closed()) {
    Values values = action;
    values.emplace_back(
        "outcome", context.text("ticket_outcome_" + std::string(store::ticket_outcome_name(ticket.outcome))));
    replies.push_back(work_reply(context, ticket, "ticket_is_closed", values));
    return std::nullopt;
  }
  if (ticket.state == store::TicketState::resolved && !resolved_ok) {
    replies.push_back(work_reply(context, ticket, "ticket_is_resolved", action));
    return std::nullopt;
  }
  return choice.ticket;
}

Reply no_right(Context& context, const store::Ticket& ticket, Intent intent, bool holder_may) {
  std::vector<std::string> names;
  if (holder_may && (ticket.assignee_person || ticket.assignee_responder))
    names.push_back(holder_text(context, ticket));
  for (const std::string& leader : leaders_up_from(context, ticket.node)) {
    const std::string name = display_name(context.people, leader);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return work_reply(context, ticket, "ticket_no_right",
                    {{"action", command_word(context, intent)}, {"people", join_list(context, names)}});
}

void set_value(Values& values, std::string_view key, std::string value) {
  for (auto& [name, old] : values) {
    if (name == key) {
      old = std::move(value);
      return;
    }
  }
  values.emplace_back(key, std::move(value));
}

std::vector<std::string> group_mentions(const store::Ticket& ticket,
                                        const std::optional<std::string>& holder) {
  std::vector<std::string> mentions;
  if (holder) mentions.push_back(*holder);
  if (!ticket.reported_in_private && ticket.reporter != holder) mentions.push_back(ticket.reporter);
  return mentions;
}

void record_event(Context& context, const store::Ticket& ticket, std::string kind,
                  std::optional<std::string> note) {
  record_ticket_event(context, ticket, std::move(kind), context.message.sender, std::move(note), context.now);
}

void mark_accepted(Context& context, store::Ticket& ticket) {
  ticket.state = store::TicketState::accepted;
  ticket.accepted_at = context.now;
  if (!ticket.first_accepted_at) {
    // 响应率 counts a ticket answered at its first level within that level's window.
    ticket.first_accepted_at = context.now;
    ticket.answered_in_time = ticket.climbs == 0 && context.now <= first_answer_deadline(context, ticket);
  }
  ++ticket.stage;
}

void append(std::vector<Reply>& to, std::vector<Reply> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

// A ticket reported in private is talked about in private: asked in a group, the answer goes to
// the sender's private chat and the group only hears that it did.
std::vector<Reply> answer_keeping_private(Context& context, std::string text, bool keep_private) {
  if (context.message.is_private) return {reply_to_sender(context, std::move(text))};
  // In the group, the report's phone number and door code are masked as every post about it masks
  // them (the thanks for a rating quoted them whole: an exploratory run of old people living alone,
  // stop 68).
  if (!keep_private)
    return {
        reply_to_sender(context, numbers_masked_for(context, context.message.chat, false, std::move(text)))};
  const std::string& sender = context.message.sender;
  return {reply_to_sender(context, context.text("ticket_answered_privately",
                                                {{"mention", mention_of(context.people, sender)}})),
          Reply{private_chat_of(sender), std::move(text), {}}};
}

std::vector<Reply> tell_displaced(Context& context, const store::Ticket& before, const store::Ticket& after) {
  std::vector<Reply> told;
  Values values = work_values(context, after);
  values.emplace_back("by", display_name(context.people, context.message.sender));
  // Taken over by the very person who says so: "已由陈单元长改由陈单元长办理" named them twice. Resolved
  // by them (the unit's leader finishing after the ticket climbed): "已经接手办理" was not what happened.
  const bool resolved = after.state == store::TicketState::resolved;
  const char* key = resolved                                          ? "ticket_resolved_by_sender"
                    : after.assignee_person == context.message.sender ? "ticket_taken_over_by_sender"
                                                                      : "ticket_taken_from_you";
  if (before.assignee_person && before.assignee_person != after.assignee_person &&
      *before.assignee_person != context.message.sender) {
    const std::string& person = *before.assignee_person;
    set_value(values, "mention", mention_of(context.people, person));
    told.push_back(Reply{private_chat_of(person), context.text(key, values), {person}});
  }
  if (before.claimed_by && before.claimed_by != after.claimed_by &&
      before.claimed_by != before.assignee_person && *before.claimed_by != context.message.sender) {
    const std::string& person = *before.claimed_by;
    set_value(values, "mention", mention_of(context.people, person));
    told.push_back(Reply{private_chat_of(person), context.text(key, values), {person}});
  }
  if (before.assignee_responder && before.assignee_responder != after.assignee_responder &&
      !context.responders.is_member(*before.assignee_responder, context.message.sender)) {
    if (std::optional<store::ResponderRow> responder = context.responders.find(*before.assignee_responder)) {
      const char* responder_key = resolved ? "ticket_resolved_from_responder"
                                  : after.assignee_person == context.message.sender
                                      ? "ticket_taken_over_from_responder"
                                      : "ticket_taken_from_responder";
      set_value(values, "responder", responder->name);
      for (const std::string& chat : responder->chats) {
        append(told, post_about_ticket(context, after, Reply{chat, context.text(responder_key, values), {}},
                                       context.now));
      }
    }
  }
  return told;
}

}  // namespace whistle::handlers
