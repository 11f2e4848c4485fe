#include "bot/board/board_cache.hpp"

#include "bot/cli/report_writer.hpp"

namespace whistle::bot::board {

namespace {

// A bound on memory: a 100k-person ranking is a few MB; the lobby screens and phones of a district
// look at far fewer node-months than this at once.
constexpr std::size_t kMaxRankings = 32;

}  // namespace

void BoardCache::follow_ledger(store::Database& db) {
  const std::int64_t version = store::BoardReads(db).ledger_version();
  if (version == ledger_version_) return;
  ledger_version_ = version;
  rankings_.clear();
  digests_.clear();
}

const RankingSnapshot& BoardCache::ranking(store::Database& db, const std::string& node,
                                           const handlers::RankingMonth& month) {
  follow_ledger(db);
  const auto key = std::make_pair(node, month.from);
  if (const auto found = rankings_.find(key); found != rankings_.end()) return found->second;
  if (rankings_.size() >= kMaxRankings) rankings_.clear();
  RankingSnapshot snapshot;
  snapshot.people = store::BoardReads(db).people(node, month.from, month.to, -1, 0).people;
  store::RankingRepository rankings(db);
  snapshot.children = rankings.children(node, month.from, month.to);
  // The 评比 order of `whistle report` and the 公示: points per active volunteer, then total.
  sort_children_for_ranking(snapshot.children);
  snapshot.whole = rankings.whole(node, month.from, month.to);
  return rankings_.emplace(key, std::move(snapshot)).first->second;
}

const store::LedgerDigest& BoardCache::digest(store::Database& db, const std::string& community) {
  follow_ledger(db);
  if (const auto found = digests_.find(community); found != digests_.end()) return found->second;
  return digests_.emplace(community, store::LedgerRepository(db).digest(community)).first->second;
}

}  // namespace whistle::bot::board
