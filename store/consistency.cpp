#include "store/consistency.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>

#include "store/database.hpp"
#include "store/ledger_chain.hpp"
#include "store/redemption_consistency.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

constexpr const char* kCounts =
    "SELECT (SELECT COUNT(*) FROM tasks), (SELECT COUNT(*) FROM signups), (SELECT COUNT(*) FROM inbox), "
    "(SELECT COUNT(*) FROM outbox), (SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL), "
    "(SELECT COUNT(*) FROM ledger)";
constexpr const char* kOverCapacity =
    "SELECT t.community_id, t.number, t.places, COUNT(*) FROM tasks t "
    "JOIN signups s ON s.task_id = t.id AND s.state = 'signed_up' "
    "WHERE t.places IS NOT NULL GROUP BY t.id HAVING COUNT(*) > t.places";
constexpr const char* kWaitingBesideFreePlaces =
    "SELECT t.community_id, t.number, t.places, "
    "  (SELECT COUNT(*) FROM signups s WHERE s.task_id = t.id AND s.state = 'signed_up') AS taken "
    "FROM tasks t WHERE t.status = 'open' AND t.places IS NOT NULL "
    "  AND EXISTS (SELECT 1 FROM signups w WHERE w.task_id = t.id AND w.state = 'waitlisted') "
    "  AND (SELECT COUNT(*) FROM signups s WHERE s.task_id = t.id AND s.state = 'signed_up') < t.places";
constexpr const char* kSharedPositions =
    "SELECT t.community_id, t.number, s.seq, COUNT(*) FROM signups s JOIN tasks t ON t.id = s.task_id "
    "GROUP BY s.task_id, s.seq HAVING COUNT(*) > 1";
constexpr const char* kLedger =
    "SELECT id, community_id, person_id, points, minutes, reason, at, prev_hash, hash, kind, node_id, "
    "task_id, "
    "author_id FROM ledger ORDER BY community_id, id";
constexpr const char* kBalances =
    "SELECT community_id, person_id, SUM(points) FROM ledger GROUP BY community_id, person_id";

std::string task_name(const std::string& community, std::int64_t number) {
  return community + " #" + std::to_string(number);
}

void check_ledger(SQLite::Database& db, ConsistencyReport& report) {
  SQLite::Statement entries(db, kLedger);
  std::map<std::string, std::string> last_hash;
  std::map<std::string, bool> broken;  // report each community's first break only
  while (entries.executeStep()) {
    const std::int64_t id = entries.getColumn(0).getInt64();
    const std::string community = entries.getColumn(1).getString();
    if (broken[community]) continue;
    const std::string person = entries.getColumn(2).getString();
    const std::string reason = entries.getColumn(5).getString();
    const std::string prev_hash = entries.getColumn(7).getString();
    const std::string hash = entries.getColumn(8).getString();
    const auto [last, first] = last_hash.try_emplace(community, kLedgerGenesis);
    const std::string kind = entries.getColumn(9).getString();
    const std::optional<std::string> node = detail::optional_text(entries.getColumn(10));
    const std::optional<std::string> author = detail::optional_text(entries.getColumn(12));
    const std::string expected = ledger_entry_hash(
        prev_hash, LedgerFields{.community = community,
                                .person = person,
                                .points = entries.getColumn(3).getInt64(),
                                .minutes = entries.getColumn(4).getInt64(),
                                .kind = kind,
                                .node = node ? std::optional<std::string_view>(*node) : std::nullopt,
                                .task = detail::optional_int(entries.getColumn(11)),
                                .author = author ? std::optional<std::string_view>(*author) : std::nullopt,
                                .reason = reason,
                                .at = entries.getColumn(6).getInt64()});
    if (prev_hash != last->second) {
      report.violations.push_back("ledger of " + community + ": entry " + std::to_string(id) +
                                  " does not follow the entry before it (a row was removed or reordered)");
      broken[community] = true;
    } else if (hash != expected) {
      report.violations.push_back("ledger of " + community + ": entry " + std::to_string(id) +
                                  " does not match its hash (the row was edited)");
      broken[community] = true;
    }
    last->second = hash;
  }
}

}  // namespace

ConsistencyReport check_consistency(Database& db) {
  SQLite::Database& raw = db.raw();
  ConsistencyReport report;
  // One consistent view even while a server writes: a deferred (read) transaction, which never
  // takes the write lock.
  raw.exec("BEGIN DEFERRED");

  SQLite::Statement counts(raw, kCounts);
  if (counts.executeStep()) {
    report.tasks = counts.getColumn(0).getInt64();
    report.signups = counts.getColumn(1).getInt64();
    report.inbox = counts.getColumn(2).getInt64();
    report.outbox = counts.getColumn(3).getInt64();
    report.outbox_unsent = counts.getColumn(4).getInt64();
    report.ledger_entries = counts.getColumn(5).getInt64();
  }

  SQLite::Statement over(raw, kOverCapacity);
  while (over.executeStep()) {
    report.violations.push_back("task " +
                                task_name(over.getColumn(0).getString(), over.getColumn(1).getInt64()) +
                                " has " + std::to_string(over.getColumn(3).getInt64()) + " people for " +
                                std::to_string(over.getColumn(2).getInt64()) + " places");
  }
  SQLite::Statement waiting(raw, kWaitingBesideFreePlaces);
  while (waiting.executeStep()) {
    report.violations.push_back(
        "task " + task_name(waiting.getColumn(0).getString(), waiting.getColumn(1).getInt64()) +
        " has people waiting while only " + std::to_string(waiting.getColumn(3).getInt64()) + " of " +
        std::to_string(waiting.getColumn(2).getInt64()) + " places are taken");
  }
  SQLite::Statement shared(raw, kSharedPositions);
  while (shared.executeStep()) {
    report.violations.push_back("task " +
                                task_name(shared.getColumn(0).getString(), shared.getColumn(1).getInt64()) +
                                ": " + std::to_string(shared.getColumn(3).getInt64()) +
                                " signups share position " + std::to_string(shared.getColumn(2).getInt64()));
  }
  check_ledger(raw, report);
  detail::check_redemptions(raw, report);
  SQLite::Statement balances(raw, kBalances);
  while (balances.executeStep()) {
    const std::int64_t balance = balances.getColumn(2).getInt64();
    ++report.people_with_points;
    report.points_total += balance;
    if (balance < 0) {
      report.violations.push_back("person " + balances.getColumn(1).getString() + " in " +
                                  balances.getColumn(0).getString() + " has a negative balance (" +
                                  std::to_string(balance) + ")");
    }
  }
  balances.reset();
  raw.exec("COMMIT");
  return report;
}

}  // namespace whistle::store
