#pragma once

// The ticket loop's deadlines as durable jobs (docs/tickets.md ("Ticket deadlines")): the answer window's
// reminder and deadline, and the solve clock's. ticket_flow schedules them (payload
// "<ticket id>:<stage>" for the answer window, "<ticket id>:<solve_from>" for the solve clock);
// these run them. A job whose number no longer matches the ticket does nothing: it moved on.

#include <cstdint>
#include <vector>

#include "handlers/context.hpp"
#include "store/jobs.hpp"

namespace whistle::handlers {

/// Three quarters into the answer window: the ticket is still `assigned` at that stage, so its
/// holder (a person, or a responder's members) is reminded in private to accept it by answer_by.
std::vector<Reply> run_ticket_answer_reminder(const Services& services, const store::Job& job,
                                              std::int64_t now);

/// The answer window ran out with the ticket still `assigned` at that stage: it climbs one level
/// (ticket_flow::climb tells the new level and the reporter; at the top the community's leaders
/// hear it is overdue). An `open` ticket has nobody to give it to and no job of its own: nothing.
std::vector<Reply> run_ticket_answer_deadline(const Services& services, const store::Job& job,
                                              std::int64_t now);

/// Three quarters into the solve clock, the ticket not resolved or closed and the clock the same
/// one (solve_from): its holder is reminded in private.
std::vector<Reply> run_ticket_solve_reminder(const Services& services, const store::Job& job,
                                             std::int64_t now);

/// The solve clock ran out on the same conditions: the holder is reminded and the ticket climbs
/// one level, once, without restarting the solve clock. One nobody took on is given to that level
/// with a new answer window; one taken on stays with its holder, overseen (ticket_oversight).
std::vector<Reply> run_ticket_solve_deadline(const Services& services, const store::Job& job,
                                             std::int64_t now);

}  // namespace whistle::handlers
