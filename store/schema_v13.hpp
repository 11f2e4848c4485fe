#pragma once

// Schema version 13: a task's places counted for each node of a level ("每单元1人 下发"). The
// places were one pool, so in a campaign sent to every unit one unit's volunteers took three of
// four places (an exploratory run of a campaign, 2026-12-06). `places_level` is the level (1 grid,
// 2 building, 3 unit) and `places_each` the places of each node of it; `places` stays their sum.
// Both are empty for a pooled task, and for every task stored before.

namespace whistle::store {

inline constexpr const char* kSchemaV13 = R"sql(
ALTER TABLE tasks ADD COLUMN places_level INTEGER CHECK (places_level IS NULL OR places_level BETWEEN 1 AND 3);
ALTER TABLE tasks ADD COLUMN places_each INTEGER CHECK (places_each IS NULL OR places_each > 0);
)sql";

}  // namespace whistle::store
