#include "handlers/ranking_month.hpp"

#include <algorithm>
#include <charconv>

#include "handlers/language/calendar.hpp"
#include "handlers/language/month_expressions.hpp"

namespace whistle::handlers {

namespace {

using language::kSecondsPerDay;

std::int64_t local_midnight(std::int64_t year, int month, int day, int utc_offset_seconds) {
  return language::days_from_civil(year, month, day) * kSecondsPerDay - utc_offset_seconds;
}

language::YearMonth next_month(language::YearMonth month) {
  return month.month == 12 ? language::YearMonth{month.year + 1, 1}
                           : language::YearMonth{month.year, month.month + 1};
}

// The publication moment within a given month.
std::int64_t publish_moment(language::YearMonth month, int publish_day, int publish_hour,
                            int utc_offset_seconds) {
  const int day = std::clamp(publish_day, 1, language::days_in_month(month.year, month.month));
  return local_midnight(month.year, month.month, day, utc_offset_seconds) +
         std::int64_t{std::clamp(publish_hour, 0, 23)} * 3600;
}

}  // namespace

std::string RankingMonth::label() const {
  return whole_year ? std::to_string(month.year) : language::format_month(month.year, month.month);
}

RankingMonth ranking_year(int year, int utc_offset_seconds) {
  return RankingMonth{language::YearMonth{year, 1}, local_midnight(year, 1, 1, utc_offset_seconds),
                      local_midnight(year + 1, 1, 1, utc_offset_seconds), true};
}

RankingMonth ranking_period(const language::Command& command, std::int64_t now, int utc_offset_seconds) {
  if (command.year) return ranking_year(*command.year, utc_offset_seconds);
  return ranking_month(command.month.value_or(month_of(now, utc_offset_seconds)), utc_offset_seconds);
}

RankingMonth ranking_month(language::YearMonth month, int utc_offset_seconds) {
  const language::YearMonth next = next_month(month);
  return RankingMonth{month, local_midnight(month.year, month.month, 1, utc_offset_seconds),
                      local_midnight(next.year, next.month, 1, utc_offset_seconds)};
}

language::YearMonth month_of(std::int64_t at, int utc_offset_seconds) {
  const language::CivilDate date =
      language::civil_from_days(language::floor_div(at + utc_offset_seconds, kSecondsPerDay));
  return language::YearMonth{static_cast<int>(date.year), date.month};
}

language::YearMonth previous_month(language::YearMonth month) {
  return month.month == 1 ? language::YearMonth{month.year - 1, 12}
                          : language::YearMonth{month.year, month.month - 1};
}

std::optional<language::YearMonth> parse_year_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int year = 0, month = 0;
  const auto [year_end, year_error] = std::from_chars(text.data(), text.data() + 4, year);
  const auto [month_end, month_error] = std::from_chars(text.data() + 5, text.data() + 7, month);
  if (year_error != std::errc() || year_end != text.data() + 4 || month_error != std::errc() ||
      month_end != text.data() + 7 || year < 1000 || month < 1 || month > 12)
    return std::nullopt;
  return language::YearMonth{year, month};
}

std::int64_t next_publish_at(std::int64_t after, int publish_day, int publish_hour, int utc_offset_seconds) {
  language::YearMonth month = month_of(after, utc_offset_seconds);
  std::int64_t moment = publish_moment(month, publish_day, publish_hour, utc_offset_seconds);
  while (moment <= after) {
    month = next_month(month);
    moment = publish_moment(month, publish_day, publish_hour, utc_offset_seconds);
  }
  return moment;
}

}  // namespace whistle::handlers
