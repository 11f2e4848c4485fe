#include "handlers/help_call_time.hpp"

#include "handlers/language/calendar.hpp"

namespace whistle::handlers {

namespace {

using language::kSecondsPerDay;

// Seconds since local midnight (floored, so times before 1970 still land in [0, kSecondsPerDay)).
std::int64_t seconds_into_day(std::int64_t local) {
  return ((local % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay;
}

}  // namespace

std::optional<std::int64_t> help_call_time(std::int64_t due, std::int64_t start, std::int64_t now,
                                           int utc_offset_seconds) {
  // A task whistled closer to its start than the lead time was just announced: calling the parent
  // group at once would only repeat it.
  if (due <= now) return std::nullopt;
  const std::int64_t local = due + utc_offset_seconds;
  const std::int64_t into_day = seconds_into_day(local);
  const bool evening = into_day >= kQuietFromSeconds;
  const bool early_morning = into_day < kQuietUntilSeconds;
  if (!evening && !early_morning) return due;

  // A call at 02:00 wakes the parent group and is read by nobody: the evening before reaches
  // people while they can still offer to come.
  const std::int64_t midnight = local - into_day;  // of the day `due` falls on, local
  const std::int64_t night_starts =
      evening ? midnight + kQuietFromSeconds : midnight - kSecondsPerDay + kQuietFromSeconds;
  // An hour before the night: 21:00.
  const std::int64_t evening_before = night_starts - 3600 - utc_offset_seconds;
  if (evening_before > now) return evening_before;
  // Whistled after that evening: the morning is the first time a group may be called, and only
  // while it is still before the start.
  const std::int64_t morning =
      night_starts + (kSecondsPerDay - kQuietFromSeconds + kQuietUntilSeconds) - utc_offset_seconds;
  if (morning < start) return morning;
  return std::nullopt;
}

}  // namespace whistle::handlers
