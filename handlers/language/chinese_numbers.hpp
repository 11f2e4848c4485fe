#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace whistle::language {

/// A number read from the text, and how many bytes it took.
struct NumberMatch {
  std::int64_t value = 0;  ///< 0 when `overflow`
  std::size_t length = 0;  ///< bytes consumed
  bool overflow = false;   ///< too large to be any slot (more than 18 digits, or 万/亿 follows)
  bool chinese = false;    ///< written in Chinese numerals (十二) rather than digits (12)
};

/// Whether `cp` is a Chinese numeral character: 零〇一二两俩三仨四五六七八九十百千 (俩 is 2 and 仨 is 3,
/// as people say "俩人", "来仨").
bool is_chinese_numeral(char32_t cp);

/// Reads the number that starts at `pos`: ASCII digits ("12") or Chinese numerals from 0 to 9999
/// ("五", "十二", "二十", "一百二十", "一百零五", "两千五", "九千九百九十九", "两", "俩", "仨", and
/// digit by digit for three or more digits, "二〇二六"). Empty when no number starts there.
/// Does not look at what precedes `pos`; see starts_number().
std::optional<NumberMatch> read_number(std::string_view text, std::size_t pos);

/// Whether a number may start at `pos`: a number is there and `pos` is not in the middle of
/// another one (after a digit, or after a Chinese numeral for a Chinese number).
bool starts_number(std::string_view text, std::size_t pos);

/// The number that starts at `pos` if starts_number() allows it there, it did not overflow, and
/// it lies within [low, high]; else empty.
std::optional<NumberMatch> read_number_between(std::string_view text, std::size_t pos, std::int64_t low,
                                               std::int64_t high);

/// The value of a text that is one number and nothing else ("一百二十" → 120), or empty.
std::optional<std::int64_t> parse_number(std::string_view text);

}  // namespace whistle::language
