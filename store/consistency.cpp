#include "store/consistency.hpp"

#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/ledger_verify.hpp"
#include "store/redemption_consistency.hpp"
#include "store/ticket_consistency.hpp"

namespace whistle::store {

namespace {

constexpr const char* kCounts =
    "SELECT (SELECT COUNT(*) FROM tasks), (SELECT COUNT(*) FROM signups), (SELECT COUNT(*) FROM inbox), "
    "(SELECT COUNT(*) FROM outbox), (SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL), "
    "(SELECT COUNT(*) FROM ledger), (SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL)";
constexpr const char* kOverCapacity =
    "SELECT t.community_id, t.number, t.places, COUNT(*) FROM tasks t "
    "JOIN signups s ON s.task_id = t.id AND s.state = 'signed_up' "
    "WHERE t.places IS NOT NULL GROUP BY t.id HAVING COUNT(*) > t.places";
constexpr const char* kWaitingBesideFreePlaces =
    "SELECT t.community_id, t.number, t.places, "
    "  (SELECT COUNT(*) FROM signups s WHERE s.task_id = t.id AND s.state = 'signed_up') AS taken "
    "FROM tasks t WHERE t.status = 'open' AND t.places IS NOT NULL "
    "  AND EXISTS (SELECT 1 FROM signups w WHERE w.task_id = t.id AND w.state = 'waitlisted') "
    "  AND (SELECT COUNT(*) FROM signups s WHERE s.task_id = t.id AND s.state = 'signed_up') < t.places "
    "  AND t.places_level IS NULL";
// "每单元1人": each signup of an open task whose places are counted per node, walked up from the
// node it was said in to the task's, keeping the node of the task's level on the way (as
// handlers/places_per_node.cpp does). A node may hold no more than its places, and nobody waits
// for one of its places while it and the task have one free. The depth bound keeps a parent cycle
// in a hand-edited file from looping.
const std::string kPlacesWalk =
    "WITH RECURSIVE walk(task_id, person_id, state, at_node, quota, done, depth) AS ("
    "  SELECT s.task_id, s.person_id, s.state, s.node_id, NULL, 0, 0 FROM signups s JOIN tasks t ON t.id = "
    "s.task_id"
    "  WHERE t.places_level IS NOT NULL AND t.status = 'open' AND s.state <> 'withdrawn'"
    "  UNION ALL"
    "  SELECT w.task_id, w.person_id, w.state, n.parent_id,"
    "    CASE WHEN n.level = t.places_level THEN n.id ELSE w.quota END, n.id = t.node_id, w.depth + 1"
    "  FROM walk w JOIN org_nodes n ON n.id = w.at_node JOIN tasks t ON t.id = w.task_id"
    "  WHERE w.done = 0 AND w.depth < 8"
    ") ";
const std::string kPlacesPerNode =
    kPlacesWalk +
    "SELECT t.community_id, t.number, w.quota, t.places_each, SUM(w.state = 'signed_up') AS taken,"
    "  SUM(w.state = 'waitlisted') AS waiting,"
    "  (SELECT COUNT(*) FROM signups s WHERE s.task_id = t.id AND s.state = 'signed_up') AS taken_in_all "
    "FROM walk w JOIN tasks t ON t.id = w.task_id WHERE w.done = 1 AND w.quota IS NOT NULL "
    "GROUP BY w.task_id, w.quota "
    "HAVING taken > t.places_each OR (waiting > 0 AND taken < t.places_each AND taken_in_all < t.places)";
// Someone waiting on such a task whose place would count for no node of its level: no place a
// node frees is ever theirs, so they must not wait while the task has places free (a review,
// 2026-12-06: promised a place that could never come).
const std::string kWaitingForNoNode =
    kPlacesWalk +
    "SELECT t.community_id, t.number, COUNT(*) FROM signups s JOIN tasks t ON t.id = s.task_id "
    "WHERE t.places_level IS NOT NULL AND t.status = 'open' AND s.state = 'waitlisted' "
    "  AND NOT EXISTS (SELECT 1 FROM walk w WHERE w.task_id = s.task_id AND w.person_id = s.person_id "
    "    AND w.done = 1 AND w.quota IS NOT NULL) "
    "  AND (SELECT COUNT(*) FROM signups u WHERE u.task_id = t.id AND u.state = 'signed_up') < t.places "
    "GROUP BY t.id";
// Two in line on one seq would both be told the same place in line (SignupRepository::
// waitlist_position counts the waitlisted up to one's seq). Other states may share a seq: a signup
// moved back to the head of the line takes one before the first waitlisted, which a signup that
// left (or one signed up) may hold, and the line's order is (seq, person) whatever the others hold.
constexpr const char* kSharedPositions =
    "SELECT t.community_id, t.number, s.seq, COUNT(*) FROM signups s JOIN tasks t ON t.id = s.task_id "
    "WHERE s.state = 'waitlisted' GROUP BY s.task_id, s.seq HAVING COUNT(*) > 1";
constexpr const char* kBalances =
    "SELECT community_id, person_id, SUM(points) FROM ledger GROUP BY community_id, person_id";

std::string task_name(const std::string& community, std::int64_t number) {
  return community + " #" + std::to_string(number);
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
    report.outbox_dead = counts.getColumn(6).getInt64();
  }

  SQLite::Statement over(raw, kOverCapacity);
  while (over.executeStep()) {
    report.violations.push_back("task " +
                                task_name(over.getColumn(0).getString(), over.getColumn(1).getInt64()) +
                                " has " + std::to_string(over.getColumn(3).getInt64()) + " people for " +
                                std::to_string(over.getColumn(2).getInt64()) + " places");
  }
  SQLite::Statement per_node(raw, kPlacesPerNode);
  while (per_node.executeStep()) {
    const std::string task = task_name(per_node.getColumn(0).getString(), per_node.getColumn(1).getInt64());
    const std::string node = per_node.getColumn(2).getString();
    const std::int64_t each = per_node.getColumn(3).getInt64();
    const std::int64_t taken = per_node.getColumn(4).getInt64();
    report.violations.push_back(
        taken > each ? "task " + task + " has " + std::to_string(taken) + " people for the " +
                           std::to_string(each) + " places of " + node
                     : "task " + task + " has people waiting for " + node + " while only " +
                           std::to_string(taken) + " of its " + std::to_string(each) + " places are taken");
  }
  SQLite::Statement stranded(raw, kWaitingForNoNode);
  while (stranded.executeStep()) {
    report.violations.push_back(
        "task " + task_name(stranded.getColumn(0).getString(), stranded.getColumn(1).getInt64()) + " has " +
        std::to_string(stranded.getColumn(2).getInt64()) +
        " people waiting for a place of no node of its level while places are free");
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
    report.violations.push_back(
        "task " + task_name(shared.getColumn(0).getString(), shared.getColumn(1).getInt64()) + ": " +
        std::to_string(shared.getColumn(3).getInt64()) + " waitlisted signups share position " +
        std::to_string(shared.getColumn(2).getInt64()) + " in line");
  }
  // The chain walk is the one `whistle verify-ledger` runs, so both name a break alike.
  for (const LedgerBreak& broken : verify_ledger(db).breaks)
    report.violations.push_back(broken.description);
  detail::check_redemptions(raw, report);
  detail::check_tickets(raw, report);
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
