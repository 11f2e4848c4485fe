#include "handlers/language/day_expressions.hpp"

#include <array>
#include <vector>

#include "handlers/language/calendar.hpp"
#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

struct DayWord {
  std::string_view word;
  int days;
  std::string_view period;
};

// Longer words first where one begins another (大后天 before 后天 is not needed, as scanning
// starts at 大, but 今晚 must not be read as 今 + 晚).
// Days already past are read too (昨天, 前天), so that a whistle for one is refused with the
// reason rather than its words left in the title.
constexpr std::array<DayWord, 22> kDayWords = {{
    {"大前天", -3, ""},
    {"前天", -2, ""},
    {"昨天", -1, ""},
    {"昨日", -1, ""},
    {"昨晚", -1, "晚上"},
    {"大后天", 3, ""},
    {"后天", 2, ""},
    {"今天", 0, ""},
    {"今日", 0, ""},
    {"明天", 1, ""},
    {"明日", 1, ""},
    {"今晚", 0, "晚上"},
    {"明晚", 1, "晚上"},
    {"今早", 0, "早上"},
    {"明早", 1, "早上"},
    {"今夜", 0, "夜里"},
    // Northern speech (an exploratory run of winter, stop 67: "明儿一早6点扫雪" kept 明儿 in its title).
    {"明儿个", 1, ""},
    {"今儿个", 0, ""},
    {"后儿个", 2, ""},
    {"明儿", 1, ""},
    {"今儿", 0, ""},
    {"后儿", 2, ""},
}};

// "之后儿子来接", "如今儿女都在外地", "结束后儿童…": 儿 beginning a word of its own, not the end of
// 明儿/今儿/后儿 (the final read of stop 67: a task moved two days on).
bool begins_a_word_of_er(std::string_view text, std::size_t after) {
  for (const std::string_view next : {"子", "女", "童", "孙", "媳", "科", "歌", "时", "戏"}) {
    if (starts_with_at(text, after, next)) return true;
  }
  return false;
}

struct WeekShift {
  std::string_view word;
  int weeks;
};

constexpr std::array<WeekShift, 9> kWeekShifts = {{
    {"下下个", 2},
    {"下下", 2},
    {"下个", 1},
    {"下", 1},
    {"这个", 0},
    {"这", 0},
    {"本", 0},
    {"上个", -1},
    {"上", -1},
}};

constexpr std::array<std::string_view, 3> kWeekWords = {"星期", "礼拜", "周"};

// Holidays on a fixed date (an exploratory run of the turn of the year, stop 66: "元旦那天上午9点" was
// posted on the next day). Longer words first where one begins another.
struct Holiday {
  std::string_view word;
  int month;
  int day;
  std::string_view period;
};
constexpr auto kHolidays = std::to_array<Holiday>({
    {"新年第一天", 1, 1, ""},
    {"元旦节", 1, 1, ""},
    {"元旦", 1, 1, ""},
    {"跨年夜", 12, 31, "晚上"},
    {"平安夜", 12, 24, "晚上"},
    {"圣诞节", 12, 25, ""},
    {"情人节", 2, 14, ""},
    {"妇女节", 3, 8, ""},
    {"三八节", 3, 8, ""},
    {"植树节", 3, 12, ""},
    {"劳动节", 5, 1, ""},
    {"青年节", 5, 4, ""},
    {"儿童节", 6, 1, ""},
    {"建党节", 7, 1, ""},
    {"建军节", 8, 1, ""},
    {"教师节", 9, 10, ""},
    {"国庆节", 10, 1, ""},
    {"国庆", 10, 1, ""},
});

// The days of 春节 by their distance from it. 正月初N and 大年初N are read apart.
struct LunarDay {
  std::string_view word;
  int days;
  std::string_view period;
};
constexpr auto kLunarDays = std::to_array<LunarDay>({
    {"除夕夜", -1, "晚上"},
    {"大年夜", -1, "晚上"},
    {"除夕", -1, ""},
    {"大年三十", -1, ""},
    {"年三十", -1, ""},
    {"春节", 0, ""},
    {"元宵节", 14, ""},
    {"元宵", 14, ""},
    {"正月十五", 14, ""},
});

// 春节 (正月初一) of each year, as days since 1970-01-01 are computed from them.
struct NewYear {
  int year;
  int month;
  int day;
};
constexpr auto kLunarNewYears = std::to_array<NewYear>({
    {2024, 2, 10},
    {2025, 1, 29},
    {2026, 2, 17},
    {2027, 2, 6},
    {2028, 1, 26},
    {2029, 2, 13},
    {2030, 2, 3},
    {2031, 1, 23},
    {2032, 2, 11},
    {2033, 1, 31},
    {2034, 2, 19},
    {2035, 2, 8},
});

// "那天", "当天" after a holiday: part of it ("元旦那天上午9点").
std::size_t after_that_day(std::string_view text, std::size_t at) {
  for (const std::string_view that : {"那天", "当天", "那一天", "这天"}) {
    if (starts_with_at(text, at, that)) return at + that.size();
  }
  return at;
}

// A holiday glued to the word after it names a thing ("春节慰问", "元旦联欢会"): a day only with a time
// of day right after it ("元旦上午9点"), which the caller checks.
// "元旦前大扫除 12月30日上午9点", "春节前走访": a holiday, 前 and a word name the thing, not its deadline
// (the date said later had been thrown away).
std::optional<DayExpression> glued_needs_time(std::string_view text, DayExpression day) {
  if (starts_with_at(text, day.end, "前") &&
      !is_word_boundary(decode_utf8(text, day.end + std::string_view("前").size()).value))
    return std::nullopt;
  day.needs_time = !is_word_boundary(decode_utf8(text, day.end).value);
  return day;
}

// "迎元旦", "庆元旦", "欢度春节", "庆祝国庆": the celebration, not its day (a review of stop 66: "迎元旦
// 大扫除 明天上午9点" was refused as two days).
bool celebrated(std::string_view text, std::size_t pos) {
  constexpr std::u32string_view kCelebrating = U"迎庆贺度祝";
  return kCelebrating.find(code_point_before(text, pos)) != std::u32string_view::npos;
}

// The characters the holidays begin with: read_day runs at every position of every line a time is
// looked for in, and most positions start none of them.
constexpr std::u32string_view kHolidayStarts = U"新元跨平圣情妇三植劳青儿建教国除大年春正";

std::optional<DayExpression> read_holiday(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || kHolidayStarts.find(decode_utf8(text, pos).value) == std::u32string_view::npos)
    return std::nullopt;
  for (const Holiday& holiday : kHolidays) {
    if (!starts_with_at(text, pos, holiday.word)) continue;
    if (celebrated(text, pos)) return std::nullopt;
    DayExpression day;
    day.kind = DayExpression::Kind::date;
    day.month = holiday.month;
    day.day = holiday.day;
    day.period = holiday.period;
    day.end = after_that_day(text, pos + holiday.word.size());
    return glued_needs_time(text, day);
  }
  for (const LunarDay& lunar : kLunarDays) {
    if (!starts_with_at(text, pos, lunar.word)) continue;
    if (celebrated(text, pos)) return std::nullopt;
    DayExpression day;
    day.kind = DayExpression::Kind::lunar_new_year;
    day.days = lunar.days;
    day.period = lunar.period;
    day.end = after_that_day(text, pos + lunar.word.size());
    return glued_needs_time(text, day);
  }
  // 正月初三, 大年初二: the first ten days of the year. A bare 初一 is also a school year.
  for (const std::string_view first_month : {"正月初", "大年初"}) {
    if (!starts_with_at(text, pos, first_month)) continue;
    const auto number = read_number_between(text, pos + first_month.size(), 1, 10);
    if (!number || !number->chinese) return std::nullopt;
    DayExpression day;
    day.kind = DayExpression::Kind::lunar_new_year;
    day.days = static_cast<int>(number->value) - 1;
    day.end = after_that_day(text, pos + first_month.size() + number->length);
    return glued_needs_time(text, day);
  }
  return std::nullopt;
}

// The one of `candidates` (ascending days) a date without a year means: the next to come, unless
// the last one passed less than 60 days ago.
std::optional<std::int64_t> nearest_meant(const std::vector<std::int64_t>& candidates, std::int64_t today) {
  constexpr std::int64_t kRecentlyPastDays = 60;
  std::optional<std::int64_t> past;
  for (const std::int64_t candidate : candidates) {
    if (candidate < today) {
      past = candidate;
      continue;
    }
    // A date a few weeks gone is a slip or a late post, not a plan a year ahead: read as it is, the
    // whistle is refused as past ("11月20日" said on the 23rd; "12月31日" said on 1月2日).
    if (past && today - *past <= kRecentlyPastDays) return past;
    return candidate;
  }
  return past && today - *past <= kRecentlyPastDays ? past : std::nullopt;
}

// 周一…周六 are 0–5; 周日, 周天 and 周七 are Sunday, the end of a Chinese week; 周末 is its Saturday
// ("这个周末上午9点" had been posted on a Tuesday).
int weekday_of(char32_t cp) {
  constexpr std::u32string_view kNames = U"一二三四五六";
  if (const auto at = kNames.find(cp); at != std::u32string_view::npos) return static_cast<int>(at);
  if (cp == U'末') return 5;
  if (cp == U'日' || cp == U'天' || cp == U'七') return 6;
  if (cp >= U'1' && cp <= U'7') return static_cast<int>(cp - U'1');
  return -1;
}

std::optional<DayExpression> read_weekday(std::string_view text, std::size_t pos) {
  for (std::size_t shift = 0; shift <= kWeekShifts.size(); ++shift) {
    std::size_t at = pos;
    DayExpression day;
    day.kind = DayExpression::Kind::weekday;
    if (shift < kWeekShifts.size()) {
      if (!starts_with_at(text, pos, kWeekShifts[shift].word)) continue;
      // "清理一下周三上午9点", "替我一下周三的班": 一下 and then 周三, not 下周三 (a review of stop 66).
      if (kWeekShifts[shift].word.starts_with("下") && code_point_before(text, pos) == U'一') continue;
      at += kWeekShifts[shift].word.size();
      day.week_shift = kWeekShifts[shift].weeks;
    }
    for (const std::string_view week : kWeekWords) {
      if (!starts_with_at(text, at, week)) continue;
      const CodePoint cp = decode_utf8(text, at + week.size());
      const int weekday = weekday_of(cp.value);
      if (weekday < 0) continue;
      // "周12" is no weekday.
      if (is_ascii_digit(cp.value) && is_ascii_digit(decode_utf8(text, at + week.size() + 1).value)) continue;
      // "每周一次的楼道清理": how often, not Monday (a review of stop 65: refused as a second day).
      const std::size_t after = at + week.size() + cp.length;
      if (starts_with_at(text, after, "次") || starts_with_at(text, after, "回")) continue;
      day.weekday = weekday;
      day.end = after;
      return day;
    }
  }
  return std::nullopt;
}

// 2026-11-25, 2026/11/25, 2026.11.25
std::optional<DayExpression> read_iso_date(std::string_view text, std::size_t pos) {
  const auto year = read_number_between(text, pos, 1000, 9999);
  if (!year || year->chinese || year->length != 4) return std::nullopt;
  std::size_t at = pos + 4;
  const char separator = at < text.size() ? text[at] : '\0';
  if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
  const auto month = read_number_between(text, at + 1, 1, 12);
  if (!month || month->chinese) return std::nullopt;
  at += 1 + month->length;
  if (at >= text.size() || text[at] != separator) return std::nullopt;
  const auto day = read_number_between(text, at + 1, 1, 31);
  if (!day || day->chinese) return std::nullopt;
  at += 1 + day->length;
  DayExpression result;
  result.kind = DayExpression::Kind::date;
  result.year = year->value;
  result.month = static_cast<int>(month->value);
  result.day = static_cast<int>(day->value);
  result.end = at;
  return result;
}

// [2026年]11月25日, 十一月二十五号
std::optional<DayExpression> read_chinese_date(std::string_view text, std::size_t pos) {
  DayExpression result;
  result.kind = DayExpression::Kind::date;
  std::size_t at = pos;
  if (const auto year = read_number_between(text, at, 1000, 9999);
      year && starts_with_at(text, at + year->length, "年")) {
    result.year = year->value;
    at += year->length + std::string_view("年").size();
  }
  // 元月 is January ("元月3日").
  int month_number = 1;
  if (starts_with_at(text, at, "元月")) {
    at += std::string_view("元月").size();
  } else {
    const auto month = read_number_between(text, at, 1, 12);
    if (!month || !starts_with_at(text, at + month->length, "月")) return std::nullopt;
    month_number = static_cast<int>(month->value);
    at += month->length + std::string_view("月").size();
  }
  const auto day = read_number_between(text, at, 1, 31);
  if (!day) return std::nullopt;
  at += day->length;
  if (!starts_with_at(text, at, "日") && !starts_with_at(text, at, "号")) return std::nullopt;
  result.month = month_number;
  result.day = static_cast<int>(day->value);
  result.end = at + std::string_view("日").size();
  return result;
}

// Whether a time of day follows at `pos`, after spaces: a period word or a number before 点, 时
// or ":" ("11-28 9:00", "12-05 下午3点").
bool time_of_day_follows(std::string_view text, std::size_t pos) {
  pos = skip_spaces(text, pos);
  for (const std::string_view period :
       {"凌晨", "早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里"}) {
    if (starts_with_at(text, pos, period)) return true;
  }
  std::size_t at = pos;
  while (at < text.size() && is_ascii_digit(static_cast<unsigned char>(text[at])))
    ++at;
  return at > pos && at - pos <= 2 && (starts_with_at(text, at, ":") || starts_with_at(text, at, "点"));
}

// 11.25 and 11/25, guarded against decimals ("1.5小时"), versions ("v1.2") and longer dotted numbers;
// 11-28 too where it cannot be hours ("9-11" is 9 to 11): before a time of day, past the 24th, or
// with a day of two digits ("12-05").
std::optional<DayExpression> read_short_date(std::string_view text, std::size_t pos) {
  const char32_t before = code_point_before(text, pos);
  if (is_ascii_alpha(before) || before == U'.' || before == U'/') return std::nullopt;
  const auto month = read_number_between(text, pos, 1, 12);
  if (!month || month->chinese) return std::nullopt;
  std::size_t at = pos + month->length;
  const char separator = at < text.size() ? text[at] : '\0';
  if (separator != '.' && separator != '/' && separator != '-') return std::nullopt;
  const auto day = read_number_between(text, at + 1, 1, 31);
  if (!day || day->chinese) return std::nullopt;
  const bool two_digit_day = day->length == 2 && text[at + 1] == '0';
  at += 1 + day->length;
  if (separator == '-' && !time_of_day_follows(text, at) && day->value <= 24 && !two_digit_day)
    return std::nullopt;
  const char32_t next = decode_utf8(text, at).value;
  constexpr std::u32string_view kNotAfterDate = U"小个分人名位元斤块号楼%.";
  if (is_ascii_alnum(next) || kNotAfterDate.find(next) != std::u32string_view::npos) return std::nullopt;
  DayExpression result;
  result.kind = DayExpression::Kind::date;
  result.month = static_cast<int>(month->value);
  result.day = static_cast<int>(day->value);
  result.end = at;
  return result;
}

// "28号", "28日", "二十八号": a day of this month or the next.
std::optional<DayExpression> read_month_day(std::string_view text, std::size_t pos) {
  const char32_t before = code_point_before(text, pos);
  constexpr std::u32string_view kNotBefore = U"第月年.:/-#号";
  if (is_ascii_alnum(before) || kNotBefore.find(before) != std::u32string_view::npos) return std::nullopt;
  const auto number = read_number_between(text, pos, 1, 31);
  if (!number) return std::nullopt;
  const std::size_t at = pos + number->length;
  if (!starts_with_at(text, at, "号") && !starts_with_at(text, at, "日")) return std::nullopt;
  DayExpression result;
  result.kind = DayExpression::Kind::month_day;
  result.day = static_cast<int>(number->value);
  result.end = at + std::string_view("号").size();
  const char32_t after = decode_utf8(text, result.end).value;
  result.needs_time = !is_word_boundary(before) || !is_word_boundary(after);
  return result;
}

}  // namespace

std::optional<DayExpression> read_day(std::string_view text, std::size_t pos) {
  for (const DayWord& word : kDayWords) {
    if (!starts_with_at(text, pos, word.word)) continue;
    if (word.word.ends_with("儿") && begins_a_word_of_er(text, pos + word.word.size())) continue;
    DayExpression day;
    day.days = word.days;
    day.period = word.period;
    day.end = pos + word.word.size();
    return day;
  }
  if (auto day = read_weekday(text, pos)) return day;
  if (auto day = read_holiday(text, pos)) return day;
  if (auto day = read_iso_date(text, pos)) return day;
  if (auto day = read_chinese_date(text, pos)) return day;
  if (auto day = read_short_date(text, pos)) return day;
  return read_month_day(text, pos);
}

std::optional<std::int64_t> resolve_day(const DayExpression& day, std::int64_t today, std::int64_t local_now,
                                        int start_minute) {
  switch (day.kind) {
    case DayExpression::Kind::relative:
      return today + day.days;
    case DayExpression::Kind::weekday: {
      const int today_weekday = weekday_from_days(today);
      if (day.week_shift) return today - today_weekday + 7 * *day.week_shift + day.weekday;
      std::int64_t result = today + (day.weekday - today_weekday + 7) % 7;
      // Said on that very weekday after the time has passed, it means next week's.
      if (result == today && today * kSecondsPerDay + start_minute * 60 <= local_now) result += 7;
      return result;
    }
    case DayExpression::Kind::date: {
      if (day.year != 0) {
        if (day.day > days_in_month(day.year, day.month)) return std::nullopt;
        return days_from_civil(day.year, day.month, day.day);
      }
      // Last year's, this year's and next year's that exist (2月29日 only in a leap year).
      const std::int64_t this_year = civil_from_days(today).year;
      std::vector<std::int64_t> candidates;
      for (std::int64_t year = this_year - 1; year <= this_year + 4 && candidates.size() < 3; ++year) {
        if (day.day <= days_in_month(year, day.month))
          candidates.push_back(days_from_civil(year, day.month, day.day));
      }
      return nearest_meant(candidates, today);
    }
    case DayExpression::Kind::lunar_new_year: {
      std::vector<std::int64_t> candidates;
      for (const NewYear& new_year : kLunarNewYears)
        candidates.push_back(days_from_civil(new_year.year, new_year.month, new_year.day) + day.days);
      // Beyond the table's last year nothing is read, rather than a wrong day.
      if (candidates.back() < today) return std::nullopt;
      return nearest_meant(candidates, today);
    }
    case DayExpression::Kind::month_day: {
      const CivilDate date = civil_from_days(today);
      std::int64_t year = date.year;
      int month = date.month;
      // A 31st is never more than two months away; the loop is bounded all the same.
      for (int step = 0; step < 13; ++step) {
        if (day.day <= days_in_month(year, month)) {
          const std::int64_t result = days_from_civil(year, month, day.day);
          if (result > today || (result == today && today * kSecondsPerDay + start_minute * 60 > local_now))
            return result;
        }
        if (++month > 12) {
          month = 1;
          ++year;
        }
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace whistle::language
