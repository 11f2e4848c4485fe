#include "handlers/language/month_expressions.hpp"

#include <array>
#include <cstdio>
#include <string_view>

#include "handlers/language/calendar.hpp"
#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

struct MonthWord {
  std::string_view word;
  int months_back;
};

// Longest first where one begins another (上上个月 before 上上月 is not needed, 上个月 is).
constexpr std::array<MonthWord, 8> kMonthWords = {{
    {"上上个月", 2},
    {"上上月", 2},
    {"上个月", 1},
    {"上月", 1},
    {"本月", 0},
    {"这个月", 0},
    {"这月", 0},
    {"当月", 0},
}};

struct YearWord {
  std::string_view word;
  int years_back;
};

constexpr std::array<YearWord, 3> kYearWords = {{
    {"今年", 0},
    {"去年", 1},
    {"前年", 2},
}};

struct Month {
  std::int64_t year = 0;  // 0: not written
  int month = 0;
  int months_back = -1;  // for the relative words
  int years_back = -1;   // for 今年, 去年, 前年
  std::size_t end = 0;
};

std::optional<Month> read_month(std::string_view text, std::size_t pos) {
  for (const MonthWord& word : kMonthWords) {
    if (starts_with_at(text, pos, word.word))
      return Month{0, 0, word.months_back, -1, pos + word.word.size()};
  }
  Month month;
  std::size_t at = pos;
  for (const YearWord& word : kYearWords) {
    if (starts_with_at(text, at, word.word)) {
      month.years_back = word.years_back;
      at += word.word.size();
      break;
    }
  }
  // After 去年 a month must follow; else a year may stand first.
  const auto year = month.years_back < 0 ? read_number_between(text, at, 1000, 9999) : std::nullopt;
  if (year) {
    const std::size_t after = at + year->length;
    if (starts_with_at(text, after, "年")) {
      month.year = year->value;
      at = after + 3;
    } else if (!year->chinese && after < text.size() && (text[after] == '-' || text[after] == '/')) {
      // 2026-10, but not 2026-10-05 (a day, not a month).
      const auto number = read_number_between(text, after + 1, 1, 12);
      if (!number || number->chinese) return std::nullopt;
      const std::size_t end = after + 1 + number->length;
      if (end < text.size() && (text[end] == '-' || text[end] == '/')) return std::nullopt;
      return Month{year->value, static_cast<int>(number->value), -1, -1, end};
    } else {
      return std::nullopt;
    }
  }
  const auto number = read_number_between(text, at, 1, 12);
  if (!number || !starts_with_at(text, at + number->length, "月")) return std::nullopt;
  month.month = static_cast<int>(number->value);
  month.end = at + number->length + 3;
  if (starts_with_at(text, month.end, "份")) month.end += 3;
  return month;
}

}  // namespace

std::optional<MonthRange> take_month(std::string& text, const TimeContext& context) {
  if (!is_sane_time(context.now, context.utc_offset_seconds)) return std::nullopt;
  const std::int64_t today = floor_div(context.now + context.utc_offset_seconds, kSecondsPerDay);
  const CivilDate date = civil_from_days(today);
  for (std::size_t pos = 0; pos < text.size();) {
    if (const auto month = read_month(text, pos)) {
      // Count months from year 0 so that stepping back across January is plain subtraction.
      std::int64_t index = 0;
      if (month->months_back >= 0) {
        index = date.year * 12 + (date.month - 1) - month->months_back;
      } else {
        std::int64_t year = month->year != 0 ? month->year : date.year;
        if (month->years_back >= 0) {
          year = date.year - month->years_back;
        } else if (month->year == 0 && month->month > date.month) {
          --year;
        }
        index = year * 12 + (month->month - 1);
      }
      const std::int64_t next = index + 1;
      MonthRange range;
      range.start =
          days_from_civil(floor_div(index, 12), static_cast<int>(index - floor_div(index, 12) * 12) + 1, 1) *
              kSecondsPerDay -
          context.utc_offset_seconds;
      range.end =
          days_from_civil(floor_div(next, 12), static_cast<int>(next - floor_div(next, 12) * 12) + 1, 1) *
              kSecondsPerDay -
          context.utc_offset_seconds;
      range.year = static_cast<int>(floor_div(index, 12));
      range.month = static_cast<int>(index - floor_div(index, 12) * 12) + 1;
      if (range.year < 1 || range.year > 9999) return std::nullopt;
      erase_span(text, pos, month->end - pos);
      return range;
    }
    pos += decode_utf8(text, pos).length;
  }
  return std::nullopt;
}

std::optional<int> take_year(std::string& text, const TimeContext& context) {
  if (!is_sane_time(context.now, context.utc_offset_seconds)) return std::nullopt;
  const CivilDate date = civil_from_days(floor_div(context.now + context.utc_offset_seconds, kSecondsPerDay));
  const int this_year = static_cast<int>(date.year);
  // 年度, 全年, 年终 name the year under way, or in January the one just ended.
  const int whole_year = date.month == 1 ? this_year - 1 : this_year;
  struct Word {
    std::string_view word;
    int year;
  };
  const std::array<Word, 8> words = {{{"本年度", whole_year},
                                      {"年度", whole_year},
                                      {"全年", whole_year},
                                      {"年终", whole_year},
                                      {"这一年", this_year},
                                      {"今年", this_year},
                                      {"去年", this_year - 1},
                                      {"前年", this_year - 2}}};
  for (std::size_t pos = 0; pos < text.size();) {
    for (const Word& word : words) {
      if (!starts_with_at(text, pos, word.word)) continue;
      erase_span(text, pos, word.word.size());
      return word.year;
    }
    // "2026年" standing for the year, not "2026年10月".
    if (const auto year = read_number_between(text, pos, 2000, 2999);
        year && !year->chinese && starts_with_at(text, pos + year->length, "年")) {
      const std::size_t end = pos + year->length + std::string_view("年").size();
      if (!read_number_between(text, end, 1, 12)) {
        erase_span(text, pos, end - pos);
        return static_cast<int>(year->value);
      }
    }
    pos += decode_utf8(text, pos).length;
  }
  return std::nullopt;
}

std::string format_month(int year, int month) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

}  // namespace whistle::language
