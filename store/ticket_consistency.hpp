#pragma once

// The ticket rules of `whistle check` (internal to store/, called by check_consistency).

#include "store/consistency.hpp"

namespace SQLite {
class Database;
}

namespace whistle::store::detail {

/// Counts the tickets and the dead jobs, and adds a violation for a ticket that waits on nobody's
/// clock — "never silently dropped": one waiting for 接单 has its answer deadline scheduled for
/// its stage, one resolved has its rating deadline.
void check_tickets(SQLite::Database& db, ConsistencyReport& report);

}  // namespace whistle::store::detail
