#pragma once

// The redemption rules of `whistle check` (internal to store/, called by check_consistency).

#include "store/consistency.hpp"

namespace SQLite {
class Database;
}

namespace whistle::store::detail {

/// Adds a violation when, in a community, the points held by redemptions differ from the ledger's
/// `redeem` entries, the points of cancelled and expired ones differ from its `refund` entries, or
/// a pending redemption has no expiry waiting (its points would be held for ever).
void check_redemptions(SQLite::Database& db, ConsistencyReport& report);

}  // namespace whistle::store::detail
