#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "handlers/language/time_expressions.hpp"

namespace whistle::language {

/// A calendar month as the instants of its first and last local midnight.
struct MonthRange {
  std::int64_t start = 0;  ///< first day of the month, 00:00 local, in Unix seconds
  std::int64_t end = 0;    ///< first day of the next month, 00:00 local, in Unix seconds
  int year = 0;            ///< the month's year, 1–9999
  int month = 0;           ///< 1–12
};

/// Finds the first month in `text` (上月/上个月, 上上月/上上个月, 本月/这个月/当月, 10月, 10月份,
/// 十月, 2026年10月, 去年12月, 今年3月, 前年5月, 2026-10, 2026/10), cuts it out and returns its
/// range. A month without a year that lies after the current month is last year's ("统计 12月" in
/// November 2026 is December 2025): reports look back. The current month is this year's.
std::optional<MonthRange> take_month(std::string& text, const TimeContext& context);

/// Finds a whole year named in `text` where no month is (今年, 去年, 前年, 2026年, 全年, 年度, 本年度, 年终),
/// cuts it out and returns it. 全年, 年度 and 年终 are this year's, but in January the year just
/// ended ("年度排名" asked on 1月5日 is 2026's).
std::optional<int> take_year(std::string& text, const TimeContext& context);

/// The month as "YYYY-MM" ("2026-10"), as `whistle parse` prints it.
std::string format_month(int year, int month);

}  // namespace whistle::language
