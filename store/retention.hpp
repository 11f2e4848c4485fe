#pragma once

// How long the event path's own records are kept. The inbox is the window in which a platform's
// redelivery of an event is recognised (and answered as the first time); the outbox keeps what was
// sent. Both grow by every message: without pruning, a community's database grew without end.

#include <cstdint>

namespace whistle::store {

class Database;

/// What one pass removed.
struct PrunedRows {
  std::int64_t inbox = 0;
  std::int64_t outbox = 0;
  bool more = false;  ///< a full `limit` of one of them went: call again for the rest
};

/// Deletes, oldest first, at most `limit` inbox rows received before `before`, and at most `limit`
/// outbox messages sent or set aside before it. Each stops at the first row that must stay (an
/// event received since, a message still waiting to be sent), so a pass reads at most `limit`
/// rows of each table however large it is. Runs inside the caller's transaction.
PrunedRows prune_before(Database& db, std::int64_t before, std::int64_t limit);

}  // namespace whistle::store
