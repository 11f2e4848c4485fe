#include "store/ticket_consistency.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace whistle::store::detail {

namespace {

constexpr const char* kCounts =
    "SELECT (SELECT COUNT(*) FROM tickets), (SELECT COUNT(*) FROM tickets WHERE state <> 'closed'), "
    "(SELECT COUNT(*) FROM jobs WHERE dead_at IS NOT NULL)";
// The job kinds and payloads are handlers/ticket_flow.hpp's: "<ticket id>:<stage>".
constexpr const char* kWaitingWithoutClock =
    "SELECT t.community_id, t.number, t.state FROM tickets t "
    "WHERE (t.state = 'assigned' AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = 'ticket_answer' "
    "  AND j.payload = t.id || ':' || t.stage AND j.done_at IS NULL)) "
    "OR (t.state = 'resolved' AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = 'ticket_rate' "
    "  AND j.payload = t.id || ':' || t.stage AND j.done_at IS NULL))";

}  // namespace

void check_tickets(SQLite::Database& db, ConsistencyReport& report) {
  SQLite::Statement counts(db, kCounts);
  if (counts.executeStep()) {
    report.tickets = counts.getColumn(0).getInt64();
    report.tickets_not_closed = counts.getColumn(1).getInt64();
    report.jobs_dead = counts.getColumn(2).getInt64();
  }
  SQLite::Statement waiting(db, kWaitingWithoutClock);
  while (waiting.executeStep()) {
    const std::string state = waiting.getColumn(2).getString();
    report.violations.push_back(
        "ticket " + waiting.getColumn(0).getString() + " T" +
        std::to_string(waiting.getColumn(1).getInt64()) + " is " + state +
        (state == "assigned" ? " with no answer deadline waiting" : " with no rating deadline waiting"));
  }
}

}  // namespace whistle::store::detail
