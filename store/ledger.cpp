#include "store/ledger.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <string_view>

#include "store/database.hpp"
#include "store/ledger_chain.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

constexpr const char* kInsert =
    "INSERT INTO ledger (community_id, person_id, points, minutes, kind, node_id, task_id, author_id, "
    "reason, "
    "at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kChainEnd =
    "SELECT hash, (SELECT COUNT(*) FROM ledger WHERE community_id = ?1) FROM ledger WHERE community_id = ?1 "
    "ORDER BY id DESC LIMIT 1";
constexpr const char* kLastHash = "SELECT hash FROM ledger WHERE community_id = ? ORDER BY id DESC LIMIT 1";
constexpr const char* kBalance =
    "SELECT COALESCE(SUM(points), 0) FROM ledger WHERE community_id = ? AND person_id = ?";
constexpr const char* kSumsBetween =
    "SELECT COALESCE(SUM(points), 0), COALESCE(SUM(minutes), 0) FROM ledger "
    "WHERE community_id = ? AND person_id = ? AND at >= ? AND at < ?";
constexpr const char* kHasTaskEntry =
    "SELECT 1 FROM ledger WHERE task_id = ? AND person_id = ? AND kind = ? LIMIT 1";

// Spending moves points but is no earning: a month's points and a ranking leave it out.
constexpr const char* kEarnedBetween =
    "SELECT COALESCE(SUM(points), 0), COALESCE(SUM(minutes), 0), COALESCE(SUM(MAX(points, 0)), 0) "
    "FROM ledger "
    "WHERE community_id = ? AND person_id = ? AND at >= ? AND at < ? AND kind NOT IN ('redeem', 'refund')";
constexpr const char* kTotalMinutes =
    "SELECT COALESCE(SUM(minutes), 0) FROM ledger WHERE community_id = ? AND person_id = ?";
// The subtree's nodes first (CROSS JOIN keeps that order), then each node's month through
// ledger_by_node: the rows of the ranked place only (schema v9).
constexpr const char* kEarningsUnder =
    "WITH RECURSIVE subtree(id) AS (SELECT ?1 UNION ALL "
    "  SELECT n.id FROM org_nodes n JOIN subtree s ON n.parent_id = s.id) "
    "SELECT l.person_id, SUM(l.points) AS points, SUM(l.minutes) AS minutes "
    "FROM subtree s CROSS JOIN ledger l INDEXED BY ledger_by_node "
    "WHERE l.node_id = s.id AND l.at >= ?2 AND l.at < ?3 AND l.kind NOT IN ('redeem', 'refund') "
    "  AND l.community_id = (SELECT community_id FROM org_nodes WHERE id = ?1) "
    "GROUP BY l.person_id ORDER BY points DESC, minutes DESC, l.person_id";

constexpr const char* kOfTask =
    "SELECT id, community_id, person_id, points, minutes, kind, node_id, task_id, author_id, reason, at, "
    "prev_hash, hash FROM ledger WHERE task_id = ? ORDER BY id";
// A community's entries of [from, to) in chain order (the public board's export), by ledger_by_month.
constexpr const char* kOfMonth =
    "SELECT id, community_id, person_id, points, minutes, kind, node_id, task_id, author_id, reason, at, "
    "prev_hash, hash FROM ledger INDEXED BY ledger_by_month WHERE community_id = ?1 AND at >= ?2 AND at < ?3 "
    "ORDER BY id";

// A person's latest entries in a community, newest first (积分明细), by ledger_by_person.
constexpr const char* kLatestOfPerson =
    "SELECT id, community_id, person_id, points, minutes, kind, node_id, task_id, author_id, reason, at, "
    "prev_hash, hash FROM ledger INDEXED BY ledger_by_person WHERE community_id = ?1 AND person_id = ?2 "
    "ORDER BY at DESC, id DESC LIMIT ?3";

constexpr std::array<std::pair<LedgerKind, std::string_view>, 6> kKinds{{
    {LedgerKind::task, "task"},
    {LedgerKind::no_show, "no_show"},
    {LedgerKind::adjust, "adjust"},
    {LedgerKind::redeem, "redeem"},
    {LedgerKind::refund, "refund"},
    {LedgerKind::wish, "wish"},
}};

}  // namespace

const char* ledger_kind_text(LedgerKind kind) {
  for (const auto& [value, text] : kKinds) {
    if (value == kind) return text.data();
  }
  return "task";
}

std::optional<LedgerKind> parse_ledger_kind(std::string_view text) {
  for (const auto& [value, name] : kKinds) {
    if (name == text) return value;
  }
  return std::nullopt;
}

namespace {

// Reads every row of a statement selecting kOfTask's columns, then resets it.
std::vector<LedgerEntry> entries_of(SQLite::Statement& s) {
  std::vector<LedgerEntry> entries;
  while (s.executeStep()) {
    LedgerEntry entry;
    entry.id = s.getColumn(0).getInt64();
    entry.community = s.getColumn(1).getString();
    entry.person = s.getColumn(2).getString();
    entry.points = s.getColumn(3).getInt64();
    entry.minutes = s.getColumn(4).getInt64();
    entry.kind = parse_ledger_kind(s.getColumn(5).getString()).value_or(LedgerKind::task);
    entry.node = detail::optional_text(s.getColumn(6));
    entry.task_id = detail::optional_int(s.getColumn(7));
    entry.author = detail::optional_text(s.getColumn(8));
    entry.reason = s.getColumn(9).getString();
    entry.at = s.getColumn(10).getInt64();
    entry.prev_hash = s.getColumn(11).getString();
    entry.hash = s.getColumn(12).getString();
    entries.push_back(std::move(entry));
  }
  s.reset();
  return entries;
}

}  // namespace

struct LedgerRepository::Statements {
  SQLite::Database& db;
  SQLite::Statement insert, chain_end, last_hash, balance, sums_between, has_task_entry, earned_between,
      total_minutes, earnings_under, of_task, of_month, latest_of_person;
  explicit Statements(SQLite::Database& connection)
      : db(connection),
        insert(db, kInsert),
        chain_end(db, kChainEnd),
        last_hash(db, kLastHash),
        balance(db, kBalance),
        sums_between(db, kSumsBetween),
        has_task_entry(db, kHasTaskEntry),
        earned_between(db, kEarnedBetween),
        total_minutes(db, kTotalMinutes),
        earnings_under(db, kEarningsUnder),
        of_task(db, kOfTask),
        of_month(db, kOfMonth),
        latest_of_person(db, kLatestOfPerson) {}
};

LedgerRepository::LedgerRepository(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
LedgerRepository::~LedgerRepository() = default;

LedgerEntry LedgerRepository::append(const NewLedgerEntry& entry) {
  LedgerEntry written;
  static_cast<NewLedgerEntry&>(written) = entry;
  auto& last = detail::fresh(statements_->last_hash);
  last.bind(1, entry.community);
  written.prev_hash = last.executeStep() ? last.getColumn(0).getString() : kLedgerGenesis;
  last.reset();

  const char* kind = ledger_kind_text(entry.kind);
  std::optional<std::string_view> node, author;
  if (entry.node) node = *entry.node;
  if (entry.author) author = *entry.author;
  written.hash = ledger_entry_hash(
      written.prev_hash, LedgerFields{entry.community, entry.person, entry.points, entry.minutes, kind, node,
                                      entry.task_id, author, entry.reason, entry.at});

  auto& s = detail::fresh(statements_->insert);
  s.bind(1, entry.community);
  s.bind(2, entry.person);
  s.bind(3, entry.points);
  s.bind(4, entry.minutes);
  s.bind(5, kind);
  detail::bind_optional(s, 6, entry.node);
  detail::bind_optional(s, 7, entry.task_id);
  detail::bind_optional(s, 8, entry.author);
  s.bind(9, entry.reason);
  s.bind(10, entry.at);
  s.bind(11, written.prev_hash);
  s.bind(12, written.hash);
  s.exec();
  written.id = statements_->db.getLastInsertRowid();
  return written;
}

std::int64_t LedgerRepository::balance(const std::string& community, const std::string& person) {
  auto& s = detail::fresh(statements_->balance);
  s.bind(1, community);
  s.bind(2, person);
  s.executeStep();
  const std::int64_t value = s.getColumn(0).getInt64();
  s.reset();
  return value;
}

LedgerRepository::Sums LedgerRepository::sums_between(const std::string& community, const std::string& person,
                                                      std::int64_t from, std::int64_t to) {
  auto& s = detail::fresh(statements_->sums_between);
  s.bind(1, community);
  s.bind(2, person);
  s.bind(3, from);
  s.bind(4, to);
  s.executeStep();
  Sums sums{s.getColumn(0).getInt64(), s.getColumn(1).getInt64()};
  s.reset();
  return sums;
}

bool LedgerRepository::has_task_entry(std::int64_t task_id, const std::string& person, LedgerKind kind) {
  auto& s = detail::fresh(statements_->has_task_entry);
  s.bind(1, task_id);
  s.bind(2, person);
  s.bind(3, ledger_kind_text(kind));
  const bool found = s.executeStep();
  s.reset();
  return found;
}

LedgerDigest LedgerRepository::digest(const std::string& community) {
  auto& s = detail::fresh(statements_->chain_end);
  s.bind(1, community);
  LedgerDigest digest{kLedgerGenesis, 0};
  if (s.executeStep()) digest = LedgerDigest{s.getColumn(0).getString(), s.getColumn(1).getInt64()};
  s.reset();
  return digest;
}

LedgerRepository::Earned LedgerRepository::earned_between(const std::string& community,
                                                          const std::string& person, std::int64_t from,
                                                          std::int64_t to) {
  auto& s = detail::fresh(statements_->earned_between);
  s.bind(1, community);
  s.bind(2, person);
  s.bind(3, from);
  s.bind(4, to);
  s.executeStep();
  Earned earned;
  earned.points = s.getColumn(0).getInt64();
  earned.minutes = s.getColumn(1).getInt64();
  earned.gained = s.getColumn(2).getInt64();
  s.reset();
  return earned;
}

std::int64_t LedgerRepository::total_minutes(const std::string& community, const std::string& person) {
  auto& s = detail::fresh(statements_->total_minutes);
  s.bind(1, community);
  s.bind(2, person);
  s.executeStep();
  const std::int64_t minutes = s.getColumn(0).getInt64();
  s.reset();
  return minutes;
}

std::vector<LedgerRepository::PersonEarnings> LedgerRepository::earnings_under(const std::string& node,
                                                                               std::int64_t from,
                                                                               std::int64_t to) {
  auto& s = detail::fresh(statements_->earnings_under);
  s.bind(1, node);
  s.bind(2, from);
  s.bind(3, to);
  std::vector<PersonEarnings> rows;
  while (s.executeStep()) {
    rows.push_back(
        PersonEarnings{s.getColumn(0).getString(), s.getColumn(1).getInt64(), s.getColumn(2).getInt64()});
  }
  s.reset();
  return rows;
}

std::vector<LedgerEntry> LedgerRepository::of_task(std::int64_t task_id) {
  auto& s = detail::fresh(statements_->of_task);
  s.bind(1, task_id);
  return entries_of(s);
}

std::vector<LedgerEntry> LedgerRepository::of_month(const std::string& community, std::int64_t from,
                                                    std::int64_t to) {
  auto& s = detail::fresh(statements_->of_month);
  s.bind(1, community);
  s.bind(2, from);
  s.bind(3, to);
  return entries_of(s);
}

std::vector<LedgerEntry> LedgerRepository::latest_of_person(const std::string& community,
                                                            const std::string& person, int limit) {
  auto& s = detail::fresh(statements_->latest_of_person);
  s.bind(1, community);
  s.bind(2, person);
  s.bind(3, limit);
  return entries_of(s);
}

std::vector<std::string> LedgerRepository::queries() {
  return {kOfMonth, kLatestOfPerson};
}

}  // namespace whistle::store
