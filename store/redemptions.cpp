#include "store/redemptions.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <string_view>
#include <utility>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

constexpr const char* kColumns =
    "id, community_id, person_id, reward_id, item_name, quantity, points, code, node_id, created_at, "
    "expires_at, status, closed_at, closed_by";
constexpr const char* kInsert =
    "INSERT INTO redemptions (community_id, person_id, reward_id, item_name, quantity, points, code, "
    "node_id, "
    "created_at, expires_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')";
const std::string kById = std::string("SELECT ") + kColumns + " FROM redemptions WHERE id = ?";
const std::string kByCode =
    std::string("SELECT ") + kColumns + " FROM redemptions WHERE community_id = ? AND code = ?";
constexpr const char* kCodeTaken = "SELECT 1 FROM redemptions WHERE community_id = ? AND code = ? LIMIT 1";
const std::string kPendingOf = std::string("SELECT ") + kColumns +
                               " FROM redemptions WHERE community_id = ? AND person_id = ? "
                               "AND status = 'pending' ORDER BY id";
// The status guard makes the transition a compare-and-set: a second pickup, a cancel racing an
// expiry, or a job fired twice finds nothing pending and changes nothing.
constexpr const char* kClose =
    "UPDATE redemptions SET status = ?2, closed_at = ?3, closed_by = ?4 WHERE id = ?1 AND status = 'pending'";

// A pickup recorded by mistake (the wrong code read at the counter) made pending again.
constexpr const char* kReopenPickup =
    "UPDATE redemptions SET status = 'pending', closed_at = NULL, closed_by = NULL "
    "WHERE id = ?1 AND status = 'picked_up'";

constexpr std::array<std::pair<RedemptionStatus, std::string_view>, 4> kStatuses{{
    {RedemptionStatus::pending, "pending"},
    {RedemptionStatus::picked_up, "picked_up"},
    {RedemptionStatus::cancelled, "cancelled"},
    {RedemptionStatus::expired, "expired"},
}};

RedemptionStatus parse_status(const std::string& text) {
  for (const auto& [status, name] : kStatuses) {
    if (name == text) return status;
  }
  return RedemptionStatus::pending;
}

Redemption read_row(SQLite::Statement& s) {
  Redemption row;
  row.id = s.getColumn(0).getInt64();
  row.community = s.getColumn(1).getString();
  row.person = s.getColumn(2).getString();
  row.reward_id = s.getColumn(3).getString();
  row.item_name = s.getColumn(4).getString();
  row.quantity = s.getColumn(5).getInt();
  row.points = s.getColumn(6).getInt64();
  row.code = s.getColumn(7).getString();
  row.node = detail::optional_text(s.getColumn(8));
  row.created_at = s.getColumn(9).getInt64();
  row.expires_at = s.getColumn(10).getInt64();
  row.status = parse_status(s.getColumn(11).getString());
  row.closed_at = detail::optional_int(s.getColumn(12));
  row.closed_by = detail::optional_text(s.getColumn(13));
  return row;
}

}  // namespace

const char* redemption_status_text(RedemptionStatus status) {
  for (const auto& [value, name] : kStatuses) {
    if (value == status) return name.data();
  }
  return "pending";
}

struct RedemptionRepository::Statements {
  SQLite::Database& db;
  SQLite::Statement insert, by_id, by_code, code_taken, pending_of, close, reopen_pickup;
  explicit Statements(SQLite::Database& connection)
      : db(connection),
        insert(db, kInsert),
        by_id(db, kById),
        by_code(db, kByCode),
        code_taken(db, kCodeTaken),
        pending_of(db, kPendingOf),
        close(db, kClose),
        reopen_pickup(db, kReopenPickup) {}
};

RedemptionRepository::RedemptionRepository(Database& db)
    : statements_(std::make_unique<Statements>(db.raw())) {}
RedemptionRepository::~RedemptionRepository() = default;

std::int64_t RedemptionRepository::create(const NewRedemption& redemption) {
  auto& s = detail::fresh(statements_->insert);
  s.bind(1, redemption.community);
  s.bind(2, redemption.person);
  s.bind(3, redemption.reward_id);
  s.bind(4, redemption.item_name);
  s.bind(5, redemption.quantity);
  s.bind(6, redemption.points);
  s.bind(7, redemption.code);
  detail::bind_optional(s, 8, redemption.node);
  s.bind(9, redemption.created_at);
  s.bind(10, redemption.expires_at);
  s.exec();
  return statements_->db.getLastInsertRowid();
}

std::optional<Redemption> RedemptionRepository::by_id(std::int64_t id) {
  auto& s = detail::fresh(statements_->by_id);
  s.bind(1, id);
  std::optional<Redemption> row;
  if (s.executeStep()) row = read_row(s);
  s.reset();
  return row;
}

std::optional<Redemption> RedemptionRepository::by_code(const std::string& community,
                                                        const std::string& code) {
  auto& s = detail::fresh(statements_->by_code);
  s.bind(1, community);
  s.bind(2, code);
  std::optional<Redemption> row;
  if (s.executeStep()) row = read_row(s);
  s.reset();
  return row;
}

bool RedemptionRepository::code_taken(const std::string& community, const std::string& code) {
  auto& s = detail::fresh(statements_->code_taken);
  s.bind(1, community);
  s.bind(2, code);
  const bool taken = s.executeStep();
  s.reset();
  return taken;
}

std::vector<Redemption> RedemptionRepository::pending_of(const std::string& community,
                                                         const std::string& person) {
  auto& s = detail::fresh(statements_->pending_of);
  s.bind(1, community);
  s.bind(2, person);
  std::vector<Redemption> rows;
  while (s.executeStep())
    rows.push_back(read_row(s));
  s.reset();
  return rows;
}

bool RedemptionRepository::close(std::int64_t id, RedemptionStatus status, std::int64_t at,
                                 const std::optional<std::string>& by) {
  auto& s = detail::fresh(statements_->close);
  s.bind(1, id);
  s.bind(2, redemption_status_text(status));
  s.bind(3, at);
  detail::bind_optional(s, 4, by);
  return s.exec() == 1;
}

bool RedemptionRepository::reopen_pickup(std::int64_t id) {
  auto& s = detail::fresh(statements_->reopen_pickup);
  s.bind(1, id);
  return s.exec() == 1;
}

}  // namespace whistle::store
