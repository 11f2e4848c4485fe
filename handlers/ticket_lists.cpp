// 进度 T5, 我的工单 and 工单: where tickets are, for the people who have a part in them.

#include <algorithm>

#include "handlers/addressing.hpp"
#include "handlers/language/own_report_phrases.hpp"
#include "handlers/language/private_numbers.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/own_report_lines.hpp"
#include "handlers/people_names.hpp"
#include "handlers/place_lookup.hpp"
#include "handlers/report_parties.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_lookup.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// A list shows this many tickets and counts the rest: a chat message stays readable.
constexpr std::size_t kListed = 20;
// Enough to count what is beyond the list without reading a whole community's history.
constexpr std::size_t kCounted = 1000;
constexpr std::size_t kLineChars = 20;
constexpr std::size_t kEventsShown = 4;

std::string state_text(const Services& services, const store::Ticket& ticket) {
  return services.text("ticket_state_" + std::string(store::ticket_state_name(ticket.state)));
}

// The steps whose words a group may read: who it went to, the level it climbed to, how it ended as
// an outcome (满意, 未评价). The others carry the worker's note, the resident's words, a rating's
// reason, a close's reason (an exploratory run of the workers' side, 2026-12-07: 进度 in a building
// group showed a 办结 note and a phone number; the final read: a withdrawal's private words).
bool detail_fit_for_a_group(const Services& services, const store::TicketEvent& event) {
  if (event.kind == "closed") return event.note && services.templates.has("ticket_outcome_" + *event.note);
  return event.kind == "assigned" || event.kind == "climbed" || event.kind == "unassigned" ||
         event.kind == "overdue_at_top";
}

// `hidden`: a reporter who asked not to be named, shown as 居民 to whoever is not a leader of it.
std::string event_line(Context& context, const store::TicketEvent& event, bool in_group,
                       const std::optional<std::string>& hidden) {
  const std::string key = "ticket_event_" + event.kind;
  const std::string what = context.templates.has(key) ? context.text(key) : event.kind;
  // An assignment's note is who got it ("responder:wuye" for a responder); other notes are words
  // (a reason, a resolution, a level's name) shown as they are.
  std::string detail;
  if (event.note && !event.note->empty() && (!in_group || detail_fit_for_a_group(context, event))) {
    std::string note = *event.note;
    // A closing's note is its outcome, said in words.
    if (event.kind == "closed" && context.templates.has("ticket_outcome_" + note))
      note = context.text("ticket_outcome_" + note);
    if (event.kind == "assigned") {
      const std::string prefix = "responder:";
      if (note.rfind(prefix, 0) == 0) {
        std::optional<store::ResponderRow> responder = context.responders.find(note.substr(prefix.size()));
        note = responder ? responder->name : note.substr(prefix.size());
      } else {
        note = display_name(context.people, note);
      }
    }
    detail =
        context.text("ticket_progress_event_detail", {{"detail", language::shortened(note, kLineChars)}});
  }
  const std::string name = !event.actor                        ? std::string()
                           : hidden && *event.actor == *hidden ? context.text("ticket_reporter_hidden")
                                                               : display_name(context.people, *event.actor);
  const std::string who =
      event.actor ? context.text("ticket_progress_event_who", {{"who", name}}) : std::string();
  return context.text("ticket_progress_event", {{"time", local_time_text(context, event.at, context.now)},
                                                {"what", what},
                                                {"detail", detail},
                                                {"who", who}});
}

// A climb hands the ticket on and records both: the hand-over and the climb, at one moment. The
// timeline shows the climb alone (who holds it now is on the 处理 line), so each step reads once.
std::vector<store::TicketEvent> steps_worth_showing(std::vector<store::TicketEvent> events) {
  std::vector<store::TicketEvent> steps;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const bool climb_follows = i + 1 < events.size() && events[i + 1].kind == "climbed" &&
                               events[i + 1].at == events[i].at && events[i + 1].actor == events[i].actor;
    if (events[i].kind == "assigned" && climb_follows) continue;
    steps.push_back(std::move(events[i]));
  }
  return steps;
}

std::string list_line(Context& context, const store::Ticket& ticket) {
  // A list asked for in a group shows a private report's place, not its words ("402 我家老头子有老年
  // 痴呆…" was read by the whole group); its holder reads them in private.
  // A group's list masks phone numbers, as the group posts do.
  const bool hidden = ticket.reported_in_private && !context.message.is_private;
  // Masked before it is cut: a number cut short first would show most of its digits.
  const std::string words = context.message.is_private
                                ? ticket_words(context, ticket)
                                : language::mask_private_numbers(ticket_words(context, ticket));
  // A danger to life reads as one at a glance in the morning's list, masked words or not (an
  // exploratory run of an urgent night, 2026-12-06: a gas smell was last, as a plain 待接单).
  const std::string state = ticket.urgency == "urgent" && !ticket.is_closed()
                                ? context.text("ticket_list_urgent", {{"state", state_text(context, ticket)}})
                                : state_text(context, ticket);
  return context.text("ticket_list_line", {{"ticket", std::to_string(ticket.number)},
                                           {"state", state},
                                           {"place", ticket_place(context, ticket)},
                                           {"text", hidden ? context.text("ticket_list_private_words")
                                                           : language::shortened(words, kLineChars)},
                                           {"holder", holder_text(context, ticket)}});
}

std::string lines_of(Context& context, std::vector<store::Ticket> tickets) {
  // Open dangers to life first, each part in its own order.
  std::stable_partition(tickets.begin(), tickets.end(), [](const store::Ticket& ticket) {
    return ticket.urgency == "urgent" && !ticket.is_closed();
  });
  std::string lines;
  for (std::size_t i = 0; i < tickets.size() && i < kListed; ++i)
    lines += (i ? "\n" : "") + list_line(context, tickets[i]);
  if (tickets.size() > kListed)
    lines += "\n" + context.text("ticket_list_more", {{"count", std::to_string(tickets.size() - kListed)}});
  return lines;
}

std::vector<Reply> my_tickets(Context& context) {
  const std::string& sender = context.message.sender;
  const std::string mention = mention_of(context.people, sender);
  const std::vector<store::Ticket> reported = context.tickets.of_reporter(sender, kListed);
  std::vector<store::Ticket> held = context.tickets.open_of_assignee(sender, std::nullopt, kCounted);
  // A 物业 member holds what their responder holds.
  for (const store::ResponderRow& responder : context.responders.of_member(sender)) {
    std::vector<store::Ticket> theirs =
        context.tickets.open_of_assignee(std::nullopt, responder.id, kCounted);
    held.insert(held.end(), theirs.begin(), theirs.end());
  }
  if (reported.empty() && held.empty())
    return {reply_to_sender(context, context.text("ticket_mine_none", {{"mention", mention}}))};
  std::string text;
  if (!reported.empty()) {
    std::string lines;
    for (std::size_t i = 0; i < reported.size(); ++i) {
      lines += (i ? "\n" : "") + context.text("ticket_mine_line",
                                              {{"ticket", std::to_string(reported[i].number)},
                                               {"state", state_text(context, reported[i])},
                                               {"text", language::shortened(reported[i].text, kLineChars)}});
    }
    text = context.text("ticket_mine", {{"mention", mention}, {"lines", lines}});
  }
  if (!held.empty()) {
    text +=
        (text.empty() ? "" : "\n") + context.text("ticket_mine_held", {{"mention", mention},
                                                                       {"count", std::to_string(held.size())},
                                                                       {"lines", lines_of(context, held)}});
  }
  // One's own reports may include private ones: they are never listed in a group.
  return answer_keeping_private(context, std::move(text), !reported.empty());
}

}  // namespace

std::vector<Reply> handle_progress(Context& context, const Command& command) {
  if (!command.ticket) {
    // "报修 灯修好了吗": the one report the words name, else the list of one's own.
    if (const std::optional<std::int64_t> named = own_report_named(context, command.text)) {
      Command asked = command;
      asked.ticket = named;
      return handle_progress(context, asked);
    }
    return my_tickets(context);
  }
  // Any state, closed too: its progress is how it ended.
  TicketChoice choice = choose_ticket(context, command);
  // "T3谁在处理" said to the others where there is no T3 (the fourth review: a public 没有找到) or of a
  // ticket the asker may not see: not about one of theirs.
  const bool in_passing = said_in_passing(context.message, command);
  if (!choice.ticket) return in_passing ? std::vector<Reply>{} : std::move(choice.refusal);
  const std::optional<store::Ticket>& found = choice.ticket;
  const store::Ticket& ticket = *found;
  const std::string& sender = context.message.sender;
  const bool may_see = ticket.reporter == sender || holds_ticket(context, ticket, sender) ||
                       leads_ticket(context, ticket, sender) ||
                       leads_node_or_above(context, sender, ticket.first_node);
  if (!may_see) {
    if (in_passing) return {};
    std::vector<std::string> names{holder_text(context, ticket)};
    for (const std::string& leader : leaders_up_from(context, ticket.node)) {
      const std::string name = display_name(context.people, leader);
      if (name != names.front()) names.push_back(name);
    }
    return {work_reply(context, ticket, "ticket_progress_no_right", {{"people", join_list(context, names)}})};
  }

  Values values = work_values(context, ticket);
  // 进度 in private is where the whole of the words is read; posts, notices and a group's 进度 quote
  // their start (a review, 2026-12-07: a long report's 进度 came to its group in five parts).
  if (context.message.is_private || ticket.reported_in_private) {  // a private report's 进度 goes private
    for (auto& [key, value] : values) {
      if (key == "text") value = ticket_words(context, ticket);
    }
  }
  std::string deadlines;
  if (ticket.state == store::TicketState::assigned && ticket.answer_by)
    deadlines += context.text("ticket_progress_answer_by", values);
  if ((ticket.state == store::TicketState::assigned || ticket.state == store::TicketState::accepted ||
       ticket.state == store::TicketState::open) &&
      ticket.solve_by)
    deadlines += context.text("ticket_progress_solve_by", values);
  // Answered in a group (a report made in one): its steps without the words said in private.
  // 物业's group is its workers': it reads the steps as they do.
  const bool in_group = !context.message.is_private && !ticket.reported_in_private &&
                        !context.responders.of_chat(context.message.chat);
  if (ticket.is_closed() && ticket.close_reason && !in_group)
    deadlines += context.text("ticket_progress_close_reason", {{"reason", *ticket.close_reason}});
  // Notes (备注) are for whoever works on it: a group and a resident who only reported it do not read
  // them ("派单 T1 物业 这家比较难缠"; a review, 2026-12-07).
  const bool reads_notes =
      !in_group &&
      (holds_ticket(context, ticket, sender) || leads_ticket(context, ticket, sender) ||
       leads_node_or_above(context, sender, ticket.first_node) || worked_on_ticket(context, ticket, sender));
  std::vector<store::TicketEvent> all = context.tickets.events(ticket.id);
  if (!reads_notes) std::erase_if(all, [](const store::TicketEvent& event) { return event.kind == "noted"; });
  // A resident's complaint about the work is the leaders' to follow up, never read by whoever did
  // the work (the final read, 2026-12-07: the 师傅 read "意见：…乱收费" in 进度).
  const bool reads_complaints =
      !in_group && sender != ticket.resolved_by && sender != ticket.assignee_person &&
      (leads_ticket(context, ticket, sender) || leads_node_or_above(context, sender, ticket.first_node));
  if (!reads_complaints)
    std::erase_if(all, [](const store::TicketEvent& event) {
      return event.kind == "complained" || event.kind == "objected";
    });
  // The ask for anonymity and a complaint's mark are marks, not steps.
  std::erase_if(all, [](const store::TicketEvent& event) {
    return event.kind == "anonymous" || event.kind == "complaint";
  });
  const std::vector<store::TicketEvent> events = steps_worth_showing(std::move(all));
  // A reporter who asked not to be named is 居民 to whoever works it but leads none of its levels, and
  // to a leader the report complains of (a review of stop 65: the neighbour complained about, and the
  // accused leader, read "收到（刘阿姨）" in 进度).
  const std::optional<std::string> hidden =
      sender != ticket.reporter && !leads_ticket(context, ticket, sender) &&
              (report_complains_of(context, ticket, sender) || reporter_asked_anonymity(context, ticket))
          ? std::optional<std::string>(ticket.reporter)
          : std::nullopt;
  std::string history;
  for (std::size_t i = events.size() > kEventsShown ? events.size() - kEventsShown : 0; i < events.size();
       ++i)
    history += (history.empty() ? "" : "\n") + event_line(context, events[i], in_group, hidden);
  // Photos and places that came with the report, by their links, so a leader can open them; not in
  // a group, where a worker's photo of someone's home is no one else's.
  for (const store::TicketAttachment& attachment :
       in_group ? std::vector<store::TicketAttachment>{} : context.tickets.attachments(ticket.id)) {
    const std::string key = "ticket_progress_attachment_" + attachment.kind;
    deadlines += context.text(context.templates.has(key) ? key : "ticket_progress_attachment",
                              {{"content", attachment.content}});
  }
  values.emplace_back("state", state_text(context, ticket));
  values.emplace_back("deadlines", deadlines);
  values.emplace_back("events", history);
  std::string text = context.text("ticket_progress", values);
  // A number left for the worker is masked as the group posts mask it; 物业's group keeps the one to
  // call back (post_about_ticket).
  text = numbers_masked_for(context, context.message.chat,
                            context.message.is_private || ticket.reported_in_private, std::move(text));
  std::vector<Reply> replies = answer_keeping_private(context, std::move(text), ticket.reported_in_private);
  // "催办 T1 刘师傅抓紧" from a leader above whoever holds it: the holder hears (an exploratory run of
  // the workers' side, 2026-12-07: only the leader saw the progress). So does the reporter's own
  // "催办 T1", "催一下 T1", as their unnumbered "催一下" did (an exploratory run of the repair side,
  // stop 69: the numbered chase showed progress and reminded nobody).
  const bool reporter = ticket.reporter == sender;
  const bool leader_above =
      !reporter && !holds_ticket(context, ticket, sender) && leads_ticket(context, ticket, sender);
  if ((reporter || leader_above) && language::chases_own_report(command.text)) {
    std::vector<Reply> nudged = tell_holders_of_chase(context, ticket.number, command.text,
                                                      reporter ? "ticket_chased" : "ticket_chased_by_leader");
    // The resident hears it was passed on only in private: in a group it would tell the neighbours
    // whom their report is with.
    const auto told =
        reporter ? std::find_if(replies.begin(), replies.end(),
                                [&](const Reply& reply) { return reply.chat == private_chat_of(sender); })
                 : replies.begin();
    if (!nudged.empty() && told != replies.end()) {
      std::vector<std::string> names;
      for (const Reply& nudge : nudged)
        names.push_back(display_name(context.people, nudge.mentions.front()));
      told->text += context.text(reporter ? "ticket_chase_passed_on" : "ticket_chase_passed_on_leader",
                                 {{"who", join_list(context, names)}});
    }
    append(replies, std::move(nudged));
  }
  return replies;
}

namespace {

// 微心愿列表: the wishes made in a group that nobody has taken yet, for neighbours to 认领. Anyone may
// ask. A wish made in private stays with the leaders to hand on: its words were not said to a group.
std::vector<Reply> open_wishes(Context& context) {
  const std::string mention = mention_of(context.people, context.message.sender);
  std::optional<store::OrgNode> root = context.message.is_private ? std::nullopt : context.node;
  if (!root && context.community) root = context.org.node(*context.community);
  if (!root)
    return {reply_to_sender(context, context.text("wish_list_none", {{"mention", mention}, {"where", ""}}))};
  std::vector<std::string> ids;
  for (const store::OrgNode& node : subtrees_of(context, {*root}))
    ids.push_back(node.id);
  std::vector<store::Ticket> open = context.tickets.open_at(ids, kCounted);
  std::erase_if(open, [](const store::Ticket& ticket) {
    return ticket.kind != "wish" || ticket.claimed_by || ticket.reported_in_private ||
           ticket.state == store::TicketState::accepted || ticket.state == store::TicketState::resolved;
  });
  if (open.empty())
    return {reply_to_sender(context,
                            context.text("wish_list_none", {{"mention", mention}, {"where", root->name}}))};
  std::string lines;
  for (std::size_t i = 0; i < open.size() && i < kListed; ++i) {
    lines += (i ? "\n" : "") +
             context.text("wish_list_line",
                          {{"ticket", std::to_string(open[i].number)},
                           {"place", ticket_place(context, open[i])},
                           {"text", language::shortened(ticket_words(context, open[i]), kLineChars)}});
  }
  if (open.size() > kListed)
    lines += "\n" + context.text("ticket_list_more", {{"count", std::to_string(open.size() - kListed)}});
  return {reply_to_sender(context, context.text("wish_list", {{"mention", mention},
                                                              {"where", root->name},
                                                              {"count", std::to_string(open.size())},
                                                              {"lines", lines}}))};
}

}  // namespace

std::vector<Reply> handle_tickets(Context& context, const Command& command) {
  if (command.kind == language::TicketKind::wish) return open_wishes(context);
  const std::string& sender = context.message.sender;
  const std::string mention = mention_of(context.people, sender);
  std::string where;
  std::vector<store::Ticket> open;
  std::vector<store::OrgNode> led = nodes_led_by(context, sender);
  // In a group, the group's community only: a leader of another community listed theirs there.
  if (!context.message.is_private && context.community)
    std::erase_if(led, [&](const store::OrgNode& node) { return node.community != *context.community; });
  if (context.responder && context.responders.is_member(context.responder->id, sender)) {
    // In the responder's own chat its members see its tickets.
    where = context.responder->name;
    open = context.tickets.open_of_assignee(std::nullopt, context.responder->id, kCounted);
  } else if (!led.empty()) {
    std::vector<std::string> ids;
    std::vector<std::string> names;
    for (const store::OrgNode& node : subtrees_of(context, led))
      ids.push_back(node.id);
    for (const store::OrgNode& node : led)
      names.push_back(node.name);
    where = join_list(context, names);
    open = context.tickets.open_at(ids, kCounted);
  } else {
    for (const store::ResponderRow& responder : context.responders.of_member(sender)) {
      std::vector<store::Ticket> theirs =
          context.tickets.open_of_assignee(std::nullopt, responder.id, kCounted);
      open.insert(open.end(), theirs.begin(), theirs.end());
      where += (where.empty() ? "" : "、") + responder.name;
    }
    if (where.empty()) {
      // "有几个工单没处理" from a resident, said to the others: theirs, not a request to refuse.
      if (said_in_passing(context.message, command)) return {};
      // "我的单" from a neighbour a job was handed to: their own list, which shows what they hold (a
      // review, 2026-12-07: refused as for leaders only).
      if (!tickets_held_by_sender(context, 1).empty()) return my_tickets(context);
      return {reply_to_sender(context, context.text("ticket_list_no_right", {{"mention", mention}}))};
    }
    std::sort(open.begin(), open.end(),
              [](const store::Ticket& a, const store::Ticket& b) { return a.created_at < b.created_at; });
  }
  if (open.empty())
    return {
        reply_to_sender(context, context.text("ticket_list_none", {{"mention", mention}, {"where", where}}))};
  return {reply_to_sender(context, context.text("ticket_list", {{"mention", mention},
                                                                {"where", where},
                                                                {"count", std::to_string(open.size())},
                                                                {"lines", lines_of(context, open)}}))};
}

}  // namespace whistle::handlers
