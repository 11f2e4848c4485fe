#pragma once

// Schema version 2: the inbox keeps a digest of each decoded event, so a second delivery under a
// seen id is told apart: the same event redelivered (answered as the first time) or another event
// colliding on the id (refused, 409). Rows from version 1 have none and count as the same event.

namespace whistle::store {

inline constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE inbox ADD COLUMN digest BLOB;
)sql";

}  // namespace whistle::store
