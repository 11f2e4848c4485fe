#include "handlers/ticket_intake.hpp"
#include "handlers/report_parties.hpp"

#include <algorithm>
#include <array>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "handlers/addressing.hpp"
#include "handlers/close_objection.hpp"
#include "handlers/complaint_after_rating.hpp"
#include "handlers/danger_answer.hpp"
#include "handlers/danger_follow_up.hpp"
#include "handlers/help.hpp"
#include "handlers/holder_words.hpp"
#include "handlers/language/danger_words.hpp"
#include "handlers/language/dispute_phrases.hpp"
#include "handlers/language/heating_words.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/private_names.hpp"
#include "handlers/language/report_words.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"
#include "handlers/language/volunteer_replies.hpp"
#include "handlers/late_notice.hpp"
#include "handlers/leave_words.hpp"
#include "handlers/ledger_scope.hpp"
#include "handlers/moving_words.hpp"
#include "handlers/own_report_lines.hpp"
#include "handlers/people_names.hpp"
#include "handlers/people_to_turn_to.hpp"
#include "handlers/place_lookup.hpp"
#include "handlers/points_questions.hpp"
#include "handlers/private_task_number.hpp"
#include "handlers/problem_back.hpp"
#include "handlers/redemption.hpp"
#include "handlers/redemption_second_thoughts.hpp"
#include "handlers/repeat_reports.hpp"
#include "handlers/report_in.hpp"
#include "handlers/report_offer.hpp"
#include "handlers/reward_questions.hpp"
#include "handlers/sign_code.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_category.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_note.hpp"
#include "handlers/ticket_rate.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"
#include "handlers/titled_sign_up.hpp"
#include "handlers/titled_task_questions.hpp"
#include "handlers/whistle_offer.hpp"

namespace whistle::handlers {

namespace {

// Whether a place typed in part ("2单元") may mean `found`, seen from the chat's node: only within
// the chat's own branch at the level above `found` (5号楼's group writing "2单元" means 5号楼's
// 2单元, never the one other building that has a 2单元 configured). Whole names are never doubted.
bool partial_place_fits(const Context& context, const std::string& place, const store::OrgNode& found) {
  if (!context.node || found.name == place || found.id == place || found.parent.empty()) return true;
  const std::vector<store::OrgNode> branch = context.org.ancestors_and_self(context.node->id);
  return std::any_of(branch.begin(), branch.end(),
                     [&](const store::OrgNode& node) { return node.id == found.parent; });
}

// The node a typed place names within the community: first within the chat's own subtree ("2单元"
// in 3号楼's group is 3号楼2单元), then anywhere in the community.
std::optional<store::OrgNode> node_of_place(const Context& context, const std::string& place,
                                            const std::string& community) {
  const auto in_community = [&](const std::optional<store::OrgNode>& node) {
    return node && node->community == community;
  };
  if (context.node) {
    std::optional<store::OrgNode> found = node_named(context, place, subtrees_of(context, {*context.node}));
    if (in_community(found)) return found;
  }
  if (std::optional<store::OrgNode> root = context.org.node(community)) {
    std::optional<store::OrgNode> found = node_named(context, place, subtrees_of(context, {*root}));
    if (in_community(found) && partial_place_fits(context, place, *found)) return found;
  }
  return std::nullopt;
}

// In a private chat of someone with roles in several communities the dispatcher knows none; a
// place the text names exactly still tells which.
std::optional<std::string> community_of(const Context& context, const Command& command) {
  if (context.community) return context.community;
  if (!command.place) return std::nullopt;
  if (std::optional<store::OrgNode> node = node_named(context, *command.place, {})) return node->community;
  return std::nullopt;
}

// "报事 我家楼上漏水" from the leader who would get it: they are the party, not the one to handle
// it, so it starts at the level above theirs (an exploratory run of the leaders' side, 2026-12-07:
// the unit's leader was asked to 接单 his own complaint and told it climbed for want of an answer).
// A lamp seen on the way, or the stairwell by one's door, is still theirs to see to. A leader's own
// danger goes above them always: it alerted nobody but themselves (a review, 2026-12-07).
std::string level_for_own_home(Context& context, const store::Ticket& ticket, const std::string& place) {
  bool own_home = false;
  for (const std::string_view home : {"我家", "我们家", "我屋", "我住的"}) {
    own_home = own_home || ticket.text.find(home) != std::string::npos;
  }
  for (const std::string_view shared : {"门口", "楼道", "走廊", "电梯", "单元门", "公共", "那栋", "楼下的"}) {
    own_home = own_home && ticket.text.find(shared) == std::string::npos;
  }
  if (!ticket.danger && !own_home) return place;
  const std::optional<store::OrgNode> led = nearest_led_node(context, place);
  if (!led || first_leader(context, led->id) != ticket.reporter) return place;
  const std::optional<store::OrgNode> other = nearest_node_led_by_another(context, led->id, ticket.reporter);
  return other ? other->id : place;
}

// Whether the report was made with 投诉 or 举报 before its words ("投诉 陈单元长…", "我要投诉陈单元长").
bool said_as_a_complaint(const Command& command) {
  const std::size_t words = command.title ? command.text.find(*command.title) : std::string::npos;
  const std::string_view before =
      std::string_view(command.text).substr(0, words == std::string::npos ? 0 : words);
  return before.find("投诉") != std::string_view::npos || before.find("举报") != std::string_view::npos;
}

// A report about the leader who would receive it ("投诉 陈单元长天天在群里发广告", "我要投诉陈单元长，他
// 根本没来看就说不属实") starts at the nearest level led by someone it does not name: it went to the
// accused, who closed it as 不属实 (an exploratory run of neighbour disputes, 2026-12-07).
std::string level_past_leaders_named(Context& context, const store::Ticket& ticket, std::string level) {
  for (int steps = 0; steps < 8; ++steps) {
    const std::optional<store::OrgNode> led = nearest_led_node(context, level);
    if (!led) return level;
    const std::optional<std::string> leader = first_leader(context, led->id);
    if (!leader || *leader == ticket.reporter || !report_complains_of(context, ticket, *leader)) return level;
    const std::optional<store::OrgNode> other = nearest_node_led_by_another(context, led->id, *leader);
    if (!other) return level;
    level = other->id;
  }
  return level;
}

// Whether a report names a flat: the place it was received at, followed by a number ("3号楼2单元101").
bool gives_a_flat(const store::Ticket& ticket) {
  if (!ticket.place) return false;
  const std::size_t at = ticket.text.find(*ticket.place);
  if (at == std::string::npos) return false;
  const std::size_t after = at + ticket.place->size();
  return after < ticket.text.size() &&
         language::is_ascii_digit(static_cast<unsigned char>(ticket.text[after]));
}

}  // namespace

store::OrgNode receiving_node(const Context& context, const Command& command, const std::string& community) {
  if (command.place) {
    if (std::optional<store::OrgNode> node = node_of_place(context, *command.place, community)) return *node;
  }
  if (context.node) return *context.node;
  if (std::optional<std::string> last =
          context.signups.last_node_of_person(community, context.message.sender)) {
    if (std::optional<store::OrgNode> node = context.org.node(*last)) return *node;
  }
  // Most residents never report in for a task; where they live shows in their own earlier reports:
  // one said in their unit's group, or one that gave their flat ("点单 … 3号楼2单元101"). A report
  // that only named a public spot (5号楼门口的路灯) says nothing of where they live.
  for (const store::Ticket& ticket : context.tickets.of_reporter(context.message.sender, kOwnReportsLooked)) {
    if (ticket.community != community) continue;
    if (!ticket.reported_in_private) {
      if (std::optional<store::OrgNode> node = context.org.node_of_chat(ticket.chat); node && node->level > 0)
        return *node;
      continue;
    }
    if (ticket.first_node != community && gives_a_flat(ticket)) {
      if (std::optional<store::OrgNode> node = context.org.node(ticket.first_node)) return *node;
    }
  }
  // A leader (or a volunteer with no report-in yet) lives where they hold a place: 钱楼栋长's private
  // "报事 我家门口的声控灯坏了" went to the 书记 with no building named (an exploratory run of the
  // leaders' side, 2026-12-07). The deepest such place.
  std::optional<store::OrgNode> held;
  for (const std::string& id : nodes_of_person(context, context.message.sender)) {
    std::optional<store::OrgNode> node = context.org.node(id);
    if (node && node->community == community && node->level > 0 && (!held || node->level > held->level))
      held = std::move(node);
  }
  if (held) return *held;
  if (std::optional<store::OrgNode> node = context.org.node(community)) return *node;
  return store::OrgNode{community, community, 0, "", community};
}

namespace {

std::string location_text(const Location& location) {
  char text[64];
  std::snprintf(text, sizeof text, "%.6f,%.6f", location.lat, location.lon);
  return text;
}

}  // namespace

std::vector<std::string> keep_attachments(const Context& context, const store::Ticket& ticket) {
  std::vector<std::string> kept;
  bool photo = false;
  bool file = false;
  for (const Attachment& attachment : context.message.attachments) {
    context.tickets.add_attachment(ticket.id,
                                   store::TicketAttachment{attachment.type, attachment.url, context.now});
    (attachment.type == "image" ? photo : file) = true;
  }
  if (photo) kept.push_back(context.text("ticket_attachment_photo"));
  if (file) kept.push_back(context.text("ticket_attachment_file"));
  if (context.message.location) {
    context.tickets.add_attachment(
        ticket.id,
        store::TicketAttachment{"location", location_text(*context.message.location), context.now});
    kept.push_back(context.text("ticket_attachment_location"));
  }
  return kept;
}

namespace {

std::string kind_of(language::TicketKind kind) {
  switch (kind) {
    case language::TicketKind::order:
      return "order";
    case language::TicketKind::wish:
      return "wish";
    case language::TicketKind::report:
    case language::TicketKind::danger:
      return "report";
  }
  return "report";
}

// Who has the ticket now, for the reporter's answer.
std::string assignee_text(const Context& context, const store::Ticket& ticket) {
  if (ticket.assignee_person) return display_name(context.people, *ticket.assignee_person);
  if (ticket.assignee_responder) {
    if (std::optional<store::ResponderRow> responder = context.responders.find(*ticket.assignee_responder))
      return responder->name;
  }
  return context.text("ticket_assignee_nobody");
}

// Receives the ticket, routes it and answers the reporter: the replies, the reporter's first.
std::vector<Reply> open_ticket(Context& context, const Command& command, const std::string& community,
                               bool danger) {
  const store::OrgNode place = receiving_node(context, command, community);
  store::Ticket ticket;
  ticket.community = community;
  ticket.kind = kind_of(command.kind.value_or(language::TicketKind::report));
  ticket.danger = danger;
  ticket.first_node = place.id;
  ticket.node = place.id;
  ticket.chat = context.message.chat;
  // "匿名反映 …": the ask is in the command word, which the words lose: the words say so for whoever
  // reads them (the "anonymous" event below is what every view goes by).
  const bool anonymous = language::asks_not_to_be_named(command.text);
  // Said in a group, it is kept as a private report: no group post names its reporter again (an
  // exploratory run, 2026-12-07: the receipt and the 办结 post @-mentioned them in the group).
  ticket.reported_in_private = context.message.is_private || (anonymous && !danger);
  ticket.reporter = context.message.sender;
  ticket.text = language::with_chinese_punctuation(command.title.value_or(command.text));
  if (anonymous && !language::asks_not_to_be_named(ticket.text))
    ticket.text += context.text("ticket_anonymous_mark");
  // Nor does their own name said in the words ("别说是我说的 我叫何建国"): masked where the words are kept,
  // so no view of them — 物业's group, the worker's 派单, reminders, the thanks — reads it (an exploratory
  // run of 物业's side, stop 69, and the review after found it in five of them). The leaders know the
  // reporter by the ticket, not by the words.
  if (anonymous) ticket.text = language::mask_own_name(ticket.text, reporter_names(context, ticket));
  if (command.place) ticket.place = command.place;
  ticket.created_at = context.now;

  // 点单 and 微心愿 follow the general class (design.md); a report takes its category's class.
  const config::Category* category =
      ticket.kind == "report" ? category_of(context.config, ticket.text) : nullptr;
  if (category) ticket.category = category->name;
  ticket.urgency = danger ? "urgent" : category ? category->urgency_class : "general";
  // An e-bike charged indoors is urgent whatever the community's categories say (a review of stop 70: as
  // keywords, "充电桩坏了" paged a leader at night and "飞线给电瓶车充电" stayed general).
  if (ticket.kind == "report" && language::charges_an_ebike_indoors(ticket.text)) ticket.urgency = "urgent";

  ticket = context.tickets.create(ticket);
  forget_report_offer(context);
  context.tickets.add_event(ticket.id,
                            store::TicketEvent{"received", ticket.reporter, ticket.category, context.now});
  // Kept on the ticket, not read from its words or a template's wording (the final read of stop 65).
  if (anonymous)
    context.tickets.add_event(ticket.id,
                              store::TicketEvent{"anonymous", std::nullopt, std::nullopt, context.now});
  // "投诉 陈单元长": said as a complaint, in the command word the words lose (report_complains_of).
  if (said_as_a_complaint(command))
    context.tickets.add_event(ticket.id,
                              store::TicketEvent{"complaint", std::nullopt, std::nullopt, context.now});
  keep_attachments(context, ticket);
  // The solve clock runs from receipt, whoever has the ticket.
  start_solve_clock(context, ticket, context.now);
  context.tickets.save(ticket);

  std::vector<Reply> routed;
  std::optional<store::ResponderRow> responder;
  // 快单: a category that names a responder skips the ladder. A danger goes to the leader, who
  // must hear of it at once.
  if (category && !category->responder.empty() && !danger) {
    responder = context.responders.find(category->responder);
    // The categories are the deployment's; the responder is one community's. Another community's
    // report goes up its own ladder, not into a 物业 group that cannot even find it.
    const std::optional<store::OrgNode> home = responder ? context.org.node(responder->node) : std::nullopt;
    if (!home || home->community != ticket.community) responder.reset();
  }
  if (responder) {
    give_to_responder(context, ticket, *responder, std::nullopt, context.now);
    routed = tell_responder(context, ticket, *responder, context.now);
  } else {
    routed = assign_to_level(
        context, ticket,
        level_past_leaders_named(context, ticket, level_for_own_home(context, ticket, place.id)),
        context.now);
  }

  // A leader who reports in their own place (a resident's call taken down, a lamp seen on the
  // way) has the ticket themselves: one answer that says so, not a notice to themselves beside it.
  const bool own = !danger && ticket.assignee_person == ticket.reporter;
  if (own) {
    const std::string reporter_chat = private_chat_of(ticket.reporter);
    std::erase_if(routed, [&](const Reply& reply) { return reply.chat == reporter_chat; });
  }
  const std::string_view key = danger ? "ticket_received_danger"
                               : own  ? "ticket_received_own"
                               : ticket.reported_in_private
                                   // "别说是我说的": who will read the name, and who will not.
                                   ? (anonymous ? "ticket_received_anonymous" : "ticket_received_private")
                                   : "ticket_received";
  TicketValues values = ticket_values(context, ticket, context.now);
  // "求助 我腿脚不便…" is acknowledged as a call for help, not as 报事.
  if (command.asks_for_help) set_value(values, "kind_name", context.text("ticket_kind_help"));
  values.emplace_back("mention", mention_of(context.people, context.message.sender));
  values.emplace_back("assignee", assignee_text(context, ticket));
  std::string text = context.text(key, values);
  // A wish said in a group is for the neighbours too: they hear how to take it (an exploratory run
  // of month end, 2026-12-06: nobody said).
  if (ticket.kind == "wish" && !ticket.reported_in_private && !own)
    text += "\n" + context.text("ticket_received_wish_claim", values);
  // The group's receipt masks a phone number as the ticket's later posts there do (an exploratory
  // run of the board, 2026-12-07: the receipt repeated it whole, the 办结 post masked it).
  std::vector<Reply> replies;
  if (anonymous && !context.message.is_private && !danger && !own) {
    // The group hears the report is taken, with no name; the reporter reads the receipt, whole, in private.
    replies.push_back(
        Reply{context.message.chat, context.text("ticket_received_anonymous_group", values), {}});
    replies.push_back(Reply{private_chat_of(ticket.reporter), std::move(text), {ticket.reporter}});
  } else {
    text = numbers_masked_for(context, context.message.chat, context.message.is_private, std::move(text));
    replies.push_back(reply_to_sender(context, std::move(text)));
  }
  replies.insert(replies.end(), routed.begin(), routed.end());
  return replies;
}

std::vector<Reply> alert_every_community(Context& context) {
  std::vector<Reply> alerts;
  for (const std::string& community : context.org.communities()) {
    for (const store::Person& leader : context.people.holders(community, store::Role::leader)) {
      alerts.push_back(Reply{private_chat_of(leader.id),
                             context.text("danger_alert_unplaced",
                                          {{"mention", mention_of(context.people, leader.id)},
                                           {"name", display_name(context.people, context.message.sender)},
                                           {"text", context.message.text}}),
                             {leader.id}});
    }
  }
  return alerts;
}

}  // namespace

std::vector<Reply> handle_ticket(Context& context, const Command& command) {
  const bool danger = is_danger_line(context, command);
  if (danger && !is_addressed(context.message, command)) {
    // Said to the others in a group: silence there, the leader of the place hears of it.
    if (!context.node || !context.community) return {};
    std::vector<Reply> replies = withdrawal_beside_danger(context, command);
    append(replies, alert_leader_quietly(context, receiving_node(context, command, *context.community)));
    return replies;
  }

  // "烟越来越大了 怎么还没人来" from whoever reported the fire: the open one's, not a second ticket.
  if (danger) {
    if (auto again = follow_up_on_open_danger(context, command, true)) return std::move(*again);
  }
  std::vector<Reply> replies;
  if (danger) {
    // The emergency numbers first, then the place the danger keeps the volunteer from.
    // The danger's words, which hold a neighbour's line borne out ("「刘阿姨：有煤气味」…我也闻到了").
    replies.push_back(danger_now(context, command.title ? std::string_view(*command.title) : command.text));
    append(replies, withdrawal_beside_danger(context, command));
  }
  // "我要投诉那个师傅" after the lamp was fixed: about that work, not a new report.
  if (!danger) {
    if (auto passed = pass_on_complaint_about_work(context, command)) return std::move(*passed);
  }
  if (!command.title || command.title->empty() || language::says_nothing_yet(*command.title)) {
    if (danger) return replies;
    // "帮我反映一下" right after the bot offered to take a line as a report: that line.
    if (auto opened = open_offered_report(context)) return std::move(*opened);
    replies.push_back(ask_what_happened(context, command));
    return replies;
  }
  const std::optional<std::string> community = community_of(context, command);
  if (!community) {
    replies.push_back(reply_to_sender(
        context,
        context.text("ticket_no_community", {{"mention", mention_of(context.people, context.message.sender)},
                                             {"example", context.text("ticket_example_report")}})));
    // A danger from someone the bot cannot place (a new resident, in a deployment of several
    // communities) must still reach a person: every community's leaders hear it, with who said it.
    if (danger) append(replies, alert_every_community(context));
    return replies;
  }
  // A second neighbour's word on the same fire at the same place: the open ticket's.
  if (danger) {
    if (auto joined =
            join_neighbours_danger(context, command, receiving_node(context, command, *community))) {
      append(replies, std::move(*joined));
      return replies;
    }
  }
  const OpenReportsAt reports = open_reports_at(context, command, *community);
  if (std::optional<store::Ticket> same = same_report_open(context, command, reports)) {
    replies.push_back(reply_to_sender(
        context, context.text("ticket_already_reported",
                              {{"ticket", std::to_string(same->number)},
                               {"mention", mention_of(context.people, context.message.sender)},
                               {"state", context.text("ticket_state_" + std::string(store::ticket_state_name(
                                                                            same->state)))}})));
    return replies;
  }
  // "报修 三号楼二单元电梯坏了" in private, half an hour after the lift's report in the group: asked,
  // not a second ticket counted twice and climbing beside the first (an exploratory run of residents'
  // reports, 2026-12-06). A danger is never held up by a question.
  if (!danger) {
    if (std::optional<Reply> asked = ask_if_same_as_open_report(context, command, reports)) {
      replies.push_back(std::move(*asked));
      return replies;
    }
  }
  std::vector<Reply> opened = open_ticket(context, command, *community, danger);
  replies.insert(replies.end(), opened.begin(), opened.end());
  return replies;
}

std::vector<Reply> handle_unknown_line(Context& context, const Command& command) {
  // "@吹哨 还是没人来" from whoever reported a danger still open: before anything else is read into it.
  if (context.message.is_private || is_addressed(context.message, command)) {
    if (auto again = follow_up_on_open_danger(context, command, false)) return std::move(*again);
  }
  if (std::optional<std::vector<Reply>> rated = rate_by_stars(context, command)) return *rated;
  if (std::optional<std::vector<Reply>> corrected = correct_rating_in_words(context, command))
    return *corrected;
  // The bot's latest question first: "好的谢谢" right after an offer answers it, even with a rating
  // pending from days before.
  if (auto answered = answer_to_report_offer(context, command, OfferReading::yes_or_no))
    return std::move(*answered);
  if (std::optional<std::vector<Reply>> rated = rate_in_plain_words(context, command)) return *rated;
  if (auto passed = pass_on_complaint_about_work(context, command)) return std::move(*passed);
  // "好的 接了", "弄好了 换了个灯泡" from whoever holds a ticket: 接单 and 办结 in their words.
  if (auto answered = answer_holders_words(context, command)) return std::move(*answered);
  // "T1 要等厂家配件 下周才能修": a note on the ticket, never a new report.
  if (auto answered = answer_line_about_ticket(context, command)) return std::move(*answered);
  const Message& message = context.message;
  if (!message.attachments.empty() || message.location) {
    // A photo joins the report just made, unless the bot asked about another since.
    // A worker's photo right after their 办结: the proof, for the ticket just done (an exploratory run
    // of the workers' side, 2026-12-07: asked for its words, and lost).
    if (auto joined = join_photo_to_ticket_just_resolved(context, command)) return std::move(*joined);
    if (std::optional<store::Ticket> ticket = ticket_just_reported(context);
        ticket && !question_kept_since(context, ticket->created_at)) {
      const std::vector<std::string> kept = keep_attachments(context, *ticket);
      context.tickets.add_event(
          ticket->id,
          store::TicketEvent{"attachment", message.sender,
                             command.text.empty() ? std::nullopt : std::optional(command.text), context.now});
      return {reply_to_sender(context, context.text("ticket_attachment_added",
                                                    {{"ticket", std::to_string(ticket->number)},
                                                     {"mention", mention_of(context.people, message.sender)},
                                                     {"what", join_list(context, kept)}}))};
    }
  }
  // "扫雪算我一个", "报名扫雪": the task named by its title.
  if (auto signed_up = sign_up_by_title(context, command)) return std::move(*signed_up);
  // "扫雪几点开始", "@吹哨 几点": the task asked after.
  if (auto answered = answer_titled_task_question(context, command)) return std::move(*answered);
  // "6053" alone: the sign-in code a leader told the volunteers on site.
  if (language::is_all_ascii_digits(command.text)) {
    if (auto checked_in = check_in_by_typed_code(context, command.text)) return std::move(*checked_in);
  }
  // "我来晚了 大概8点半到": the organiser hears it.
  if (auto told = pass_on_late_arrival(context, command)) return std::move(*told);
  // "2" alone in private: a task's number (the reply to the bot's list of them).
  if (auto answered = answer_task_number_alone(context, command)) return std::move(*answered);
  // "请假 2 天", "取消 3 点那场" said to the bot: the place the words fit (among neighbours it is
  // anyone's day off, and silence).
  if (auto left = answer_leave_with_a_count(context, command)) return std::move(*left);
  // "我今天发烧了去不了了" said to the bot by someone holding a place (an exploratory run of a week's
  // rota, 2026-12-07: 没看懂, and both sick volunteers were made 失约 while the one waiting stayed).
  if (auto left = answer_cannot_come(context, command)) return std::move(*left);
  // "怎么就不属实了？", "我要申诉" from the reporter of a report closed lately.
  if (auto objected = pass_on_objection_to_close(context, command)) return std::move(*objected);
  // "我发烧了 去不了了" said to the bot by the neighbour who took an errand (a ticket) and holds no
  // task's place: how to hand the job back (an exploratory run of the leaders' side, 2026-12-07:
  // 没看懂). Only a line that ends on not going: a first draft that read any such words left task
  // places on "请假1小时 晚点到" and "我腿摔伤了 去不了医院了" (a final read, 2026-12-07).
  if (message.is_private && context.community && language::ends_on_not_going(command.text) &&
      context.signups.open_of_person(*context.community, message.sender).empty()) {
    if (auto job = answer_holder_cannot_go(context)) return std::move(*job);
  }
  // "VA7B" alone: a pickup code the service center's staff read off a volunteer's phone.
  if (auto picked_up = pickup_by_code_alone(context, command.text)) return std::move(*picked_up);
  // The line after "我想报个修", or more words about a trouble just offered.
  if (auto answered = answer_to_report_offer(context, command, OfferReading::anything))
    return std::move(*answered);
  if (!command.text.empty() && is_danger_line(context, command)) {
    // A community's own danger word the parser does not know: a danger report like any other.
    Command danger = command;
    danger.intent = Intent::ticket;
    danger.kind = language::TicketKind::danger;
    danger.implicit = true;
    danger.title = command.text;
    std::vector<std::string> names;
    for (const store::OrgNode& node : context.org.all_nodes())
      names.push_back(node.name);
    if (const auto place = language::find_place(command.text, language::PlaceNames(std::move(names))))
      danger.place = place->name;
    return handle_ticket(context, danger);
  }
  // "补充一下，是3楼不是2楼" in the group right after one's report there: lost before, and the holder
  // went to the 2nd floor (an exploratory run, 2026-12-06).
  if (auto added = add_to_own_report_in_group(context, command)) return std::move(*added);
  if (message.is_private || is_addressed(message, command)) {
    // A resident's words about their own report: added to it, asking after it, or taking it back.
    // A hazard feared ("楼道堆了好多纸箱 容易着火") is a trouble to report, though no danger.
    const bool names_trouble =
        category_of(context.config, command.text) != nullptr || language::describes_trouble(command.text) ||
        language::without_fears(command.text).has_value() || language::tells_cold_home(command.text);
    // "又漏了", "没修好" after one's report was closed: that report offered again, named.
    if (auto again = offer_report_again(context, command)) return {std::move(*again)};
    if (auto answered = answer_about_own_report(context, command, names_trouble)) return std::move(*answered);
    // "扫雪的积分什么时候到账", "扫雪给多少分": one's own points, or how they are earned.
    if (auto answered = answer_points_question(context, command)) return std::move(*answered);
    // "供暖费怎么交", "什么时候开始供暖": whom to ask, not a report of the question.
    if (std::optional<Reply> heating = answer_heating_question(context, command))
      return {std::move(*heating)};
    // "这个是不是骗子", "刘师傅是物业的吗": what the community never does and whom to check with.
    if (std::optional<Reply> scam = answer_scam_question(context, command)) return {std::move(*scam)};
    // "押金不退怎么办", "房东说要涨房租 合理吗": the community mediates; not a report to file.
    if (!names_trouble) {
      if (std::optional<Reply> rent = answer_rent_dispute(context, command)) return {std::move(*rent)};
    }
    // "我搬家了，现在住5号楼1单元", "我搬走了，积分还能用吗".
    // A trouble said with it ("我搬到3号楼了 楼道灯坏了") is the report.
    if (!names_trouble) {
      if (auto moved = answer_about_moving(context, command)) return std::move(*moved);
    }
    // "你好，我是新来的单元长，怎么用", a leader's "帮我发个通知": how, not an offer of a report.
    if (auto answered = answer_newcomers_question(context, command)) return std::move(*answered);
    // "不要了", "换错了" right after a redemption: whether to cancel it.
    if (auto asked = ask_about_redemption_just_made(context, command)) return std::move(*asked);
    // "帮我妈兑换大米": points are their owner's; the code may be handed on. A trouble is offered as
    // a report first.
    if (!names_trouble) {
      if (auto told = answer_redeeming_for_someone_else(context, command)) return std::move(*told);
    }
    // "大米还有吗", "我的积分够换大米吗": the catalog has the answer.
    if (auto answered = answer_reward_question(context, command)) return std::move(*answered);
    // An elderly resident writes "楼上漏水到我家了" with no 报事, to the bot in private or by name in
    // the group: offered the report in their own words, not a menu of check-ins. A photo alone is
    // asked for its words.
    const std::string mention = mention_of(context.people, message.sender);
    // Someone the bot cannot place in a community is told how to report, not offered what a yes
    // could not open.
    const bool placeable = context.community || !context.person_communities.empty();
    if (!command.text.empty() && !placeable && message.is_private &&
        (names_trouble || language::asks_for_service(command.text) ||
         language::wishes_for_thing(command.text))) {
      return {reply_to_sender(
          context, context.text("ticket_no_community",
                                {{"mention", mention}, {"example", context.text("ticket_example_report")}}))};
    }
    if (!command.text.empty()) {
      if (names_trouble && language::calls_for_help_now(command.text))
        return report_at_once(context, command.text);
      // "@吹哨 别说是我说的，我家楼上漏水" in a group: asked back there, the offer quoted the words with
      // the reporter's name (a review of stop 67). Asked not to be named, the report is made at once,
      // and answered as an anonymous one is.
      if (names_trouble && !message.is_private && language::asks_not_to_be_named(command.text))
        return report_at_once(context, command.text);
      // "@吹哨 下雪了 大家出来扫雪", "明天上午大家一起清理楼道杂物" from the group's leader: a whistle
      // offered, not a report or a 点单; a trouble without the work to call for stays a report offered
      // ("各位邻居 帮忙看一下谁的车挡住消防通道了").
      if (auto offered = offer_whistle(context, command)) return {std::move(*offered)};
      if (names_trouble) return {offer_report(context, command.text)};
      // "帮我买药", "想要一副老花镜": a 点单 or a 微心愿 in their words.
      if (language::asks_for_service(command.text))
        return {offer_report(context, command.text, language::TicketKind::order)};
      if (language::wishes_for_thing(command.text))
        return {offer_report(context, command.text, language::TicketKind::wish)};
    }
    // A place shared alone is no photo (an exploratory run of the platforms, 2026-12-07).
    if (command.text.empty() && (!message.attachments.empty() || message.location))
      return {reply_to_sender(
          context, context.text(message.attachments.empty() ? "unknown_location" : "unknown_attachment",
                                {{"mention", mention}}))};
  }
  if (auto nudged = nudge_to_rate(context, command)) return std::move(*nudged);
  return handle_unknown(context, command);
}

}  // namespace whistle::handlers
