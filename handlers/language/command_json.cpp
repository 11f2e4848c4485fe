#include "handlers/language/command_json.hpp"

#include <cstdio>
#include <optional>
#include <stdexcept>

#include "handlers/language/calendar.hpp"
#include "handlers/language/month_expressions.hpp"

namespace whistle::language {

namespace {

using json = nlohmann::ordered_json;

template <typename T>
json or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json time_or_null(const std::optional<std::int64_t>& value, int utc_offset_seconds) {
  return value ? json(format_local_time(*value, utc_offset_seconds)) : json(nullptr);
}

// The digits of text[pos, pos + count) as a number, or -1 if any is not a digit.
int digits_at(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

nlohmann::ordered_json command_to_json(const Command& command, int utc_offset_seconds) {
  json object = json::object();
  object["intent"] = std::string(intent_name(command.intent));
  object["task"] = or_null(command.task);
  object["ticket"] = or_null(command.ticket);
  object["count"] = or_null(command.count);
  object["points"] = or_null(command.points);
  object["start"] = time_or_null(command.start, utc_offset_seconds);
  object["end"] = time_or_null(command.end, utc_offset_seconds);
  object["minutes"] = or_null(command.minutes);
  object["place"] = or_null(command.place);
  object["title"] = or_null(command.title);
  object["mentions"] = command.mentions;
  object["code"] = or_null(command.code);
  object["score"] = or_null(command.score);
  object["reason"] = or_null(command.reason);
  object["item"] = or_null(command.item);
  object["month"] =
      command.month ? json(format_month(command.month->year, command.month->month)) : json(nullptr);
  object["responder"] = or_null(command.responder);
  object["kind"] = command.kind ? json(std::string(ticket_kind_name(*command.kind))) : json(nullptr);
  object["text"] = command.text;
  return object;
}

std::int64_t parse_local_time(std::string_view text, int utc_offset_seconds) {
  // YYYY-MM-DDTHH:MM[:SS]
  const bool shape = (text.size() == 16 || text.size() == 19) && text[4] == '-' && text[7] == '-' &&
                     (text[10] == 'T' || text[10] == ' ') && text[13] == ':' &&
                     (text.size() == 16 || text[16] == ':');
  if (!shape) throw std::invalid_argument("not a local time YYYY-MM-DDTHH:MM: " + std::string(text));
  const int year = digits_at(text, 0, 4);
  const int month = digits_at(text, 5, 2);
  const int day = digits_at(text, 8, 2);
  const int hour = digits_at(text, 11, 2);
  const int minute = digits_at(text, 14, 2);
  const int second = text.size() == 19 ? digits_at(text, 17, 2) : 0;
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour < 0 ||
      hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    throw std::invalid_argument("not a valid local time: " + std::string(text));
  }
  return days_from_civil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 + second -
         utc_offset_seconds;
}

std::string format_local_time(std::int64_t unix_seconds, int utc_offset_seconds) {
  // Split into days and seconds of the day before adding the offset, with no multiplication, so
  // that no instant near the int64 limits can overflow.
  std::int64_t days = floor_div(unix_seconds, kSecondsPerDay);
  std::int64_t seconds = unix_seconds % kSecondsPerDay;
  if (seconds < 0) seconds += kSecondsPerDay;
  seconds += utc_offset_seconds;
  days += floor_div(seconds, kSecondsPerDay);
  seconds -= floor_div(seconds, kSecondsPerDay) * kSecondsPerDay;
  const CivilDate date = civil_from_days(days);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02d:%02d", static_cast<long long>(date.year),
                date.month, date.day, static_cast<int>(seconds / 3600),
                static_cast<int>(seconds % 3600 / 60));
  return buffer;
}

}  // namespace whistle::language
