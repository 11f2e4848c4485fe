#pragma once

#include <cstdint>

namespace whistle::language {

/// Seconds in a day; there are no leap seconds in Unix time.
inline constexpr std::int64_t kSecondsPerDay = 86400;

/// A day of the proleptic Gregorian calendar.
struct CivilDate {
  std::int64_t year = 1970;
  int month = 1;  ///< 1–12
  int day = 1;    ///< 1–31
};

/// a / b rounded towards negative infinity (b > 0).
std::int64_t floor_div(std::int64_t a, std::int64_t b);

/// Days since 1970-01-01 of a civil date (month 1–12, day 1–31; not validated).
std::int64_t days_from_civil(std::int64_t year, int month, int day);

/// The civil date of a count of days since 1970-01-01.
CivilDate civil_from_days(std::int64_t days);

/// The day of the week of a count of days since 1970-01-01: 0 = Monday … 6 = Sunday.
int weekday_from_days(std::int64_t days);

/// The number of days in a month of a year (28–31), or 0 for a month outside 1–12.
int days_in_month(std::int64_t year, int month);

/// Whether Unix seconds `now` and an offset are small enough for local-time arithmetic
/// (years 1–9999 and offsets within ±18 hours), so no computation can overflow.
bool is_sane_time(std::int64_t now, int utc_offset_seconds);

}  // namespace whistle::language
