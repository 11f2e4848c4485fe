#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// One person's month in a node's subtree: what they earned there.
struct PersonStanding {
  std::string person;
  std::string name;  ///< display name as stored; may be empty
  std::int64_t points = 0;
  std::int64_t minutes = 0;
};

/// One child node's month, its whole subtree counted (the four-level 评比).
struct NodeStanding {
  std::string node;
  std::string name;
  std::int64_t points = 0;
  std::int64_t minutes = 0;
  std::int64_t active = 0;  ///< people with confirmed attendance settled in the month
};

/// The month's signups in a subtree and what became of them.
struct Participation {
  std::int64_t signed_up = 0;
  std::int64_t confirmed = 0;  ///< confirmed or vouched attendance
  std::int64_t no_shows = 0;
};

/// Read-side sums over a node's subtree for a time range [from, to) (a month in local time, chosen by
/// the caller). A ledger entry counts for the subtree holding its node; spending (redeem, refund)
/// never enters a ranking; an entry with no node counts only at its community. Attendance and signups
/// count for their own node, else their task's.
class RankingRepository {
 public:
  explicit RankingRepository(Database& db);
  ~RankingRepository();

  /// People who earned in the subtree, most points first (then most minutes, then id); a person
  /// whose month nets to 0 points or fewer is not on the list (docs/ranking.md).
  std::vector<PersonStanding> people(const std::string& node, std::int64_t from, std::int64_t to);

  /// The node's children, each with its subtree's points, minutes and active volunteers, by id.
  std::vector<NodeStanding> children(const std::string& node, std::int64_t from, std::int64_t to);

  /// The node's own subtree as one standing (its points, minutes, active volunteers).
  NodeStanding whole(const std::string& node, std::int64_t from, std::int64_t to);

  /// Signups of tasks starting in the range (tasks without a start: created in it), not cancelled.
  Participation participation(const std::string& node, std::int64_t from, std::int64_t to);

  /// The SQL of the queries the public board runs (people, whole, children), for the query-plan tests.
  static std::vector<std::string> queries();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
