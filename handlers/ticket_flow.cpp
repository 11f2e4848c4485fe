#include "handlers/ticket_flow.hpp"

#include "handlers/deferred_posts.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "handlers/language/private_names.hpp"
#include "handlers/language/private_numbers.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_parties.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_clock.hpp"

namespace whistle::handlers {

namespace {

constexpr std::int64_t kHour = 3600;

bool pauses(const store::Ticket& ticket) {
  return class_pauses_at_night(ticket.urgency);
}

std::int64_t clock_deadline(const Services& services, const store::Ticket& ticket, std::int64_t start,
                            std::int64_t seconds) {
  return deadline_after(start, seconds, pauses(ticket), services.config.rules.quiet_hours,
                        services.config.locale.utc_offset_seconds);
}

// A fresh answer window for whoever has the ticket now: its deadline, and a reminder when three
// quarters of it have run.
void start_answer_window(const Services& services, store::Ticket& ticket, std::int64_t now) {
  const std::int64_t window = std::int64_t{services.config.rules.answer_hours} * kHour;
  ticket.assigned_at = now;
  ticket.answer_by = clock_deadline(services, ticket, now, window);
  const std::string payload = ticket_job_payload(ticket, ticket.stage);
  services.jobs.schedule_once(std::string(kTicketAnswerReminder), ticket.community,
                              clock_deadline(services, ticket, now, window * 3 / 4), payload);
  services.jobs.schedule_once(std::string(kTicketAnswerDeadline), ticket.community, *ticket.answer_by,
                              payload);
}

std::string why_text(const Services& services, ClimbCause cause, const std::optional<std::string>& by) {
  switch (cause) {
    case ClimbCause::answer_deadline:
      return services.text("ticket_why_answer_deadline",
                           {{"hours", std::to_string(services.config.rules.answer_hours)}});
    case ClimbCause::solve_deadline:
      return services.text("ticket_why_solve_deadline");
    case ClimbCause::by_hand:
      return services.text("ticket_why_by_hand", {{"name", by ? display_name(services.people, *by) : ""}});
    case ClimbCause::reopened:
      return services.text("ticket_why_reopened");
  }
  return "";
}

// The level a ticket climbs to from where it is, or empty at the top.
struct ClimbTarget {
  std::optional<store::OrgNode> node;
  std::optional<store::ResponderRow> responder;
};

bool sent_back_by(const Services& services, const store::Ticket& ticket,
                  const store::ResponderRow& responder) {
  if (ticket.sent_back == 0) return false;
  for (const store::TicketEvent& event : services.tickets.events(ticket.id)) {
    if (event.kind == "sent_back" && event.actor && services.responders.is_member(responder.id, *event.actor))
      return true;
  }
  return false;
}

ClimbTarget climb_target(const Services& services, const store::Ticket& ticket) {
  if (ticket.assignee_responder && !ticket.dispatched_by) {
    // Sent straight to a responder (its class's 快单) and not answered: into the ladder at the
    // ticket's level, whose leader has not had it yet; the community's default responder, reached
    // by climbing, is the top itself.
    std::optional<store::OrgNode> node = services.org.node(ticket.node);
    if (node && node->level == 0 && ticket.climbs > 0) return {};
    if (std::optional<store::OrgNode> led = nearest_led_node(services, ticket.node))
      return {led, std::nullopt};
    return {};
  }
  // A person, or a responder a leader dispatched it to, let the window pass: the level above the
  // one that dispatched it, as "what a level cannot solve in time climbs to the next" says.
  const std::vector<store::OrgNode> up = services.org.ancestors_and_self(ticket.node);
  for (std::size_t i = 1; i < up.size(); ++i) {
    if (first_leader(services, up[i].id)) return {up[i], std::nullopt};
  }
  // A 微心愿 (reading glasses for an old neighbour) is nothing for 物业: the community is its top. So
  // is a 点单, a need for a volunteer's hands (someone to talk to, groceries carried up: an exploratory
  // run of old people living alone, stop 68, found 物业's group reading "一个人住 腿脚不好" and the
  // worker sending it back). Nor is a danger to life, which stays with the leaders (an exploratory run
  // of residents' reports, 2026-12-06: a fall nobody took at the community was handed to 物业 at 05:10).
  if (ticket.kind == "wish" || ticket.kind == "order" || ticket.danger) return {};
  const std::vector<store::ResponderRow> responders = services.responders.of_community(ticket.community);
  // The default responder that just let it pass is no higher level: this is the top. Nor is one
  // that sent it back as not theirs: handing it back to them went round 物业 → 社区 → 物业.
  if (!responders.empty() && responders.front().id != ticket.assignee_responder &&
      !sent_back_by(services, ticket, responders.front()))
    return {std::nullopt, responders.front()};
  return {};
}

// A post kept for the morning goes out only if the ticket is still at the stage it tells of.
std::string kept_post(const store::Ticket& ticket, const Reply& post) {
  return handlers::kept_post(post, ticket_stage_condition(ticket.id, ticket.stage));
}

}  // namespace

std::string ticket_job_payload(const store::Ticket& ticket, std::int64_t number) {
  return std::to_string(ticket.id) + ":" + std::to_string(number);
}

std::optional<TicketJobTarget> parse_ticket_job_payload(const std::string& payload) {
  const std::size_t colon = payload.find(':');
  if (colon == std::string::npos) return std::nullopt;
  TicketJobTarget target;
  const char* first = payload.data();
  const char* middle = first + colon;
  const char* last = first + payload.size();
  if (std::from_chars(first, middle, target.ticket_id).ptr != middle) return std::nullopt;
  if (std::from_chars(middle + 1, last, target.number).ptr != last) return std::nullopt;
  return target;
}

std::string ticket_place(const Services& services, const store::Ticket& ticket) {
  const std::optional<store::OrgNode> node = services.org.node(ticket.first_node);
  if (ticket.place && !ticket.place->empty()) {
    // "2单元" typed in 3号楼's group is shown as 3号楼2单元: the grid and the community read the
    // lists of many buildings.
    if (node && node->name.size() > ticket.place->size() && node->name.ends_with(*ticket.place))
      return node->name;
    return *ticket.place;
  }
  return node ? node->name : ticket.first_node;
}

std::string ticket_words(const Services& services, const store::Ticket& ticket) {
  // The place as shown, or as typed when the shown one is longer ("2单元…" shown under 3号楼2单元).
  for (const std::string& place : {ticket_place(services, ticket), ticket.place.value_or(std::string())}) {
    if (place.empty() || !ticket.text.starts_with(place)) continue;
    const std::string_view rest = language::without_words_at_start(
        std::string_view(ticket.text).substr(place.size()), {" ", ",", ":", "，", "：", "的"});
    return rest.empty() ? ticket.text : std::string(rest);
  }
  return ticket.text;
}

std::optional<std::string> first_leader(const Services& services, const std::string& node) {
  std::vector<store::Person> leaders = services.people.holders(node, store::Role::leader);
  if (leaders.empty()) return std::nullopt;
  return leaders.front().id;
}

std::optional<store::OrgNode> nearest_led_node(const Services& services, const std::string& node) {
  for (const store::OrgNode& level : services.org.ancestors_and_self(node)) {
    if (first_leader(services, level.id)) return level;
  }
  return std::nullopt;
}

std::optional<store::OrgNode> nearest_node_led_by_another(const Services& services, const std::string& node,
                                                          const std::string& person) {
  for (const store::OrgNode& level : services.org.ancestors_and_self(node)) {
    const std::optional<std::string> leader = first_leader(services, level.id);
    if (leader && *leader != person) return level;
  }
  return std::nullopt;
}

bool holds_ticket(const Services& services, const store::Ticket& ticket, const std::string& person) {
  if (ticket.assignee_person == person) return true;
  if (ticket.claimed_by == person) return true;
  return ticket.assignee_responder && services.responders.is_member(*ticket.assignee_responder, person);
}

bool leads_ticket(const Services& services, const store::Ticket& ticket, const std::string& person) {
  // A complaint about a leader is not theirs to take, send on, finish or close (the final read of
  // stop 65: 陈单元长 took over the complaint about himself and closed it as 不属实).
  if (report_complains_of(services, ticket, person)) return false;
  // The place's own leaders keep their say after the ticket climbed past them: the building
  // leader of 3号楼 may still take or finish a 3号楼 ticket that the grid now answers for.
  return leads_node_or_above(services, person, ticket.node) ||
         (ticket.first_node != ticket.node && leads_node_or_above(services, person, ticket.first_node));
}

std::optional<store::OrgNode> lowest_level_led_by(const Services& services, const store::Ticket& ticket,
                                                  const std::string& person) {
  for (const store::OrgNode& level : services.org.ancestors_and_self(ticket.first_node)) {
    if (services.people.has_role(person, level.id, store::Role::leader)) return level;
  }
  return std::nullopt;
}

void take_over(const Services& services, store::Ticket& ticket, const std::string& person) {
  ticket.assignee_person = person;
  ticket.assignee_responder.reset();
  if (ticket.claimed_by != person) ticket.claimed_by.reset();
  // The ticket sits at the level of whoever holds it, so a later climb starts above them.
  if (std::optional<store::OrgNode> level = lowest_level_led_by(services, ticket, person))
    ticket.node = level->id;
}

bool can_climb(const Services& services, const store::Ticket& ticket) {
  const ClimbTarget target = climb_target(services, ticket);
  return target.node || target.responder;
}

std::int64_t first_answer_deadline(const Services& services, const store::Ticket& ticket) {
  return clock_deadline(services, ticket, ticket.created_at,
                        std::int64_t{services.config.rules.answer_hours} * kHour);
}

bool worked_on_ticket(const Services& services, const store::Ticket& ticket, const std::string& person) {
  for (const store::TicketEvent& event : services.tickets.events(ticket.id)) {
    if (event.kind == "accepted" && event.actor == person) return true;
  }
  return false;
}

std::optional<std::string> dispatched_to(const Services& services, const store::Ticket& ticket,
                                         const std::string& person) {
  constexpr std::string_view kResponder = "responder:";
  std::optional<std::string> sent;
  for (const store::TicketEvent& event : services.tickets.events(ticket.id)) {
    // A 派单 names who sent it; a climb or a report's own assignment hands it on for nobody.
    if (event.kind != "assigned" || !event.actor || !event.note) continue;
    const std::string& to = *event.note;
    const bool answers =
        to == person ||
        (to.starts_with(kResponder) && services.responders.is_member(to.substr(kResponder.size()), person));
    sent = answers ? std::optional(to) : std::nullopt;
  }
  return sent;
}

void give_back(store::Ticket& ticket, const std::string& sent_to) {
  constexpr std::string_view kResponder = "responder:";
  if (sent_to.starts_with(kResponder)) {
    ticket.assignee_person.reset();
    ticket.assignee_responder = sent_to.substr(kResponder.size());
  } else {
    ticket.assignee_person = sent_to;
    ticket.assignee_responder.reset();
  }
}

void give_to_person(const Services& services, store::Ticket& ticket, const std::string& person,
                    const std::optional<std::string>& dispatched_by, std::int64_t now, Claim claim) {
  ticket.assignee_person = person;
  ticket.assignee_responder.reset();
  // Who handed it on last: a 退回 goes back to them. A deadline climb hands it on for nobody.
  ticket.dispatched_by = dispatched_by;
  // A 微心愿 handed to someone is theirs to fulfil (and earn for); a claimer who no longer holds
  // it earns nothing for it and may not send it back. A climb leaves it with whoever took it: the
  // overdue notice asks them to finish it, and the resident's 满意 pays them.
  if (claim == Claim::stays) {
    // claimed_by as it was
  } else if (ticket.kind == "wish" && dispatched_by) {
    ticket.claimed_by = person;
  } else if (ticket.claimed_by != person) {
    ticket.claimed_by.reset();
  }
  ticket.state = store::TicketState::assigned;
  ++ticket.stage;
  start_answer_window(services, ticket, now);
  services.tickets.save(ticket);
  record_ticket_event(services, ticket, "assigned", dispatched_by, person, now);
}

void give_to_responder(const Services& services, store::Ticket& ticket, const store::ResponderRow& responder,
                       const std::optional<std::string>& dispatched_by, std::int64_t now) {
  ticket.assignee_person.reset();
  ticket.assignee_responder = responder.id;
  ticket.dispatched_by = dispatched_by;
  ticket.claimed_by.reset();
  ticket.state = store::TicketState::assigned;
  ++ticket.stage;
  start_answer_window(services, ticket, now);
  services.tickets.save(ticket);
  record_ticket_event(services, ticket, "assigned", dispatched_by, "responder:" + responder.id, now);
}

std::vector<Reply> tell_responder(const Services& services, const store::Ticket& ticket,
                                  const store::ResponderRow& responder, std::int64_t now) {
  auto values = ticket_values(services, ticket, now);
  values.emplace_back("responder", responder.name);
  std::vector<Reply> replies;
  for (const std::string& chat : responder.chats) {
    std::vector<Reply> posted = post_about_ticket(
        services, ticket, Reply{chat, services.text("ticket_to_responder", values), {}}, now);
    replies.insert(replies.end(), posted.begin(), posted.end());
  }
  for (const std::string& member : responder.members) {
    auto private_values = values;
    private_values.emplace_back("mention", mention_of(services.people, member));
    replies.push_back(Reply{
        private_chat_of(member), services.text("ticket_to_responder_member", private_values), {member}});
  }
  return replies;
}

std::vector<Reply> assign_to_level(const Services& services, store::Ticket& ticket, const std::string& node,
                                   std::int64_t now) {
  if (std::optional<store::OrgNode> led = nearest_led_node(services, node)) {
    const std::string leader = *first_leader(services, led->id);
    ticket.node = led->id;
    give_to_person(services, ticket, leader, std::nullopt, now);
    auto values = ticket_values(services, ticket, now);
    values.emplace_back("mention", mention_of(services.people, leader));
    // A danger report reads as one: the leader must not mistake it for a lamp. At the top there is
    // no 社区 above to climb to.
    const bool top = led->parent.empty();
    std::vector<Reply> replies{Reply{
        private_chat_of(leader),
        services.text(!ticket.danger ? "ticket_to_leader"
                                     : (top ? "ticket_to_leader_danger_top" : "ticket_to_leader_danger"),
                      values),
        {leader}}};
    // The top leader's own danger has nobody above: the staff of that level hear of it (an exploratory
    // run of emergencies, 2026-12-07: the 书记's fire was sent to himself, and 周主任 never knew).
    if (ticket.danger && leader == ticket.reporter) {
      for (const store::Person& staff : services.people.holders(led->id, store::Role::staff)) {
        if (staff.id == ticket.reporter) continue;
        auto staff_values = ticket_values(services, ticket, now);
        staff_values.emplace_back("mention", mention_of(services.people, staff.id));
        staff_values.emplace_back("reporter", display_name(services.people, ticket.reporter));
        replies.push_back(Reply{
            private_chat_of(staff.id), services.text("ticket_to_staff_danger", staff_values), {staff.id}});
      }
    }
    return replies;
  }
  const std::vector<store::ResponderRow> responders = services.responders.of_community(ticket.community);
  if (!responders.empty()) {
    ticket.node = ticket.community;
    give_to_responder(services, ticket, responders.front(), std::nullopt, now);
    return tell_responder(services, ticket, responders.front(), now);
  }
  // Nobody at all to give it to: it stays open at the community, and `whistle check` names it.
  ticket.node = ticket.community;
  ticket.state = store::TicketState::open;
  services.tickets.save(ticket);
  record_ticket_event(services, ticket, "unassigned", std::nullopt, std::nullopt, now);
  return {};
}

std::optional<store::OrgNode> climb_level(const Services& services, const store::Ticket& ticket) {
  return climb_target(services, ticket).node;
}

std::vector<Reply> tell_top_overdue(const Services& services, const store::Ticket& ticket,
                                    const std::string& why, const std::optional<std::string>& by,
                                    std::int64_t now) {
  std::vector<Reply> replies;
  std::vector<std::string> leaders = leaders_up_from(services, ticket.community);
  auto values = ticket_values(services, ticket, now);
  values.emplace_back("why", why);
  values.emplace_back("mentions", mentions_of(services.people, leaders));
  for (const std::string& chat : services.org.chats_of(ticket.community)) {
    std::vector<Reply> posted = post_about_ticket(
        services, ticket, Reply{chat, services.text("ticket_top_overdue", values), leaders}, now);
    replies.insert(replies.end(), posted.begin(), posted.end());
  }
  for (const std::string& leader : leaders) {
    replies.push_back(Reply{private_chat_of(leader), services.text("ticket_top_overdue", values), {leader}});
  }
  record_ticket_event(services, ticket, "overdue_at_top", by, why, now);
  return replies;
}

ClimbResult climb(const Services& services, store::Ticket& ticket, ClimbCause cause, std::int64_t now,
                  const std::optional<std::string>& by, const std::optional<std::string>& reason) {
  ClimbResult result;
  std::string why = why_text(services, cause, by);
  // "上报 T1 地砖要整片换 单元解决不了": the level above reads why, not only who (an exploratory run of
  // the leaders' side, 2026-12-07: the words were in no message and not in 进度).
  if (reason && !reason->empty())
    why = services.text("ticket_why_with_reason", {{"why", why}, {"reason", *reason}});
  ClimbTarget target = climb_target(services, ticket);
  if (!target.node && !target.responder) {
    result.replies = tell_top_overdue(services, ticket, why, by, now);
    return result;
  }

  result.climbed = true;
  ++ticket.climbs;
  std::string level_name;
  if (target.node) {
    const std::string leader = *first_leader(services, target.node->id);
    ticket.node = target.node->id;
    level_name = target.node->name;
    give_to_person(services, ticket, leader, by, now, Claim::stays);
    auto values = ticket_values(services, ticket, now);
    values.emplace_back("why", why);
    values.emplace_back("level", level_name);
    values.emplace_back("mention", mention_of(services.people, leader));
    for (const std::string& chat : services.org.chats_of(ticket.node)) {
      std::vector<Reply> posted = post_about_ticket(
          services, ticket, Reply{chat, services.text("ticket_climbed_group", values), {leader}}, now);
      result.replies.insert(result.replies.end(), posted.begin(), posted.end());
    }
    result.replies.push_back(
        Reply{private_chat_of(leader), services.text("ticket_climbed_leader", values), {leader}});
  } else {
    ticket.node = ticket.community;
    level_name = target.responder->name;
    give_to_responder(services, ticket, *target.responder, by, now);
    std::vector<Reply> told = tell_responder(services, ticket, *target.responder, now);
    result.replies.insert(result.replies.end(), told.begin(), told.end());
  }
  record_ticket_event(services, ticket, "climbed", by, level_name, now);

  auto values = ticket_values(services, ticket, now);
  values.emplace_back("why", why);
  values.emplace_back("level", level_name);
  values.emplace_back("name", by ? display_name(services.people, *by) : "");
  // 物业 is no level above the community: the resident reads that it was handed to them.
  std::string key = "ticket_climbed_reporter";
  if (target.responder) key = by ? "ticket_handed_reporter_by_hand" : "ticket_handed_reporter";
  tell_reporter_of_climb(services, ticket, to_reporter(ticket, services.text(key, values)), now,
                         result.replies);
  return result;
}

void tell_reporter_of_climb(const Services& services, const store::Ticket& ticket, Reply told,
                            std::int64_t now, std::vector<Reply>& replies) {
  // A utilities ticket climbs through the night, and its leaders must hear at once; the resident
  // need not be woken at 00:31 and 02:31 to read which level has it. Told in the morning, where it
  // is then (a later climb's note replaces this one); danger and urgent tickets are told at once.
  const config::QuietHours& quiet = services.config.rules.quiet_hours;
  const int offset = services.config.locale.utc_offset_seconds;
  const bool urgent = ticket.danger || ticket.urgency == "urgent";
  if (!urgent && in_quiet_hours(now, quiet, offset)) {
    services.jobs.schedule(std::string(kDeferredPost), ticket.community,
                           end_of_quiet_hours(now, quiet, offset), kept_post(ticket, told));
  } else {
    replies.push_back(std::move(told));
  }
}

// How much of a report's words a post or a notice quotes: a 6,000-character report was echoed whole
// as twelve messages in the group, most without the ticket's reference, and spent the group's
// allowance for a minute (an exploratory run of the platforms, 2026-12-07). 进度 shows them all.
constexpr std::size_t kQuotedChars = 100;

TicketValues ticket_values(const Services& services, const store::Ticket& ticket, std::int64_t now) {
  const auto time_or_empty = [&](const std::optional<std::int64_t>& at) {
    return at ? local_time_text(services, *at, now) : std::string();
  };
  return {{"ticket", std::to_string(ticket.number)},
          {"text", language::shortened(ticket_words(services, ticket), kQuotedChars)},
          {"place", ticket_place(services, ticket)},
          {"kind_name", services.text("ticket_kind_" + ticket.kind)},
          {"answer_by", time_or_empty(ticket.answer_by)},
          {"solve_by", time_or_empty(ticket.solve_by)}};
}

void record_ticket_event(const Services& services, const store::Ticket& ticket, std::string kind,
                         const std::optional<std::string>& actor, std::optional<std::string> note,
                         std::int64_t now) {
  services.tickets.add_event(ticket.id, store::TicketEvent{std::move(kind), actor, std::move(note), now});
}

void stop_solve_clock(const Services& services, const store::Ticket& ticket) {
  const std::string payload = ticket_job_payload(ticket, ticket.solve_from);
  services.jobs.cancel(std::string(kTicketSolveReminder), payload);
  services.jobs.cancel(std::string(kTicketSolveDeadline), payload);
}

namespace {

// "翠苑物业" holds "物业": when the words hold a longer responder name that contains `name` (of this
// community or another), that one is meant, and `name` is only part of it.
bool part_of_a_longer_name(const Services& services, const std::string& words, const std::string& name) {
  return std::any_of(services.config.responders.begin(), services.config.responders.end(),
                     [&](const config::Responder& other) {
                       return other.name.size() > name.size() && other.name.find(name) != std::string::npos &&
                              words.find(other.name) != std::string::npos;
                     });
}

}  // namespace

std::optional<store::ResponderRow> responder_named(const Services& services, const std::string& community,
                                                   const std::string& words) {
  const std::vector<store::ResponderRow> responders = services.responders.of_community(community);
  for (const store::ResponderRow& responder : responders) {
    if (responder.name == words || responder.id == words) return responder;
  }
  std::optional<store::ResponderRow> held;
  for (const store::ResponderRow& responder : responders) {
    if (words.find(responder.name) == std::string::npos ||
        part_of_a_longer_name(services, words, responder.name))
      continue;
    if (held) return std::nullopt;  // two fit: ask rather than guess
    held = responder;
  }
  return held;
}

void start_solve_clock(const Services& services, store::Ticket& ticket, std::int64_t now) {
  const std::int64_t window = std::int64_t{solve_hours_of(services.config.rules, ticket.urgency)} * kHour;
  ticket.solve_from = now;
  ticket.solve_by = clock_deadline(services, ticket, now, window);
  const std::string payload = ticket_job_payload(ticket, now);
  services.jobs.schedule_once(std::string(kTicketSolveReminder), ticket.community,
                              clock_deadline(services, ticket, now, window * 3 / 4), payload);
  services.jobs.schedule_once(std::string(kTicketSolveDeadline), ticket.community, *ticket.solve_by, payload);
}

// The reminder due before the stop is taken to have run (a second one would only repeat it). The
// deadline is looked for in the ticket's history: run, it climbed the ticket at or after its time
// (an accepted ticket climbs for nothing else but 上报); run again it would climb it twice. Not
// run — due in the instant before the scheduler's tick in which 办结 was said, and cancelled by it
// — it runs now (a final read, 2026-12-06: the overdue ticket never climbed).
namespace {

bool solve_deadline_ran(const Services& services, const store::Ticket& ticket) {
  for (const store::TicketEvent& event : services.tickets.events(ticket.id)) {
    if ((event.kind == "climbed" || event.kind == "overdue_at_top") && event.at >= *ticket.solve_by)
      return true;
  }
  return false;
}

}  // namespace

void resume_solve_clock(const Services& services, const store::Ticket& ticket, std::int64_t stopped_at,
                        std::int64_t now) {
  if (!ticket.solve_by) return;
  const std::int64_t window = std::int64_t{solve_hours_of(services.config.rules, ticket.urgency)} * kHour;
  const std::string payload = ticket_job_payload(ticket, ticket.solve_from);
  const std::int64_t remind_at = clock_deadline(services, ticket, ticket.solve_from, window * 3 / 4);
  if (remind_at > stopped_at)
    services.jobs.schedule_once(std::string(kTicketSolveReminder), ticket.community, std::max(remind_at, now),
                                payload);
  if (*ticket.solve_by > stopped_at || !solve_deadline_ran(services, ticket))
    services.jobs.schedule_once(std::string(kTicketSolveDeadline), ticket.community,
                                std::max(*ticket.solve_by, now), payload);
}

// None for a leader: their name is the community's to know, and the posts name them as whoever must
// act (a review, 2026-12-06: "@钱楼栋长 请接单" became "@****").
std::vector<std::string> reporter_names(const Services& services, const store::Ticket& ticket) {
  if (!nodes_led_by(services, ticket.reporter).empty()) return {};
  const std::optional<store::Person> person = services.people.find(ticket.reporter);
  if (!person || person->name.empty()) return {};
  return {person->name};
}

std::vector<std::string> ticket_holders(const Services& services, const store::Ticket& ticket) {
  if (ticket.assignee_person) return {*ticket.assignee_person};
  if (ticket.assignee_responder) {
    if (std::optional<store::ResponderRow> responder = services.responders.find(*ticket.assignee_responder))
      return responder->members;
    return {};
  }
  if (ticket.claimed_by) return {*ticket.claimed_by};
  return {};
}

std::string numbers_masked_for(const Services& services, const std::string& chat, bool private_chat,
                               std::string text) {
  if (private_chat) return text;
  return services.responders.of_chat(chat) ? language::mask_id_numbers(text)
                                           : language::mask_private_numbers(text);
}

namespace {

// The words as the templates quote them, after "：" or inside 「」 (every group post's {text}), each
// replaced by the private placeholder. Only there: a report of "3" would have put the placeholder
// into "3号楼" and the deadline's clock (the final read, 2026-12-07).
std::string without_private_words(const Services& services, const store::Ticket& ticket, std::string text) {
  const std::string words = language::shortened(ticket_words(services, ticket), kQuotedChars);
  if (words.empty()) return text;
  const std::string hidden = services.text("ticket_list_private_words");
  for (std::size_t at = text.find(words); at != std::string::npos; at = text.find(words, at + 1)) {
    const std::string_view before = std::string_view(text).substr(0, at);
    if (!before.ends_with("：") && !before.ends_with("「") && !before.ends_with(":")) continue;
    text.replace(at, words.size(), hidden);
    at += hidden.size() - 1;
  }
  return text;
}

}  // namespace

std::vector<Reply> post_about_ticket(const Services& services, const store::Ticket& ticket, Reply post,
                                     std::int64_t now) {
  // A phone or ID number left in a report is for whoever works it (物业's group keeps it to call
  // back), not for a building's or the community's group, where the report climbs; an ID number is
  // for nobody's group.
  // So is the name of someone who reported in private, told that no group would read it.
  // A private report's words are for the leaders it reaches in private: a climb posted "我是何建国，住
  // 502，楼上602…" and "我一个人住腿脚不好" in the building's group, only the phone masked (an
  // exploratory run of people changing, 2026-12-07). The group reads its place and number, as its
  // ticket list shows it. 物业's group works it and reads it whole.
  if (ticket.reported_in_private && !services.responders.of_chat(post.chat))
    post.text = without_private_words(services, ticket, std::move(post.text));
  post.text = numbers_masked_for(services, post.chat, false, std::move(post.text));
  if (ticket.reported_in_private && !services.responders.of_chat(post.chat))
    post.text = language::mask_own_name(post.text, reporter_names(services, ticket));
  const config::QuietHours& quiet = services.config.rules.quiet_hours;
  const int offset = services.config.locale.utc_offset_seconds;
  if (!pauses(ticket) || !in_quiet_hours(now, quiet, offset)) return {std::move(post)};
  services.jobs.schedule(std::string(kDeferredPost), ticket.community, end_of_quiet_hours(now, quiet, offset),
                         kept_post(ticket, post));
  return {};
}

Reply to_reporter(const store::Ticket& ticket, std::string text) {
  return Reply{private_chat_of(ticket.reporter), std::move(text), {}};
}

}  // namespace whistle::handlers
