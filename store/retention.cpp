#include "store/retention.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"

namespace whistle::store {

namespace {

// Both tables are in arrival order (the inbox by rowid since schema v7, the outbox by its id), so
// the rows to go are a prefix: read the oldest `limit`, keep going while they may go.
constexpr const char* kOldestInbox = "SELECT rowid, received_at FROM inbox ORDER BY rowid LIMIT ?";
constexpr const char* kDeleteInbox = "DELETE FROM inbox WHERE rowid <= ?";
constexpr const char* kOldestOutbox = "SELECT id, COALESCE(sent_at, dead_at) FROM outbox ORDER BY id LIMIT ?";
// The outbox's ids are AUTOINCREMENT: a deleted id is never given again, so a receiver's dedupe by
// X-Whistle-Delivery stays true.
constexpr const char* kDeleteOutbox = "DELETE FROM outbox WHERE id <= ?";

struct Prefix {
  std::int64_t count = 0;
  std::int64_t last = 0;  ///< the last row of the prefix
  bool full = false;      ///< all `limit` rows read may go
};

// The first rows whose time (column 1, NULL for a row that must stay) is before `before`.
Prefix prefix_before(SQLite::Database& connection, const char* sql, std::int64_t before, std::int64_t limit) {
  SQLite::Statement oldest(connection, sql);
  oldest.bind(1, limit);
  Prefix prefix;
  while (oldest.executeStep()) {
    const SQLite::Column at = oldest.getColumn(1);
    if (at.isNull() || at.getInt64() >= before) return prefix;
    prefix.last = oldest.getColumn(0).getInt64();
    ++prefix.count;
  }
  prefix.full = prefix.count == limit;
  return prefix;
}

std::int64_t delete_prefix(SQLite::Database& connection, const char* sql, const Prefix& prefix) {
  if (prefix.count == 0) return 0;
  SQLite::Statement remove(connection, sql);
  remove.bind(1, prefix.last);
  return remove.exec();
}

}  // namespace

PrunedRows prune_before(Database& db, std::int64_t before, std::int64_t limit) {
  SQLite::Database& connection = db.raw();
  const Prefix inbox = prefix_before(connection, kOldestInbox, before, limit);
  const Prefix outbox = prefix_before(connection, kOldestOutbox, before, limit);
  PrunedRows pruned;
  pruned.inbox = delete_prefix(connection, kDeleteInbox, inbox);
  pruned.outbox = delete_prefix(connection, kDeleteOutbox, outbox);
  pruned.more = inbox.full || outbox.full;
  return pruned;
}

}  // namespace whistle::store
