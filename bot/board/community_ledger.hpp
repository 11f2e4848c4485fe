#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "bot/board/month_ledger.hpp"
#include "store/board_ledger_reads.hpp"
#include "store/ledger.hpp"

namespace whistle::store {
class Database;
}

namespace whistle::bot::board {

/// One community's ledger as the board follows it: where the chain ends (its digest), and the
/// months the board was asked for, each brought up to date by reading only the entries appended
/// since the last request. Used on the reader's thread only, inside the request's ReadSnapshot.
///
/// Why reading the new entries is enough: the ledger is append-only. Its schema refuses every
/// UPDATE and DELETE (triggers ledger_no_update and ledger_no_delete, store/schema_v1.hpp);
/// store/ledger.cpp only ever INSERTs and store/ledger_verify.cpp only reads. Ids are AUTOINCREMENT
/// and SQLite has one writer at a time, so a snapshot holds every entry up to the last id it
/// shows: the entries a later snapshot adds are exactly those with a greater id.
class CommunityLedger {
 public:
  /// Where the community's chain ends now.
  CommunityLedger(store::Database& db, std::string community);

  /// Applies the entries appended since the last call. Returns false when the chain now ends
  /// before where it was read to (the file was replaced): the caller starts again.
  bool catch_up(store::Database& db);

  /// The month [from, to), summed by one grouped query the first time it is asked for.
  MonthLedger& month(store::Database& db, std::int64_t from, std::int64_t to);

  /// The chain's end, as LedgerRepository::digest gives it.
  const store::LedgerDigest& digest() const { return digest_; }

  /// Drops the least used months beyond `months`, and in each the least used subtrees beyond
  /// `subtrees`: a bound on memory, applied between requests.
  void drop_unused(std::size_t months, std::size_t subtrees);

 private:
  struct Month {
    MonthLedger ledger;
    std::uint64_t used = 0;
  };

  void apply(store::BoardLedgerReads& reads, const store::FollowedEntry& entry);

  std::string community_;
  std::int64_t last_id_ = 0;
  store::LedgerDigest digest_;
  std::map<std::int64_t, Month> months_;  ///< by the month's start
  std::uint64_t clock_ = 0;
};

}  // namespace whistle::bot::board
