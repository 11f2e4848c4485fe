#include "config/time_zone.hpp"

#include <array>
#include <charconv>

namespace whistle::config {

namespace {

struct FixedZone {
  std::string_view name;
  int offset_seconds;
};

constexpr int kHour = 3600;

// g++ 12 has no std::chrono::zoned_time, so zones are resolved from a table. Only zones that
// keep one offset all year are listed: a constant offset is then exactly right for every date
// the bot will see (their last daylight-saving rules ended decades ago).
// Asia/Urumqi is UTC+6 in the IANA database (Xinjiang time), although much of daily life there
// runs on Beijing time; a community that keeps Beijing time writes "Asia/Shanghai".
constexpr std::array<FixedZone, 12> kZones = {{
    {"Asia/Shanghai", 8 * kHour},
    {"Asia/Chongqing", 8 * kHour},
    {"Asia/Harbin", 8 * kHour},
    {"Asia/Urumqi", 6 * kHour},
    {"Asia/Hong_Kong", 8 * kHour},
    {"Asia/Macau", 8 * kHour},
    {"Asia/Taipei", 8 * kHour},
    {"Asia/Singapore", 8 * kHour},
    {"Asia/Tokyo", 9 * kHour},
    {"Asia/Seoul", 9 * kHour},
    {"UTC", 0},
    {"Etc/UTC", 0},
}};

// Reads the whole of `text` as a decimal number of one or two digits.
std::optional<int> two_digits(std::string_view text) {
  if (text.empty() || text.size() > 2) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "UTC+8", "UTC-3", "UTC+05:30": a fixed offset between -12:00 and +14:00, the range in use.
std::optional<int> fixed_offset(std::string_view zone) {
  if (!zone.starts_with("UTC") || zone.size() < 5) return std::nullopt;
  const char sign = zone[3];
  if (sign != '+' && sign != '-') return std::nullopt;
  std::string_view rest = zone.substr(4);
  std::string_view hours_text = rest;
  std::string_view minutes_text = "0";
  if (auto colon = rest.find(':'); colon != std::string_view::npos) {
    hours_text = rest.substr(0, colon);
    minutes_text = rest.substr(colon + 1);
    if (minutes_text.size() != 2) return std::nullopt;
  }
  std::optional<int> hours = two_digits(hours_text);
  std::optional<int> minutes = two_digits(minutes_text);
  if (!hours || !minutes || *minutes >= 60) return std::nullopt;
  const int seconds = *hours * kHour + *minutes * 60;
  if (sign == '+' && seconds > 14 * kHour) return std::nullopt;
  if (sign == '-' && seconds > 12 * kHour) return std::nullopt;
  return sign == '+' ? seconds : -seconds;
}

}  // namespace

std::optional<int> utc_offset_of(std::string_view zone) {
  for (const FixedZone& known : kZones) {
    if (known.name == zone) return known.offset_seconds;
  }
  return fixed_offset(zone);
}

std::string known_time_zones() {
  std::string result;
  for (const FixedZone& known : kZones) {
    if (!result.empty()) result += ", ";
    result += known.name;
  }
  return result;
}

}  // namespace whistle::config
