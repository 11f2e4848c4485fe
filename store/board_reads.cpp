#include "store/board_reads.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/subtree_sql.hpp"

namespace whistle::store {

namespace {

// ?1 is always the node; `sub` and `root` as store/subtree_sql.hpp says.
const std::string& kSubtree = kSubtreeCte;

// The ranking exactly as RankingRepository::people makes it (earnings only; an entry without a
// node counts at its community), then one page of it; names are looked up for that page only.
// Equal points share a rank (1, 2, 2, 4), as docs/ranking.md and the chat's 排行 number them, and
// a month that nets to 0 points or fewer is no place on it, as in the chat.
// ?2 from, ?3 to, ?4 limit, ?5 offset.
const std::string kPeople =
    kSubtree +
    ", ranked(person, points, minutes) AS (SELECT l.person_id, SUM(l.points), SUM(l.minutes) "
    "FROM root JOIN ledger l ON l.community_id = root.community AND l.at >= ?2 AND l.at < ?3 "
    "WHERE l.kind NOT IN ('redeem', 'refund') "
    "AND (l.node_id IN (SELECT id FROM sub) OR (l.node_id IS NULL AND root.is_community)) "
    "GROUP BY l.person_id HAVING SUM(l.points) > 0), "
    "page(person, points, minutes, position, rank, total) AS (SELECT person, points, minutes, "
    "ROW_NUMBER() OVER (ORDER BY points DESC, minutes DESC, person), RANK() OVER (ORDER BY points DESC), "
    "COUNT(*) OVER () FROM ranked ORDER BY points DESC, minutes DESC, person LIMIT ?4 OFFSET ?5) "
    "SELECT page.rank, COALESCE(p.name, ''), page.points, page.minutes, page.total "
    "FROM page LEFT JOIN people p ON p.id = page.person ORDER BY page.position";

// Open tasks with places left that have not ended yet (a task still open after its end is waiting
// for its 验收, not for volunteers); a task without a number of places always has room, one without
// times never ends. ?2 now, ?3 limit, ?4 offset.
const std::string kOpenTasks =
    kSubtree +
    ", open(id, signed) AS (SELECT t.id, (SELECT COUNT(*) FROM signups s WHERE s.task_id = t.id "
    "AND s.state = 'signed_up') FROM root JOIN tasks t INDEXED BY tasks_open_by_start "
    "ON t.community_id = root.community AND t.status = 'open' "
    "WHERE t.node_id IN (SELECT id FROM sub) AND COALESCE(t.end_at, t.start_at, ?2) >= ?2) "
    "SELECT t.number, t.title, t.place, t.node_id, n.name, t.start_at, t.end_at, t.points, t.places, "
    "open.signed, COUNT(*) OVER () FROM open JOIN tasks t ON t.id = open.id "
    "JOIN org_nodes n ON n.id = t.node_id WHERE t.places IS NULL OR open.signed < t.places "
    "ORDER BY COALESCE(t.start_at, t.created_at), t.number LIMIT ?3 OFFSET ?4";

const std::string kTicketStates =
    kSubtree +
    "SELECT t.state, COUNT(*) FROM root JOIN tickets t INDEXED BY tickets_by_receipt "
    "ON t.community_id = root.community WHERE t.first_node_id IN (SELECT id FROM sub) GROUP BY t.state";

// Solved as TicketFiguresRepository counts it: awaiting the rating, or closed satisfied / not rated
// after a resolution. The solver: the responder that had it, else the person who resolved it, else
// the assignee — a display name, never an id. ?2 limit, ?3 offset.
const std::string kResolved =
    kSubtree +
    "SELECT t.number, t.kind, t.category, t.first_node_id, n.name, t.private, t.text, t.created_at, "
    "t.resolved_at, t.rating, COALESCE(NULLIF(r.name, ''), NULLIF(pr.name, ''), NULLIF(pa.name, ''), ''), "
    "COUNT(*) OVER () "
    "FROM root JOIN tickets t INDEXED BY tickets_by_resolution "
    "ON t.community_id = root.community AND t.resolved_at IS NOT NULL "
    "JOIN org_nodes n ON n.id = t.first_node_id "
    "LEFT JOIN responders r ON r.id = t.assignee_responder "
    "LEFT JOIN people pr ON pr.id = t.resolved_by LEFT JOIN people pa ON pa.id = t.assignee_person "
    "WHERE t.first_node_id IN (SELECT id FROM sub) AND t.first_resolved_at IS NOT NULL "
    "AND (t.state = 'resolved' OR (t.state = 'closed' AND t.outcome IN ('satisfied', 'not_rated'))) "
    "ORDER BY t.resolved_at DESC, t.number DESC LIMIT ?2 OFFSET ?3";

}  // namespace

struct BoardReads::Statements {
  SQLite::Statement people, open_tasks, ticket_states, resolved;
  explicit Statements(SQLite::Database& db)
      : people(db, kPeople),
        open_tasks(db, kOpenTasks),
        ticket_states(db, kTicketStates),
        resolved(db, kResolved) {}
};

BoardReads::BoardReads(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
BoardReads::~BoardReads() = default;

std::vector<std::string> BoardReads::queries() {
  return {kPeople, kOpenTasks, kTicketStates, kResolved};
}

RankingPage BoardReads::people(const std::string& node, std::int64_t from, std::int64_t to,
                               std::int64_t limit, std::int64_t offset) {
  auto& s = detail::fresh(statements_->people);
  s.bind(1, node);
  s.bind(2, from);
  s.bind(3, to);
  s.bind(4, limit);
  s.bind(5, offset);
  RankingPage page;
  while (s.executeStep()) {
    page.people.push_back(RankedPerson{s.getColumn(0).getInt64(), s.getColumn(1).getString(),
                                       s.getColumn(2).getInt64(), s.getColumn(3).getInt64()});
    page.total = s.getColumn(4).getInt64();
  }
  s.reset();
  // A page past the end has no row to carry the total: count the whole ranking from its first page.
  if (page.people.empty() && offset > 0) page.total = people(node, from, to, 1, 0).total;
  return page;
}

OpenTaskPage BoardReads::open_tasks(const std::string& node, std::int64_t now, std::int64_t limit,
                                    std::int64_t offset) {
  auto& s = detail::fresh(statements_->open_tasks);
  s.bind(1, node);
  s.bind(2, now);
  s.bind(3, limit);
  s.bind(4, offset);
  OpenTaskPage page;
  while (s.executeStep()) {
    OpenTask task;
    task.number = s.getColumn(0).getInt64();
    task.title = s.getColumn(1).getString();
    task.place = detail::optional_text(s.getColumn(2));
    task.node = s.getColumn(3).getString();
    task.node_name = s.getColumn(4).getString();
    task.start_at = detail::optional_int(s.getColumn(5));
    task.end_at = detail::optional_int(s.getColumn(6));
    task.points = s.getColumn(7).getInt64();
    task.wanted = detail::optional_int(s.getColumn(8));
    task.signed_up = s.getColumn(9).getInt64();
    page.total = s.getColumn(10).getInt64();
    page.tasks.push_back(std::move(task));
  }
  s.reset();
  if (page.tasks.empty() && offset > 0) page.total = open_tasks(node, now, 1, 0).total;
  return page;
}

std::map<std::string, std::int64_t> BoardReads::ticket_states(const std::string& node) {
  auto& s = detail::fresh(statements_->ticket_states);
  s.bind(1, node);
  std::map<std::string, std::int64_t> states;
  while (s.executeStep())
    states[s.getColumn(0).getString()] = s.getColumn(1).getInt64();
  s.reset();
  return states;
}

ResolvedTicketPage BoardReads::resolved_tickets(const std::string& node, std::int64_t limit,
                                                std::int64_t offset) {
  auto& s = detail::fresh(statements_->resolved);
  s.bind(1, node);
  s.bind(2, limit);
  s.bind(3, offset);
  ResolvedTicketPage page;
  while (s.executeStep()) {
    ResolvedTicket ticket;
    ticket.number = s.getColumn(0).getInt64();
    ticket.kind = s.getColumn(1).getString();
    ticket.category = detail::optional_text(s.getColumn(2));
    ticket.node = s.getColumn(3).getString();
    ticket.node_name = s.getColumn(4).getString();
    ticket.reported_in_private = s.getColumn(5).getInt() != 0;
    ticket.text = s.getColumn(6).getString();
    ticket.created_at = s.getColumn(7).getInt64();
    ticket.resolved_at = s.getColumn(8).getInt64();
    ticket.rating = detail::optional_int(s.getColumn(9));
    ticket.solved_by = s.getColumn(10).getString();
    page.total = s.getColumn(11).getInt64();
    page.tickets.push_back(std::move(ticket));
  }
  s.reset();
  if (page.tickets.empty() && offset > 0) page.total = resolved_tickets(node, 1, 0).total;
  return page;
}

}  // namespace whistle::store
