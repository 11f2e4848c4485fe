#include "handlers/language/time_expressions.hpp"

#include <array>
#include <string_view>

#include "handlers/language/calendar.hpp"
#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/day_expressions.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

enum class Period { early, morning, noon, afternoon, evening };

struct PeriodWord {
  std::string_view word;
  Period period;
  int default_minute;  // where a period without a clock starts
};

constexpr std::array<PeriodWord, 11> kPeriodWords = {{
    {"凌晨", Period::early, 5 * 60},
    {"清晨", Period::morning, 7 * 60},
    {"早上", Period::morning, 8 * 60},
    {"早晨", Period::morning, 8 * 60},
    {"上午", Period::morning, 9 * 60},
    {"中午", Period::noon, 12 * 60},
    {"下午", Period::afternoon, 14 * 60},
    {"傍晚", Period::evening, 17 * 60},
    {"晚上", Period::evening, 19 * 60},
    {"夜里", Period::evening, 21 * 60},
    {"夜间", Period::evening, 21 * 60},
}};

// A day named without a clock or period starts at 09:00.
constexpr int kDefaultStartMinute = 9 * 60;

constexpr std::array<std::string_view, 4> kDeadlinePrefixes = {"截止到", "截至到", "截止", "截至"};
constexpr std::array<std::string_view, 3> kDeadlineSuffixes = {"之前", "以前", "前"};
constexpr std::array<std::string_view, 5> kRangeSeparators = {"-", "~", "到", "至", "—"};

struct Clock {
  int hour = 0;
  int minute = 0;
  bool colon = false;  // 9:00 is 24-hour notation
  std::size_t end = 0;
};

struct Phrase {
  std::optional<DayExpression> day;
  const PeriodWord* period = nullptr;
  std::optional<Clock> clock;
  const PeriodWord* end_period = nullptr;
  std::optional<Clock> end_clock;
  bool deadline = false;
  std::size_t end = 0;
};

const PeriodWord* find_period(std::string_view word) {
  for (const PeriodWord& period : kPeriodWords) {
    if (period.word == word) return &period;
  }
  return nullptr;
}

const PeriodWord* read_period(std::string_view text, std::size_t pos) {
  for (const PeriodWord& period : kPeriodWords) {
    if (starts_with_at(text, pos, period.word)) return &period;
  }
  return nullptr;
}

// The minutes part after "9点": 钟, 整, 半, 一刻, 三刻, 30, 30分. Returns the end and sets minute.
std::size_t read_minutes(std::string_view text, std::size_t pos, int& minute) {
  if (starts_with_at(text, pos, "钟") || starts_with_at(text, pos, "整")) return pos + 3;
  if (starts_with_at(text, pos, "半")) {
    minute = 30;
    return pos + 3;
  }
  if (starts_with_at(text, pos, "一刻") || starts_with_at(text, pos, "三刻")) {
    minute = starts_with_at(text, pos, "一刻") ? 15 : 45;
    return pos + 6;
  }
  if (!starts_number(text, pos)) return pos;
  const auto number = read_number(text, pos);
  if (!number || number->overflow || number->value > 59) return pos;
  std::size_t end = pos + number->length;
  // "9点5人" counts people, not minutes.
  const char32_t next = decode_utf8(text, end).value;
  constexpr std::u32string_view kNotMinutes = U"人名位个小号元斤块天";
  if (is_ascii_alnum(next) || kNotMinutes.find(next) != std::u32string_view::npos) return pos;
  minute = static_cast<int>(number->value);
  if (starts_with_at(text, end, "分") && !starts_with_at(text, end, "分钟")) end += 3;
  return end;
}

// 9:00, 9点, 九点半, 9点30分, 9时. `in_context` says a day or period came first, which lets
// "一点" be one o'clock.
std::optional<Clock> read_clock(std::string_view text, std::size_t pos, bool in_context) {
  if (!starts_number(text, pos)) return std::nullopt;
  const auto number = read_number(text, pos);
  if (!number || number->overflow || number->value > 24) return std::nullopt;
  Clock clock;
  clock.hour = static_cast<int>(number->value);
  std::size_t at = pos + number->length;

  if (!number->chinese && at < text.size() && text[at] == ':') {
    const std::size_t minutes = at + 1;
    const bool two_digits = minutes + 2 <= text.size() &&
                            is_ascii_digit(static_cast<unsigned char>(text[minutes])) &&
                            is_ascii_digit(static_cast<unsigned char>(text[minutes + 1]));
    if (!two_digits || is_ascii_digit(decode_utf8(text, minutes + 2).value)) return std::nullopt;
    clock.minute = (text[minutes] - '0') * 10 + (text[minutes + 1] - '0');
    if (clock.minute > 59) return std::nullopt;
    clock.colon = true;
    clock.end = minutes + 2;
    return clock;
  }

  if (starts_with_at(text, at, "点")) {
    at += 3;
  } else if (starts_with_at(text, at, "时")) {
    // 时间, 时候, 时期 and 时段 are not o'clock.
    const char32_t next = decode_utf8(text, at + 3).value;
    if (next == U'间' || next == U'候' || next == U'期' || next == U'段') return std::nullopt;
    at += 3;
  } else {
    return std::nullopt;
  }
  clock.end = read_minutes(text, at, clock.minute);
  const bool lone_one = number->chinese && number->value == 1 && number->length == 3;
  if (lone_one && !in_context && clock.end == at) return std::nullopt;
  return clock;
}

// The end of a range: [spaces] separator [spaces] [period] clock.
bool read_range_end(std::string_view text, std::size_t pos, Phrase& phrase) {
  std::size_t at = skip_spaces(text, pos);
  bool separated = false;
  for (const std::string_view separator : kRangeSeparators) {
    if (starts_with_at(text, at, separator)) {
      at = skip_spaces(text, at + separator.size());
      separated = true;
      break;
    }
  }
  if (!separated) return false;
  const PeriodWord* period = read_period(text, at);
  if (period != nullptr) at = skip_spaces(text, at + period->word.size());
  const auto clock = read_clock(text, at, true);
  if (!clock) return false;
  phrase.end_period = period;
  phrase.end_clock = clock;
  phrase.end = clock->end;
  return true;
}

std::optional<Phrase> read_phrase(std::string_view text, std::size_t start) {
  Phrase phrase;
  std::size_t at = start;
  for (const std::string_view prefix : kDeadlinePrefixes) {
    if (starts_with_at(text, at, prefix)) {
      phrase.deadline = true;
      at = skip_spaces(text, at + prefix.size());
      break;
    }
  }
  bool found = false;
  if (auto day = read_day(text, at)) {
    phrase.day = day;
    phrase.end = day->end;
    found = true;
    at = skip_spaces(text, day->end);
  }
  if (const PeriodWord* period = read_period(text, at)) {
    phrase.period = period;
    phrase.end = at + period->word.size();
    found = true;
    at = skip_spaces(text, phrase.end);
  }
  const bool in_context = found;
  if (auto clock = read_clock(text, at, in_context)) {
    phrase.clock = clock;
    phrase.end = clock->end;
    found = true;
    read_range_end(text, clock->end, phrase);
  } else if (starts_number(text, at)) {
    // "9-11点": a bare hour that a clock after the separator makes one.
    const auto hour = read_number(text, at);
    if (hour && !hour->overflow && hour->value <= 24 && read_range_end(text, at + hour->length, phrase)) {
      phrase.clock = Clock{static_cast<int>(hour->value), 0, false, at + hour->length};
      found = true;
    }
  }
  if (!found) return std::nullopt;
  const std::size_t after = skip_spaces(text, phrase.end);
  for (const std::string_view suffix : kDeadlineSuffixes) {
    // "9点前往3号楼" is "at 9, go to building 3": 前往, 前来 and the like are no deadline.
    constexpr std::u32string_view kNotDeadline = U"往来去进面后台夕天";
    const char32_t next = decode_utf8(text, after + suffix.size()).value;
    if (suffix == "前" && kNotDeadline.find(next) != std::u32string_view::npos) continue;
    if (starts_with_at(text, after, suffix)) {
      phrase.deadline = true;
      phrase.end = after + suffix.size();
      break;
    }
  }
  return phrase;
}

int minute_of_day(const Clock& clock, const PeriodWord* period) {
  int hour = clock.hour;
  if (period == nullptr) {
    if (!clock.colon && hour >= 1 && hour <= 6) hour += 12;
  } else {
    switch (period->period) {
      case Period::early:
        if (hour == 12) hour = 0;
        break;
      case Period::morning:
        break;
      case Period::noon:
        if (hour >= 1 && hour <= 5) hour += 12;
        break;
      case Period::afternoon:
        if (hour < 12) hour += 12;
        break;
      case Period::evening:
        if (hour == 12) {
          hour = 24;
        } else if (hour < 12) {
          hour += 12;
        }
        break;
    }
  }
  return hour * 60 + clock.minute;
}

std::optional<TimeSpan> resolve(const Phrase& phrase, const TimeContext& context) {
  const std::int64_t local_now = context.now + context.utc_offset_seconds;
  const std::int64_t today = floor_div(local_now, kSecondsPerDay);
  const PeriodWord* period = phrase.period;
  if (period == nullptr && phrase.day && !phrase.day->period.empty())
    period = find_period(phrase.day->period);

  int start_minute = phrase.deadline ? 0 : kDefaultStartMinute;
  if (phrase.clock) {
    start_minute = minute_of_day(*phrase.clock, period);
  } else if (period != nullptr) {
    start_minute = period->default_minute;
  }

  std::optional<int> end_minute;
  if (phrase.end_clock) {
    const PeriodWord* end_period = phrase.end_period != nullptr ? phrase.end_period : period;
    int minute = minute_of_day(*phrase.end_clock, end_period);
    if (minute <= start_minute) {
      minute += (phrase.end_period == nullptr && minute < 720 && minute + 720 > start_minute) ? 720 : 1440;
    }
    end_minute = minute;
  }

  std::int64_t day = today;
  if (phrase.day) {
    const auto resolved = resolve_day(*phrase.day, today, local_now, start_minute);
    if (!resolved) return std::nullopt;
    day = *resolved;
  } else if (today * kSecondsPerDay + start_minute * 60 <= local_now) {
    day = today + 1;
  }

  const std::int64_t base = day * kSecondsPerDay - context.utc_offset_seconds;
  TimeSpan span;
  if (phrase.deadline) {
    span.end = base + static_cast<std::int64_t>(end_minute.value_or(start_minute)) * 60;
  } else {
    span.start = base + static_cast<std::int64_t>(start_minute) * 60;
    if (end_minute) span.end = base + static_cast<std::int64_t>(*end_minute) * 60;
  }
  return span;
}

}  // namespace

std::optional<TimeSpan> take_time(std::string& text, const TimeContext& context) {
  if (!is_sane_time(context.now, context.utc_offset_seconds)) return std::nullopt;
  for (std::size_t pos = 0; pos < text.size();) {
    if (const auto phrase = read_phrase(text, pos)) {
      if (const auto span = resolve(*phrase, context)) {
        erase_span(text, pos, phrase->end - pos);
        return span;
      }
    }
    pos += decode_utf8(text, pos).length;
  }
  return std::nullopt;
}

}  // namespace whistle::language
