#include "handlers/ticket_oversight.hpp"

#include <optional>
#include <string>
#include <vector>

#include "handlers/people_names.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// How far the work got, as the holder or a leader last wrote it ("阀门坏了 要换配件 得等两天"):
// the leader who now answers for it must not mistake a job waiting for parts for one nobody has.
std::optional<std::string> latest_note(const Services& services, const store::Ticket& ticket) {
  std::optional<std::string> note;
  for (const store::TicketEvent& event : services.tickets.events(ticket.id)) {
    if (event.kind == "noted" && event.note && !event.note->empty()) note = event.note;
    // A 回炉 starts the work again: a note from before it is stale (the second review of stop 70).
    if (event.kind == "reopened") note.reset();
  }
  return note;
}

}  // namespace

ClimbResult climb_for_oversight(const Services& services, store::Ticket& ticket, std::int64_t now) {
  const std::string why = services.text("ticket_why_solve_deadline");
  // The level a climb would go to (for 物业's 快单, its own level, whose leader had not had it). A community
  // leader's own job, or 物业's after climbing to the community, has none: 物业 is handed new work by the
  // answer ladder, never a job someone is already doing.
  const std::optional<store::OrgNode> level = climb_level(services, ticket);
  if (!level) return {false, tell_top_overdue(services, ticket, why, std::nullopt, now)};

  ClimbResult result{true, {}};
  const std::string leader = *first_leader(services, level->id);
  ticket.node = level->id;
  ++ticket.climbs;
  ++ticket.stage;
  services.tickets.save(ticket);
  record_ticket_event(services, ticket, "climbed", std::nullopt, level->name, now);

  TicketValues values = ticket_values(services, ticket, now);
  values.emplace_back("level", level->name);
  values.emplace_back("holder", holder_text(services, ticket));
  values.emplace_back("mention", mention_of(services.people, leader));
  for (const std::string& chat : services.org.chats_of(ticket.node)) {
    std::vector<Reply> posted = post_about_ticket(
        services, ticket, Reply{chat, services.text("ticket_overseen_group", values), {leader}}, now);
    result.replies.insert(result.replies.end(), posted.begin(), posted.end());
  }
  // Notes are the workers' and leaders' (a group and the resident do not read them).
  TicketValues leader_values = values;
  const std::optional<std::string> note = latest_note(services, ticket);
  leader_values.emplace_back("note", note ? services.text("ticket_overseen_note", {{"note", *note}}) : "");
  result.replies.push_back(
      Reply{private_chat_of(leader), services.text("ticket_overseen_leader", leader_values), {leader}});
  tell_reporter_of_climb(services, ticket,
                         to_reporter(ticket, services.text("ticket_overseen_reporter", values)), now,
                         result.replies);
  return result;
}

}  // namespace whistle::handlers
