#include "handlers/ticket_clock.hpp"

#include <algorithm>

#include "handlers/language/calendar.hpp"

namespace whistle::handlers {

namespace {

using language::kSecondsPerDay;

// Seconds since local midnight.
std::int64_t local_second_of_day(std::int64_t at, int utc_offset_seconds) {
  const std::int64_t local = at + utc_offset_seconds;
  return ((local % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay;
}

// The next moment at or after `at` whose local second of day is `second`.
std::int64_t next_local(std::int64_t at, std::int64_t second, int utc_offset_seconds) {
  const std::int64_t now = local_second_of_day(at, utc_offset_seconds);
  return at + ((second - now) % kSecondsPerDay + kSecondsPerDay) % kSecondsPerDay;
}

}  // namespace

bool class_pauses_at_night(std::string_view urgency) {
  return urgency == "general" || urgency == "complex";
}

int solve_hours_of(const config::Rules& rules, std::string_view urgency) {
  if (urgency == "urgent") return rules.solve_hours.urgent;
  if (urgency == "utilities") return rules.solve_hours.utilities;
  if (urgency == "complex") return rules.solve_hours.complex;
  return rules.solve_hours.general;
}

bool in_quiet_hours(std::int64_t at, const config::QuietHours& quiet, int utc_offset_seconds) {
  if (!quiet.enabled) return false;
  const std::int64_t second = local_second_of_day(at, utc_offset_seconds);
  const std::int64_t start = quiet.start_minute * 60;
  const std::int64_t end = quiet.end_minute * 60;
  if (start < end) return second >= start && second < end;
  return second >= start || second < end;  // across midnight
}

std::int64_t end_of_quiet_hours(std::int64_t at, const config::QuietHours& quiet, int utc_offset_seconds) {
  if (!in_quiet_hours(at, quiet, utc_offset_seconds)) return at;
  return next_local(at, quiet.end_minute * 60, utc_offset_seconds);
}

std::int64_t deadline_after(std::int64_t start, std::int64_t seconds, bool pauses,
                            const config::QuietHours& quiet, int utc_offset_seconds) {
  if (!pauses || !quiet.enabled) return start + seconds;
  std::int64_t at = end_of_quiet_hours(start, quiet, utc_offset_seconds);
  std::int64_t left = seconds;
  // Each turn runs to the next quiet start (at most a day away), so a 360-hour clock takes ~16.
  while (true) {
    const std::int64_t quiet_start = next_local(at, quiet.start_minute * 60, utc_offset_seconds);
    const std::int64_t open = quiet_start - at;
    if (left <= open) return at + left;
    left -= open;
    at = end_of_quiet_hours(quiet_start, quiet, utc_offset_seconds);
  }
}

}  // namespace whistle::handlers
