#pragma once

// Schema version 9 (issue 15): a ranking reads only the ledger rows of the place it ranks. 积分's
// rank (LedgerRepository::earnings_under) read the whole community's month through ledger_by_month
// and looked each row up in the table, to keep those of the asking chat's unit: ~90 µs per ask in
// the mixed storm (5% of the writer's time for 1.5% of its events), growing with the month.
// ledger_by_node finds a node's rows of a month: a unit's ranking reads its own rows, a building's
// its units' rows. Only (node_id, at): a covering index with the ranking's five other columns was
// no faster for a unit (a few rows to look up) and 45 MB on the 1M-row scale database, not 15.
// One more index entry per ledger row (a row per confirmation, adjustment or redemption).

namespace whistle::store {

inline constexpr const char* kSchemaV9 = R"sql(
CREATE INDEX ledger_by_node ON ledger(node_id, at);
)sql";

}  // namespace whistle::store
