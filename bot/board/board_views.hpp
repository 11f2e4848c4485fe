#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "handlers/ranking_month.hpp"
#include "store/org.hpp"

namespace whistle::store {
class Database;
}

namespace whistle::bot::board {

class BoardCache;

/// What every view needs besides the database: the zone and the time of the read.
struct ViewClock {
  int utc_offset_seconds = 8 * 3600;
  std::int64_t now = 0;
};

/// A page of a list: 1-based page number and rows per page.
struct Paging {
  std::int64_t page = 1;
  std::int64_t per_page = 50;
  std::int64_t offset() const { return (page - 1) * per_page; }
};

// Each view is the JSON body of one API route (docs/board.md), built inside the caller's
// ReadSnapshot. The HTML page renders from the same JSON, so page and API never disagree. Free text
// is masked (handlers/language/private_numbers.hpp) and no person id, chat id or reporter leaves
// through them.

/// {"nodes":[{"id","name","level","parent"}]}, parents before children.
nlohmann::json nodes_view(store::Database& db);

/// The month's people ranking (a page of it), the children's 评比 and the whole subtree.
nlohmann::json ranking_view(store::Database& db, BoardCache& cache, const store::OrgNode& node,
                            const handlers::RankingMonth& month, const Paging& paging);

/// Open whistles of the subtree with places left, soonest first.
nlohmann::json tasks_view(store::Database& db, const store::OrgNode& node, const Paging& paging,
                          const ViewClock& clock);

/// Tickets by state now, and the month's figures and rates.
nlohmann::json tickets_view(store::Database& db, const store::OrgNode& node,
                            const handlers::RankingMonth& month);

/// The 12 months ending with the clock's month: received, solved, satisfaction, oldest first.
nlohmann::json trend_view(store::Database& db, const store::OrgNode& node, const ViewClock& clock);

/// 回音壁: solved tickets of the subtree, the most recently resolved first.
nlohmann::json echo_view(store::Database& db, const store::OrgNode& node, const Paging& paging,
                         const ViewClock& clock);

/// The community's ledger digest now, the digests the monthly 公示 showed, and how to check them.
nlohmann::json ledger_view(store::Database& db, BoardCache& cache, const store::OrgNode& node);

/// Officials: the community's ledger entries of the month with their hashes.
nlohmann::json ledger_entries_view(store::Database& db, const store::OrgNode& node,
                                   const handlers::RankingMonth& month);

/// "2026-11-28T09:00": an instant as local time.
std::string local_iso(std::int64_t at, int utc_offset_seconds);

/// Minutes as hours with one decimal (90 → 1.5), rounded as chat rounds them (handlers/shown_figures.hpp).
double hours_of(std::int64_t minutes);

/// Seconds as hours with one decimal, rounded once from the exact time.
double hours_of_seconds(double seconds);

}  // namespace whistle::bot::board
