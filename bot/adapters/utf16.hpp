#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace whistle::bot {

/// How many UTF-16 code units `utf8` takes: Telegram measures entity offsets and lengths so
/// (a character outside the Basic Multilingual Plane, such as most emoji, counts 2). An invalid
/// byte counts as one unit, the U+FFFD it would be read as.
std::size_t utf16_length(std::string_view utf8);

/// The byte offset in `utf8` where UTF-16 unit `units` begins; empty when that falls inside a
/// surrogate pair (the middle of one emoji) or beyond the end. `units` equal to the whole length
/// gives the byte length.
std::optional<std::size_t> utf16_to_byte_offset(std::string_view utf8, std::size_t units);

}  // namespace whistle::bot
