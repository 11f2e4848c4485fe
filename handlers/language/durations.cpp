#include "handlers/language/durations.hpp"

#include <array>
#include <string_view>

#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

constexpr std::int64_t kMaxMinutes = 9999 * 60;

struct Match {
  std::int64_t minutes = 0;
  std::size_t end = 0;
};

constexpr std::array<std::string_view, 2> kHourWords = {"小时", "钟头"};
// Words that label a length; they go with it, a separator between allowed ("时长：2小时").
constexpr std::array<std::string_view, 5> kLengthLabels = {"时长", "历时", "用时", "耗时", "持续"};
// Words that hedge a length, glued to it ("约2小时", "预计约2小时").
constexpr std::array<std::string_view, 4> kHedges = {"大约", "大概", "预计", "约"};
// ASCII units, longest first; they must not run on into a word ("2hands").
constexpr std::array<std::string_view, 4> kAsciiHours = {"hours", "hour", "hrs", "h"};
constexpr std::array<std::string_view, 4> kAsciiMinutes = {"minutes", "mins", "min", "m"};

std::size_t read_word(std::string_view text, std::size_t pos, std::string_view word, bool ascii) {
  if (!starts_with_at(text, pos, word)) return 0;
  if (ascii && is_ascii_alpha(decode_utf8(text, pos + word.size()).value)) return 0;
  return word.size();
}

std::size_t read_hour_unit(std::string_view text, std::size_t pos) {
  for (const std::string_view word : kHourWords) {
    if (const std::size_t length = read_word(text, pos, word, false)) return length;
  }
  for (const std::string_view word : kAsciiHours) {
    if (const std::size_t length = read_word(text, pos, word, true)) return length;
  }
  return 0;
}

std::size_t read_minute_unit(std::string_view text, std::size_t pos, bool allow_fen) {
  if (const std::size_t length = read_word(text, pos, "分钟", false)) return length;
  // After hours, "1小时30分" is minutes; alone, "30分" is points.
  if (allow_fen && starts_with_at(text, pos, "分")) return 3;
  for (const std::string_view word : kAsciiMinutes) {
    // A lone "m" is too short to trust except right after hours ("1h30m").
    if (word == "m" && !allow_fen) continue;
    if (const std::size_t length = read_word(text, pos, word, true)) return length;
  }
  return 0;
}

// "半小时", "半个小时", "一刻钟"
std::optional<Match> read_without_number(std::string_view text, std::size_t pos) {
  if (starts_with_at(text, pos, "一刻钟")) return Match{15, pos + 9};
  if (!starts_with_at(text, pos, "半")) return std::nullopt;
  std::size_t at = pos + 3;
  if (starts_with_at(text, at, "个")) at += 3;
  const std::size_t unit = read_hour_unit(text, at);
  if (unit == 0) return std::nullopt;
  return Match{30, at + unit};
}

// Whether `pos` is inside a decimal number, after its point ("1.5" at the 5).
bool after_decimal_point(std::string_view text, std::size_t pos) {
  return pos >= 2 && text[pos - 1] == '.' && is_ascii_digit(static_cast<unsigned char>(text[pos - 2]));
}

// A minus sign or 负 right before a length ("-2小时"); a dash after a digit is a range ("1-2小时").
bool is_negated(std::string_view text, std::size_t pos) {
  if (pos >= 1 && text[pos - 1] == '-')
    return pos == 1 || !is_ascii_digit(static_cast<unsigned char>(text[pos - 2]));
  return pos >= 3 && text.compare(pos - 3, 3, "负") == 0;
}

std::optional<Match> read_with_number(std::string_view text, std::size_t pos) {
  if (!starts_number(text, pos) || after_decimal_point(text, pos)) return std::nullopt;
  const auto number = read_number(text, pos);
  if (!number || number->overflow) return std::nullopt;
  std::size_t at = pos + number->length;
  std::int64_t tenths = 0;  // "1.5小时"
  if (!number->chinese && at + 1 < text.size() && text[at] == '.' &&
      is_ascii_digit(static_cast<unsigned char>(text[at + 1]))) {
    tenths = text[at + 1] - '0';
    at += 2;
    if (at < text.size() && is_ascii_digit(static_cast<unsigned char>(text[at]))) return std::nullopt;
  }
  // "2 小时", as voice input types it: one space between digits and the unit.
  if (!number->chinese && at + 1 < text.size() && text[at] == ' ' && read_hour_unit(text, at + 1)) ++at;
  const std::size_t before_unit = at;
  if (starts_with_at(text, at, "个")) at += 3;
  bool half = false;
  if (starts_with_at(text, at, "半")) {
    half = true;
    at += 3;
  }
  if (const std::size_t unit = read_hour_unit(text, at)) {
    if (number->value > 9999) return std::nullopt;
    Match match{number->value * 60 + tenths * 6 + (half ? 30 : 0), at + unit};
    // "1小时30分钟", "1小时30分", "1h30m"
    if (!half && tenths == 0 && starts_number(text, match.end)) {
      const auto minutes = read_number(text, match.end);
      if (minutes && !minutes->overflow && minutes->value < 60) {
        if (const std::size_t minute_unit = read_minute_unit(text, match.end + minutes->length, true)) {
          match.minutes += minutes->value;
          match.end += minutes->length + minute_unit;
        }
      }
    }
    return match;
  }
  if (half || tenths != 0 || at != before_unit) return std::nullopt;
  if (const std::size_t unit = read_minute_unit(text, at, false)) {
    if (number->value > kMaxMinutes) return std::nullopt;
    return Match{number->value, at + unit};
  }
  return std::nullopt;
}

// "约2小时", "预计2小时", "时长：2小时", "预计约2小时": the words before a length that go with it.
std::size_t extend_back_over_hedges(std::string_view text, std::size_t start) {
  for (bool moved = true; moved;) {
    moved = false;
    std::size_t at = start;
    // A label may stand apart from its length: "时长：2小时", "时长 2小时".
    while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == ':'))
      --at;
    for (const std::string_view word : kLengthLabels) {
      if (at >= word.size() && text.compare(at - word.size(), word.size(), word) == 0) {
        start = at - word.size();
        moved = true;
        break;
      }
    }
    if (moved) continue;
    for (const std::string_view word : kHedges) {
      if (start < word.size() || text.compare(start - word.size(), word.size(), word) != 0) continue;
      // 预约, 签约, 相约 and the like end in 约 without hedging.
      if (word == "约" && start >= 6) {
        const std::string_view before = text.substr(start - 6, 3);
        if (before == "预" || before == "签" || before == "相" || before == "邀" || before == "节") break;
      }
      start -= word.size();
      moved = true;
      break;
    }
  }
  return start;
}

}  // namespace

std::optional<int> take_duration(std::string& text) {
  for (std::size_t pos = 0; pos < text.size();) {
    auto match = read_without_number(text, pos);
    if (!match) match = read_with_number(text, pos);
    if (match) {
      if (match->minutes > 0 && match->minutes <= kMaxMinutes && !is_negated(text, pos)) {
        const std::size_t start = extend_back_over_hedges(text, pos);
        // "2小时左右" goes with its 左右.
        const std::size_t end = match->end + (starts_with_at(text, match->end, "左右") ? 6 : 0);
        erase_span(text, start, end - start);
        return static_cast<int>(match->minutes);
      }
      // No length at all ("0小时", "-2小时", "10000小时"): left in the text whole, so that no
      // part of it is read as anything else.
      pos = match->end;
      continue;
    }
    pos += decode_utf8(text, pos).length;
  }
  return std::nullopt;
}

namespace {

// Whether what follows a wait at `pos` says the task starts then: nothing more, a place, or a word of
// gathering ("半小时后 3号楼门口集合", "20分钟后出发"). "2小时后结束", "1小时后换岗", "2小时后截止报名",
// "两小时后雪会停" tell of something else (a review, 2026-12-06).
bool starts_then(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || text[pos] == ' ' || text[pos] == ',' || text[pos] == '.') return true;
  for (const std::string_view then :
       {"集合", "出发", "开始", "开工", "到", "在", "见", "碰头", "楼下", "门口"}) {
    if (starts_with_at(text, pos, then)) return true;
  }
  return false;
}

}  // namespace

std::optional<int> take_delay(std::string& text) {
  constexpr std::int64_t kLongestDelay = 12 * 60;  // later than that, people name the clock
  for (std::size_t pos = 0; pos < text.size();) {
    auto match = read_without_number(text, pos);
    if (!match) match = read_with_number(text, pos);
    if (!match) {
      pos += decode_utf8(text, pos).length;
      continue;
    }
    std::size_t end = match->end;
    for (const std::string_view after : {"以后", "之后", "后"}) {
      if (starts_with_at(text, end, after)) {
        end += after.size();
        break;
      }
    }
    if (end != match->end && starts_then(text, end) && match->minutes > 0 &&
        match->minutes <= kLongestDelay && !is_negated(text, pos)) {
      const std::size_t start = extend_back_over_hedges(text, pos);
      erase_span(text, start, end - start);
      return static_cast<int>(match->minutes);
    }
    pos = match->end;
  }
  return std::nullopt;
}

}  // namespace whistle::language
