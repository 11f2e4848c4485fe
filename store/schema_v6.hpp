#pragma once

// Schema version 6 (issue 14, the public board): indexes for the board's read queries, so a page
// reads index ranges, never a whole table (tests/store/board_query_plan_test.cpp checks the plans).

namespace whistle::store {

inline constexpr const char* kSchemaV6 = R"sql(
-- Open whistles of a community, soonest first (the board's "open tasks with places left").
CREATE INDEX tasks_open_by_start ON tasks(community_id, COALESCE(start_at, created_at)) WHERE status = 'open';
-- The 回音壁: a community's tickets by the time they were resolved, most recent first.
CREATE INDEX tickets_by_resolution ON tickets(community_id, resolved_at) WHERE resolved_at IS NOT NULL;
)sql";

}  // namespace whistle::store
