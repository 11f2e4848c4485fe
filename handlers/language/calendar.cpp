#include "handlers/language/calendar.hpp"

namespace whistle::language {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t quotient = a / b;
  return (a % b != 0 && a < 0) ? quotient - 1 : quotient;
}

// Howard Hinnant's days_from_civil / civil_from_days, in 64-bit arithmetic throughout.
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = floor_div(year, 400);
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = floor_div(days, 146097);
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
  CivilDate date;
  date.day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  date.month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  date.year = year_of_era + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

int weekday_from_days(std::int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const std::int64_t weekday = (days + 3) % 7;
  return static_cast<int>(weekday < 0 ? weekday + 7 : weekday);
}

int days_in_month(std::int64_t year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool is_sane_time(std::int64_t now, int utc_offset_seconds) {
  constexpr std::int64_t kYear1 = -62135596800;      // 0001-01-01T00:00Z
  constexpr std::int64_t kYear10000 = 253402300800;  // 10000-01-01T00:00Z
  constexpr int kMaxOffset = 18 * 3600;
  return now >= kYear1 && now < kYear10000 && utc_offset_seconds >= -kMaxOffset &&
         utc_offset_seconds <= kMaxOffset;
}

}  // namespace whistle::language
