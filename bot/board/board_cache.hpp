#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "bot/board/community_ledger.hpp"
#include "handlers/ranking_month.hpp"
#include "store/board_reads.hpp"
#include "store/ledger.hpp"
#include "store/org.hpp"
#include "store/rankings.hpp"

namespace whistle::store {
class Database;
}

namespace whistle::bot::board {

/// A page of a node's month as the ranking shows it: the people of the page, how many are ranked
/// in all, the children's 评比 in ranking order, and the whole subtree.
struct BoardRanking {
  std::int64_t total = 0;
  std::vector<store::RankedPerson> people;
  std::vector<store::NodeStanding> children;
  store::NodeStanding whole;
};

/// What the board derives from the ledger, held in memory and brought up to date at each request
/// from the entries appended since the last one (CommunityLedger), so a month of 100k people is
/// summed once, not once per ledger change. Figures equal RankingRepository's and BoardReads'
/// (tests/bot/board/board_cache_test.cpp). Used on the reader's thread only, inside the request's
/// ReadSnapshot.
class BoardCache {
 public:
  /// A page of `node`'s ranking of the month: `limit` people from the 0-based `offset`.
  BoardRanking ranking(store::Database& db, const store::OrgNode& node, const handlers::RankingMonth& month,
                       std::int64_t offset, std::int64_t limit);

  /// The community's ledger digest now.
  store::LedgerDigest digest(store::Database& db, const std::string& community);

 private:
  // The community's ledger, caught up to the request's snapshot.
  CommunityLedger& follow(store::Database& db, const std::string& community);

  std::map<std::string, CommunityLedger> communities_;
};

}  // namespace whistle::bot::board
