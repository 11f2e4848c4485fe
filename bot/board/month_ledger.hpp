#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bot/board/ranked_people.hpp"
#include "store/board_ledger_reads.hpp"

namespace whistle::bot::board {

/// A node and every node below it, as the org tree is now.
struct Subtree {
  std::set<std::string> nodes;
  bool unplaced = false;  ///< the community's subtree: entries without a node count here too

  /// Whether an entry at `node` (none: unplaced) counts for this subtree.
  bool holds(const std::optional<std::string>& node) const { return node ? nodes.contains(*node) : unplaced; }
  bool operator==(const Subtree&) const = default;
};

/// A subtree's figures of the month: its points, minutes and active people, and once asked for,
/// its people ranked.
struct SubtreeMonth {
  Subtree subtree;
  Sums sums;
  std::unordered_set<PersonIndex> active;
  std::optional<RankedPeople> people;
  std::uint64_t used = 0;  ///< when it was last asked for, to drop the least used
};

/// One community's earnings and active people in a month [from, to), held per node and per person,
/// and the figures of the subtrees the board was asked for, kept up to date entry by entry. Which
/// entries reach it (the month, earnings only) is the caller's rule (CommunityLedger).
class MonthLedger {
 public:
  /// The month as the ledger and the attendance stood when `sums` and `active` were read.
  MonthLedger(std::int64_t from, std::int64_t to, const std::vector<store::NodePersonSum>& sums,
              const std::vector<store::ActiveAt>& active);

  /// Whether a time lies in the month.
  bool covers(std::int64_t at) const { return at >= from_ && at < to_; }

  /// Adds an earning at `node` (none: it counts only for the community as a whole).
  void add_earning(const std::optional<std::string>& node, const std::string& person, const Sums& earned);

  /// Counts a person active at `node` (once, however many times they are counted).
  void add_active(const std::string& node, const std::string& person);

  /// The figures of `subtree`, known by its top node's id: built from the held sums the first time
  /// (and again when the org tree moved under it), with the people ranked when `with_people`. The
  /// reference holds until drop_unused().
  const SubtreeMonth& subtree(const std::string& top, const Subtree& subtree, bool with_people);

  /// Drops the least used subtrees beyond `keep`: a bound on memory between requests.
  void drop_unused(std::size_t keep);

  /// The person ids of the month's rankings.
  const PersonIds& ids() const { return ids_; }

 private:
  std::int64_t from_ = 0;
  std::int64_t to_ = 0;
  PersonIds ids_;
  std::unordered_map<std::string, std::unordered_map<PersonIndex, Sums>> people_by_node_;
  std::unordered_map<std::string, Sums> sums_by_node_;
  std::unordered_map<PersonIndex, Sums> unplaced_people_;
  Sums unplaced_sums_;
  std::unordered_map<std::string, std::unordered_set<PersonIndex>> active_by_node_;
  std::map<std::string, SubtreeMonth> subtrees_;  ///< by top node
  std::uint64_t clock_ = 0;
};

}  // namespace whistle::bot::board
