#include "handlers/task_text.hpp"

#include <chrono>
#include <cstdio>
#include <iterator>
#include <sstream>
#include <vector>

#include "handlers/language/calendar.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::handlers {

namespace {

struct LocalTime {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  unsigned weekday = 0;  // 0 = Sunday
  int hour = 0;
  int minute = 0;
  std::int64_t day_number = 0;  // days since 1970-01-01, local
};

// The community has a fixed offset (Asia/Shanghai has no DST), so local time is plain arithmetic.
LocalTime to_local(const Services& services, std::int64_t at) {
  const std::int64_t local = at + services.config.locale.utc_offset_seconds;
  std::int64_t days = local / 86400;
  std::int64_t seconds = local % 86400;
  if (seconds < 0) {
    seconds += 86400;
    days -= 1;
  }
  const std::chrono::sys_days date{std::chrono::days{days}};
  const std::chrono::year_month_day ymd{date};
  LocalTime result;
  result.year = static_cast<int>(ymd.year());
  result.month = static_cast<unsigned>(ymd.month());
  result.day = static_cast<unsigned>(ymd.day());
  result.weekday = std::chrono::weekday{date}.c_encoding();
  result.hour = static_cast<int>(seconds / 3600);
  result.minute = static_cast<int>(seconds % 3600 / 60);
  result.day_number = days;
  return result;
}

std::string clock_of(const LocalTime& time) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", time.hour, time.minute);
  return buffer;
}

// The weekday names live in the template file, Sunday first, separated by spaces.
std::string weekday_name(const Services& services, unsigned weekday) {
  std::istringstream names(services.text("weekdays"));
  std::vector<std::string> week{std::istream_iterator<std::string>(names),
                                std::istream_iterator<std::string>()};
  return weekday < week.size() ? week[weekday] : std::string();
}

}  // namespace

std::int64_t local_day(const Services& services, std::int64_t at) {
  return language::floor_div(at + services.config.locale.utc_offset_seconds, language::kSecondsPerDay);
}

std::string local_time_text(const Services& services, std::int64_t at, std::int64_t now) {
  const LocalTime time = to_local(services, at);
  // A date without its year is read as this year's: one in another year must say which.
  const bool other_year = time.year != to_local(services, now).year;
  return services.text(other_year ? "time_point_with_year" : "time_point",
                       {{"year", std::to_string(time.year)},
                        {"month", std::to_string(time.month)},
                        {"day", std::to_string(time.day)},
                        {"weekday", weekday_name(services, time.weekday)},
                        {"clock", clock_of(time)}});
}

std::string local_day_text(const Services& services, std::int64_t at, std::int64_t now) {
  const LocalTime time = to_local(services, at);
  const LocalTime today = to_local(services, now);
  if (time.day_number == today.day_number) return services.text("day_today");
  if (time.day_number == today.day_number + 1) return services.text("day_tomorrow");
  return services.text(time.year != today.year ? "date_point_with_year" : "date_point",
                       {{"year", std::to_string(time.year)},
                        {"month", std::to_string(time.month)},
                        {"day", std::to_string(time.day)},
                        {"weekday", weekday_name(services, time.weekday)}});
}

int local_part_of_day(const Services& services, std::int64_t at) {
  const LocalTime time = to_local(services, at);
  return time.hour < 12 ? 0 : time.hour < 17 ? 1 : 2;
}

bool on_day_said(const Services& services, const std::optional<std::int64_t>& start, std::int64_t said,
                 bool part_said) {
  return start && local_day(services, *start) == local_day(services, said) &&
         (!part_said || local_part_of_day(services, *start) == local_part_of_day(services, said));
}

std::string local_clock_text(const Services& services, std::int64_t at) {
  return clock_of(to_local(services, at));
}

std::string task_when_text(const Services& services, const std::optional<std::int64_t>& start,
                           const std::optional<std::int64_t>& end, std::int64_t now) {
  if (start && end) {
    // The same day is written once: "11月28日(周六) 09:00–11:00".
    const bool same_day = to_local(services, *start).day_number == to_local(services, *end).day_number;
    const std::string until =
        same_day ? local_clock_text(services, *end) : local_time_text(services, *end, now);
    return services.text("time_range", {{"start", local_time_text(services, *start, now)}, {"end", until}});
  }
  if (start) return local_time_text(services, *start, now);
  if (end) return services.text("time_deadline", {{"end", local_time_text(services, *end, now)}});
  return "";
}

std::string task_when_text(const Services& services, const store::Task& task, std::int64_t now) {
  return task_when_text(services, task.start, task.end, now);
}

std::string task_summary_text(const Services& services, const store::Task& task, std::int64_t now) {
  std::vector<std::string> parts{task.title};
  if (std::string when = task_when_text(services, task, now); !when.empty()) parts.push_back(std::move(when));
  if (task.place) {
    parts.push_back(*task.place);
  } else if (std::optional<store::OrgNode> node = services.org.node(task.node)) {
    parts.push_back(node->name);
  }
  parts.push_back(task.places ? services.text("task_places", {{"places", std::to_string(*task.places)}})
                              : services.text("task_places_unlimited"));
  if (task.points > 0) {
    parts.push_back(services.text("task_points", {{"points", std::to_string(task.points)}}));
  }

  const std::string separator = services.text("task_part_separator");
  std::string line;
  for (const std::string& part : parts) {
    if (!line.empty()) line += separator;
    line += part;
  }
  return line;
}

std::string signup_count_text(const Services& services, const store::Task& task) {
  const std::string count = std::to_string(services.signups.count(task.id, store::SignupState::signed_up));
  if (!task.places) return services.text("count_unlimited", {{"count", count}});
  return services.text("count_of_places", {{"count", count}, {"places", std::to_string(*task.places)}});
}

std::string status_text(const Services& services, store::TaskStatus status) {
  switch (status) {
    case store::TaskStatus::open:
      return services.text("status_open");
    case store::TaskStatus::finished:
      return services.text("status_finished");
    case store::TaskStatus::cancelled:
      return services.text("status_cancelled");
  }
  return services.text("status_open");
}

std::vector<std::string_view> title_words(std::string_view title) {
  constexpr std::size_t kTwoCharacters = 2 * 3;
  std::vector<std::string_view> words;
  while (!title.empty()) {
    const std::size_t space = title.find(' ');
    const std::string_view word = title.substr(0, space);
    // "扫雪 门口": 门口 is where it is, not what it is called ("楼道明天消杀，收到请扣1" named no task: the
    // final read of stop 67).
    if (word.size() >= kTwoCharacters && !language::names_a_spot(word)) words.push_back(word);
    if (space == std::string_view::npos) break;
    title.remove_prefix(space + 1);
  }
  return words;
}

}  // namespace whistle::handlers
