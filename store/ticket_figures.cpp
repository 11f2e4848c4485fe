#include "store/ticket_figures.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// ?1 the node, ?2 from, ?3 to. The subtree by a recursive walk down the org tree (as
// store/org.cpp does); the tickets by tickets_by_receipt (community_id, created_at), then kept when
// their first node is in the subtree. Each SUM is of 0/1 per ticket, so counts are of tickets.
constexpr const char* kFigures =
    "WITH RECURSIVE sub(id) AS (SELECT id FROM org_nodes WHERE id = ?1 "
    "UNION ALL SELECT o.id FROM org_nodes o JOIN sub ON o.parent_id = sub.id) "
    "SELECT COUNT(*), "
    "COALESCE(SUM(t.first_accepted_at IS NOT NULL), 0), "
    "COALESCE(SUM(t.answered_in_time = 1), 0), "
    // solved: awaiting the rating, or closed satisfied / not rated after a resolution.
    "COALESCE(SUM(t.first_resolved_at IS NOT NULL AND (t.state = 'resolved' OR (t.state = 'closed' "
    "AND t.outcome IN ('satisfied', 'not_rated')))), 0), "
    // rated: by its last rating, unless the work redone after it went unrated and closed so (a
    // ticket is either rated or 未评价关闭, never both).
    "COALESCE(SUM(t.rating IS NOT NULL AND t.outcome IS NOT 'not_rated'), 0), "
    "COALESCE(SUM(t.rating IS NOT NULL AND t.outcome IS NOT 'not_rated' AND t.rating >= 4), 0), "
    "COALESCE(SUM(t.state = 'closed'), 0), "
    "COALESCE(SUM(t.outcome = 'not_rated'), 0), "
    "COALESCE(SUM(t.outcome = 'unresolved'), 0), "
    "COALESCE(SUM(t.reopened >= 1), 0), "
    "COALESCE(SUM(t.first_resolved_at IS NOT NULL), 0), "
    "COALESCE(SUM(t.sent_back >= 1 OR t.outcome = 'unresolved'), 0), "
    "COALESCE(SUM(CASE WHEN t.first_accepted_at IS NOT NULL THEN t.first_accepted_at - t.created_at "
    "END), 0), "
    "COALESCE(SUM(CASE WHEN t.first_resolved_at IS NOT NULL AND t.resolved_at IS NOT NULL AND "
    "(t.state = 'resolved' OR (t.state = 'closed' AND t.outcome IN ('satisfied', 'not_rated'))) "
    "THEN t.resolved_at - t.created_at END), 0) "
    "FROM tickets t INDEXED BY tickets_by_receipt "
    "WHERE t.community_id = (SELECT community_id FROM org_nodes WHERE id = ?1) "
    "AND t.created_at >= ?2 AND t.created_at < ?3 AND t.first_node_id IN (SELECT id FROM sub)";

constexpr const char* kTasks =
    "WITH RECURSIVE sub(id) AS (SELECT id FROM org_nodes WHERE id = ?1 "
    "UNION ALL SELECT o.id FROM org_nodes o JOIN sub ON o.parent_id = sub.id) "
    "SELECT COUNT(*) FROM tasks t "
    "WHERE t.community_id = (SELECT community_id FROM org_nodes WHERE id = ?1) "
    "AND COALESCE(t.start_at, t.created_at) >= ?2 AND COALESCE(t.start_at, t.created_at) < ?3 "
    "AND t.status <> 'cancelled' AND (t.node_id IN (SELECT id FROM sub) OR EXISTS (SELECT 1 FROM signups s "
    "WHERE s.task_id = t.id AND s.state = 'signed_up' AND s.node_id IN (SELECT id FROM sub)))";

void bind_range(SQLite::Statement& s, const std::string& node, std::int64_t from, std::int64_t to) {
  s.bind(1, node);
  s.bind(2, from);
  s.bind(3, to);
}

}  // namespace

struct TicketFiguresRepository::Statements {
  SQLite::Statement figures, tasks;
  explicit Statements(SQLite::Database& db) : figures(db, kFigures), tasks(db, kTasks) {}
};

TicketFiguresRepository::TicketFiguresRepository(Database& db)
    : statements_(std::make_unique<Statements>(db.raw())) {}
TicketFiguresRepository::~TicketFiguresRepository() = default;

std::vector<std::string> TicketFiguresRepository::queries() {
  return {kFigures};
}

TicketFigures TicketFiguresRepository::of_subtree(const std::string& node, std::int64_t from,
                                                  std::int64_t to) {
  auto& s = detail::fresh(statements_->figures);
  bind_range(s, node, from, to);
  TicketFigures f;
  if (s.executeStep()) {
    int i = 0;
    for (std::int64_t* field :
         {&f.received, &f.accepted, &f.answered_in_time, &f.solved, &f.rated, &f.satisfied, &f.closed,
          &f.not_rated, &f.closed_unresolved, &f.reopened, &f.resolved_once, &f.sent_back_or_unresolved,
          &f.accept_seconds, &f.solve_seconds})
      *field = s.getColumn(i++).getInt64();
  }
  s.reset();
  return f;
}

std::int64_t TicketFiguresRepository::tasks_of_subtree(const std::string& node, std::int64_t from,
                                                       std::int64_t to) {
  auto& s = detail::fresh(statements_->tasks);
  bind_range(s, node, from, to);
  std::int64_t count = 0;
  if (s.executeStep()) count = s.getColumn(0).getInt64();
  s.reset();
  return count;
}

}  // namespace whistle::store
