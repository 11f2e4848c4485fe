#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "handlers/ranking_month.hpp"
#include "store/board_reads.hpp"
#include "store/ledger.hpp"
#include "store/rankings.hpp"

namespace whistle::store {
class Database;
}

namespace whistle::bot::board {

/// A node's month as the ranking shows it: every person (a page is a slice), the children's 评比 in
/// ranking order, and the whole subtree.
struct RankingSnapshot {
  std::vector<store::RankedPerson> people;
  std::vector<store::NodeStanding> children;
  store::NodeStanding whole;
};

/// What the board derives from the ledger, kept while the ledger stays as it was. The ledger is
/// append-only, so its last id says whether anything a ranking or a digest sums has changed: a month
/// of 100k people is summed once per ledger change instead of once per request. (A display name
/// changed since shows with the next ledger entry.) Used on the reader's thread only.
class BoardCache {
 public:
  /// The ranking of `node`'s month, summed at most once per state of the ledger.
  const RankingSnapshot& ranking(store::Database& db, const std::string& node,
                                 const handlers::RankingMonth& month);

  /// The community's ledger digest, read at most once per state of the ledger.
  const store::LedgerDigest& digest(store::Database& db, const std::string& community);

 private:
  // Drops everything when the ledger moved on.
  void follow_ledger(store::Database& db);

  std::int64_t ledger_version_ = -1;
  std::map<std::pair<std::string, std::int64_t>, RankingSnapshot> rankings_;  ///< by (node, month start)
  std::map<std::string, store::LedgerDigest> digests_;                        ///< by community
};

}  // namespace whistle::bot::board
