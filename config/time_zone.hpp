#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whistle::config {

/// Seconds east of UTC of a time zone without daylight saving time ("Asia/Shanghai" → 28800,
/// "UTC+05:30" → 19800); empty for a zone this build cannot resolve.
std::optional<int> utc_offset_of(std::string_view zone);

/// The zones utc_offset_of knows by name, comma-separated, for error messages and docs.
std::string known_time_zones();

}  // namespace whistle::config
