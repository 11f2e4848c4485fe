#include "store/redemption_consistency.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <string>
#include <utility>

namespace whistle::store::detail {

namespace {

constexpr const char* kRedemptionSums =
    "SELECT community_id, SUM(points), SUM(CASE WHEN status IN ('cancelled', 'expired') THEN points ELSE 0 "
    "END) "
    "FROM redemptions GROUP BY community_id";
constexpr const char* kLedgerSums =
    "SELECT community_id, -SUM(CASE WHEN kind = 'redeem' THEN points ELSE 0 END), "
    "SUM(CASE WHEN kind = 'refund' THEN points ELSE 0 END) FROM ledger "
    "WHERE kind IN ('redeem', 'refund') GROUP BY community_id";
constexpr const char* kPendingWithoutExpiry =
    "SELECT r.community_id, r.code FROM redemptions r WHERE r.status = 'pending' AND NOT EXISTS "
    "(SELECT 1 FROM jobs j WHERE j.kind = 'redemption_expiry' AND j.payload = CAST(r.id AS TEXT) "
    "AND j.done_at IS NULL)";

// Per community: points held, points given back.
using Sums = std::map<std::string, std::pair<std::int64_t, std::int64_t>>;

Sums read_sums(SQLite::Database& db, const char* sql) {
  Sums sums;
  SQLite::Statement s(db, sql);
  while (s.executeStep()) {
    sums[s.getColumn(0).getString()] = {s.getColumn(1).getInt64(), s.getColumn(2).getInt64()};
  }
  return sums;
}

}  // namespace

void check_redemptions(SQLite::Database& db, ConsistencyReport& report) {
  Sums redemptions = read_sums(db, kRedemptionSums);
  Sums ledger = read_sums(db, kLedgerSums);
  // A community may appear on one side only (an entry without its redemption): compare over both.
  for (const auto& [community, sums] : ledger)
    redemptions.try_emplace(community, 0, 0);
  for (const auto& [community, sums] : redemptions) {
    const auto [held, returned] =
        ledger.count(community) ? ledger.at(community) : std::pair<std::int64_t, std::int64_t>{};
    if (held != sums.first) {
      report.violations.push_back("redemptions of " + community + " hold " + std::to_string(sums.first) +
                                  " points but the ledger's redeem entries take " + std::to_string(held));
    }
    if (returned != sums.second) {
      report.violations.push_back("cancelled and expired redemptions of " + community + " gave back " +
                                  std::to_string(sums.second) + " points but the ledger's refunds are " +
                                  std::to_string(returned));
    }
  }
  SQLite::Statement pending(db, kPendingWithoutExpiry);
  while (pending.executeStep()) {
    report.violations.push_back("redemption " + pending.getColumn(1).getString() + " of " +
                                pending.getColumn(0).getString() + " is pending with no expiry scheduled");
  }
}

}  // namespace whistle::store::detail
