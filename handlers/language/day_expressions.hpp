#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace whistle::language {

/// A day named in a message, before it is pinned to the calendar.
struct DayExpression {
  enum class Kind { relative, weekday, date, month_day, lunar_new_year };
  Kind kind = Kind::relative;
  int days = 0;                   ///< relative: days after today (今天 0, 明天 1 …); lunar_new_year:
                                  ///< days after 春节 (除夕 -1, 正月初三 2, 元宵 14)
  int weekday = 0;                ///< weekday: 0 = Monday … 6 = Sunday
  std::optional<int> week_shift;  ///< weekday: empty for "the next one", else weeks from this one
  std::int64_t year = 0;          ///< date: 0 when the year was not written
  int month = 0;                  ///< date: 1–12
  int day = 0;                    ///< date and month_day: 1–31
  bool needs_time = false;        ///< month_day: a day only if a period or clock follows ("12号" alone
                                  ///< inside a word is a house number or a task)
  std::string_view period;        ///< the period a word carries ("今晚" → "晚上"), or empty
  std::size_t end = 0;            ///< where the expression ends in the text
};

/// Reads a day expression at `pos` (今天, 周六, 下周一, 11月25日, 2026-11-25, 11.25, 28号 …), or empty.
/// Holidays are days too: 元旦, 跨年夜 (its evening), 元月3日, 国庆节 …, and by a table of 春节's dates
/// 除夕, 大年三十, 春节, 正月初三, 大年初二, 元宵节; "那天"/"当天" after one belongs to it ("元旦那天").
/// A day of the month alone ("28号", "28日", "二十八号") is read only where no month, "第" or other
/// number stands before it, and not inside a word ("12号楼", "5号的"): after it must come the end,
/// a space or punctuation, or (then `needs_time` is set, and the caller checks) a period, a clock
/// or a deadline word. A word before it ("楼道28号") sets `needs_time` as well.
std::optional<DayExpression> read_day(std::string_view text, std::size_t pos);

/// The local day number (days since 1970-01-01) a day expression names, given today's local day
/// number and the local minute of day it starts at; empty for an impossible date (2月30日). A day of
/// the month alone is this month's unless it has passed (today counts while `start_minute` is
/// still ahead), else the next month's that has such a day ("31号" late in November → 12-31).
/// A date without a year (and a holiday) is the next one to come, unless it passed less than 60 days
/// ago (then it is read in the past, and a whistle for it refused as past: "12月31日" said on 1月2日).
/// 春节's days are known for 2024–2035; outside them, none is read. See take_time() for the rules.
std::optional<std::int64_t> resolve_day(const DayExpression& day, std::int64_t today, std::int64_t local_now,
                                        int start_minute);

}  // namespace whistle::language
