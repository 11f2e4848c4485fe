#pragma once

#include <cstdint>
#include <optional>

namespace whistle::handlers {

/// The night in which no call for help is posted to a group, in local time: 22:00 until 07:00,
/// the design's default `quiet_hours`. (The config does not carry `quiet_hours` yet; when it does,
/// these become its values.)
inline constexpr std::int64_t kQuietFromSeconds = 22 * 3600;
inline constexpr std::int64_t kQuietUntilSeconds = 7 * 3600;

/// When to post the call for help that is due at `due` (start − help_lead_hours) for a task that
/// starts at `start`, decided at `now`, for a community `utc_offset_seconds` east of UTC:
/// - `due` itself when it is outside the night;
/// - in the night, 21:00 the evening before, when that is still ahead of `now`;
/// - else 07:00 at the night's end, when that is before `start`;
/// - nothing (no call) when `due` is already past, or when neither time works.
std::optional<std::int64_t> help_call_time(std::int64_t due, std::int64_t start, std::int64_t now,
                                           int utc_offset_seconds);

}  // namespace whistle::handlers
