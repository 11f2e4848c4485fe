#include "store/month_records.hpp"

#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// ?1 the node: `sub` its subtree, `root` its community and whether it is the community itself.
constexpr const char* kSubtreeOfNode =
    "WITH RECURSIVE sub(id) AS (SELECT id FROM org_nodes WHERE id = ?1 "
    "UNION ALL SELECT o.id FROM org_nodes o JOIN sub ON o.parent_id = sub.id), "
    "root(community, is_community) AS (SELECT community_id, id = community_id FROM org_nodes WHERE id = ?1) ";

// ?1 the node, ?2 from, ?3 to; after kSubtreeOfNode.
constexpr const char* kLedger =
    "SELECT l.id, l.at, l.person_id, COALESCE(p.name, ''), l.kind, l.points, l.minutes, l.node_id, t.number, "
    "l.author_id, l.reason FROM root JOIN ledger l ON l.community_id = root.community "
    "AND l.at >= ?2 AND l.at < ?3 LEFT JOIN people p ON p.id = l.person_id "
    "LEFT JOIN tasks t ON t.id = l.task_id "
    "WHERE root.is_community OR l.node_id IN (SELECT id FROM sub) ORDER BY l.at, l.id";

// The service center is the community's, but each redemption carries the node its points counted
// for (the person's volunteer node): a section below the community lists those of its subtree, as
// its ledger does, and not other units' residents with their account ids; the community's lists all.
constexpr const char* kRedemptions =
    "SELECT r.id, r.created_at, r.person_id, COALESCE(p.name, ''), COALESCE(w.name, r.reward_id), "
    "r.quantity, r.points, r.status, r.closed_at FROM root JOIN redemptions r "
    "ON r.community_id = root.community AND r.created_at >= ?2 AND r.created_at < ?3 "
    "LEFT JOIN people p ON p.id = r.person_id "
    "LEFT JOIN rewards w ON w.community_id = r.community_id AND w.id = r.reward_id "
    "WHERE root.is_community OR r.node_id IN (SELECT id FROM sub) ORDER BY r.created_at, r.id";

void bind_range(SQLite::Statement& s, const std::string& node, std::int64_t from, std::int64_t to) {
  s.bind(1, node);
  s.bind(2, from);
  s.bind(3, to);
}

}  // namespace

struct MonthRecords::Statements {
  SQLite::Statement ledger, redemptions;
  explicit Statements(SQLite::Database& db)
      : ledger(db, std::string(kSubtreeOfNode) + kLedger),
        redemptions(db, std::string(kSubtreeOfNode) + kRedemptions) {}
};

MonthRecords::MonthRecords(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
MonthRecords::~MonthRecords() = default;

std::vector<LedgerLine> MonthRecords::ledger(const std::string& node, std::int64_t from, std::int64_t to) {
  auto& s = detail::fresh(statements_->ledger);
  bind_range(s, node, from, to);
  std::vector<LedgerLine> rows;
  while (s.executeStep()) {
    LedgerLine row;
    row.id = s.getColumn(0).getInt64();
    row.at = s.getColumn(1).getInt64();
    row.person = s.getColumn(2).getString();
    row.name = s.getColumn(3).getString();
    row.kind = s.getColumn(4).getString();
    row.points = s.getColumn(5).getInt64();
    row.minutes = s.getColumn(6).getInt64();
    row.node = detail::optional_text(s.getColumn(7));
    row.task_number = detail::optional_int(s.getColumn(8));
    row.author = detail::optional_text(s.getColumn(9));
    row.reason = s.getColumn(10).getString();
    rows.push_back(std::move(row));
  }
  s.reset();
  return rows;
}

std::vector<RedemptionLine> MonthRecords::redemptions(const std::string& node, std::int64_t from,
                                                      std::int64_t to) {
  auto& s = detail::fresh(statements_->redemptions);
  bind_range(s, node, from, to);
  std::vector<RedemptionLine> rows;
  while (s.executeStep()) {
    RedemptionLine row;
    row.id = s.getColumn(0).getInt64();
    row.created_at = s.getColumn(1).getInt64();
    row.person = s.getColumn(2).getString();
    row.name = s.getColumn(3).getString();
    row.reward = s.getColumn(4).getString();
    row.quantity = s.getColumn(5).getInt64();
    row.points = s.getColumn(6).getInt64();
    row.status = s.getColumn(7).getString();
    row.closed_at = detail::optional_int(s.getColumn(8));
    rows.push_back(std::move(row));
  }
  s.reset();
  return rows;
}

}  // namespace whistle::store
