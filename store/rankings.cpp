#include "store/rankings.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/subtree_sql.hpp"

namespace whistle::store {

namespace {

// Every query takes ?1 the node, ?2 from, ?3 to. `sub` is the node's subtree; `top` says which
// child of the node a row of the subtree belongs to (for the 评比 of the children).
const std::string& kSubtree = kSubtreeCte;
const std::string kChildSubtrees =
    "WITH RECURSIVE sub(id, top) AS (SELECT id, id FROM org_nodes WHERE parent_id = ?1 "
    "UNION ALL SELECT o.id, sub.top FROM org_nodes o JOIN sub ON o.parent_id = sub.id), "
    "root(community) AS (SELECT community_id FROM org_nodes WHERE id = ?1) ";

// Earnings, not spending: a redemption and its refund move a balance, never a ranking.
constexpr const char* kEarning = "l.kind NOT IN ('redeem', 'refund')";
// An entry without a node (none is written so by the handlers, but old or hand-made rows may be)
// still counts for its community as a whole.
constexpr const char* kInSubtree =
    "(l.node_id IN (SELECT id FROM sub) OR (l.node_id IS NULL AND root.is_community))";

const std::string kPeople =
    kSubtree +
    "SELECT l.person_id, COALESCE(p.name, ''), SUM(l.points), SUM(l.minutes) "
    "FROM root JOIN ledger l ON l.community_id = root.community AND l.at >= ?2 AND l.at < ?3 "
    "LEFT JOIN people p ON p.id = l.person_id WHERE " +
    kEarning + " AND " + kInSubtree +
    " GROUP BY l.person_id HAVING SUM(l.points) > 0 ORDER BY 3 DESC, 4 DESC, l.person_id";

const std::string kWholePoints = kSubtree +
                                 "SELECT COALESCE(SUM(l.points), 0), COALESCE(SUM(l.minutes), 0) "
                                 "FROM root JOIN ledger l ON l.community_id = root.community AND l.at >= ?2 "
                                 "AND l.at < ?3 WHERE " +
                                 kEarning + " AND " + kInSubtree;

// Active: settled as confirmed or vouched within the range (the time the points were entered).
const std::string kWholeActive =
    kSubtree +
    "SELECT COUNT(DISTINCT a.person_id) FROM root JOIN attendance a "
    "ON a.community_id = root.community AND a.confirmed_at >= ?2 AND a.confirmed_at < ?3 "
    "JOIN tasks t ON t.id = a.task_id "
    "WHERE a.outcome IN ('confirmed', 'vouched') "
    "AND COALESCE(a.node_id, t.node_id) IN (SELECT id FROM sub)";

const std::string kChildren =
    kChildSubtrees +
    ", earned(top, points, minutes) AS (SELECT sub.top, SUM(l.points), SUM(l.minutes) "
    "FROM root JOIN ledger l ON l.community_id = root.community AND l.at >= ?2 "
    "AND l.at < ?3 JOIN sub ON sub.id = l.node_id WHERE " +
    std::string(kEarning) +
    " GROUP BY sub.top), "
    "active(top, people) AS (SELECT sub.top, COUNT(DISTINCT a.person_id) "
    "FROM root JOIN attendance a ON a.community_id = root.community "
    "AND a.confirmed_at >= ?2 AND a.confirmed_at < ?3 "
    "JOIN tasks t ON t.id = a.task_id JOIN sub ON sub.id = COALESCE(a.node_id, t.node_id) "
    "WHERE a.outcome IN ('confirmed', 'vouched') GROUP BY sub.top) "
    "SELECT c.id, c.name, COALESCE(e.points, 0), COALESCE(e.minutes, 0), "
    "COALESCE(ac.people, 0) FROM org_nodes c LEFT JOIN earned e ON e.top = c.id "
    "LEFT JOIN active ac ON ac.top = c.id WHERE c.parent_id = ?1 ORDER BY c.id";

// The task's month is its start (its creation when it has none); the expression matches the
// index tasks_by_month so the month is a range scan.
// A confirmation counts for its task's month when it was dated there (at the task's end, or
// within the month): one made after the month's 公示 is dated when made (handlers/attendance_pay),
// and counting it here too changed a published month's 报到参与率 from 0/2 to 2/2.
const std::string kParticipation =
    kSubtree +
    "SELECT COUNT(*), COALESCE(SUM(a.outcome IN ('confirmed', 'vouched') AND (t.end_at IS NULL "
    "OR a.confirmed_at <= t.end_at OR a.confirmed_at < ?3)), 0), "
    "COALESCE(SUM(a.outcome = 'no_show'), 0) "
    "FROM root JOIN tasks t ON t.community_id = root.community "
    "AND COALESCE(t.start_at, t.created_at) >= ?2 AND COALESCE(t.start_at, t.created_at) < ?3 "
    "JOIN signups s ON s.task_id = t.id "
    "LEFT JOIN attendance a ON a.task_id = s.task_id AND a.person_id = s.person_id "
    "WHERE t.status <> 'cancelled' AND s.state = 'signed_up' "
    "AND COALESCE(s.node_id, t.node_id) IN (SELECT id FROM sub)";

void bind_range(SQLite::Statement& s, const std::string& node, std::int64_t from, std::int64_t to) {
  s.bind(1, node);
  s.bind(2, from);
  s.bind(3, to);
}

}  // namespace

struct RankingRepository::Statements {
  SQLite::Statement people, whole_points, whole_active, children, participation;
  explicit Statements(SQLite::Database& db)
      : people(db, kPeople),
        whole_points(db, kWholePoints),
        whole_active(db, kWholeActive),
        children(db, kChildren),
        participation(db, kParticipation) {}
};

RankingRepository::RankingRepository(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
RankingRepository::~RankingRepository() = default;

std::vector<std::string> RankingRepository::queries() {
  return {kPeople, kWholePoints, kWholeActive, kChildren};
}

std::vector<PersonStanding> RankingRepository::people(const std::string& node, std::int64_t from,
                                                      std::int64_t to) {
  auto& s = detail::fresh(statements_->people);
  bind_range(s, node, from, to);
  std::vector<PersonStanding> rows;
  while (s.executeStep()) {
    rows.push_back(PersonStanding{s.getColumn(0).getString(), s.getColumn(1).getString(),
                                  s.getColumn(2).getInt64(), s.getColumn(3).getInt64()});
  }
  s.reset();
  return rows;
}

std::vector<NodeStanding> RankingRepository::children(const std::string& node, std::int64_t from,
                                                      std::int64_t to) {
  auto& s = detail::fresh(statements_->children);
  bind_range(s, node, from, to);
  std::vector<NodeStanding> rows;
  while (s.executeStep()) {
    rows.push_back(NodeStanding{s.getColumn(0).getString(), s.getColumn(1).getString(),
                                s.getColumn(2).getInt64(), s.getColumn(3).getInt64(),
                                s.getColumn(4).getInt64()});
  }
  s.reset();
  return rows;
}

NodeStanding RankingRepository::whole(const std::string& node, std::int64_t from, std::int64_t to) {
  NodeStanding standing;
  standing.node = node;
  auto& points = detail::fresh(statements_->whole_points);
  bind_range(points, node, from, to);
  if (points.executeStep()) {
    standing.points = points.getColumn(0).getInt64();
    standing.minutes = points.getColumn(1).getInt64();
  }
  points.reset();
  auto& active = detail::fresh(statements_->whole_active);
  bind_range(active, node, from, to);
  if (active.executeStep()) standing.active = active.getColumn(0).getInt64();
  active.reset();
  return standing;
}

Participation RankingRepository::participation(const std::string& node, std::int64_t from, std::int64_t to) {
  auto& s = detail::fresh(statements_->participation);
  bind_range(s, node, from, to);
  Participation result;
  if (s.executeStep()) {
    result = Participation{s.getColumn(0).getInt64(), s.getColumn(1).getInt64(), s.getColumn(2).getInt64()};
  }
  s.reset();
  return result;
}

}  // namespace whistle::store
