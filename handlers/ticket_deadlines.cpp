#include "handlers/ticket_deadlines.hpp"

#include <optional>
#include <string>
#include <utility>

#include "handlers/message.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_oversight.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

// The ticket a job names, when it still exists.
std::optional<store::Ticket> ticket_of(const Services& services, const store::Job& job,
                                       TicketJobTarget& target) {
  std::optional<TicketJobTarget> parsed = parse_ticket_job_payload(job.payload);
  if (!parsed) return std::nullopt;
  target = *parsed;
  return services.tickets.by_id(target.ticket_id);
}

// An answer job is for one stage: accepted, given to someone else or climbed since, it is stale.
std::optional<store::Ticket> still_unanswered(const Services& services, const store::Job& job) {
  TicketJobTarget target;
  std::optional<store::Ticket> ticket = ticket_of(services, job, target);
  if (!ticket || ticket->state != store::TicketState::assigned || ticket->stage != target.number)
    return std::nullopt;
  return ticket;
}

// A solve job is for one solve clock: resolved, closed or reopened (a new clock) since, it is stale.
std::optional<store::Ticket> still_unsolved(const Services& services, const store::Job& job) {
  TicketJobTarget target;
  std::optional<store::Ticket> ticket = ticket_of(services, job, target);
  if (!ticket || ticket->state == store::TicketState::resolved || ticket->is_closed() ||
      ticket->solve_from != target.number)
    return std::nullopt;
  return ticket;
}

// A reminder is private: it is about one person's job, and private messages never wait for the
// morning (only group posts do).
std::vector<Reply> remind_holders(const Services& services, const store::Ticket& ticket, std::string_view key,
                                  std::int64_t now) {
  std::vector<Reply> replies;
  for (const std::string& person : ticket_holders(services, ticket)) {
    Values values = ticket_values(services, ticket, now);
    values.emplace_back("mention", mention_of(services.people, person));
    replies.push_back(Reply{private_chat_of(person), services.text(std::string(key), values), {person}});
  }
  return replies;
}

}  // namespace

std::vector<Reply> run_ticket_answer_reminder(const Services& services, const store::Job& job,
                                              std::int64_t now) {
  std::optional<store::Ticket> ticket = still_unanswered(services, job);
  if (!ticket) return {};
  // Run late (the server was down at its time), "accept before 13:29" at 16:30 is no reminder: the
  // deadline's own job, due since, climbs the ticket and says so.
  if (ticket->answer_by && now >= *ticket->answer_by) return {};
  // With no level above, the reminder does not threaten a climb that cannot happen.
  return remind_holders(
      services, *ticket,
      can_climb(services, *ticket) ? "ticket_answer_reminder" : "ticket_answer_reminder_top", now);
}

std::vector<Reply> run_ticket_answer_deadline(const Services& services, const store::Job& job,
                                              std::int64_t now) {
  std::optional<store::Ticket> ticket = still_unanswered(services, job);
  if (!ticket) return {};
  return climb(services, *ticket, ClimbCause::answer_deadline, now).replies;
}

std::vector<Reply> run_ticket_solve_reminder(const Services& services, const store::Job& job,
                                             std::int64_t now) {
  std::optional<store::Ticket> ticket = still_unsolved(services, job);
  if (!ticket) return {};
  if (ticket->solve_by && now >= *ticket->solve_by) return {};  // run late: the deadline's job speaks
  return remind_holders(services, *ticket, "ticket_solve_reminder", now);
}

std::vector<Reply> run_ticket_solve_deadline(const Services& services, const store::Job& job,
                                             std::int64_t now) {
  std::optional<store::Ticket> ticket = still_unsolved(services, job);
  if (!ticket) return {};
  // It climbs once (this job is the solve clock's only deadline, and the climb starts no other);
  // whoever held it before the climb hears what happened: climbed, or nowhere left to climb. One
  // taken on stays with whoever is doing it, overseen from above: handed over as new, a job 物业 was
  // waiting on parts for climbed as "无人接单" to the top and its worker lost sight of it (an
  // exploratory run of the repair side, stop 69).
  const store::Ticket before = *ticket;
  ClimbResult result = ticket->state == store::TicketState::accepted
                           ? climb_for_oversight(services, *ticket, now)
                           : climb(services, *ticket, ClimbCause::solve_deadline, now);
  const bool overseen = before.state == store::TicketState::accepted;
  std::vector<Reply> replies =
      remind_holders(services, before,
                     !result.climbed ? "ticket_solve_overdue_top"
                                     : (overseen ? "ticket_solve_overdue_overseen" : "ticket_solve_overdue"),
                     now);
  std::vector<Reply> climbed = std::move(result.replies);
  replies.insert(replies.end(), std::make_move_iterator(climbed.begin()),
                 std::make_move_iterator(climbed.end()));
  return replies;
}

}  // namespace whistle::handlers
