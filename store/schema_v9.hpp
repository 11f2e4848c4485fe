#pragma once

// Schema version 9 (issue 15): a ranking reads only the ledger rows of the place it ranks. 积分's
// rank (LedgerRepository::earnings_under) read the whole community's month through ledger_by_month
// and looked each row up in the table, to keep those of the asking chat's unit: ~90 µs per ask in
// the mixed storm (5% of the writer's time for 1.5% of its events), growing with the month.
// ledger_by_node holds every column the ranking needs, by node and time: a unit's ranking is its own
// rows, a building's its units' rows, and no table row is read. It costs one more index entry per
// ledger row (a row per check-in confirmed, adjustment or redemption, not per event).

namespace whistle::store {

inline constexpr const char* kSchemaV9 = R"sql(
CREATE INDEX ledger_by_node ON ledger(node_id, at, kind, person_id, points, minutes, community_id);
)sql";

}  // namespace whistle::store
