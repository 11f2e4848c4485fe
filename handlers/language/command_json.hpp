#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "handlers/language/command.hpp"

namespace whistle::language {

/// The `whistle parse` object of a Command: keys intent task ticket count points start end
/// minutes place title mentions code score text, in that order; absent slots are null; start and end are
/// local times "YYYY-MM-DDTHH:MM" at the given offset.
nlohmann::ordered_json command_to_json(const Command& command, int utc_offset_seconds);

/// Unix seconds of a local time "YYYY-MM-DDTHH:MM" (or with ":SS", or a space for the 'T') at
/// the given offset; throws std::invalid_argument on any other text or an impossible date.
std::int64_t parse_local_time(std::string_view text, int utc_offset_seconds);

/// The local time "YYYY-MM-DDTHH:MM" of Unix seconds at the given offset (seconds dropped).
std::string format_local_time(std::int64_t unix_seconds, int utc_offset_seconds);

}  // namespace whistle::language
