#pragma once

// What must hold in a Whistle database whatever happened to the process (design.md, "rules that
// must always hold"): checked by `whistle check`, by the soak after its kills, and by tests.

#include <cstdint>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

struct ConsistencyReport {
  std::int64_t tasks = 0;
  std::int64_t signups = 0;
  std::int64_t inbox = 0;          ///< events taken (each once)
  std::int64_t outbox = 0;         ///< messages queued
  std::int64_t outbox_unsent = 0;  ///< of those, still to be delivered
  std::int64_t outbox_dead = 0;    ///< of those, refused for good by their platform and set aside
  std::int64_t ledger_entries = 0;
  std::int64_t people_with_points = 0;
  std::int64_t points_total = 0;  ///< the sum of every balance, equal to the ledger's sum by construction
  std::int64_t tickets = 0;
  std::int64_t tickets_not_closed = 0;
  std::int64_t jobs_dead = 0;  ///< jobs set aside after their last failed attempt (see last_error)

  /// Each a sentence naming the rows at fault; empty when everything holds.
  std::vector<std::string> violations;
};

/// Reads the whole database (one read transaction) and checks:
/// - no task holds more signed-up people than its places;
/// - no open task has a free place while someone waits on its waitlist;
/// - no two signups of a task share a position (seq);
/// - every ledger chain is intact: each entry follows the previous hash and hashes to its own;
/// - no person's balance (the sum of their ledger entries in a community) is negative.
/// - redemptions and the ledger agree on the points held and given back, and every pending
///   redemption has its expiry scheduled (store/redemption_consistency.hpp).
/// - every ticket waiting for 接单 or for its rating has that deadline scheduled
///   (store/ticket_consistency.hpp).
ConsistencyReport check_consistency(Database& db);

}  // namespace whistle::store
