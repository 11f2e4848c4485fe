#include "store/board_ledger_reads.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// The same test as store/rankings.cpp's: a redemption and its refund move a balance, never a ranking.
constexpr const char* kEarning = "kind NOT IN ('redeem', 'refund')";

// The chain's order within a community is the id's (ledger_chain_order): its end is one step down
// that index.
constexpr const char* kLastEntry =
    "SELECT id FROM ledger INDEXED BY ledger_chain_order WHERE community_id = ?1 ORDER BY id DESC LIMIT 1";

// ?1 community, ?2 from, ?3 to; a range of ledger_by_month, as RankingRepository reads a month.
const std::string kMonthSums =
    std::string(
        "SELECT node_id, person_id, SUM(points), SUM(minutes) FROM ledger INDEXED BY ledger_by_month "
        "WHERE community_id = ?1 AND at >= ?2 AND at < ?3 AND ") +
    kEarning + " GROUP BY node_id, person_id";

// ?1 community, ?2 the last id already read: what was appended since, a range of ledger_chain_order.
const std::string kEntriesAfter = std::string("SELECT id, person_id, points, minutes, ") + kEarning +
                                  ", kind = 'task', node_id, task_id, at, hash FROM ledger "
                                  "INDEXED BY ledger_chain_order WHERE community_id = ?1 AND id > ?2 "
                                  "ORDER BY id";

// Active as RankingRepository counts it: settled confirmed or vouched within the range, at the
// row's node, else its task's. ?1 community, ?2 from, ?3 to.
constexpr const char* kActivePeople =
    "SELECT DISTINCT COALESCE(a.node_id, t.node_id), a.person_id FROM attendance a "
    "INDEXED BY attendance_by_month JOIN tasks t ON t.id = a.task_id "
    "WHERE a.community_id = ?1 AND a.confirmed_at >= ?2 AND a.confirmed_at < ?3 "
    "AND a.outcome IN ('confirmed', 'vouched') AND COALESCE(a.node_id, t.node_id) IS NOT NULL";

constexpr const char* kAttendance =
    "SELECT a.community_id, COALESCE(a.node_id, t.node_id), a.outcome IN ('confirmed', 'vouched'), "
    "a.confirmed_at FROM attendance a JOIN tasks t ON t.id = a.task_id "
    "WHERE a.task_id = ?1 AND a.person_id = ?2";

}  // namespace

struct BoardLedgerReads::Statements {
  SQLite::Statement last_entry, month_sums, entries_after, active_people, attendance;
  explicit Statements(SQLite::Database& db)
      : last_entry(db, kLastEntry),
        month_sums(db, kMonthSums),
        entries_after(db, kEntriesAfter),
        active_people(db, kActivePeople),
        attendance(db, kAttendance) {}
};

BoardLedgerReads::BoardLedgerReads(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
BoardLedgerReads::~BoardLedgerReads() = default;

std::vector<std::string> BoardLedgerReads::queries() {
  return {kLastEntry, kMonthSums, kEntriesAfter, kActivePeople, kAttendance};
}

std::int64_t BoardLedgerReads::last_entry(const std::string& community) {
  auto& s = detail::fresh(statements_->last_entry);
  s.bind(1, community);
  const std::int64_t id = s.executeStep() ? s.getColumn(0).getInt64() : 0;
  s.reset();
  return id;
}

std::vector<NodePersonSum> BoardLedgerReads::month_sums(const std::string& community, std::int64_t from,
                                                        std::int64_t to) {
  auto& s = detail::fresh(statements_->month_sums);
  s.bind(1, community);
  s.bind(2, from);
  s.bind(3, to);
  std::vector<NodePersonSum> sums;
  while (s.executeStep()) {
    sums.push_back(NodePersonSum{detail::optional_text(s.getColumn(0)), s.getColumn(1).getString(),
                                 s.getColumn(2).getInt64(), s.getColumn(3).getInt64()});
  }
  s.reset();
  return sums;
}

std::vector<FollowedEntry> BoardLedgerReads::entries_after(const std::string& community, std::int64_t after) {
  auto& s = detail::fresh(statements_->entries_after);
  s.bind(1, community);
  s.bind(2, after);
  std::vector<FollowedEntry> entries;
  while (s.executeStep()) {
    FollowedEntry entry;
    entry.id = s.getColumn(0).getInt64();
    entry.person = s.getColumn(1).getString();
    entry.points = s.getColumn(2).getInt64();
    entry.minutes = s.getColumn(3).getInt64();
    entry.earning = s.getColumn(4).getInt() != 0;
    entry.task = s.getColumn(5).getInt() != 0;
    entry.node = detail::optional_text(s.getColumn(6));
    entry.task_id = detail::optional_int(s.getColumn(7));
    entry.at = s.getColumn(8).getInt64();
    entry.hash = s.getColumn(9).getString();
    entries.push_back(std::move(entry));
  }
  s.reset();
  return entries;
}

std::vector<ActiveAt> BoardLedgerReads::active_people(const std::string& community, std::int64_t from,
                                                      std::int64_t to) {
  auto& s = detail::fresh(statements_->active_people);
  s.bind(1, community);
  s.bind(2, from);
  s.bind(3, to);
  std::vector<ActiveAt> people;
  while (s.executeStep())
    people.push_back(ActiveAt{s.getColumn(0).getString(), s.getColumn(1).getString()});
  s.reset();
  return people;
}

std::optional<SettledAttendance> BoardLedgerReads::attendance(std::int64_t task_id,
                                                              const std::string& person) {
  auto& s = detail::fresh(statements_->attendance);
  s.bind(1, task_id);
  s.bind(2, person);
  std::optional<SettledAttendance> row;
  if (s.executeStep()) {
    row = SettledAttendance{s.getColumn(0).getString(), detail::optional_text(s.getColumn(1)),
                            s.getColumn(2).getInt() != 0, detail::optional_int(s.getColumn(3))};
  }
  s.reset();
  return row;
}

}  // namespace whistle::store
