#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "handlers/language/command.hpp"

namespace whistle::handlers {

/// A calendar month of the community's time zone as the instants [from, to) it covers; or, asked
/// for a year ("排行 今年", "年度统计"), the whole year (`whole_year`, `month` its January).
struct RankingMonth {
  language::YearMonth month;
  std::int64_t from = 0;  ///< the first day, 00:00 local, Unix seconds
  std::int64_t to = 0;    ///< the first day of the next month (or year), 00:00 local
  bool whole_year = false;
  /// "2026-10" ("2026" for a year), the form publications are kept under and reports name.
  std::string label() const;
};

/// The month's range in a zone `utc_offset_seconds` east of UTC.
RankingMonth ranking_month(language::YearMonth month, int utc_offset_seconds);

/// The year's range, 1 January to 1 January.
RankingMonth ranking_year(int year, int utc_offset_seconds);

/// The period a command asks for: the year named, else the month named, else the current month.
RankingMonth ranking_period(const language::Command& command, std::int64_t now, int utc_offset_seconds);

/// The local month an instant falls in.
language::YearMonth month_of(std::int64_t at, int utc_offset_seconds);

/// The month before.
language::YearMonth previous_month(language::YearMonth month);

/// Reads "2026-10" (four-digit year, month 1–12); empty for anything else.
std::optional<language::YearMonth> parse_year_month(std::string_view text);

/// The first 民情日 moment strictly after `after`: day `publish_day` (the month's last day when it
/// is shorter) at `publish_hour`:00 local time.
std::int64_t next_publish_at(std::int64_t after, int publish_day, int publish_hour, int utc_offset_seconds);

}  // namespace whistle::handlers
