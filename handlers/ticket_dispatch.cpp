// 派单: a leader hands a ticket to a person (@王五) or a responder (物业) with a fresh answer window.

#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/named_people.hpp"
#include "handlers/numbers_listed.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_parties.hpp"
#include "handlers/rights.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_lookup.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// A leader of the ticket's level or above; or its holder when the holder is a leader somewhere
// (a building leader who was handed it passes it on to a neighbour who can fix it).
bool may_dispatch(Context& context, const store::Ticket& ticket) {
  const std::string& sender = context.message.sender;
  if (leads_ticket(context, ticket, sender)) return true;
  return ticket.assignee_person == sender && !nodes_led_by(context, sender).empty();
}

std::string responder_names(Context& context, const store::Ticket& ticket) {
  std::vector<std::string> names;
  for (const store::ResponderRow& responder : context.responders.of_community(ticket.community))
    names.push_back(responder.name);
  return names.empty() ? context.text("ticket_nobody") : join_list(context, names);
}

bool serves_elsewhere_only(Context& context, const std::string& person, const std::string& community) {
  bool elsewhere = false;
  for (store::Role role : {store::Role::leader, store::Role::staff, store::Role::volunteer}) {
    for (const std::string& id : context.people.nodes_with_role(person, role)) {
      const std::optional<store::OrgNode> node = context.org.node(id);
      if (!node) continue;
      if (node->community == community) return false;
      elsewhere = true;
    }
  }
  return elsewhere;
}

}  // namespace

std::vector<Reply> handle_dispatch(Context& context, const Command& command) {
  // "派单 T1 T2 T3 物业": the tickets listed, then whom; the words read T2 as the unit ("没有叫「T2」
  // 的单位": an exploratory run of winter, stop 67, with a whole building's radiators cold). A note
  // after whom goes with each ("派单 T1 T2 物业 这家比较难缠").
  if (command.ticket && command.responder && command.mentions.empty()) {
    const std::string words = *command.responder + (command.reason ? " " + *command.reason : "");
    const NumbersListed listed = tickets_listed(words, *command.ticket);
    if (!listed.more.empty()) {
      const std::string_view remark = language::trim_spaces(listed.remark);
      const std::size_t space = remark.find(' ');
      Command first = command;
      first.responder = std::string(remark.substr(0, space));
      if (first.responder->empty()) first.responder.reset();
      std::optional<std::string> note;
      if (space != std::string_view::npos)
        note = std::string(language::trim_spaces(remark.substr(space + 1)));
      return for_each_number_listed(context, first, &Command::ticket, listed.more, handle_dispatch,
                                    std::move(note));
    }
  }
  // "派单 T1 T2 @刘师傅 抓紧": each to the one named, with the note; so "T1 T2 T3 一起派给物业".
  if (const NumbersListed listed = further_ticket_numbers(command);
      !listed.more.empty() && (!command.mentions.empty() || !command.more_tickets.empty())) {
    std::optional<std::string> note;
    if (!language::trim_spaces(listed.remark).empty())
      note = std::string(language::trim_spaces(listed.remark));
    return for_each_number_listed(context, command, &Command::ticket, listed.more, handle_dispatch,
                                  std::move(note));
  }
  std::vector<Reply> replies;
  std::optional<store::Ticket> found = workable_ticket(context, command, replies);
  if (!found) return replies;
  store::Ticket& ticket = *found;
  if (!may_dispatch(context, ticket)) return {no_right(context, ticket, command.intent, false)};

  const std::string& sender = context.message.sender;
  std::optional<std::string> person;
  std::optional<store::ResponderRow> responder;
  // "派单 T1 刘师傅", "派单 T1 张三": a person's name typed without an '@' where a responder's would
  // stand (an exploratory run of the leaders' side, 2026-12-07: "没有叫张三的单位").
  Command typed_person = command;
  std::vector<NamedPerson> named;
  if (command.mentions.empty() && command.responder &&
      !responder_named(context, ticket.community, *command.responder)) {
    typed_person.mentions = {*command.responder};
    named = named_people(context, typed_person);
    if (named.size() != 1 || (!named.front().id && named.front().namesakes < 2)) {
      typed_person.mentions.clear();
      named.clear();
    }
    // "派单 T1 何大爷？" asks; "派单 T1 何大爷 张三" names two (a review, 2026-12-07: each dispatched).
    if (!typed_person.mentions.empty() && command.text.find('?') != std::string::npos)
      return {work_reply(context, ticket, "ticket_dispatch_asked", {{"name", *command.responder}})};
    if (!typed_person.mentions.empty() && command.reason) {
      Command second = command;
      second.mentions = {std::string(language::trim_spaces(*command.reason))};
      const std::vector<NamedPerson> other = named_people(context, second);
      if (other.size() == 1 && (other.front().id || other.front().namesakes > 1))
        return {work_reply(context, ticket, "ticket_dispatch_one_person", {{"name", *command.responder}})};
    }
  }
  if (!typed_person.mentions.empty()) {
    if (named.empty()) named = named_people(context, typed_person);  // the @-mentions, read once
    // A ticket has one holder: "派单 T1 @何大爷 @张三" gave it to the first and dropped the second
    // unsaid (the same run). Helpers are the holder's to find.
    if (named.size() > 1)
      return {work_reply(context, ticket, "ticket_dispatch_one_person",
                         {{"name", named.front().id ? display_name(context.people, *named.front().id)
                                                    : named.front().typed}})};
    if (named.empty() || !named.front().id) {
      const std::string typed = named.empty() ? typed_person.mentions.front() : named.front().typed;
      const std::size_t namesakes = named.empty() ? 0 : named.front().namesakes;
      return {work_reply(context, ticket,
                         namesakes > 1 ? "ticket_dispatch_namesakes" : "ticket_dispatch_unknown_person",
                         {{"name", typed}, {"count", std::to_string(namesakes)}})};
    }
    person = named.front().id;
    // Someone who holds roles in other communities only is not this community's to send a ticket
    // to: their own T1 is another ticket, and their 接单 T1 in private took that one.
    if (serves_elsewhere_only(context, *person, ticket.community))
      return {work_reply(context, ticket, "ticket_dispatch_other_community",
                         {{"name", display_name(context.people, *person)}})};
    // Someone the bot has never heard speak is named as the leader typed them, not by an id.
    const std::optional<store::Person> known = context.people.find(*person);
    if ((!known || known->name.empty()) && named.front().typed != local_part(*person))
      context.people.touch(*person, named.front().typed, context.now);
  } else if (command.responder) {
    responder = responder_named(context, ticket.community, *command.responder);
    if (!responder) {
      return {work_reply(context, ticket, "ticket_dispatch_unknown_responder",
                         {{"name", *command.responder}, {"responders", responder_names(context, ticket)}})};
    }
  } else {
    return {work_reply(context, ticket, "ticket_dispatch_who")};
  }

  const store::Ticket before = ticket;
  if (person) {
    give_to_person(context, ticket, *person, sender, context.now);
  } else {
    give_to_responder(context, ticket, *responder, sender, context.now);
  }

  const std::string dispatcher = display_name(context.people, sender);
  replies.push_back(work_reply(context, ticket, "ticket_dispatch_done"));
  // Given to the one who reported it: fine when they fix it themselves, but it is said, since they
  // will not be asked to rate it (the same run: nothing pointed it out).
  if (person && *person == ticket.reporter && *person != sender) {
    const std::string to_reporter =
        context.text("ticket_dispatch_to_reporter_note", {{"name", display_name(context.people, *person)}});
    // A private report's reporter is never named in a group (a review, 2026-12-07: the note told the
    // unit's group who had complained): the leader reads it in private.
    if (ticket.reported_in_private && !context.message.is_private) {
      replies.push_back(
          Reply{private_chat_of(sender),
                context.text("ticket_dispatch_to_reporter_private",
                             {{"ticket", std::to_string(ticket.number)}, {"note", to_reporter}}),
                {sender}});
    } else {
      replies.back().text += to_reporter;
    }
  }
  // Given to someone the report names ("张三家的狗天天在楼道拉屎" sent to 张三): the complaint reaches
  // whom it is about, which the leader may mean, but is told (an exploratory run of neighbour
  // disputes, 2026-12-07). Said to the leader alone.
  if (person && *person != ticket.reporter && *person != sender) {
    if (report_names(context, ticket, *person)) {
      const std::string name = display_name(context.people, *person);
      replies.push_back(Reply{private_chat_of(sender),
                              context.text("ticket_dispatch_named_in_report",
                                           {{"ticket", std::to_string(ticket.number)}, {"name", name}}),
                              {sender}});
    }
  }
  // "派单 T1 物业 是3楼 东边那扇": what the one who goes must know. It was read and dropped (an
  // exploratory run of the workers' side, 2026-12-07); now it is kept in the history and told to
  // whoever gets it, not to the level's groups.
  std::string note;
  if (command.reason && !language::is_filler(*command.reason)) {
    record_event(context, ticket, "noted", *command.reason);
    note = context.text("ticket_dispatch_note", {{"dispatcher", dispatcher}, {"note", *command.reason}});
  }
  if (person) {
    if (*person != sender) {
      Values values = work_values(context, ticket);
      values.emplace_back("dispatcher", dispatcher);
      // Whom the job is for: the one who must call or go needs the name, told in private (an
      // exploratory run of month end, 2026-12-06: a private 点单 reached a volunteer as 需要人帮忙取一下药
      // and no more).
      // Not the name of one who asked not to be named (an exploratory run of neighbour disputes,
      // 2026-12-07: "别说是我说的" reached the neighbour complained about with 反映人：刘阿姨).
      values.emplace_back("reporter", reporter_asked_anonymity(context, ticket)
                                          ? context.text("ticket_reporter_anonymous")
                                          : display_name(context.people, ticket.reporter));
      set_value(values, "mention", mention_of(context.people, *person));  // the new holder here
      replies.push_back(Reply{
          private_chat_of(*person), context.text("ticket_dispatched_to_person", values) + note, {*person}});
    }
  } else {
    std::vector<Reply> told = tell_responder(context, ticket, *responder, context.now);
    for (Reply& reply : told)
      // 物业's group reads no ID number, the leader's words included (a final read, 2026-12-07).
      reply.text += numbers_masked_for(context, reply.chat, !context.responders.of_chat(reply.chat), note);
    append(replies, std::move(told));
  }
  append(replies, tell_displaced(context, before, ticket));
  Values values = work_values(context, ticket);
  values.emplace_back("dispatcher", dispatcher);
  values.emplace_back("reporter", reporter_for_group(context, ticket));
  // The reporter is named only in the group they reported in: a complaint about 601 made in one
  // unit's group, dispatched or climbed into 601's own group, named the neighbour who complained.
  Values elsewhere = values;
  set_value(elsewhere, "reporter", context.text("ticket_reporter_private"));
  std::vector<std::string> holder_only;
  if (person) holder_only.push_back(*person);
  for (const std::string& chat : context.org.chats_of(ticket.node)) {
    if (chat == context.message.chat) continue;
    const bool reporters_own = chat == ticket.chat;
    Reply post{chat, context.text("ticket_dispatched_group", reporters_own ? values : elsewhere),
               reporters_own ? group_mentions(ticket, person) : holder_only};
    append(replies, post_about_ticket(context, ticket, std::move(post), context.now));
  }
  return replies;
}

}  // namespace whistle::handlers
