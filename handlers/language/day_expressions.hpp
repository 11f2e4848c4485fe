#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace whistle::language {

/// A day named in a message, before it is pinned to the calendar.
struct DayExpression {
  enum class Kind { relative, weekday, date };
  Kind kind = Kind::relative;
  int days = 0;                   ///< relative: days after today (今天 0, 明天 1 …)
  int weekday = 0;                ///< weekday: 0 = Monday … 6 = Sunday
  std::optional<int> week_shift;  ///< weekday: empty for "the next one", else weeks from this one
  std::int64_t year = 0;          ///< date: 0 when the year was not written
  int month = 0;                  ///< date: 1–12
  int day = 0;                    ///< date: 1–31
  std::string_view period;        ///< the period a word carries ("今晚" → "晚上"), or empty
  std::size_t end = 0;            ///< where the expression ends in the text
};

/// Reads a day expression at `pos` (今天, 周六, 下周一, 11月25日, 2026-11-25, 11.25 …), or empty.
std::optional<DayExpression> read_day(std::string_view text, std::size_t pos);

/// The local day number (days since 1970-01-01) a day expression names, given today's local day
/// number and the local minute of day it starts at; empty for an impossible date (2月30日).
/// See take_time() for the rules.
std::optional<std::int64_t> resolve_day(const DayExpression& day, std::int64_t today, std::int64_t local_now,
                                        int start_minute);

}  // namespace whistle::language
