#include "handlers/shown_figures.hpp"

#include <cmath>
#include <cstdio>

namespace whistle::handlers {

namespace {

std::int64_t tenths_half_up(double tenths) {
  return static_cast<std::int64_t>(std::floor(tenths + 0.5));
}

}  // namespace

std::int64_t hour_tenths(std::int64_t minutes) {
  // In whole numbers, so a tie (3, 9, 15 … minutes past a tenth) is exact and goes up.
  return (minutes * 10 + 30) / 60;
}

std::int64_t hour_tenths_of_seconds(double seconds) {
  return tenths_half_up(seconds / 360.0);
}

std::int64_t day_tenths_of_seconds(double seconds) {
  return tenths_half_up(seconds / 8640.0);
}

std::string tenths_text(std::int64_t tenths) {
  const char* sign = tenths < 0 ? "-" : "";
  const std::int64_t size = tenths < 0 ? -tenths : tenths;
  return sign + std::to_string(size / 10) + "." + std::to_string(size % 10);
}

std::string one_decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

}  // namespace whistle::handlers
