#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// A person's earnings of a month at one node, summed (no node: an entry that counts only at its
/// community).
struct NodePersonSum {
  std::optional<std::string> node;
  std::string person;
  std::int64_t points = 0;
  std::int64_t minutes = 0;
};

/// A ledger entry as the board's month sums follow it.
struct FollowedEntry {
  std::int64_t id = 0;
  std::string person;
  std::int64_t points = 0;
  std::int64_t minutes = 0;
  bool earning = false;  ///< not spending (redeem, refund): it counts in a ranking
  bool task = false;     ///< a task's pay, written with the settlement of its attendance
  std::optional<std::string> node;
  std::optional<std::int64_t> task_id;
  std::int64_t at = 0;
  std::string hash;
};

/// A person counted active at a node: attendance settled confirmed or vouched, at its own node,
/// else its task's.
struct ActiveAt {
  std::string node;
  std::string person;
};

/// One attendance row as `active` reads it.
struct SettledAttendance {
  std::string community;
  std::optional<std::string> node;  ///< its own node, else its task's
  bool confirmed = false;           ///< settled confirmed or vouched
  std::optional<std::int64_t> settled_at;
};

/// What the public board's in-memory month sums are built from and brought up to date with, each
/// an index range of one community (tests/store/board_query_plan_test.cpp). The rules are those of
/// RankingRepository. Read-only.
class BoardLedgerReads {
 public:
  explicit BoardLedgerReads(Database& db);
  ~BoardLedgerReads();

  /// The id of the community's last ledger entry, 0 when it has none.
  std::int64_t last_entry(const std::string& community);

  /// The community's earnings in [from, to), summed per (node, person), in no particular order.
  std::vector<NodePersonSum> month_sums(const std::string& community, std::int64_t from, std::int64_t to);

  /// The community's ledger entries with an id above `after`, in chain order.
  std::vector<FollowedEntry> entries_after(const std::string& community, std::int64_t after);

  /// The community's people active in [from, to), once per (node, person).
  std::vector<ActiveAt> active_people(const std::string& community, std::int64_t from, std::int64_t to);

  /// A person's attendance of a task (with its task), empty when there is none.
  std::optional<SettledAttendance> attendance(std::int64_t task_id, const std::string& person);

  /// The SQL of every query above, for the query-plan tests.
  static std::vector<std::string> queries();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
